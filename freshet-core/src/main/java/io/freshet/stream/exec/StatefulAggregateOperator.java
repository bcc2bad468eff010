package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.Hashing;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.ops.GroupByHash;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
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
 * Runs one output partition of a {@link StatefulAggregateExec}. A shared stage aggregates every input
 * partition of the micro-batch into a partial table; each output partition then takes the partial
 * groups of the key groups it owns, drops the late ones, merges them into their state and emits what
 * the output mode asks for.
 *
 * <p>State layout: a group's entry is {@code [0] key} → the accumulators' states; a distinct aggregate
 * {@code k} remembers each value seen per group as {@code [k + 1] keyLength key value} → empty, and
 * feeds only values not seen before into a plain (non-distinct) accumulator of the same function.
 */
final class StatefulAggregateOperator implements BatchStream {
    private static final byte[] PRESENT = new byte[0];

    private final StatefulAggregateExec node;
    private final int partition;
    private final ExecContext context;
    private final MicroBatchRun run;
    private final OperatorState state;
    private final OperatorCounters counters;
    private final RowCodec keyCodec;
    private final List<DataType> keyTypes;
    private final AggregateFunction[] functions;
    private boolean done;

    StatefulAggregateOperator(StatefulAggregateExec node, int partition, ExecContext context, MicroBatchRun run) {
        this.node = node;
        this.partition = partition;
        this.context = context;
        this.run = run;
        this.state = run.state(node.operatorId());
        this.counters = run.counters(node.operatorId());
        List<DataType> types =
                new ArrayList<>(node.groupKeys().stream().map(Expr::type).toList());
        if (node.tumblingWindow() != null) {
            types.set(node.eventTimeKey(), TimestampType.TIMESTAMP);
        }
        this.keyTypes = List.copyOf(types);
        this.keyCodec = new RowCodec(keyTypes);
        this.functions = plainFunctions(node.aggregates());
    }

    /** The functions whose accumulators hold the state: a distinct aggregate's non-distinct twin. */
    static AggregateFunction[] plainFunctions(List<AggregateExpr> aggregates) {
        AggregateFunction[] functions = new AggregateFunction[aggregates.size()];
        for (int k = 0; k < functions.length; k++) {
            AggregateExpr aggregate = aggregates.get(k);
            functions[k] = aggregate.function().distinct()
                    ? FunctionRegistry.builtins()
                            .aggregate(aggregate.function().name())
                            .orElseThrow()
                            .bind(aggregate.args(), false)
                    : aggregate.function();
        }
        return functions;
    }

    @Override
    public Batch next() {
        if (done) {
            return null;
        }
        done = true;
        List<Partial> partials = context.stage(
                node, "partials", () -> context.parallel(node, node.input().partitionCount(), this::aggregate));
        Batch result = merge(partials);
        return result.rowCount() == 0 ? null : result;
    }

    // ---- phase 1: aggregate one input partition of the micro-batch ---------------------------------

    /** The groups of one input partition, and per distinct aggregate its distinct (keys, value) pairs. */
    private record Partial(
            Vector[] keys, int groupCount, GroupedAccumulator[] accumulators, Vector[][] distinctPairs) {}

