package io.freshet.expr.aggregate;

import io.freshet.types.DataType;

import static java.util.Objects.requireNonNull;

/**
 * {@code first}, {@code last} and {@code any_value}: the value of the first (last) row of a group,
 * or of the first (last) row with a non-null value when {@code ignoreNulls}. Across partial
 * aggregations, "first" follows the order in which they are merged, as in Spark.
 */
public record FirstLastFunction(String name, DataType resultType, boolean last, boolean ignoreNulls)
        implements AggregateFunction {
    public FirstLastFunction {
        requireNonNull(name, "name is null");
        requireNonNull(resultType, "resultType is null");
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        return new FirstLastAccumulator(resultType, last, ignoreNulls);
    }
}
