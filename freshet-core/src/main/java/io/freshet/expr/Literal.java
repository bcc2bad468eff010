package io.freshet.expr;

import io.freshet.types.DataType;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A constant; {@code value} is in internal representation (see {@link DataType}), null for NULL. */
public record Literal(Object value, DataType type) implements Expr {
    public Literal {
        requireNonNull(type, "type is null");
    }

    public boolean isNull() {
        return value == null;
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
        return ExprPrinter.literal(value, type);
    }
}
