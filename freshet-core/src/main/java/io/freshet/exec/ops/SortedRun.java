package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.exec.ExecContext;
import io.freshet.expr.Evaluator;
import io.freshet.plan.physical.SortExpr;
import io.freshet.types.DataType;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one partition in sorted order: the rows, their sort-key columns, and the permutation
 * {@code order[0..count)} that sorts them. Immutable once built.
 */
final class SortedRun {
    final Batch rows;
    final Vector[] keys;
    final int[] order;
    final int count;

    private SortedRun(Batch rows, Vector[] keys, int[] order, int count) {
        this.rows = rows;
        this.keys = keys;
        this.order = order;
        this.count = count;
    }

    /** A comparator for the given sort keys. */
    static RowComparator comparator(List<SortExpr> sortKeys) {
        List<DataType> types = new ArrayList<>(sortKeys.size());
        boolean[] ascending = new boolean[sortKeys.size()];
        boolean[] nullsFirst = new boolean[sortKeys.size()];
        for (int k = 0; k < sortKeys.size(); k++) {
            SortExpr key = sortKeys.get(k);
            types.add(key.expr().type());
            ascending[k] = key.ascending();
            nullsFirst[k] = key.nullsFirst();
        }
        return new RowComparator(types, ascending, nullsFirst);
    }

    static Evaluator[] keyEvaluators(List<SortExpr> sortKeys) {
        Evaluator[] evaluators = new Evaluator[sortKeys.size()];
        for (int k = 0; k < evaluators.length; k++) {
            evaluators[k] = Evaluator.compile(sortKeys.get(k).expr());
        }
        return evaluators;
    }

    /** Sorts the batches; keeps only the first {@code limit} rows of the order. */
    static SortedRun sort(
            List<Batch> batches,
            Schema schema,
            Evaluator[] keyEvaluators,
            RowComparator comparator,
            long limit,
            ExecContext context) {
        Batch all = Concat.batches(batches, schema);
        Vector[] keys = new Vector[keyEvaluators.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = keyEvaluators[k].evaluate(all, context.evalContext());
        }
        int rowCount = all.rowCount();
        int[] order = Selections.identity(rowCount);
        IndexSort.sort(order, rowCount, (a, b) -> comparator.compare(keys, a, keys, b));
        int count = (int) Math.min(rowCount, limit);
        return new SortedRun(all, keys, order, count);
    }

    /** This run cut to its first {@code count} rows, with the rows copied in order (a top-N compaction). */
    SortedRun compact() {
        Batch kept = rows.select(order, count);
        Vector[] keptKeys = new Vector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            keptKeys[k] = keys[k].select(order, count);
        }
        return new SortedRun(kept, keptKeys, Selections.identity(count), count);
    }

    long estimatedBytes() {
        long bytes = BatchSizes.bytes(rows) + order.length * 4L;
        for (Vector key : keys) {
            bytes += BatchSizes.bytes(key);
        }
        return bytes;
    }
}
