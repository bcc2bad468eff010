package io.freshet.connector.file;

import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import java.math.BigDecimal;

/** Type widening shared by CSV and JSON schema inference. */
final class InferredTypes {
    private InferredTypes() {}

    /**
     * The common numeric type of two numeric types, as Spark widens them in inference: int < bigint < double,
     * a decimal with an integer becomes a decimal wide enough for both, a decimal with a double a double, and
     * two decimals the decimal holding both (a double past 38 digits). Null when either is not numeric.
     */
    static DataType widerNumeric(DataType a, DataType b) {
        if (!a.isNumeric() || !b.isNumeric()) {
            return null;
        }
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof DoubleType || b instanceof DoubleType) {
            return DoubleType.DOUBLE;
        }
        if (a instanceof DecimalType || b instanceof DecimalType) {
            DecimalType x = asDecimal(a);
            DecimalType y = asDecimal(b);
            int scale = Math.max(x.scale(), y.scale());
            int integerDigits = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
            if (integerDigits + scale > DecimalType.MAX_PRECISION) {
                return DoubleType.DOUBLE;
            }
            return new DecimalType(integerDigits + scale, scale);
        }
        return BigintType.BIGINT; // int with bigint
    }

    private static DecimalType asDecimal(DataType type) {
        return switch (type) {
            case DecimalType decimal -> decimal;
            case IntType t -> new DecimalType(10, 0);
            default -> new DecimalType(20, 0);
        };
    }

    /** The decimal type of a number that has no fraction, or null when it needs more than 38 digits. */
    static DecimalType integralDecimal(BigDecimal value) {
        BigDecimal integral = value.scale() < 0 ? value.setScale(0) : value;
        int precision = Math.max(integral.precision(), integral.scale());
        if (precision > DecimalType.MAX_PRECISION) {
            return null;
        }
        return new DecimalType(Math.max(precision, 1), integral.scale());
    }

    /** Replaces an inferred null type (a column with only nulls) by string, as Spark does. */
    static DataType orString(DataType type) {
        return type instanceof NullType ? StringType.STRING : type;
    }
}
