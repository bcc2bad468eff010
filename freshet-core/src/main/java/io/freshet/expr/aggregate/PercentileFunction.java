package io.freshet.expr.aggregate;

import io.freshet.types.ArrayType;
import io.freshet.types.DataType;
import io.freshet.types.DoubleType;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The exact {@code percentile(x, percentage)} and {@code median(x)}: the value at position {@code
 * percentage * (count - 1)} of the sorted values, interpolated linearly between neighbours, as a
 * double (or an array of doubles for an array of percentages). Keeps every value of a group.
 */
public record PercentileFunction(String name, List<Double> percentages, boolean returnsArray)
        implements AggregateFunction {
    public PercentileFunction {
        requireNonNull(name, "name is null");
        percentages = List.copyOf(percentages);
        checkArgument(returnsArray || percentages.size() == 1, "a single percentage expected: %s", percentages);
    }

    @Override
    public DataType resultType() {
        return returnsArray ? new ArrayType(DoubleType.DOUBLE) : DoubleType.DOUBLE;
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        return new ExactPercentileAccumulator(this);
    }
}
