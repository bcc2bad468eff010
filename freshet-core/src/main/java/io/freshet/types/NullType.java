package io.freshet.types;

/** The SQL type {@code void}. */
public record NullType() implements DataType {
    public static final NullType NULL = new NullType();

    @Override
    public String sqlName() {
        return "void";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
