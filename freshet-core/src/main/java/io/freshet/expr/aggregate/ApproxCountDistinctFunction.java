package io.freshet.expr.aggregate;

import io.freshet.types.BigintType;
import io.freshet.types.DataType;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * {@code approx_count_distinct(x[, relativeSD])}: a HyperLogLog estimate of the number of distinct
 * non-null values, with {@code 2^p} registers where {@code p = ceil(2 * log2(1.106 / relativeSD))}
 * as in Spark (relativeSD 0.05 gives p = 9); 0 for an empty group.
 */
public record ApproxCountDistinctFunction(DataType inputType, double relativeSd) implements AggregateFunction {
    public static final int MIN_PRECISION = 4;
    public static final int MAX_PRECISION = 18;

    public ApproxCountDistinctFunction {
        requireNonNull(inputType, "inputType is null");
        int precision = precisionFor(relativeSd);
        checkArgument(
                precision >= MIN_PRECISION && precision <= MAX_PRECISION,
                "relativeSd gives precision %s outside %s..%s: %s",
                precision,
                MIN_PRECISION,
                MAX_PRECISION,
                relativeSd);
    }

    /** The register-index bit count Spark derives from a relative standard deviation. */
    public static int precisionFor(double relativeSd) {
        return (int) Math.ceil(2.0 * Math.log(1.106 / relativeSd) / Math.log(2.0));
    }

    public int precision() {
        return precisionFor(relativeSd);
    }

    @Override
    public String name() {
        return "approx_count_distinct";
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
        return new HyperLogLogAccumulator(inputType, precision());
    }
}
