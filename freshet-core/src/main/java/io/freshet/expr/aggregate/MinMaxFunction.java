package io.freshet.expr.aggregate;

import io.freshet.types.DataType;

import static java.util.Objects.requireNonNull;

/** {@code min} or {@code max} of any orderable type; null for a group without a non-null value. */
public record MinMaxFunction(String name, DataType resultType, boolean max) implements AggregateFunction {
    public MinMaxFunction {
        requireNonNull(name, "name is null");
        requireNonNull(resultType, "resultType is null");
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        return new MinMaxAccumulator(resultType, max);
    }
}
