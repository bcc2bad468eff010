package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.expr.ExprPrinter;

import static java.util.Objects.requireNonNull;

/** One sort key: an expression, its direction, and where nulls go. */
public record SortExpr(Expr expr, boolean ascending, boolean nullsFirst) {
    public SortExpr {
        requireNonNull(expr, "expr is null");
    }

    @Override
    public String toString() {
        return ExprPrinter.print(expr) + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
