package io.freshet.types;

/** The SQL type {@code int}. */
public record IntType() implements DataType {
    public static final IntType INT = new IntType();

    @Override
    public String sqlName() {
        return "int";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
