package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.expr.ExprPrinter;
import io.freshet.expr.aggregate.AggregateFunction;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One aggregate computed by a {@link HashAggregateExec}: a bound function over argument expressions
 * of the input, with an optional {@code FILTER (WHERE …)} condition (null when absent).
 */
public record AggregateExpr(AggregateFunction function, List<Expr> args, Expr filter) {
    public AggregateExpr {
        requireNonNull(function, "function is null");
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        List<String> printed = new ArrayList<>(args.size());
        for (Expr arg : args) {
            printed.add(ExprPrinter.print(arg));
        }
        String text = function.name() + "(" + (function.distinct() ? "DISTINCT " : "")
                + (args.isEmpty() ? "*" : String.join(", ", printed)) + ")";
        return filter == null ? text : text + " FILTER (WHERE " + ExprPrinter.print(filter) + ")";
    }
}
