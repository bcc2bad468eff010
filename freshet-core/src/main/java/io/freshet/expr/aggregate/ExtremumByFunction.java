package io.freshet.expr.aggregate;

import io.freshet.types.DataType;

import static java.util.Objects.requireNonNull;

/**
 * {@code max_by(value, ordering)} and {@code min_by(value, ordering)}: the value of the row with the
 * greatest (least) non-null ordering; the first such row wins ties.
 */
public record ExtremumByFunction(String name, DataType resultType, DataType orderingType, boolean max)
        implements AggregateFunction {
    public ExtremumByFunction {
        requireNonNull(name, "name is null");
        requireNonNull(resultType, "resultType is null");
        requireNonNull(orderingType, "orderingType is null");
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        return new ExtremumByAccumulator(resultType, orderingType, max);
    }
}
