package io.freshet.expr.functions;

import io.freshet.data.Bits;
import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Vectorized arithmetic on two vectors of the same physical kind. The hot path is one tight loop over
 * the primitive arrays that also folds an overflow or zero-divisor flag; only when the flag is raised
 * does a second pass look at the rows one by one (ignoring null rows, whose values are arbitrary) to
 * throw the ANSI error or, for the try_ functions, to null them.
 */
final class ArithmeticKernels {
    private ArithmeticKernels() {}

    static Vector apply(ArithmeticOp op, Vector left, Vector right, DataType type, boolean nullOnError) {
        return switch (left) {
            case IntVector a -> ints(op, a, (IntVector) right, type, nullOnError);
            case LongVector a -> longs(op, a, (LongVector) right, type, nullOnError);
            case DoubleVector a -> doubles(op, a, (DoubleVector) right, nullOnError);
            case ObjectVector a -> decimals(op, a, right, type, nullOnError);
            case BooleanVector a -> throw new IllegalStateException("no arithmetic on " + a);
            case StringVector a -> throw new IllegalStateException("no arithmetic on " + a);
        };
    }

    // ---- bigint (also timestamp and interval as microseconds) ----

    static Vector longs(ArithmeticOp op, LongVector left, LongVector right, DataType type, boolean nullOnError) {
        int size = left.size();
        long[] a = left.values();
        long[] b = right.values();
        long[] result = new long[size];
        long[] nulls = Bits.or(left.nulls(), right.nulls());
        boolean suspect =
                switch (op) {
                    case ADD -> addLongs(a, b, result, size);
                    case SUBTRACT -> subtractLongs(a, b, result, size);
                    case MULTIPLY -> multiplyLongs(a, b, result, size);
                    case INTEGRAL_DIVIDE, REMAINDER -> divideLongs(op, a, b, result, size);
                    case DIVIDE -> throw new IllegalStateException("bigint / is evaluated on doubles");
                };
        if (suspect) {
            nulls = checkLongs(op, a, b, result, nulls, size, type, nullOnError);
        }
        return new LongVector(type, result, nulls, size);
    }

    private static boolean addLongs(long[] a, long[] b, long[] result, int size) {
        long overflow = 0;
        for (int i = 0; i < size; i++) {
            long x = a[i];
            long y = b[i];
            long sum = x + y;
            result[i] = sum;
            overflow |= (x ^ sum) & (y ^ sum);
        }
        return overflow < 0;
    }

    private static boolean subtractLongs(long[] a, long[] b, long[] result, int size) {
        long overflow = 0;
        for (int i = 0; i < size; i++) {
            long x = a[i];
            long y = b[i];
            long difference = x - y;
            result[i] = difference;
            overflow |= (x ^ y) & (x ^ difference);
        }
        return overflow < 0;
    }

    private static boolean multiplyLongs(long[] a, long[] b, long[] result, int size) {
        long overflow = 0;
        for (int i = 0; i < size; i++) {
            long x = a[i];
            long y = b[i];
            long product = x * y;
            result[i] = product;
            overflow |= Math.multiplyHigh(x, y) ^ (product >> 63);
        }
        return overflow != 0;
    }

    private static boolean divideLongs(ArithmeticOp op, long[] a, long[] b, long[] result, int size) {
        boolean zero = false;
        for (int i = 0; i < size; i++) {
            zero |= b[i] == 0;
        }
        if (zero) {
            return true; // the checking pass computes every row
        }
        if (op == ArithmeticOp.REMAINDER) {
            for (int i = 0; i < size; i++) {
                result[i] = a[i] % b[i];
            }
            return false;
        }
        boolean overflow = false;
        for (int i = 0; i < size; i++) {
            long x = a[i];
            long y = b[i];
            result[i] = x / y;
            overflow |= x == Long.MIN_VALUE & y == -1;
        }
        return overflow;
    }

    /** Recomputes every non-null row exactly; throws, or nulls the row, where the result is undefined. */
    private static long[] checkLongs(
            ArithmeticOp op,
            long[] a,
            long[] b,
            long[] result,
            long[] nulls,
            int size,
            DataType type,
            boolean nullOnError) {
        long[] original = nulls;
        for (int i = 0; i < size; i++) {
            if (Bits.get(original, i)) {
                continue;
            }
            long x = a[i];
            long y = b[i];
            if (op.dividesOrRemainders() && y == 0) {
                if (!nullOnError) {
                    throw Errors.divideByZero(op.tryName());
                }
                nulls = CastKernels.setNull(nulls, original, i, size);
                continue;
            }
            boolean overflow =
                    switch (op) {
                        case ADD -> ((x ^ (x + y)) & (y ^ (x + y))) < 0;
                        case SUBTRACT -> ((x ^ y) & (x ^ (x - y))) < 0;
                        case MULTIPLY -> Math.multiplyHigh(x, y) != ((x * y) >> 63);
                        case INTEGRAL_DIVIDE -> x == Long.MIN_VALUE && y == -1;
                        case REMAINDER, DIVIDE -> false;
                    };
            if (overflow) {
                if (!nullOnError) {
                    throw Errors.overflow(op.description(), type, op.tryName());
                }
                nulls = CastKernels.setNull(nulls, original, i, size);
            } else if (op.dividesOrRemainders()) {
                result[i] = op == ArithmeticOp.REMAINDER ? x % y : x / y;
            }
        }
        return nulls;
    }

    // ---- int (also date as days) ----

