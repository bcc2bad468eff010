package io.freshet.types;

/** The SQL type {@code timestamp}. */
public record TimestampType() implements DataType {
    public static final TimestampType TIMESTAMP = new TimestampType();

    @Override
    public String sqlName() {
        return "timestamp";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
