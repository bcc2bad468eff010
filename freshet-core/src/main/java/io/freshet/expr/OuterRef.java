package io.freshet.expr;

import io.freshet.types.DataType;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A reference from a correlated subquery to column {@code index} of the enclosing query's row. The
 * planner rewrites correlated subqueries into joins, so no OuterRef reaches execution.
 */
public record OuterRef(int index, DataType type, String name) implements Expr {
    public OuterRef {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return this;
    }

    @Override
    public String toString() {
        return "outer." + name + "#" + index;
    }
}
