package io.freshet.expr;

import io.freshet.types.DataType;
import java.util.List;

/**
 * A resolved, typed expression over the columns of a plan node's input. Values flow through it a
 * batch at a time (see {@link Evaluator}).
 */
public sealed interface Expr permits InputRef, Literal, Call, OuterRef {

    DataType type();

    List<Expr> children();

    /** This expression with its children replaced (same count and order as {@link #children()}). */
    Expr withChildren(List<Expr> children);

    /** Whether every evaluation on the same input gives the same result. */
    default boolean deterministic() {
        for (Expr child : children()) {
            if (!child.deterministic()) {
                return false;
            }
        }
        return true;
    }
}
