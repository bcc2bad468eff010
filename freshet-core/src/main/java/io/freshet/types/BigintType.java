package io.freshet.types;

/** The SQL type {@code bigint}. */
public record BigintType() implements DataType {
    public static final BigintType BIGINT = new BigintType();

    @Override
    public String sqlName() {
        return "bigint";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
