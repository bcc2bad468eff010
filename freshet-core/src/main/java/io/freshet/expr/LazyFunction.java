package io.freshet.expr;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import java.util.List;

/**
 * A scalar function that decides which rows to evaluate each argument on ({@code AND}, {@code OR},
 * {@code CASE}, {@code IF}, {@code COALESCE}): an argument that would fail on a row must not be
 * evaluated on it when another argument already decides the row, as in Spark's ANSI mode (e.g.
 * {@code CASE WHEN b = 0 THEN 0 ELSE a / b END}).
 */
public interface LazyFunction extends ScalarFunction {

    /** Evaluates the call over {@code input}; {@code args} evaluate the arguments on any batch of input rows. */
    Vector evaluateLazily(List<Evaluator> args, Batch input, EvalContext context);

    @Override
    default Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
        throw new UnsupportedOperationException(name() + " is evaluated lazily");
    }
}
