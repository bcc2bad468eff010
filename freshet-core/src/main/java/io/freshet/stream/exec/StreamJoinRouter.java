package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.data.Vectors;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.state.KeyGroups;
import io.freshet.stream.exec.StreamJoinConditions.JoinStateBound;
import io.freshet.types.Schema;
import io.freshet.types.StructValue;
import java.util.ArrayList;
import java.util.List;

import static io.freshet.stream.exec.JoinStateRows.LEFT;
import static io.freshet.stream.exec.JoinStateRows.RIGHT;

/**
 * The shared first stage of a micro-batch of a stream-stream join: reads every partition of both inputs
 * in parallel, drops (and counts) late rows, encodes each row's join key, computes its expiry from the
 * side's state bounds, and sends it to the output partition that owns the key's group. Rows with a null
 * key match nothing; only an outer side keeps them (to emit them padded with nulls).
 */
final class StreamJoinRouter {
    /**
     * New rows of one side: their encoded join keys (null for a null key, which matches nothing), key
     * groups, and expiries (the row can leave the state once expiry <= watermark).
     */
    record SideRows(Batch rows, byte[][] keys, int[] keyGroups, long[] expiries) {}

    private final StreamStreamJoinExec node;
    private final ExecContext context;
    private final MicroBatchRun run;
    private final OperatorState state;
    private final OperatorCounters counters;

    StreamJoinRouter(StreamStreamJoinExec node, ExecContext context, MicroBatchRun run) {
        this.node = node;
        this.context = context;
        this.run = run;
        this.state = run.state(node.operatorId());
        this.counters = run.counters(node.operatorId());
    }

    /** Per side (left, right), per input partition, per output partition: the routed rows. */
    List<List<List<List<SideRows>>>> routeAll() {
        int leftParts = node.left().partitionCount();
        int rightParts = node.right().partitionCount();
        List<List<List<SideRows>>> all = context.parallel(
                node, leftParts + rightParts, i -> i < leftParts ? route(LEFT, i) : route(RIGHT, i - leftParts));
        return List.of(all.subList(0, leftParts), all.subList(leftParts, all.size()));
    }

