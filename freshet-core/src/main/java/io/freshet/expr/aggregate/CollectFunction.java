package io.freshet.expr.aggregate;

import io.freshet.types.ArrayType;
import io.freshet.types.DataType;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code collect_list} (alias {@code array_agg}) and {@code collect_set}: the non-null values of a
 * group as an array, in arrival order, or without duplicates; an empty array for a group without
 * values.
 */
public record CollectFunction(String name, DataType elementType, boolean set) implements AggregateFunction {
    public CollectFunction {
        requireNonNull(name, "name is null");
        requireNonNull(elementType, "elementType is null");
    }

    @Override
    public DataType resultType() {
        return new ArrayType(elementType);
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        CollectListAccumulator list = new CollectListAccumulator(elementType);
        return set ? new DistinctAccumulator(list, List.of(elementType)) : list;
    }
}
