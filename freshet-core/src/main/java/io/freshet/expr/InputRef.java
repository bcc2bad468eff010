package io.freshet.expr;

import io.freshet.types.DataType;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** The value of input column {@code index}; {@code name} is kept for plans printed for people. */
public record InputRef(int index, DataType type, String name) implements Expr {
    public InputRef {
        checkArgument(index >= 0, "index must be non-negative: %s", index);
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
        return name + "#" + index;
    }
}
