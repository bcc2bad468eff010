package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.BooleanVector;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.ops.GroupByHash;
import io.freshet.exec.ops.SessionAssigner;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.aggregate.GroupedAccumulator;
import io.freshet.plan.physical.AggregateExpr;
import io.freshet.state.KeyGroupState;
import io.freshet.state.StateCursor;
import io.freshet.streaming.OutputMode;
import io.freshet.types.DataType;
import io.freshet.types.TimestampType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one output partition of a {@link StreamingSessionAggregateExec}. A shared stage aggregates every
 * input partition of the micro-batch by (keys, row session {@code [time, time + gap]}); each output
 * partition then takes those partial sessions of the keys it owns, drops the late ones (session end at
 * or before the watermark, SEMANTICS.md rule 7), merges them with the keys' open sessions from state —
 * overlapping or touching sessions become one, their accumulators merged — writes the keys' sessions
 * back, and emits what the output mode asks for.
 *
 * <p>State layout: a key's entry is {@code [0] key} → its open sessions ({@link StoredSessions}).
 */
final class StreamingSessionAggregateOperator implements BatchStream {
    private final StreamingSessionAggregateExec node;
    private final int partition;
    private final ExecContext context;
    private final MicroBatchRun run;
    private final OperatorState state;
    private final OperatorCounters counters;
    private final List<DataType> keyTypes;
    private final RowCodec keyCodec;
    private final AggregateFunction[] functions;
    private boolean done;

    StreamingSessionAggregateOperator(
            StreamingSessionAggregateExec node, int partition, ExecContext context, MicroBatchRun run) {
        this.node = node;
        this.partition = partition;
        this.context = context;
        this.run = run;
        this.state = run.state(node.operatorId());
        this.counters = run.counters(node.operatorId());
        this.keyTypes = node.keys().stream().map(Expr::type).toList();
        this.keyCodec = new RowCodec(keyTypes);
        this.functions = node.aggregates().stream().map(AggregateExpr::function).toArray(AggregateFunction[]::new);
    }

    @Override
    public Batch next() {
        if (done) {
            return null;
        }
        done = true;
        List<Partial> partials = context.stage(
                node, "partials", () -> context.parallel(node, node.input().partitionCount(), this::aggregate));
        merge(partials);
        SessionRows output = new SessionRows(keyTypes, node.sessionKey(), functions);
        switch (run.mode) {
            case APPEND -> evict(output);
            case COMPLETE -> scanAll(output);
            case UPDATE -> throw new IllegalStateException("update mode is refused for session windows at start");
        }
        return output.isEmpty() ? null : output.build();
    }

    // ---- phase 1: aggregate one input partition by (keys, row session) ---------------------------------

    /** The partial sessions of one input partition: key columns, then start and end, and accumulators. */
    private record Partial(Vector[] keys, int groupCount, GroupedAccumulator[] accumulators) {}