    private Partial aggregate(int inputPartition) {
        List<AggregateExpr> aggregates = node.aggregates();
        int keyCount = node.groupKeys().size();
        Evaluator[] keyEvaluators = compile(groupingExprs());
        GroupByHash groups = new GroupByHash(keyTypes);
        GroupedAccumulator[] accumulators = new GroupedAccumulator[aggregates.size()];
        GroupByHash[] distinct = new GroupByHash[aggregates.size()];
        Evaluator[][] argEvaluators = new Evaluator[aggregates.size()][];
        Evaluator[] filterEvaluators = new Evaluator[aggregates.size()];
        for (int k = 0; k < aggregates.size(); k++) {
            AggregateExpr aggregate = aggregates.get(k);
            argEvaluators[k] = compile(aggregate.args());
            filterEvaluators[k] = aggregate.filter() == null ? null : Evaluator.compile(aggregate.filter());
            if (aggregate.function().distinct()) {
                List<DataType> pairTypes = new ArrayList<>(keyTypes);
                aggregate.args().forEach(arg -> pairTypes.add(arg.type()));
                distinct[k] = new GroupByHash(pairTypes);
            } else {
                accumulators[k] = functions[k].createAccumulator();
            }
        }
        int[] groupIds = new int[0];
        int[] scratch = new int[0];
        try (BatchStream input = context.execute(node.input(), inputPartition)) {
            for (Batch next = input.next(); next != null; next = input.next()) {
                Batch batch = next;
                int rows = batch.rowCount();
                if (rows == 0) {
                    continue;
                }
                if (groupIds.length < rows) {
                    groupIds = new int[rows];
                    scratch = new int[rows];
                }
                Vector[] keys = evaluate(keyEvaluators, batch);
                if (node.tumblingWindow() != null) {
                    keys[node.eventTimeKey()] = windowStarts((LongVector) keys[node.eventTimeKey()], rows);
                }
                int[] onTime = dropLate(batch, keys, rows);
                if (onTime != null) {
                    rows = onTime.length;
                    if (rows == 0) {
                        continue;
                    }
                    batch = batch.select(onTime, rows);
                    keys = selectAll(keys, onTime, rows);
                }
                groups.assign(keys, rows, groupIds);
                for (int k = 0; k < aggregates.size(); k++) {
                    Batch selected = batch;
                    Vector[] selectedKeys = keys;
                    int[] ids = groupIds;
                    int count = rows;
                    if (filterEvaluators[k] != null) {
                        int[] positions =
                                truePositions(filterEvaluators[k].evaluate(batch, context.evalContext()), rows);
                        count = positions.length;
                        selected = batch.select(positions, count);
                        selectedKeys = selectAll(keys, positions, count);
                        ids = new int[count];
                        for (int i = 0; i < count; i++) {
                            ids[i] = groupIds[positions[i]];
                        }
                    }
                    if (count == 0) {
                        continue;
                    }
                    Vector[] args = evaluate(argEvaluators[k], selected);
                    if (distinct[k] != null) {
                        Vector[] pair = Arrays.copyOf(selectedKeys, keyCount + args.length);
                        System.arraycopy(args, 0, pair, keyCount, args.length);
                        distinct[k].assign(pair, count, count <= scratch.length ? scratch : new int[count]);
                    } else {
                        accumulators[k].ensureCapacity(groups.groupCount());
                        accumulators[k].add(ids, args, count);
                    }
                }
            }
        }
        Vector[][] pairs = new Vector[aggregates.size()][];
        for (int k = 0; k < aggregates.size(); k++) {
            if (distinct[k] != null) {
                pairs[k] = distinct[k].keys();
            } else {
                accumulators[k].ensureCapacity(groups.groupCount());
            }
        }
        return new Partial(groups.keys(), groups.groupCount(), accumulators, pairs);
    }

    /** The expressions grouped by: the keys, with a tumbling window's timestamp in place of the window. */
    private List<Expr> groupingExprs() {
        List<Expr> exprs = new ArrayList<>(node.groupKeys());
        if (node.tumblingWindow() != null) {
            exprs.set(
                    node.eventTimeKey(),
                    ((io.freshet.expr.Call) exprs.get(node.eventTimeKey()))
                            .args()
                            .get(0));
        }
        return exprs;
    }

    /** The start of each row's tumbling window (null for a null timestamp). */
    private LongVector windowStarts(LongVector timestamps, int rows) {
        TimeWindowFunctions.WindowSpec spec = node.tumblingWindow();
        long[] starts = new long[rows];
        for (int i = 0; i < rows; i++) {
            long ts = timestamps.getLong(i);
            starts[i] = ts - Math.floorMod(ts - spec.startMicros(), spec.slideMicros());
        }
        return new LongVector(TimestampType.TIMESTAMP, starts, timestamps.nulls(), rows);
    }

    /**
     * Drops the rows that are late for their group (event time, or window end, at or below the batch's
     * watermark), counting them and keeping them for the late-rows table; returns the positions of the
     * rows on time, or null when all are.
     */
    private int[] dropLate(Batch batch, Vector[] keys, int rows) {
        if (run.mode == OutputMode.COMPLETE || node.eventTimeKey() < 0 || !run.hasWatermark()) {
            return null;
        }
        int[] onTime = null;
        int[] late = null;
        int onTimeCount = 0;
        int lateCount = 0;
        for (int i = 0; i < rows; i++) {
            if (eventTime(keys, i) <= run.watermarkMicros) {
                if (onTime == null) {
                    onTime = new int[rows];
                    late = new int[rows];
                    for (int j = 0; j < i; j++) {
                        onTime[j] = j;
                    }
                    onTimeCount = i;
                }
                late[lateCount++] = i;
            } else if (onTime != null) {
                onTime[onTimeCount++] = i;
            }
        }
        if (onTime == null) {
            return null;
        }
        counters.rowsDroppedByWatermark.addAndGet(lateCount);
        if (run.collectsLateRows()) {
            run.addLateRows(batch.select(late, lateCount));
        }
        return Arrays.copyOf(onTime, onTimeCount);
    }

