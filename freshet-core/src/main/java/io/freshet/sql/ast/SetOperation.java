package io.freshet.sql.ast;

import io.freshet.plan.parsed.Position;

import static java.util.Objects.requireNonNull;

/**
 * {@code left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right}; {@code MINUS} is {@code EXCEPT}, and
 * without a quantifier the operation is {@code DISTINCT}, as in Spark.
 */
public record SetOperation(SetOperator operator, boolean all, QueryBody left, QueryBody right, Position position)
        implements QueryBody {
    public SetOperation {
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    /** The kind of set operation. */
    public enum SetOperator {
        UNION,
        INTERSECT,
        EXCEPT
    }
}
