package io.freshet.expr.functions;

import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Decimal result types and rounding with Spark's rules (precision capped at 38, HALF_UP rounding). */
final class Decimals {
    private Decimals() {}

    /** The smallest scale Spark keeps when a result type must lose precision. */
    private static final int MINIMUM_ADJUSTED_SCALE = 6;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * {@code value} rounded HALF_UP to the type's scale, or null when it then has more digits than the
     * type's precision allows.
     */
    static BigDecimal fit(BigDecimal value, DecimalType type) {
        BigDecimal rounded = value.scale() == type.scale() ? value : value.setScale(type.scale(), RoundingMode.HALF_UP);
        return rounded.precision() <= type.precision() ? rounded : null;
    }

    /**
     * A decimal type for a result of {@code precision} and {@code scale} that may exceed 38 digits: like
     * Spark, it keeps the integer digits and gives up scale, but keeps at least 6 fractional digits.
     */
    static DecimalType adjust(int precision, int scale) {
        if (precision <= DecimalType.MAX_PRECISION) {
            return new DecimalType(precision, scale);
        }
        int integerDigits = precision - scale;
        int minimumScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
        int adjustedScale = Math.max(DecimalType.MAX_PRECISION - integerDigits, minimumScale);
        return new DecimalType(DecimalType.MAX_PRECISION, adjustedScale);
    }

    /** The decimal type of an integral literal: just as many digits as the value has (Spark's rule). */
    static DecimalType ofIntegralLiteral(long value) {
        int digits = BigDecimal.valueOf(value).precision();
        return new DecimalType(Math.max(digits, 1), 0);
    }

    static DecimalType addType(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int integerDigits = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        return adjust(integerDigits + scale + 1, scale);
    }

    static DecimalType multiplyType(DecimalType a, DecimalType b) {
        return adjust(a.precision() + b.precision() + 1, a.scale() + b.scale());
    }

    static DecimalType divideType(DecimalType a, DecimalType b) {
        int scale = Math.max(MINIMUM_ADJUSTED_SCALE, a.scale() + b.precision() + 1);
        int precision = a.precision() - a.scale() + b.scale() + scale;
        return adjust(precision, scale);
    }

    static DecimalType remainderType(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int precision = Math.min(a.precision() - a.scale(), b.precision() - b.scale()) + scale;
        return adjust(precision, scale);
    }

    /** Whether {@code value}, truncated toward zero, fits in a bigint. */
    static boolean fitsLong(BigDecimal value) {
        BigInteger integer = value.toBigInteger();
        return integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0;
    }

    static BigDecimal toDecimal(Object number, DataType type) {
        return switch (number) {
            case BigDecimal decimal -> decimal;
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Double d -> BigDecimal.valueOf(d);
            default -> throw new IllegalArgumentException("not a number of " + type + ": " + number);
        };
    }
}
