package io.freshet.plan.logical;

import io.freshet.expr.Expr;
import io.freshet.expr.ExprPrinter;
import io.freshet.expr.aggregate.AggregateFunction;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One aggregate of an {@link Aggregate}: a bound function over argument expressions of the input,
 * with an optional {@code FILTER (WHERE …)} condition (null when absent).
 */
public record AggregateCall(AggregateFunction function, List<Expr> args, Expr filter) {
    public AggregateCall {
        requireNonNull(function, "function is null");
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        String text = function.name() + "("
                + (function.distinct() ? "DISTINCT " : "")
                + (args.isEmpty() ? "*" : args.stream().map(ExprPrinter::print).collect(Collectors.joining(", ")))
                + ")";
        return filter == null ? text : text + " FILTER (WHERE " + ExprPrinter.print(filter) + ")";
    }
}
