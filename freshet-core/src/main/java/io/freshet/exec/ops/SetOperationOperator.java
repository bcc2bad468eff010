package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.MemoryReservation;
import io.freshet.plan.physical.SetOperationExec;
import io.freshet.types.Schema;
import java.util.Arrays;

/**
 * {@code INTERSECT [ALL]} or {@code EXCEPT [ALL]} of one partition of both inputs: counts each distinct
 * left row (nulls equal), counts how often the right side has it, and emits the left rows in order of
 * first appearance, as many times as the operation says.
 */
final class SetOperationOperator implements BatchStream {
    private final SetOperationExec node;
    private final int partition;
    private final ExecContext context;
    private final MemoryReservation memory;
    private Batch result;
    private int emitted;

    SetOperationOperator(SetOperationExec node, int partition, ExecContext context) {
        this.node = node;
        this.partition = partition;
        this.context = context;
        this.memory = context.memory()
                .newReservation(
                        node.kind() == SetOperationExec.Kind.INTERSECT ? "intersect" : "except",
                        "reduce the number of distinct rows");
    }

    @Override
    public Batch next() {
        if (result == null) {
            result = compute();
        }
        if (emitted >= result.rowCount()) {
            close();
            return null;
        }
        int count = Math.min(context.batchSize(), result.rowCount() - emitted);
        Batch chunk = result.slice(emitted, count);
        emitted += count;
        return chunk;
    }

    private Batch compute() {
        Schema schema = node.schema();
        GroupTable table =
                new GroupTable(schema.fields().stream().map(f -> f.type()).toList());
        long[] leftCounts = new long[64];
        long[] rightCounts = new long[64];
        long[] hashes = new long[0];
        int[] groups = new int[0];
        try (BatchStream left = context.execute(node.left(), partition)) {
            for (Batch batch = left.next(); batch != null; batch = left.next()) {
                int rowCount = batch.rowCount();
                if (hashes.length < rowCount) {
                    hashes = new long[rowCount];
                    groups = new int[rowCount];
                }
                Vector[] keys = batch.columns();
                KeyHashing.hashRows(keys, rowCount, hashes);
                table.findOrInsert(keys, rowCount, hashes, groups);
                if (table.groupCount() > leftCounts.length) {
                    leftCounts = Arrays.copyOf(leftCounts, Math.max(table.groupCount(), leftCounts.length * 2));
                }
                for (int i = 0; i < rowCount; i++) {
                    leftCounts[groups[i]]++;
                }
                memory.resize(table.estimatedBytes() + leftCounts.length * 16L);
            }
        }
        rightCounts = Arrays.copyOf(rightCounts, Math.max(leftCounts.length, table.groupCount()));
        try (BatchStream right = context.execute(node.right(), partition)) {
            for (Batch batch = right.next(); batch != null; batch = right.next()) {
                int rowCount = batch.rowCount();
                if (hashes.length < rowCount) {
                    hashes = new long[rowCount];
                    groups = new int[rowCount];
                }
                Vector[] keys = batch.columns();
                KeyHashing.hashRows(keys, rowCount, hashes);
                table.find(keys, rowCount, hashes, groups);
                for (int i = 0; i < rowCount; i++) {
                    if (groups[i] >= 0) {
                        rightCounts[groups[i]]++;
                    }
                }
            }
        }
        return emit(table, leftCounts, rightCounts);
    }

    private Batch emit(GroupTable table, long[] leftCounts, long[] rightCounts) {
        int groupCount = table.groupCount();
        long total = 0;
        long[] copies = new long[groupCount];
        for (int g = 0; g < groupCount; g++) {
            copies[g] = copies(leftCounts[g], rightCounts[g]);
            total += copies[g];
        }
        int[] positions = new int[Math.toIntExact(total)];
        int at = 0;
        for (int g = 0; g < groupCount; g++) {
            for (long c = 0; c < copies[g]; c++) {
                positions[at++] = g;
            }
        }
        Vector[] keys = table.keys();
        Batch distinct = new Batch(keys, groupCount);
        return distinct.select(positions, at);
    }

    private long copies(long left, long right) {
        return switch (node.kind()) {
            case INTERSECT -> node.all() ? Math.min(left, right) : (left > 0 && right > 0 ? 1 : 0);
            case EXCEPT -> node.all() ? Math.max(left - right, 0) : (left > 0 && right == 0 ? 1 : 0);
        };
    }

    @Override
    public void close() {
        memory.close();
    }
}
