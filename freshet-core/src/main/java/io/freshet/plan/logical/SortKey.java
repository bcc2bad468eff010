package io.freshet.plan.logical;

import io.freshet.expr.Expr;
import io.freshet.expr.ExprPrinter;

import static java.util.Objects.requireNonNull;

/** One key of a sort: an expression, its direction, and where nulls go. */
public record SortKey(Expr expr, boolean ascending, boolean nullsFirst) {
    public SortKey {
        requireNonNull(expr, "expr is null");
    }

    @Override
    public String toString() {
        return ExprPrinter.print(expr) + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
