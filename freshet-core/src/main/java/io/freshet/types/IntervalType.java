package io.freshet.types;

/** The SQL type {@code interval day to second}. */
public record IntervalType() implements DataType {
    public static final IntervalType INTERVAL = new IntervalType();

    @Override
    public String sqlName() {
        return "interval day to second";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
