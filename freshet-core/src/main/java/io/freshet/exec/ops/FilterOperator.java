package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.expr.Evaluator;
import io.freshet.plan.physical.FilterExec;

/**
 * Keeps the rows for which the predicate is true: evaluates it over the whole batch, then selects the
 * true positions; a batch whose rows all pass is returned as is, one whose rows all fail is skipped.
 */
final class FilterOperator implements BatchStream {
    private final BatchStream input;
    private final Evaluator predicate;
    private final ExecContext context;
    private int[] positions = new int[0];

    FilterOperator(FilterExec node, BatchStream input, ExecContext context) {
        this.input = input;
        this.predicate = Evaluator.compile(node.predicate());
        this.context = context;
    }

    @Override
    public Batch next() {
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            int rowCount = batch.rowCount();
            if (positions.length < rowCount) {
                positions = new int[rowCount];
            }
            int count = Selections.truePositions(predicate.evaluate(batch, context.evalContext()), rowCount, positions);
            if (count == rowCount) {
                return batch;
            }
            if (count > 0) {
                return batch.select(positions, count);
            }
        }
        return null;
    }

    @Override
    public void close() {
        input.close();
    }
}