    // ---- phase 2: merge the owned groups into their state and emit ----------------------------------

    private Batch merge(List<Partial> partials) {
        int aggregateCount = node.aggregates().size();
        int keyCount = keyTypes.size();
        GroupByHash merged = new GroupByHash(keyTypes);
        GroupedAccumulator[] batchAccumulators = newAccumulators();
        // Group 0 of the accumulators is a sink for partial groups this partition does not own.
        ensureCapacity(batchAccumulators, 1);
        for (Partial partial : partials) {
            context.checkActive();
            int[] mapping = new int[partial.groupCount];
            int[] owned = new int[partial.groupCount];
            int ownedCount = 0;
            for (int g = 0; g < partial.groupCount; g++) {
                if (ownedAndOnTime(partial.keys, g)) {
                    owned[ownedCount++] = g;
                }
            }
            if (ownedCount > 0) {
                int[] ids = new int[ownedCount];
                merged.assign(selectAll(partial.keys, owned, ownedCount), ownedCount, ids);
                for (int i = 0; i < ownedCount; i++) {
                    mapping[owned[i]] = ids[i] + 1;
                }
            }
            ensureCapacity(batchAccumulators, merged.groupCount() + 1);
            for (int k = 0; k < aggregateCount; k++) {
                if (partial.accumulators[k] != null) {
                    batchAccumulators[k].merge(partial.accumulators[k], mapping, partial.groupCount);
                } else {
                    addNewDistinctValues(k, partial.distinctPairs[k], merged, batchAccumulators[k]);
                }
            }
        }
        int groupCount = merged.groupCount();
        Vector[] mergedKeys = merged.keys();
        GroupedAccumulator[] stateAccumulators = newAccumulators();
        ensureCapacity(stateAccumulators, groupCount + 1);
        ensureCapacity(batchAccumulators, groupCount + 1);
        byte[][] stateKeys = new byte[groupCount][];
        int[] keyGroups = new int[groupCount];
        for (int j = 0; j < groupCount; j++) {
            byte[] key = keyCodec.encode(mergedKeys, j);
            keyGroups[j] = state.keyGroupOf(hash(key));
            stateKeys[j] = prefixed((byte) 0, key);
            byte[] previous = state.store.group(keyGroups[j]).get(stateKeys[j]);
            if (previous != null) {
                readStates(stateAccumulators, j + 1, previous);
            }
        }
        int[] identity = new int[groupCount + 1];
        Arrays.setAll(identity, i -> i);
        for (int k = 0; k < aggregateCount; k++) {
            stateAccumulators[k].merge(batchAccumulators[k], identity, groupCount + 1);
        }
        for (int j = 0; j < groupCount; j++) {
            state.store.group(keyGroups[j]).put(stateKeys[j], writeStates(stateAccumulators, j + 1));
            if (node.eventTimeKey() >= 0) {
                state.wrote(keyGroups[j], eventTime(mergedKeys, j));
            }
        }
        counters.rowsUpdated.addAndGet(groupCount);
        return switch (run.mode) {
            case UPDATE -> {
                Batch updated = result(mergedKeys, stateAccumulators, groupCount);
                evict(null);
                yield updated;
            }
            case APPEND -> {
                List<Batch> closed = new ArrayList<>();
                evict(closed);
                yield concat(closed);
            }
            case COMPLETE -> concat(scanAll());
        };
    }

    private boolean ownedAndOnTime(Vector[] keys, int row) {
        int keyGroup = state.keyGroupOf(hash(keyCodec.encode(keys, row)));
        return state.owns(keyGroup, partition, node.partitionCount());
    }

    private long eventTime(Vector[] keys, int row) {
        Vector column = keys[node.eventTimeKey()];
        if (column.isNull(row)) {
            return Long.MAX_VALUE;
        }
        if (node.tumblingWindow() != null) {
            return ((LongVector) column).getLong(row) + node.tumblingWindow().sizeMicros();
        }
        if (node.eventTimeIsWindow()) {
            return (Long) ((StructValue) column.get(row)).get(1);
        }
        return ((LongVector) column).getLong(row);
    }

