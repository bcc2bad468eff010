package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.Vector;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.MemoryReservation;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.plan.physical.SessionWindowExec;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one partition of a {@link SessionWindowExec}: reads all its rows, drops those without a time or
 * with a null or non-positive gap, finds the sessions of each group of partition keys, and appends each
 * row's session as a struct column.
 */
final class SessionWindowOperator implements BatchStream {
    private final SessionWindowExec node;
    private final int partition;
    private final ExecContext context;
    private final MemoryReservation memory;
    private Batch result;
    private int emitted;

    SessionWindowOperator(SessionWindowExec node, int partition, ExecContext context) {
        this.node = node;
        this.partition = partition;
        this.context = context;
        this.memory = context.memory()
                .newReservation("session window", "group by more keys so that each group holds fewer rows");
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
        List<Batch> batches = new ArrayList<>();
        try (BatchStream input = context.execute(node.input(), partition)) {
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                batches.add(batch);
                memory.grow(BatchSizes.bytes(batch));
            }
        }
        Batch rows = Concat.batches(batches, node.input().schema());
        batches.clear();
        int rowCount = rows.rowCount();
        if (rowCount == 0) {
            return Batch.empty(0);
        }
        LongVector times = (LongVector) Evaluator.compile(node.time()).evaluate(rows, context.evalContext());
        LongVector gaps = (LongVector) Evaluator.compile(node.gap()).evaluate(rows, context.evalContext());
        // Spark drops rows without a time, and rows whose session would be empty (gap null or not positive).
        int[] kept = new int[rowCount];
        long[] starts = new long[rowCount];
        long[] ends = new long[rowCount];
        int count = 0;
        for (int row = 0; row < rowCount; row++) {
            if (times.isNull(row) || gaps.isNull(row) || gaps.getLong(row) <= 0) {
                continue;
            }
            kept[count] = row;
            starts[count] = times.getLong(row);
            ends[count] = SessionAssigner.end(starts[count], gaps.getLong(row));
            count++;
        }
        if (count < rowCount) {
            rows = rows.select(kept, count);
        }
        if (count == 0) {
            return Batch.empty(0);
        }
        int[] groups = groupIds(rows, count);
        SessionAssigner.Sessions sessions = SessionAssigner.assign(groups, starts, ends, count);
        StructType type = (StructType) node.schema().type(node.schema().size() - 1);
        StructValue[] values = new StructValue[sessions.count()];
        for (int s = 0; s < values.length; s++) {
            values[s] = new StructValue(new Object[] {sessions.starts()[s], sessions.ends()[s]});
        }
        Object[] column = new Object[count];
        for (int row = 0; row < count; row++) {
            column[row] = values[sessions.sessionOf()[row]];
        }
        return rows.concatColumns(new Batch(new Vector[] {new ObjectVector(type, column, count)}, count));
    }

    private int[] groupIds(Batch rows, int count) {
        List<Expr> keys = node.partitionKeys();
        Vector[] keyVectors = new Vector[keys.size()];
        List<io.freshet.types.DataType> types = new ArrayList<>(keys.size());
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = Evaluator.compile(keys.get(k)).evaluate(rows, context.evalContext());
            types.add(keys.get(k).type());
        }
        int[] groups = new int[count];
        new GroupByHash(types).assign(keyVectors, count, groups);
        return groups;
    }

    @Override
    public void close() {
        memory.close();
    }
}
