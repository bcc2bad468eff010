package io.freshet.expr.aggregate;

import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code count(*)} (no arguments), {@code count(a, b, …)} (rows where every argument is non-null)
 * and {@code count_if(condition)} (rows where the condition is true); bigint, 0 for an empty group.
 */
public record CountFunction(String name, List<DataType> argumentTypes, boolean conditional)
        implements AggregateFunction {
    public CountFunction {
        requireNonNull(name, "name is null");
        argumentTypes = List.copyOf(argumentTypes);
    }

    @Override
    public DataType resultType() {
        return BigintType.BIGINT;
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        return new CountAccumulator(argumentTypes.size(), conditional);
    }
}