    /**
     * Feeds the distinct (keys, value) pairs of a partial whose value this group has not seen before
     * into the group's plain accumulator, and remembers them.
     */
    private void addNewDistinctValues(int k, Vector[] pairs, GroupByHash merged, GroupedAccumulator accumulator) {
        int keyCount = keyTypes.size();
        int pairCount = pairs.length == 0 ? 0 : pairs[0].size();
        Vector[] keys = Arrays.copyOf(pairs, keyCount);
        Vector[] values = Arrays.copyOfRange(pairs, keyCount, pairs.length);
        RowCodec valueCodec =
                new RowCodec(Arrays.stream(values).map(Vector::type).toList());
        int[] fresh = new int[pairCount];
        int freshCount = 0;
        for (int i = 0; i < pairCount; i++) {
            byte[] key = keyCodec.encode(keys, i);
            int keyGroup = state.keyGroupOf(hash(key));
            if (!state.owns(keyGroup, partition, node.partitionCount())) {
                continue;
            }
            byte[] entry = distinctEntry(k, key, valueCodec.encode(values, i));
            KeyGroupState group = state.store.group(keyGroup);
            if (group.get(entry) == null) {
                group.put(entry, PRESENT);
                fresh[freshCount++] = i;
            }
        }
        if (freshCount == 0) {
            return;
        }
        int[] ids = new int[freshCount];
        merged.assign(selectAll(keys, fresh, freshCount), freshCount, ids);
        for (int i = 0; i < freshCount; i++) {
            ids[i]++;
        }
        accumulator.ensureCapacity(merged.groupCount() + 1);
        accumulator.add(ids, selectAll(values, fresh, freshCount), freshCount);
    }

    private static byte[] distinctEntry(int k, byte[] key, byte[] value) {
        byte[] entry = new byte[1 + 4 + key.length + value.length];
        entry[0] = (byte) (k + 1);
        entry[1] = (byte) (key.length >>> 24);
        entry[2] = (byte) (key.length >>> 16);
        entry[3] = (byte) (key.length >>> 8);
        entry[4] = (byte) key.length;
        System.arraycopy(key, 0, entry, 5, key.length);
        System.arraycopy(value, 0, entry, 5 + key.length, value.length);
        return entry;
    }

    /** The group key inside a state entry: after the tag, and for distinct entries after the length. */
    private static byte[] keyOf(byte[] entry) {
        if (entry[0] == 0) {
            return Arrays.copyOfRange(entry, 1, entry.length);
        }
        int length =
                ((entry[1] & 0xff) << 24) | ((entry[2] & 0xff) << 16) | ((entry[3] & 0xff) << 8) | (entry[4] & 0xff);
        return Arrays.copyOfRange(entry, 5, 5 + length);
    }

    /**
     * Removes the entries of the owned key groups that the watermark has closed; with {@code out}
     * (append mode) emits the closed groups first.
     */
    private void evict(List<Batch> out) {
        if (node.eventTimeKey() < 0 || !run.hasWatermark()) {
            return;
        }
        long watermark = run.watermarkMicros;
        GroupedAccumulator[] accumulators = null;
        VectorBuilder[] keyBuilders = null;
        int emitted = 0;
        for (int keyGroup = 0; keyGroup < state.store.keyGroups(); keyGroup++) {
            if (!state.owns(keyGroup, partition, node.partitionCount()) || !state.mayHoldUpTo(keyGroup, watermark)) {
                continue;
            }
            long smallest = Long.MAX_VALUE;
            StateCursor cursor = state.store.group(keyGroup).cursor();
            while (cursor.next()) {
                byte[] entry = cursor.key();
                Object[] key = keyCodec.decode(keyOf(entry));
                long time = eventTime(key);
                if (time > watermark) {
                    smallest = Math.min(smallest, time);
                    continue;
                }
                if (out != null && entry[0] == 0) {
                    if (accumulators == null) {
                        accumulators = newAccumulators();
                        keyBuilders = builders();
                    }
                    ensureCapacity(accumulators, emitted + 1);
                    readStates(accumulators, emitted, cursor.value());
                    for (int c = 0; c < key.length; c++) {
                        keyBuilders[c].append(key[c]);
                    }
                    emitted++;
                }
                cursor.remove();
                counters.rowsRemoved.incrementAndGet();
            }
            state.scanned(keyGroup, smallest);
        }
        if (out != null && emitted > 0) {
            out.add(result(build(keyBuilders), accumulators, emitted, 0));
        }
    }

    private long eventTime(Object[] key) {
        Object value = key[node.eventTimeKey()];
        if (value == null) {
            return Long.MAX_VALUE;
        }
        if (node.tumblingWindow() != null) {
            return (Long) value + node.tumblingWindow().sizeMicros();
        }
        return node.eventTimeIsWindow() ? (Long) ((StructValue) value).get(1) : (Long) value;
    }

