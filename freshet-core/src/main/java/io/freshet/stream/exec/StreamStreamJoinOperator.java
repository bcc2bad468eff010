package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.data.Vectors;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.plan.physical.JoinKind;
import io.freshet.state.KeyGroupState;
import io.freshet.state.StateCursor;
import io.freshet.stream.exec.StreamJoinRouter.SideRows;
import io.freshet.types.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.freshet.stream.exec.JoinStateRows.LEFT;
import static io.freshet.stream.exec.JoinStateRows.RIGHT;

/**
 * Runs one output partition of a {@link StreamStreamJoinExec}. A shared stage ({@link StreamJoinRouter})
 * reads every partition of both inputs, drops the late rows, and routes each row, with its encoded join
 * key and the event time after which it can leave the state (its expiry), to the partition that owns the
 * key's group. Each partition then joins its new left rows with the right state and the new right rows,
 * and its new right rows with the left state; adds the new rows to the state (see {@link JoinStateRows});
 * and finally removes the rows whose expiry the watermark has reached, emitting those of an outer side
 * that never matched, padded with nulls.
 */
final class StreamStreamJoinOperator implements BatchStream {
    private final StreamStreamJoinExec node;
    private final int partition;
    private final ExecContext context;
    private final MicroBatchRun run;
    private final OperatorState state;
    private final OperatorCounters counters;
    private final JoinKind kind;
    private ArrayDeque<Batch> pending;

    StreamStreamJoinOperator(StreamStreamJoinExec node, int partition, ExecContext context, MicroBatchRun run) {
        this.node = node;
        this.partition = partition;
        this.context = context;
        this.run = run;
        this.state = run.state(node.operatorId());
        this.counters = run.counters(node.operatorId());
        this.kind = node.kind();
    }

    @Override
    public Batch next() {
        if (pending == null) {
            pending = new ArrayDeque<>();
            List<List<List<List<SideRows>>>> routed =
                    context.stage(node, "routed", () -> new StreamJoinRouter(node, context, run).routeAll());
            Schema leftSchema = node.left().schema();
            Schema rightSchema = node.right().schema();
            JoinSide left =
                    new JoinSide(LEFT, StreamJoinRouter.gather(routed.get(0), partition, leftSchema), leftSchema);
            JoinSide right =
                    new JoinSide(RIGHT, StreamJoinRouter.gather(routed.get(1), partition, rightSchema), rightSchema);
            join(left, right);
            evict();
            for (Batch batch : pending) {
                counters.rowsOutput.addAndGet(batch.rowCount());
            }
        }
        return pending.poll();
    }

    // ---- joining the new rows ------------------------------------------------------------------------

    private void join(JoinSide left, JoinSide right) {
        JoinKeyIndex keys = new JoinKeyIndex(left.freshCount() + right.freshCount());
        left.index(keys);
        right.index(keys);
        int keyCount = keys.size();
        left.orderByKey(keyCount);
        right.orderByKey(keyCount);
        for (int id = 0; id < keyCount; id++) {
            KeyGroupState group = state.store.group(keys.keyGroup(id));
            left.stored[id] = JoinStateRows.read(group, LEFT, keys.key(id));
            right.stored[id] = JoinStateRows.read(group, RIGHT, keys.key(id));
            if (right.hasFresh(id) && !left.stored[id].isEmpty()) {
                left.decode(id);
            }
            if (left.hasFresh(id) && !right.stored[id].isEmpty()) {
                right.decode(id);
            }
        }
        List<Batch> output = new ArrayList<>();
        Expr residual = node.conditions().keys().residual();
        JoinPairs pairs = new JoinPairs(
                left.rows(),
                right.rows(),
                residual == null ? null : Evaluator.compile(residual),
                context.evalContext(),
                kind == JoinKind.LEFT_SEMI,
                context.batchSize(),
                output);
        for (int id = 0; id < keyCount; id++) {
            pair(id, left, right, pairs);
        }
        pairs.flush();
        pending.addAll(output);
        long watermark = run.watermarkMicros;
        for (int id = 0; id < keyCount; id++) {
            KeyGroupState group = state.store.group(keys.keyGroup(id));
            store(left, id, keys, group, pairs, watermark);
            store(right, id, keys, group, pairs, watermark);
        }
        collectNullKeys(left);
        collectNullKeys(right);
        emitUnmatched(left, true);
        emitUnmatched(right, false);
    }

