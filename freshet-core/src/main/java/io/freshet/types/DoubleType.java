package io.freshet.types;

/** The SQL type {@code double}. */
public record DoubleType() implements DataType {
    public static final DoubleType DOUBLE = new DoubleType();

    @Override
    public String sqlName() {
        return "double";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
