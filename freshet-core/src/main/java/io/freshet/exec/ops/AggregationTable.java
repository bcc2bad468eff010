package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.exec.MemoryReservation;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.expr.aggregate.GroupedAccumulator;
import io.freshet.plan.physical.AggregateExpr;
import io.freshet.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The groups and accumulators of one hash aggregation table: a partial table per input partition, or
 * a final table into which partials of several partitions are merged. A final table keeps group 0 of
 * its accumulators as a sink for the merged partial groups that belong to other partitions, so its
 * accumulator group of table group {@code g} is {@code g + 1}. Single-threaded while built; read-only
 * (and then shareable) once {@link #freeze() frozen}.
 */
final class AggregationTable {
    private final GroupByHash groups;
    private final Evaluator[] keyEvaluators;
    private final Evaluator[][] argEvaluators;
    private final Evaluator[] filterEvaluators;
    private final GroupedAccumulator[] accumulators;
    private final int groupOffset;
    private final MemoryReservation memory;
    private int[] groupIds = new int[0];
    private int[] positions = new int[0];
    private Vector[] frozenKeys;

    /**
     * @param merging whether this is a final table that partials are merged into (instead of rows added)
     */
    AggregationTable(List<Expr> groupKeys, List<AggregateExpr> aggregates, boolean merging, MemoryReservation memory) {
        List<DataType> keyTypes = new ArrayList<>(groupKeys.size());
        keyEvaluators = new Evaluator[groupKeys.size()];
        for (int i = 0; i < groupKeys.size(); i++) {
            keyTypes.add(groupKeys.get(i).type());
            keyEvaluators[i] = Evaluator.compile(groupKeys.get(i));
        }
        this.groups = new GroupByHash(keyTypes);
        int count = aggregates.size();
        argEvaluators = new Evaluator[count][];
        filterEvaluators = new Evaluator[count];
        accumulators = new GroupedAccumulator[count];
        for (int k = 0; k < count; k++) {
            AggregateExpr aggregate = aggregates.get(k);
            List<Expr> args = aggregate.args();
            argEvaluators[k] = new Evaluator[args.size()];
            for (int a = 0; a < args.size(); a++) {
                argEvaluators[k][a] = Evaluator.compile(args.get(a));
            }
            filterEvaluators[k] = aggregate.filter() == null ? null : Evaluator.compile(aggregate.filter());
            accumulators[k] = aggregate.function().createAccumulator();
        }
        this.groupOffset = merging ? 1 : 0;
        this.memory = memory;
        ensureCapacity();
    }

    /** Adds the rows of a batch to their groups. */
    void add(Batch batch, EvalContext context) {
        int rowCount = batch.rowCount();
        if (rowCount == 0) {
            return;
        }
        if (groupIds.length < rowCount) {
            groupIds = new int[rowCount];
            positions = new int[rowCount];
        }
        Vector[] keys = new Vector[keyEvaluators.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = keyEvaluators[i].evaluate(batch, context);
        }
        groups.assign(keys, rowCount, groupIds);
        ensureCapacity();
        for (int k = 0; k < accumulators.length; k++) {
            Vector[] args = new Vector[argEvaluators[k].length];
            for (int a = 0; a < args.length; a++) {
                args[a] = argEvaluators[k][a].evaluate(batch, context);
            }
            int[] ids = groupIds;
            int rows = rowCount;
            if (filterEvaluators[k] != null) {
                rows = Selections.truePositions(filterEvaluators[k].evaluate(batch, context), rowCount, positions);
                if (rows < rowCount) {
                    ids = selectIds(ids, positions, rows);
                    args = selectAll(args, positions, rows);
                }
            }
            if (rows > 0) {
                accumulators[k].add(ids, args, rows);
            }
        }
        reserve();
    }

    private static int[] selectIds(int[] ids, int[] positions, int count) {
        int[] selected = new int[count];
        for (int i = 0; i < count; i++) {
            selected[i] = ids[positions[i]];
        }
        return selected;
    }

    private static Vector[] selectAll(Vector[] vectors, int[] positions, int count) {
        Vector[] selected = new Vector[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            selected[i] = vectors[i].select(positions, count);
        }
        return selected;
    }

    private void ensureCapacity() {
        int capacity = groups.groupCount() + groupOffset;
        for (GroupedAccumulator accumulator : accumulators) {
            accumulator.ensureCapacity(capacity);
        }
    }

    /** Ends adding rows: the keys are materialized once so that merging threads can share this table. */
    void freeze() {
        frozenKeys = groups.keys();
    }

    /**
     * Merges the groups of a frozen partial table whose key hash belongs to {@code partition} (of
     * {@code partitionCount}) into this final table.
     */
    void merge(AggregationTable partial, int partition, int partitionCount) {
        int otherCount = partial.groups.groupCount();
        if (otherCount == 0) {
            return;
        }
        int[] owned = new int[otherCount];
        int ownedCount = 0;
        for (int g = 0; g < otherCount; g++) {
            if (partitionCount == 1
                    || KeyHashing.partitionOf(partial.groups.groupHash(g), partitionCount) == partition) {
                owned[ownedCount++] = g;
            }
        }
        if (ownedCount == 0) {
            return;
        }
        Vector[] keys = partial.frozenKeys;
        if (ownedCount < otherCount) {
            keys = selectAll(keys, owned, ownedCount);
        }
        int[] ids = new int[ownedCount];
        groups.assign(keys, ownedCount, ids);
        ensureCapacity();
        // Groups of other partitions go to the sink, group 0.
        int[] mapping = new int[otherCount];
        for (int i = 0; i < ownedCount; i++) {
            mapping[owned[i]] = ids[i] + groupOffset;
        }
        for (int k = 0; k < accumulators.length; k++) {
            accumulators[k].merge(partial.accumulators[k], mapping, otherCount);
        }
        reserve();
    }

    int groupCount() {
        return groups.groupCount();
    }

    /** The keys then the aggregate values of every group, or null when there are no groups. */
    Batch result() {
        int count = groups.groupCount();
        if (count == 0) {
            return null;
        }
        Vector[] keys = frozenKeys != null ? frozenKeys : groups.keys();
        Vector[] columns = new Vector[keys.length + accumulators.length];
        System.arraycopy(keys, 0, columns, 0, keys.length);
        for (int k = 0; k < accumulators.length; k++) {
            Vector values = accumulators[k].result(count + groupOffset);
            columns[keys.length + k] = groupOffset == 0 ? values : values.slice(groupOffset, count);
        }
        return new Batch(columns, count);
    }

    private void reserve() {
        long bytes = groups.estimatedBytes() + groupIds.length * 8L;
        for (GroupedAccumulator accumulator : accumulators) {
            bytes += accumulator.estimatedBytes();
        }
        memory.resize(bytes);
    }

    void release() {
        memory.close();
    }
}
