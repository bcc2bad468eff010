package io.freshet.expr.aggregate;

import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;

import static java.util.Objects.requireNonNull;

/**
 * {@code sum}, {@code try_sum}, {@code avg} and {@code try_avg} over one numeric or interval
 * argument, with Spark's result types: int and bigint sum to bigint, decimal(p, s) sums to
 * decimal(min(38, p + 10), s) and averages to decimal(p + 4, s + 4) (capped), other numbers average
 * as double. Overflow is an error, or null for the {@code try_} variants.
 */
public record SumFunction(String name, DataType inputType, DataType resultType, boolean average, boolean tryMode)
        implements AggregateFunction {
    public SumFunction {
        requireNonNull(name, "name is null");
        requireNonNull(inputType, "inputType is null");
        requireNonNull(resultType, "resultType is null");
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        if (resultType instanceof DoubleType) {
            return new DoubleSumAccumulator(average);
        }
        if (resultType instanceof DecimalType decimal) {
            return new DecimalSumAccumulator(name, (DecimalType) inputType, decimal, average, tryMode);
        }
        return new LongSumAccumulator(name, resultType, average, tryMode);
    }
}
