package io.freshet.types;

import static java.util.Objects.requireNonNull;

/** The SQL type {@code array<element>}. */
public record ArrayType(DataType elementType) implements DataType {
    public ArrayType {
        requireNonNull(elementType, "elementType is null");
    }

    @Override
    public String sqlName() {
        return "array<" + elementType.sqlName() + ">";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