    /** Every group of the owned key groups (complete mode). */
    private List<Batch> scanAll() {
        GroupedAccumulator[] accumulators = newAccumulators();
        VectorBuilder[] keyBuilders = builders();
        int count = 0;
        for (int keyGroup = 0; keyGroup < state.store.keyGroups(); keyGroup++) {
            if (!state.owns(keyGroup, partition, node.partitionCount())) {
                continue;
            }
            StateCursor cursor = state.store.group(keyGroup).cursor();
            while (cursor.next()) {
                byte[] entry = cursor.key();
                if (entry[0] != 0) {
                    continue;
                }
                ensureCapacity(accumulators, count + 1);
                readStates(accumulators, count, cursor.value());
                keyCodec.decode(keyOf(entry), keyBuilders);
                count++;
            }
        }
        if (count == 0 && keyTypes.isEmpty() && partition == 0) {
            // A global aggregate has one row even before any input, as in a batch query.
            ensureCapacity(accumulators, 1);
            return List.of(result(new Vector[0], accumulators, 1, 0));
        }
        return count == 0 ? List.of() : List.of(result(build(keyBuilders), accumulators, count, 0));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Batch result(Vector[] keys, GroupedAccumulator[] accumulators, int groupCount) {
        // Accumulator group j + 1 holds key row j (group 0 is the sink).
        return result(keys, accumulators, groupCount, 1);
    }

    private Batch result(Vector[] keys, GroupedAccumulator[] accumulators, int groupCount, int offset) {
        Vector[] columns = new Vector[keys.length + accumulators.length];
        System.arraycopy(keys, 0, columns, 0, keys.length);
        if (node.tumblingWindow() != null) {
            columns[node.eventTimeKey()] = windowStructs((LongVector) keys[node.eventTimeKey()], groupCount);
        }
        for (int k = 0; k < accumulators.length; k++) {
            Vector values = accumulators[k].result(groupCount + offset);
            columns[keys.length + k] = offset == 0 ? values : values.slice(offset, groupCount);
        }
        return new Batch(columns, groupCount);
    }

    /** The {@code {start, end}} structs of windows given by their starts. */
    private Vector windowStructs(LongVector starts, int count) {
        Object[] windows = new Object[count];
        long size = node.tumblingWindow().sizeMicros();
        for (int i = 0; i < count; i++) {
            if (!starts.isNull(i)) {
                long start = starts.getLong(i);
                windows[i] = new StructValue(new Object[] {start, start + size});
            }
        }
        return new io.freshet.data.ObjectVector(TimeWindowFunctions.WINDOW_TYPE, windows, count);
    }

    private GroupedAccumulator[] newAccumulators() {
        GroupedAccumulator[] accumulators = new GroupedAccumulator[functions.length];
        for (int k = 0; k < functions.length; k++) {
            accumulators[k] = functions[k].createAccumulator();
        }
        return accumulators;
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

    private VectorBuilder[] builders() {
        VectorBuilder[] builders = new VectorBuilder[keyTypes.size()];
        for (int c = 0; c < builders.length; c++) {
            builders[c] = VectorBuilder.forType(keyTypes.get(c), 16);
        }
        return builders;
    }

    private static Vector[] build(VectorBuilder[] builders) {
        Vector[] vectors = new Vector[builders.length];
        for (int c = 0; c < builders.length; c++) {
            vectors[c] = builders[c].build();
        }
        return vectors;
    }

    private Batch concat(List<Batch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        if (batches.isEmpty()) {
            return new Batch(emptyColumns(), 0);
        }
        throw new IllegalStateException("one batch expected");
    }

    private Vector[] emptyColumns() {
        Vector[] columns = new Vector[node.schema().size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = VectorBuilder.forType(node.schema().type(c), 0).build();
        }
        return columns;
    }

    static byte[] prefixed(byte tag, byte[] key) {
        byte[] entry = new byte[key.length + 1];
        entry[0] = tag;
        System.arraycopy(key, 0, entry, 1, key.length);
        return entry;
    }

    static long hash(byte[] key) {
        return Hashing.hashBytes(key, 0, key.length);
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

    static Vector[] selectAll(Vector[] vectors, int[] positions, int count) {
        Vector[] selected = new Vector[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            selected[i] = vectors[i].select(positions, count);
        }
        return selected;
    }

    private static int[] truePositions(Vector condition, int rows) {
        io.freshet.data.BooleanVector flags = (io.freshet.data.BooleanVector) condition;
        int[] positions = new int[rows];
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (!flags.isNull(i) && flags.getBoolean(i)) {
                positions[count++] = i;
            }
        }
        return Arrays.copyOf(positions, count);
    }
}