    static Vector ints(ArithmeticOp op, IntVector left, IntVector right, DataType type, boolean nullOnError) {
        int size = left.size();
        int[] a = left.values();
        int[] b = right.values();
        int[] result = new int[size];
        long[] nulls = Bits.or(left.nulls(), right.nulls());
        boolean suspect = false;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < size; i++) {
                    long sum = (long) a[i] + b[i];
                    result[i] = (int) sum;
                    suspect |= sum != (int) sum;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < size; i++) {
                    long difference = (long) a[i] - b[i];
                    result[i] = (int) difference;
                    suspect |= difference != (int) difference;
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < size; i++) {
                    long product = (long) a[i] * b[i];
                    result[i] = (int) product;
                    suspect |= product != (int) product;
                }
            }
            case REMAINDER -> {
                for (int i = 0; i < size; i++) {
                    suspect |= b[i] == 0;
                }
                if (!suspect) {
                    for (int i = 0; i < size; i++) {
                        result[i] = a[i] % b[i];
                    }
                }
            }
            case DIVIDE, INTEGRAL_DIVIDE ->
                throw new IllegalStateException("int " + op + " is evaluated on wider types");
        }
        if (suspect) {
            nulls = checkInts(op, a, b, result, nulls, size, type, nullOnError);
        }
        return new IntVector(type, result, nulls, size);
    }

    private static long[] checkInts(
            ArithmeticOp op,
            int[] a,
            int[] b,
            int[] result,
            long[] nulls,
            int size,
            DataType type,
            boolean nullOnError) {
        long[] original = nulls;
        for (int i = 0; i < size; i++) {
            if (Bits.get(original, i)) {
                continue;
            }
            long x = a[i];
            long y = b[i];
            if (op == ArithmeticOp.REMAINDER) {
                if (y == 0) {
                    if (!nullOnError) {
                        throw Errors.divideByZero(op.tryName());
                    }
                    nulls = CastKernels.setNull(nulls, original, i, size);
                } else {
                    result[i] = (int) (x % y);
                }
                continue;
            }
            long exact =
                    switch (op) {
                        case ADD -> x + y;
                        case SUBTRACT -> x - y;
                        default -> x * y;
                    };
            if (exact != (int) exact) {
                if (!nullOnError) {
                    throw Errors.overflow(op.description(), type, op.tryName());
                }
                nulls = CastKernels.setNull(nulls, original, i, size);
            }
        }
        return nulls;
    }

    // ---- double ----

    static Vector doubles(ArithmeticOp op, DoubleVector left, DoubleVector right, boolean nullOnError) {
        int size = left.size();
        double[] a = left.values();
        double[] b = right.values();
        double[] result = new double[size];
        long[] nulls = Bits.or(left.nulls(), right.nulls());
        boolean zero = false;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] + b[i];
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] - b[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] * b[i];
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < size; i++) {
                    double y = b[i];
                    result[i] = a[i] / y;
                    zero |= y == 0;
                }
            }
            case REMAINDER -> {
                for (int i = 0; i < size; i++) {
                    double y = b[i];
                    result[i] = a[i] % y;
                    zero |= y == 0;
                }
            }
            case INTEGRAL_DIVIDE -> throw new IllegalStateException("div is not defined on double");
        }
        if (zero) {
            // Spark's ANSI mode treats a zero divisor as an error for doubles too
            long[] original = nulls;
            for (int i = 0; i < size; i++) {
                if (b[i] == 0 && !Bits.get(original, i)) {
                    if (!nullOnError) {
                        throw Errors.divideByZero(op.tryName());
                    }
                    nulls = CastKernels.setNull(nulls, original, i, size);
                }
            }
        }
        return new DoubleVector(left.type(), result, nulls, size);
    }

    // ---- decimal (row at a time on BigDecimal) ----

    static Vector decimals(ArithmeticOp op, ObjectVector left, Vector right, DataType type, boolean nullOnError) {
        int size = left.size();
        Object[] a = left.values();
        Object[] b = ((ObjectVector) right).values();
        boolean toLong = op == ArithmeticOp.INTEGRAL_DIVIDE;
        Object[] decimals = toLong ? null : new Object[size];
        long[] longs = toLong ? new long[size] : null;
        long[] nulls = toLong ? Bits.or(left.nulls(), right.nulls()) : null;
        long[] original = nulls;
        for (int i = 0; i < size; i++) {
            BigDecimal x = (BigDecimal) a[i];
            BigDecimal y = (BigDecimal) b[i];
            if (x == null || y == null) {
                continue;
            }
            if (op.dividesOrRemainders() && y.signum() == 0) {
                if (!nullOnError) {
                    throw Errors.divideByZero(op.tryName());
                }
                if (toLong) {
                    nulls = CastKernels.setNull(nulls, original, i, size);
                }
                continue;
            }
            if (toLong) {
                BigDecimal quotient = x.divideToIntegralValue(y);
                if (Decimals.fitsLong(quotient)) {
                    longs[i] = quotient.longValue();
                } else if (nullOnError) {
                    nulls = CastKernels.setNull(nulls, original, i, size);
                } else {
                    throw Errors.overflow(op.description(), type, op.tryName());
                }
                continue;
            }
            DecimalType decimalType = (DecimalType) type;
            BigDecimal exact =
                    switch (op) {
                        case ADD -> x.add(y);
                        case SUBTRACT -> x.subtract(y);
                        case MULTIPLY -> x.multiply(y);
                        case DIVIDE -> x.divide(y, decimalType.scale(), RoundingMode.HALF_UP);
                        case REMAINDER -> x.remainder(y);
                        case INTEGRAL_DIVIDE -> throw new IllegalStateException("handled above");
                    };
            BigDecimal fitted = Decimals.fit(exact, decimalType);
            if (fitted == null && !nullOnError) {
                throw Errors.overflow(op.description(), type, op.tryName());
            }
            decimals[i] = fitted;
        }
        return toLong ? new LongVector(type, longs, nulls, size) : new ObjectVector(type, decimals, size);
    }
}