    private List<List<SideRows>> route(byte side, int inputPartition) {
        StreamJoinConditions conditions = node.conditions();
        boolean isLeft = side == LEFT;
        PhysicalNode input = isLeft ? node.left() : node.right();
        List<Expr> keyExprs =
                isLeft ? conditions.keys().leftKeys() : conditions.keys().rightKeys();
        List<EventTime> times = isLeft ? conditions.leftEventTimes() : conditions.rightEventTimes();
        List<JoinStateBound> bounds = isLeft ? conditions.leftBounds() : conditions.rightBounds();
        boolean keepNullKeys =
                isLeft ? node.kind().keepsUnmatchedLeft() : node.kind().keepsUnmatchedRight();
        Evaluator[] evaluators = new Evaluator[keyExprs.size()];
        for (int k = 0; k < evaluators.length; k++) {
            evaluators[k] = Evaluator.compile(keyExprs.get(k));
        }
        RowCodec keyCodec = new RowCodec(keyExprs.stream().map(Expr::type).toList());
        int partitions = node.partitionCount();
        List<List<SideRows>> buckets = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            buckets.add(new ArrayList<>());
        }
        long dropped = 0;
        try (BatchStream stream = context.execute(input, inputPartition)) {
            for (Batch batch = stream.next(); batch != null; batch = stream.next()) {
                int rows = batch.rowCount();
                Vector[] keys = new Vector[evaluators.length];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = evaluators[k].evaluate(batch, context.evalContext());
                }
                int[][] positions = new int[partitions][rows];
                int[] counts = new int[partitions];
                byte[][] encoded = new byte[rows][];
                int[] groups = new int[rows];
                long[] expiries = new long[rows];
                for (int i = 0; i < rows; i++) {
                    if (isLate(batch, times, i)) {
                        dropped++;
                        continue;
                    }
                    int owner;
                    if (hasNull(keys, i)) {
                        if (!keepNullKeys) {
                            continue;
                        }
                        groups[i] = -1;
                        owner = inputPartition % partitions;
                    } else {
                        encoded[i] = keyCodec.encode(keys, i);
                        groups[i] = state.keyGroupOf(StatefulAggregateOperator.hash(encoded[i]));
                        owner = KeyGroups.partitionOf(groups[i], state.store.keyGroups(), partitions);
                        expiries[i] = expiry(batch, keys, bounds, i);
                    }
                    positions[owner][counts[owner]++] = i;
                }
                for (int p = 0; p < partitions; p++) {
                    if (counts[p] > 0) {
                        buckets.get(p).add(select(batch, encoded, groups, expiries, positions[p], counts[p]));
                    }
                }
            }
        }
        counters.rowsDroppedByWatermark.addAndGet(dropped);
        return buckets;
    }

    /** A row is late when one of its event times (a window's end) is at or below the watermark. */
    private boolean isLate(Batch batch, List<EventTime> times, int row) {
        if (!run.hasWatermark()) {
            return false;
        }
        for (int t = 0; t < times.size(); t++) {
            EventTime time = times.get(t);
            Vector column = batch.column(time.column());
            if (!column.isNull(row) && timeOf(column, time.window(), row) <= run.watermarkMicros) {
                return true;
            }
        }
        return false;
    }

    /**
     * The smallest watermark at which some bound shows the row can match no future row of the other
     * side; the lowest value when a bound's time is null (the row can match nothing), the highest when the
     * side has no bounds.
     */
    private static long expiry(Batch batch, Vector[] keys, List<JoinStateBound> bounds, int row) {
        long expiry = Long.MAX_VALUE;
        for (int b = 0; b < bounds.size(); b++) {
            JoinStateBound bound = bounds.get(b);
            Vector column = bound.fromKey() ? keys[bound.index()] : batch.column(bound.index());
            long time = column.isNull(row) ? Long.MIN_VALUE : timeOf(column, bound.window(), row);
            if (time == Long.MIN_VALUE) {
                return Long.MIN_VALUE;
            }
            expiry = Math.min(expiry, saturatedSubtract(time, bound.offsetMicros()));
        }
        return expiry;
    }

    private static long timeOf(Vector column, boolean window, int row) {
        if (!window) {
            return ((LongVector) column).getLong(row);
        }
        Object end = ((StructValue) column.get(row)).get(1);
        return end == null ? Long.MIN_VALUE : (Long) end;
    }

    private static long saturatedSubtract(long value, long offset) {
        long result = value - offset;
        if (((value ^ offset) & (value ^ result)) < 0) {
            return offset > 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return result;
    }

    private static boolean hasNull(Vector[] keys, int row) {
        for (Vector key : keys) {
            if (key.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private static SideRows select(
            Batch batch, byte[][] keys, int[] groups, long[] expiries, int[] positions, int count) {
        byte[][] partKeys = new byte[count][];
        int[] partGroups = new int[count];
        long[] partExpiries = new long[count];
        for (int i = 0; i < count; i++) {
            partKeys[i] = keys[positions[i]];
            partGroups[i] = groups[positions[i]];
            partExpiries[i] = expiries[positions[i]];
        }
        Batch rows = count == batch.rowCount() ? batch : batch.select(positions, count);
        return new SideRows(rows, partKeys, partGroups, partExpiries);
    }

    /** The new rows of one side for output {@code partition}, from every input partition, as one. */
    static SideRows gather(List<List<List<SideRows>>> byInputPartition, int partition, Schema schema) {
        List<SideRows> parts = new ArrayList<>();
        for (List<List<SideRows>> ofInput : byInputPartition) {
            parts.addAll(ofInput.get(partition));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int total = 0;
        for (SideRows part : parts) {
            total += part.rows().rowCount();
        }
        Vector[] columns = new Vector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            List<Vector> pieces = new ArrayList<>(parts.size());
            for (SideRows part : parts) {
                pieces.add(part.rows().column(c));
            }
            columns[c] = Vectors.concat(schema.type(c), pieces);
        }
        byte[][] keys = new byte[total][];
        int[] groups = new int[total];
        long[] expiries = new long[total];
        int at = 0;
        for (SideRows part : parts) {
            int count = part.rows().rowCount();
            System.arraycopy(part.keys(), 0, keys, at, count);
            System.arraycopy(part.keyGroups(), 0, groups, at, count);
            System.arraycopy(part.expiries(), 0, expiries, at, count);
            at += count;
        }
        return new SideRows(new Batch(columns, total), keys, groups, expiries);
    }
}
