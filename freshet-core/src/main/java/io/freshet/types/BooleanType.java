package io.freshet.types;

/** The SQL type {@code boolean}. */
public record BooleanType() implements DataType {
    public static final BooleanType BOOLEAN = new BooleanType();

    @Override
    public String sqlName() {
        return "boolean";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
