package io.freshet.expr.aggregate;

import io.freshet.types.ArrayType;
import io.freshet.types.DataType;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * {@code percentile_approx(x, percentage[, accuracy])} (alias {@code approx_percentile}): for each
 * percentage, the smallest value whose rank is at least {@code percentage * count}, within a rank
 * error of about {@code count / accuracy}; a value of the input type, or an array of them when the
 * percentage is an array. Values are summarized as doubles, as Spark does.
 */
public record PercentileApproxFunction(
        String name, DataType inputType, List<Double> percentages, boolean returnsArray, int accuracy)
        implements AggregateFunction {
    public static final int DEFAULT_ACCURACY = 10_000;

    public PercentileApproxFunction {
        requireNonNull(name, "name is null");
        requireNonNull(inputType, "inputType is null");
        percentages = List.copyOf(percentages);
        checkArgument(returnsArray || percentages.size() == 1, "a single percentage expected: %s", percentages);
        checkArgument(accuracy > 0, "accuracy must be positive: %s", accuracy);
    }

    @Override
    public DataType resultType() {
        return returnsArray ? new ArrayType(inputType) : inputType;
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        return new PercentileAccumulator(this);
    }
}