    private Partial aggregate(int inputPartition) {
        int keyCount = keyTypes.size();
        List<DataType> groupTypes = new ArrayList<>(keyTypes);
        groupTypes.add(TimestampType.TIMESTAMP);
        groupTypes.add(TimestampType.TIMESTAMP);
        GroupByHash groups = new GroupByHash(groupTypes);
        Evaluator[] keyEvaluators = compile(node.keys());
        Evaluator time = Evaluator.compile(node.time());
        Evaluator gap = Evaluator.compile(node.gap());
        List<AggregateExpr> aggregates = node.aggregates();
        GroupedAccumulator[] accumulators = newAccumulators();
        Evaluator[][] argEvaluators = new Evaluator[aggregates.size()][];
        Evaluator[] filterEvaluators = new Evaluator[aggregates.size()];
        for (int k = 0; k < aggregates.size(); k++) {
            argEvaluators[k] = compile(aggregates.get(k).args());
            filterEvaluators[k] = aggregates.get(k).filter() == null
                    ? null
                    : Evaluator.compile(aggregates.get(k).filter());
        }
        try (BatchStream input = context.execute(node.input(), inputPartition)) {
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                RowSessions sessions = rowSessions(batch, time, gap);
                if (sessions == null) {
                    continue;
                }
                Batch selected = sessions.rows();
                int count = selected.rowCount();
                Vector[] groupKeys = Arrays.copyOf(evaluate(keyEvaluators, selected), keyCount + 2);
                groupKeys[keyCount] = new LongVector(TimestampType.TIMESTAMP, sessions.starts(), null, count);
                groupKeys[keyCount + 1] = new LongVector(TimestampType.TIMESTAMP, sessions.ends(), null, count);
                int[] ids = new int[count];
                groups.assign(groupKeys, count, ids);
                for (int k = 0; k < accumulators.length; k++) {
                    addRows(accumulators[k], argEvaluators[k], filterEvaluators[k], selected, ids, groups.groupCount());
                }
            }
        }
        SessionAccumulators.ensureCapacity(accumulators, groups.groupCount());
        return new Partial(groups.keys(), groups.groupCount(), accumulators);
    }

    /** The rows of a batch that have a session, with their own session's start and end; null if none. */
    private record RowSessions(Batch rows, long[] starts, long[] ends) {}

    private RowSessions rowSessions(Batch batch, Evaluator time, Evaluator gap) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return null;
        }
        LongVector times = (LongVector) time.evaluate(batch, context.evalContext());
        LongVector gaps = (LongVector) gap.evaluate(batch, context.evalContext());
        int[] kept = new int[rows];
        long[] starts = new long[rows];
        long[] ends = new long[rows];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            // As in batch: no time, or a null or non-positive gap, means no session.
            if (times.isNull(row) || gaps.isNull(row) || gaps.getLong(row) <= 0) {
                continue;
            }
            kept[count] = row;
            starts[count] = times.getLong(row);
            ends[count] = SessionAssigner.end(starts[count], gaps.getLong(row));
            count++;
        }
        if (count == 0) {
            return null;
        }
        return new RowSessions(count < rows ? batch.select(kept, count) : batch, starts, ends);
    }

    private void addRows(
            GroupedAccumulator accumulator,
            Evaluator[] argEvaluators,
            Evaluator filter,
            Batch rows,
            int[] groupIds,
            int groupCount) {
        Batch selected = rows;
        int[] ids = groupIds;
        int count = rows.rowCount();
        if (filter != null) {
            BooleanVector flags = (BooleanVector) filter.evaluate(rows, context.evalContext());
            int[] positions = new int[count];
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (!flags.isNull(i) && flags.getBoolean(i)) {
                    positions[kept++] = i;
                }
            }
            selected = rows.select(positions, kept);
            ids = new int[kept];
            for (int i = 0; i < kept; i++) {
                ids[i] = groupIds[positions[i]];
            }
            count = kept;
        }
        accumulator.ensureCapacity(groupCount);
        if (count > 0) {
            accumulator.add(ids, evaluate(argEvaluators, selected), count);
        }
    }

    // ---- phase 2: merge the owned partial sessions with the open sessions in state ---------------------

    private void merge(List<Partial> partials) {
        GroupByHash keyIds = new GroupByHash(keyTypes);
        Pieces pieces = new Pieces();
        int[][] pieceOfGroup = new int[partials.size()][];
        for (int p = 0; p < partials.size(); p++) {
            context.checkActive();
            pieceOfGroup[p] = addOwnedPieces(partials.get(p), keyIds, pieces);
        }
        int batchPieces = pieces.size;
        if (batchPieces == 0) {
            return;
        }
        Touched touched = loadOpenSessions(keyIds, pieces);
        SessionAssigner.Sessions sessions =
                SessionAssigner.assign(pieces.keys, pieces.starts, pieces.ends, pieces.size);
        // Merged group s + 1 holds session s (group 0 is a sink for partial groups this partition does not own).
        GroupedAccumulator[] merged = newAccumulators();
        SessionAccumulators.ensureCapacity(merged, sessions.count() + 1);
        int[] storedMapping = new int[touched.storedCount()];
        for (int i = 0; i < storedMapping.length; i++) {
            storedMapping[i] = sessions.sessionOf()[batchPieces + i] + 1;
        }
        SessionAccumulators.merge(merged, touched.stored(), storedMapping);
        for (int p = 0; p < partials.size(); p++) {
            int[] mapping = new int[partials.get(p).groupCount()];
            for (int g = 0; g < mapping.length; g++) {
                int piece = pieceOfGroup[p][g];
                mapping[g] = piece < 0 ? 0 : sessions.sessionOf()[piece] + 1;
            }
            SessionAccumulators.merge(merged, partials.get(p).accumulators(), mapping);
        }
        writeBack(sessions, merged, touched);
        counters.rowsUpdated.addAndGet(changedSessions(sessions, batchPieces));
    }

    /**
     * Adds the partial sessions of the keys this partition owns, except late ones, as pieces; returns per
     * partial group its piece, or -1.
     */
    private int[] addOwnedPieces(Partial partial, GroupByHash keyIds, Pieces pieces) {
        int keyCount = keyTypes.size();
        Vector[] keys = Arrays.copyOf(partial.keys(), keyCount);
        LongVector starts = (LongVector) partial.keys()[keyCount];
        LongVector ends = (LongVector) partial.keys()[keyCount + 1];
        int[] owned = new int[partial.groupCount()];
        int ownedCount = 0;
        for (int g = 0; g < partial.groupCount(); g++) {
            int keyGroup = state.keyGroupOf(StatefulAggregateOperator.hash(keyCodec.encode(keys, g)));
            if (!state.owns(keyGroup, partition, node.partitionCount())) {
                continue;
            }
            if (isLate(ends.getLong(g))) {
                counters.rowsDroppedByWatermark.incrementAndGet();
                continue;
            }
            owned[ownedCount++] = g;
        }
        int[] pieceOfGroup = new int[partial.groupCount()];
        Arrays.fill(pieceOfGroup, -1);
        if (ownedCount > 0) {
            int[] ids = new int[ownedCount];
            keyIds.assign(StatefulAggregateOperator.selectAll(keys, owned, ownedCount), ownedCount, ids);
            for (int i = 0; i < ownedCount; i++) {
                int g = owned[i];
                pieceOfGroup[g] = pieces.add(ids[i], starts.getLong(g), ends.getLong(g));
            }
        }
        return pieceOfGroup;
    }

    /** The sessions that hold a piece of this batch (the first {@code batchPieces} pieces). */
    private static int changedSessions(SessionAssigner.Sessions sessions, int batchPieces) {
        boolean[] changed = new boolean[sessions.count()];
        int count = 0;
        for (int i = 0; i < batchPieces; i++) {
            int session = sessions.sessionOf()[i];
            count += changed[session] ? 0 : 1;
            changed[session] = true;
        }
        return count;
    }

    /** A partial session is late when it ends at or before the batch's watermark (not in complete mode). */
    private boolean isLate(long end) {
        return run.mode != OutputMode.COMPLETE && node.eventTime() && run.hasWatermark() && end <= run.watermarkMicros;
    }

    /** The state entries of the keys this batch touches, and their open sessions loaded as more pieces. */
    private record Touched(byte[][] entryKeys, int[] keyGroups, GroupedAccumulator[] stored, int storedCount) {}

    private Touched loadOpenSessions(GroupByHash keyIds, Pieces pieces) {
        int keyTotal = keyIds.groupCount();
        Vector[] keys = keyIds.keys();
        byte[][] entryKeys = new byte[keyTotal][];
        int[] keyGroups = new int[keyTotal];
        GroupedAccumulator[] stored = newAccumulators();
        int storedCount = 0;
        for (int k = 0; k < keyTotal; k++) {
            byte[] key = keyCodec.encode(keys, k);
            keyGroups[k] = state.keyGroupOf(StatefulAggregateOperator.hash(key));
            entryKeys[k] = StatefulAggregateOperator.prefixed((byte) 0, key);
            byte[] value = state.store.group(keyGroups[k]).get(entryKeys[k]);
            if (value == null) {
                continue;
            }
            for (StoredSessions.Session session : StoredSessions.decode(value)) {
                SessionAccumulators.ensureCapacity(stored, storedCount + 1);
                SessionAccumulators.readStates(stored, storedCount++, session.states());
                pieces.add(k, session.start(), session.end());
            }
        }
        return new Touched(entryKeys, keyGroups, stored, storedCount);
    }

    /** Replaces each touched key's sessions; a key's sessions have consecutive ids, in start order. */
    private void writeBack(SessionAssigner.Sessions sessions, GroupedAccumulator[] merged, Touched touched) {
        int s = 0;
        while (s < sessions.count()) {
            int key = sessions.groups()[s];
            List<StoredSessions.Session> list = new ArrayList<>();
            long smallestEnd = Long.MAX_VALUE;
            for (; s < sessions.count() && sessions.groups()[s] == key; s++) {
                list.add(new StoredSessions.Session(
                        sessions.starts()[s], sessions.ends()[s], SessionAccumulators.writeStates(merged, s + 1)));
                smallestEnd = Math.min(smallestEnd, sessions.ends()[s]);
            }
            state.store.group(touched.keyGroups()[key]).put(touched.entryKeys()[key], StoredSessions.encode(list));
            if (node.eventTime()) {
                state.wrote(touched.keyGroups()[key], smallestEnd);
            }
        }
    }

    // ---- output ----------------------------------------------------------------------------------------

    /** Append mode: emits and removes the sessions of the owned keys that the watermark has closed. */
    private void evict(SessionRows output) {
        if (!node.eventTime() || !run.hasWatermark()) {
            return;
        }
        long watermark = run.watermarkMicros;
        for (int keyGroup = 0; keyGroup < state.store.keyGroups(); keyGroup++) {
            if (!state.owns(keyGroup, partition, node.partitionCount()) || !state.mayHoldUpTo(keyGroup, watermark)) {
                continue;
            }
            KeyGroupState group = state.store.group(keyGroup);
            List<byte[]> rewrittenKeys = new ArrayList<>();
            List<byte[]> rewrittenValues = new ArrayList<>();
            long smallest = Long.MAX_VALUE;
            StateCursor cursor = group.cursor();
            while (cursor.next()) {
                byte[] entry = cursor.key();
                List<StoredSessions.Session> sessions = StoredSessions.decode(cursor.value());
                List<StoredSessions.Session> open = new ArrayList<>(sessions.size());
                Object[] key = null;
                for (StoredSessions.Session session : sessions) {
                    if (session.end() > watermark) {
                        open.add(session);
                        smallest = Math.min(smallest, session.end());
                        continue;
                    }
                    key = key == null ? keyCodec.decode(Arrays.copyOfRange(entry, 1, entry.length)) : key;
                    output.add(key, session);
                    counters.rowsRemoved.incrementAndGet();
                }
                if (open.isEmpty()) {
                    cursor.remove();
                } else if (open.size() < sessions.size()) {
                    rewrittenKeys.add(entry.clone());
                    rewrittenValues.add(StoredSessions.encode(open));
                }
            }
            for (int i = 0; i < rewrittenKeys.size(); i++) {
                group.put(rewrittenKeys.get(i), rewrittenValues.get(i));
            }
            state.scanned(keyGroup, smallest);
        }
    }

    /** Complete mode: every open session of the owned keys. */
    private void scanAll(SessionRows output) {
        for (int keyGroup = 0; keyGroup < state.store.keyGroups(); keyGroup++) {
            if (!state.owns(keyGroup, partition, node.partitionCount())) {
                continue;
            }
            StateCursor cursor = state.store.group(keyGroup).cursor();
            while (cursor.next()) {
                byte[] entry = cursor.key();
                Object[] key = keyCodec.decode(Arrays.copyOfRange(entry, 1, entry.length));
                for (StoredSessions.Session session : StoredSessions.decode(cursor.value())) {
                    output.add(key, session);
                }
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Growable arrays of pieces to assign to sessions: partial sessions of the batch, then stored ones. */
    private static final class Pieces {
        int[] keys = new int[16];
        long[] starts = new long[16];
        long[] ends = new long[16];
        int size;

        int add(int key, long start, long end) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            keys[size] = key;
            starts[size] = start;
            ends[size] = end;
            return size++;
        }
    }

    private GroupedAccumulator[] newAccumulators() {
        return SessionAccumulators.create(functions);
    }

    private Vector[] evaluate(Evaluator[] evaluators, Batch batch) {
        Vector[] vectors = new Vector[evaluators.length];
        for (int i = 0; i < evaluators.length; i++) {
            vectors[i] = evaluators[i].evaluate(batch, context.evalContext());
        }
        return vectors;
    }

    private static Evaluator[] compile(List<Expr> exprs) {
        Evaluator[] evaluators = new Evaluator[exprs.size()];
        for (int i = 0; i < evaluators.length; i++) {
            evaluators[i] = Evaluator.compile(exprs.get(i));
        }
        return evaluators;
    }
}
