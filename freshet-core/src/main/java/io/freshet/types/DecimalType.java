package io.freshet.types;

import static io.freshet.util.Checks.checkArgument;

/** The SQL type {@code decimal(precision, scale)}; precision at most 38, as in Spark. */
public record DecimalType(int precision, int scale) implements DataType {
    public static final int MAX_PRECISION = 38;
    /** The type of {@code decimal} without arguments, as in Spark. */
    public static final DecimalType DEFAULT = new DecimalType(10, 0);

    public DecimalType {
        checkArgument(precision >= 1 && precision <= MAX_PRECISION, "precision must be in 1..38: %s", precision);
        checkArgument(scale >= 0 && scale <= precision, "scale must be in 0..precision: %s", scale);
    }

    @Override
    public String sqlName() {
        return "decimal(" + precision + "," + scale + ")";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
