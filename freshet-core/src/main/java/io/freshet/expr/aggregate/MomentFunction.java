package io.freshet.expr.aggregate;

import io.freshet.types.DataType;
import io.freshet.types.DoubleType;

import static java.util.Objects.requireNonNull;

/**
 * The central-moment statistics of one numeric argument read as double: variances, standard
 * deviations, skewness and kurtosis. As in Spark 3.1+, the sample statistics of one row are null
 * (not NaN), and skewness and kurtosis are null when all values are equal.
 */
public record MomentFunction(String name, Statistic statistic) implements AggregateFunction {
    /** Which statistic the moments give. */
    public enum Statistic {
        VAR_SAMP,
        VAR_POP,
        STDDEV_SAMP,
        STDDEV_POP,
        SKEWNESS,
        KURTOSIS;

        /** The highest central moment the statistic needs. */
        int order() {
            return switch (this) {
                case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP -> 2;
                case SKEWNESS -> 3;
                case KURTOSIS -> 4;
            };
        }
    }

    public MomentFunction {
        requireNonNull(name, "name is null");
        requireNonNull(statistic, "statistic is null");
    }

    @Override
    public DataType resultType() {
        return DoubleType.DOUBLE;
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        return new MomentAccumulator(statistic);
    }
}
