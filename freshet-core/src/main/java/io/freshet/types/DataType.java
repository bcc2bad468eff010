package io.freshet.types;

/**
 * The SQL type of a column or expression.
 *
 * <p>Internal value representation, used by vectors, literals and functions: boolean as {@code
 * Boolean}, int as {@code Integer}, bigint as {@code Long}, double as {@code Double}, decimal as
 * {@code java.math.BigDecimal}, string as {@code String}, date as {@code Integer} days since
 * 1970-01-01, timestamp as {@code Long} microseconds since the epoch (UTC), interval as {@code Long}
 * microseconds, struct as {@code io.freshet.types.StructValue}, array as {@code java.util.List}.
 */
public sealed interface DataType
        permits NullType,
                BooleanType,
                IntType,
                BigintType,
                DoubleType,
                DecimalType,
                StringType,
                DateType,
                TimestampType,
                IntervalType,
                StructType,
                ArrayType {

    /** The type's name in SQL, as {@code DESCRIBE} prints it and DDL strings accept it. */
    String sqlName();

    /** Whether values of this type are numbers (int, bigint, double, decimal). */
    default boolean isNumeric() {
        return this instanceof IntType
                || this instanceof BigintType
                || this instanceof DoubleType
                || this instanceof DecimalType;
    }

    /** Whether values of this type are integral numbers (int, bigint). */
    default boolean isIntegral() {
        return this instanceof IntType || this instanceof BigintType;
    }
}