    /** Adds the candidate pairs of one join key: new left × (right state + new right), left state × new right. */
    private static void pair(int id, JoinSide left, JoinSide right, JoinPairs pairs) {
        int rightStored = right.decodedAt[id] < 0 ? 0 : right.stored[id].size();
        for (int p = left.starts[id]; p < left.starts[id + 1]; p++) {
            int leftRow = left.order[p];
            for (int s = 0; s < rightStored; s++) {
                pairs.add(leftRow, right.decodedAt[id] + s);
            }
            for (int q = right.starts[id]; q < right.starts[id + 1]; q++) {
                pairs.add(leftRow, right.order[q]);
            }
        }
        int leftStored = left.decodedAt[id] < 0 ? 0 : left.stored[id].size();
        for (int s = 0; s < leftStored; s++) {
            for (int q = right.starts[id]; q < right.starts[id + 1]; q++) {
                pairs.add(left.decodedAt[id] + s, right.order[q]);
            }
        }
    }

    /**
     * Writes one side's rows of a join key back: state rows that matched now get their flag (or, in a
     * semi join, leave: they were emitted), and new rows join them unless they can match nothing more.
     */
    private void store(JoinSide side, int id, JoinKeyIndex keys, KeyGroupState group, JoinPairs pairs, long watermark) {
        boolean leftSide = side.tag == LEFT;
        boolean semiLeft = leftSide && kind == JoinKind.LEFT_SEMI;
        boolean preserved = preserved(side.tag);
        List<byte[]> before = side.stored[id];
        List<byte[]> after = new ArrayList<>(before.size() + side.starts[id + 1] - side.starts[id]);
        for (int s = 0; s < before.size(); s++) {
            byte[] value = before.get(s);
            boolean matchedNow = side.decodedAt[id] >= 0 && matched(pairs, leftSide, side.decodedAt[id] + s);
            if (matchedNow && semiLeft) {
                counters.rowsRemoved.incrementAndGet();
                continue;
            }
            if (matchedNow && preserved && !JoinStateRows.matched(value)) {
                value = JoinStateRows.withMatched(value);
            }
            after.add(value);
        }
        Vector[] columns = side.fresh.rows().columns();
        for (int p = side.starts[id]; p < side.starts[id + 1]; p++) {
            int row = side.order[p];
            boolean matched = matched(pairs, leftSide, row);
            if (matched && semiLeft) {
                continue;
            }
            long expiry = side.fresh.expiries()[row];
            if (expiry <= watermark) {
                // It met every row it can ever match in this batch.
                if (preserved && !matched) {
                    side.addUnmatched(row);
                }
                continue;
            }
            after.add(JoinStateRows.value(expiry, matched, side.codec.encode(columns, row)));
            state.wrote(keys.keyGroup(id), expiry);
            counters.rowsUpdated.incrementAndGet();
        }
        JoinStateRows.write(group, side.tag, keys.key(id), before, after);
    }

    private static boolean matched(JoinPairs pairs, boolean leftSide, int row) {
        return leftSide ? pairs.leftMatched(row) : pairs.rightMatched(row);
    }

    /** New rows with a null join key match nothing: an outer side emits them at once. */
    private void collectNullKeys(JoinSide side) {
        for (int i = 0; i < side.keyIds.length; i++) {
            if (side.keyIds[i] < 0) {
                side.addUnmatched(i);
            }
        }
    }

