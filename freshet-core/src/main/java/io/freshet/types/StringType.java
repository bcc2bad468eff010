package io.freshet.types;

/** The SQL type {@code string}. */
public record StringType() implements DataType {
    public static final StringType STRING = new StringType();

    @Override
    public String sqlName() {
        return "string";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
