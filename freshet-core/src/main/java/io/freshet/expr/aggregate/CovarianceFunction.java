package io.freshet.expr.aggregate;

import io.freshet.types.DataType;
import io.freshet.types.DoubleType;

import static java.util.Objects.requireNonNull;

/**
 * {@code covar_pop}, {@code covar_samp} and {@code corr} of two numeric arguments read as double,
 * over the rows where both are non-null. As in Spark 3.1+, the sample covariance and the correlation
 * of one row are null.
 */
public record CovarianceFunction(String name, Statistic statistic) implements AggregateFunction {
    /** Which statistic the co-moments give. */
    public enum Statistic {
        COVAR_POP,
        COVAR_SAMP,
        CORR
    }

    public CovarianceFunction {
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
        return new CovarianceAccumulator(statistic);
    }
}
