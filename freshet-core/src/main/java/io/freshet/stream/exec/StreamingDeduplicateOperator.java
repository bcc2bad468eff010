package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.state.KeyGroupState;
import io.freshet.state.StateCursor;
import io.freshet.types.DataType;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one output partition of a {@link StreamingDeduplicateExec}. A shared stage reads every input
 * partition and routes each row, with its encoded key, to the partition that owns the key's group;
 * each partition then keeps the rows whose key is new and remembers them in state.
 *
 * <p>State: key → the row's event time (or, within the watermark, the time the key expires), 8 bytes.
 */
final class StreamingDeduplicateOperator implements BatchStream {
    private final StreamingDeduplicateExec node;
    private final int partition;
    private final ExecContext context;
    private final MicroBatchRun run;
    private final OperatorState state;
    private final OperatorCounters counters;
    private ArrayDeque<Batch> pending;

    StreamingDeduplicateOperator(StreamingDeduplicateExec node, int partition, ExecContext context, MicroBatchRun run) {
        this.node = node;
        this.partition = partition;
        this.context = context;
        this.run = run;
        this.state = run.state(node.operatorId());
        this.counters = run.counters(node.operatorId());
    }

    /** The rows of one input batch that go to one output partition, with their encoded keys. */
    private record Routed(Batch rows, byte[][] keys, int[] keyGroups) {}

    @Override
    public Batch next() {
        if (pending == null) {
            pending = new ArrayDeque<>();
            List<List<List<Routed>>> routed = context.stage(
                    node, "routed", () -> context.parallel(node, node.input().partitionCount(), this::route));
            for (List<List<Routed>> ofInput : routed) {
                for (Routed part : ofInput.get(partition)) {
                    Batch kept = deduplicate(part);
                    if (kept.rowCount() > 0) {
                        pending.add(kept);
                    }
                }
            }
            evict();
        }
        return pending.poll();
    }

    private List<List<Routed>> route(int inputPartition) {
        int partitions = node.partitionCount();
        List<List<Routed>> buckets = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            buckets.add(new ArrayList<>());
        }
        int[] keyColumns = node.keyColumns();
        List<DataType> types = new ArrayList<>();
        for (int column : keyColumns) {
            types.add(node.input().schema().type(column));
        }
        RowCodec codec = new RowCodec(types);
        try (BatchStream input = context.execute(node.input(), inputPartition)) {
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                int rows = batch.rowCount();
                Vector[] keys = new Vector[keyColumns.length];
                for (int c = 0; c < keys.length; c++) {
                    keys[c] = batch.column(keyColumns[c]);
                }
                int[][] positions = new int[partitions][rows];
                int[] counts = new int[partitions];
                byte[][] encoded = new byte[rows][];
                int[] groups = new int[rows];
                for (int i = 0; i < rows; i++) {
                    encoded[i] = codec.encode(keys, i);
                    groups[i] = state.keyGroupOf(StatefulAggregateOperator.hash(encoded[i]));
                    int owner = io.freshet.state.KeyGroups.partitionOf(groups[i], state.store.keyGroups(), partitions);
                    positions[owner][counts[owner]++] = i;
                }
                for (int p = 0; p < partitions; p++) {
                    int count = counts[p];
                    if (count == 0) {
                        continue;
                    }
                    byte[][] partKeys = new byte[count][];
                    int[] partGroups = new int[count];
                    for (int i = 0; i < count; i++) {
                        partKeys[i] = encoded[positions[p][i]];
                        partGroups[i] = groups[positions[p][i]];
                    }
                    Batch rowsOfPart = count == rows ? batch : batch.select(positions[p], count);
                    buckets.get(p).add(new Routed(rowsOfPart, partKeys, partGroups));
                }
            }
        }
        return buckets;
    }

    private Batch deduplicate(Routed part) {
        Batch rows = part.rows();
        int rowCount = rows.rowCount();
        LongVector times = node.eventTimeColumn() >= 0 ? (LongVector) rows.column(node.eventTimeColumn()) : null;
        boolean lateCheck = times != null && run.hasWatermark();
        int[] kept = new int[rowCount];
        int keptCount = 0;
        int[] late = new int[rowCount];
        int lateCount = 0;
        for (int i = 0; i < rowCount; i++) {
            long time = times == null || times.isNull(i) ? Long.MAX_VALUE : times.getLong(i);
            if (lateCheck && time <= run.watermarkMicros) {
                late[lateCount++] = i;
                continue;
            }
            KeyGroupState group = state.store.group(part.keyGroups()[i]);
            byte[] key = part.keys()[i];
            if (group.get(key) != null) {
                continue;
            }
            long expires = node.withinWatermark() && time != Long.MAX_VALUE ? time + node.delayMicros() : time;
            group.put(key, ByteBuffer.allocate(8).putLong(expires).array());
            if (times != null) {
                state.wrote(part.keyGroups()[i], expires);
            }
            counters.rowsUpdated.incrementAndGet();
            kept[keptCount++] = i;
        }
        if (lateCount > 0) {
            counters.rowsDroppedByWatermark.addAndGet(lateCount);
            if (run.collectsLateRows()) {
                run.addLateRows(rows.select(late, lateCount));
            }
        }
        return keptCount == rowCount ? rows : rows.select(kept, keptCount);
    }

    /** Forgets the keys the watermark has passed (their event time, or expiry, at or below it). */
    private void evict() {
        if (node.eventTimeColumn() < 0 || !run.hasWatermark()) {
            return;
        }
        long watermark = run.watermarkMicros;
        for (int keyGroup = 0; keyGroup < state.store.keyGroups(); keyGroup++) {
            if (!state.owns(keyGroup, partition, node.partitionCount()) || !state.mayHoldUpTo(keyGroup, watermark)) {
                continue;
            }
            long smallest = Long.MAX_VALUE;
            StateCursor cursor = state.store.group(keyGroup).cursor();
            while (cursor.next()) {
                long time = ByteBuffer.wrap(cursor.value()).getLong();
                if (time <= watermark) {
                    cursor.remove();
                    counters.rowsRemoved.incrementAndGet();
                } else {
                    smallest = Math.min(smallest, time);
                }
            }
            state.scanned(keyGroup, smallest);
        }
    }
}
