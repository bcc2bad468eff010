package io.freshet.expr.aggregate;

import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Converts the doubles percentile summaries work in back to the input's type. */
final class PercentileValues {
    private PercentileValues() {}

    static Object fromDouble(DataType type, double value) {
        return switch (type) {
            case IntType t -> (int) value;
            case DateType t -> (int) value;
            case DoubleType t -> value;
            case DecimalType t -> BigDecimal.valueOf(value).setScale(t.scale(), RoundingMode.HALF_UP);
            default -> (long) value;
        };
    }
}
