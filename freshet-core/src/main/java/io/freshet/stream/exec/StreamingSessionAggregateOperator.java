package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.BooleanVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.ops.GroupByHash;
import io.freshet.exec.ops.SessionAssigner;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.aggregate.GroupedAccumulator;
import io.freshet.expr.functions.TimeWindowFunctions;
import io.freshet.plan.physical.AggregateExpr;
import io.freshet.state.KeyGroupState;
import io.freshet.state.StateCursor;
import io.freshet.streaming.OutputMode;
import io.freshet.types.DataType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        Output output = new Output();
        switch (run.mode) {
            case APPEND -> evict(output);
            case COMPLETE -> scanAll(output);
            case UPDATE -> throw new IllegalStateException("update mode is refused for session windows at start");
        }
        return output.count == 0 ? null : output.build();
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
                int rows = batch.rowCount();
                if (rows == 0) {
                    continue;
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
                    continue;
                }
                Batch selected = count < rows ? batch.select(kept, count) : batch;
                Vector[] groupKeys = Arrays.copyOf(evaluate(keyEvaluators, selected), keyCount + 2);
                groupKeys[keyCount] = new LongVector(TimestampType.TIMESTAMP, starts, null, count);
                groupKeys[keyCount + 1] = new LongVector(TimestampType.TIMESTAMP, ends, null, count);
                int[] ids = new int[count];
                groups.assign(groupKeys, count, ids);
                for (int k = 0; k < accumulators.length; k++) {
                    addRows(accumulators[k], argEvaluators[k], filterEvaluators[k], selected, ids, groups.groupCount());
                }
            }
        }
        ensureCapacity(accumulators, groups.groupCount());
        return new Partial(groups.keys(), groups.groupCount(), accumulators);
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
        int keyCount = keyTypes.size();
        GroupByHash keyIds = new GroupByHash(keyTypes);
        Pieces pieces = new Pieces();
        int[][] pieceOfGroup = new int[partials.size()][];
        for (int p = 0; p < partials.size(); p++) {
            context.checkActive();
            Partial partial = partials.get(p);
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
            pieceOfGroup[p] = new int[partial.groupCount()];
            Arrays.fill(pieceOfGroup[p], -1);
            if (ownedCount == 0) {
                continue;
            }
            int[] ids = new int[ownedCount];
            keyIds.assign(StatefulAggregateOperator.selectAll(keys, owned, ownedCount), ownedCount, ids);
            for (int i = 0; i < ownedCount; i++) {
                int g = owned[i];
                pieceOfGroup[p][g] = pieces.add(ids[i], starts.getLong(g), ends.getLong(g));
            }
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
        ensureCapacity(merged, sessions.count() + 1);
        if (touched.storedCount > 0) {
            int[] mapping = new int[touched.storedCount];
            for (int i = 0; i < mapping.length; i++) {
                mapping[i] = sessions.sessionOf()[batchPieces + i] + 1;
            }
            mergeAll(merged, touched.stored, mapping, mapping.length);
        }
        for (int p = 0; p < partials.size(); p++) {
            int[] mapping = new int[partials.get(p).groupCount()];
            for (int g = 0; g < mapping.length; g++) {
                int piece = pieceOfGroup[p][g];
                mapping[g] = piece < 0 ? 0 : sessions.sessionOf()[piece] + 1;
            }
            mergeAll(merged, partials.get(p).accumulators(), mapping, mapping.length);
        }
        writeBack(sessions, merged, touched);
        boolean[] changed = new boolean[sessions.count()];
        for (int i = 0; i < batchPieces; i++) {
            changed[sessions.sessionOf()[i]] = true;
        }
        int updated = 0;
        for (boolean sessionChanged : changed) {
            updated += sessionChanged ? 1 : 0;
        }
        counters.rowsUpdated.addAndGet(updated);
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
                ensureCapacity(stored, storedCount + 1);
                readStates(stored, storedCount++, session.states());
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
                        sessions.starts()[s], sessions.ends()[s], writeStates(merged, s + 1)));
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
    private void evict(Output output) {
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
    private void scanAll(Output output) {
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

    /** Output rows being collected: key values, sessions and their accumulators' states. */
    private final class Output {
        private final VectorBuilder[] keyBuilders = new VectorBuilder[keyTypes.size()];
        private final List<StructValue> sessions = new ArrayList<>();
        private final GroupedAccumulator[] accumulators = newAccumulators();
        private int count;

        Output() {
            for (int c = 0; c < keyBuilders.length; c++) {
                keyBuilders[c] = VectorBuilder.forType(keyTypes.get(c), 16);
            }
        }

        void add(Object[] key, StoredSessions.Session session) {
            for (int c = 0; c < keyBuilders.length; c++) {
                keyBuilders[c].append(key[c]);
            }
            sessions.add(new StructValue(new Object[] {session.start(), session.end()}));
            ensureCapacity(accumulators, count + 1);
            readStates(accumulators, count, session.states());
            count++;
        }

        /** The rows: the keys with the session at its place among them, then the aggregates. */
        Batch build() {
            int keyCount = keyBuilders.length;
            Vector[] columns = new Vector[keyCount + 1 + accumulators.length];
            int column = 0;
            for (int c = 0; c <= keyCount; c++) {
                if (c == node.sessionKey()) {
                    columns[column++] =
                            new ObjectVector(TimeWindowFunctions.WINDOW_TYPE, sessions.toArray(new Object[0]), count);
                }
                if (c < keyCount) {
                    columns[column++] = keyBuilders[c].build();
                }
            }
            for (GroupedAccumulator accumulator : accumulators) {
                columns[column++] = accumulator.result(count);
            }
            return new Batch(columns, count);
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
        GroupedAccumulator[] accumulators = new GroupedAccumulator[functions.length];
        for (int k = 0; k < functions.length; k++) {
            accumulators[k] = functions[k].createAccumulator();
        }
        return accumulators;
    }

    private static void mergeAll(
            GroupedAccumulator[] target, GroupedAccumulator[] source, int[] mapping, int sourceGroups) {
        for (int k = 0; k < target.length; k++) {
            target[k].merge(source[k], mapping, sourceGroups);
        }
    }

    private static void ensureCapacity(GroupedAccumulator[] accumulators, int groups) {
        for (GroupedAccumulator accumulator : accumulators) {
            accumulator.ensureCapacity(groups);
        }
    }

    private static byte[] writeStates(GroupedAccumulator[] accumulators, int group) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (GroupedAccumulator accumulator : accumulators) {
                accumulator.writeState(group, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void readStates(GroupedAccumulator[] accumulators, int group, byte[] bytes) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            for (GroupedAccumulator accumulator : accumulators) {
                accumulator.readState(group, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
