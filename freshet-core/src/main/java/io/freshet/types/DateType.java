package io.freshet.types;

/** The SQL type {@code date}. */
public record DateType() implements DataType {
    public static final DateType DATE = new DateType();

    @Override
    public String sqlName() {
        return "date";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