    private void emitUnmatched(JoinSide side, boolean leftSide) {
        if (side.unmatchedCount > 0) {
            pending.add(padded(side.fresh.rows().select(side.unmatched, side.unmatchedCount), leftSide));
        }
    }

    // ---- eviction ------------------------------------------------------------------------------------

    /**
     * Removes from the owned key groups the rows whose expiry the watermark has reached; an outer side's
     * rows that never matched are emitted, padded with nulls.
     */
    private void evict() {
        StreamJoinConditions conditions = node.conditions();
        if (!run.hasWatermark()
                || (conditions.leftBounds().isEmpty()
                        && conditions.rightBounds().isEmpty())) {
            return;
        }
        long watermark = run.watermarkMicros;
        VectorBuilder[] leftOut = JoinSide.builders(node.left().schema());
        VectorBuilder[] rightOut = JoinSide.builders(node.right().schema());
        RowCodec leftCodec = new RowCodec(JoinSide.typesOf(node.left().schema()));
        RowCodec rightCodec = new RowCodec(JoinSide.typesOf(node.right().schema()));
        for (int keyGroup = 0; keyGroup < state.store.keyGroups(); keyGroup++) {
            if (!state.owns(keyGroup, partition, node.partitionCount()) || !state.mayHoldUpTo(keyGroup, watermark)) {
                continue;
            }
            KeyGroupState group = state.store.group(keyGroup);
            JoinKeyIndex expired = new JoinKeyIndex(16);
            long smallest = Long.MAX_VALUE;
            StateCursor cursor = group.cursor();
            while (cursor.next()) {
                long expiry = JoinStateRows.expiry(cursor.value());
                if (expiry <= watermark) {
                    expired.idOf(JoinStateRows.prefix(cursor.key()), keyGroup);
                } else {
                    smallest = Math.min(smallest, expiry);
                }
            }
            for (int id = 0; id < expired.size(); id++) {
                byte[] prefix = expired.key(id);
                byte side = prefix[0];
                byte[] joinKey = Arrays.copyOfRange(prefix, 1, prefix.length);
                List<byte[]> before = JoinStateRows.read(group, side, joinKey);
                List<byte[]> after = new ArrayList<>(before.size());
                for (byte[] value : before) {
                    if (JoinStateRows.expiry(value) > watermark) {
                        after.add(value);
                        continue;
                    }
                    counters.rowsRemoved.incrementAndGet();
                    if (preserved(side) && !JoinStateRows.matched(value)) {
                        (side == LEFT ? leftCodec : rightCodec)
                                .decode(JoinStateRows.row(value), side == LEFT ? leftOut : rightOut);
                    }
                }
                JoinStateRows.write(group, side, joinKey, before, after);
            }
            state.scanned(keyGroup, smallest);
        }
        emitEvicted(leftOut, true);
        emitEvicted(rightOut, false);
    }

    private void emitEvicted(VectorBuilder[] builders, boolean leftSide) {
        int count = builders.length == 0 ? 0 : builders[0].size();
        if (count == 0) {
            return;
        }
        Vector[] columns = new Vector[builders.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = builders[c].build();
        }
        pending.add(padded(new Batch(columns, count), leftSide));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Whether a side's rows without a match are emitted, padded with nulls. */
    private boolean preserved(byte side) {
        return side == LEFT ? kind.keepsUnmatchedLeft() : kind.keepsUnmatchedRight();
    }

    /** One side's rows with the other side's columns null. */
    private Batch padded(Batch rows, boolean leftSide) {
        int count = rows.rowCount();
        Schema other = leftSide ? node.right().schema() : node.left().schema();
        Vector[] nulls = new Vector[other.size()];
        for (int c = 0; c < nulls.length; c++) {
            nulls[c] = Vectors.constant(other.type(c), null, count);
        }
        Batch padding = new Batch(nulls, count);
        return leftSide ? rows.concatColumns(padding) : padding.concatColumns(rows);
    }
}
