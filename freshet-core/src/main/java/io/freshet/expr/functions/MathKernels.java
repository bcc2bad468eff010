package io.freshet.expr.functions;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Bits;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.Vector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.DataType;
import io.freshet.types.DoubleType;
import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** The vectorized math functions: plain loops over {@code double[]}, {@code int[]} and {@code long[]}. */
final class MathKernels {
    private MathKernels() {}

    /** A function from double to double; the logarithms give null outside their domain, as in Spark. */
    enum DoubleOperation {
        SQRT,
        CBRT,
        EXP,
        EXPM1,
        LN,
        LOG10,
        LOG2,
        LOG1P,
        SIN,
        COS,
        TAN,
        COT,
        ASIN,
        ACOS,
        ATAN,
        SINH,
        COSH,
        TANH,
        ASINH,
        ACOSH,
        ATANH,
        DEGREES,
        RADIANS,
        SIGNUM,
        RINT;

        double apply(double x) {
            return switch (this) {
                case SQRT -> Math.sqrt(x);
                case CBRT -> Math.cbrt(x);
                case EXP -> Math.exp(x);
                case EXPM1 -> Math.expm1(x);
                case LN -> Math.log(x);
                case LOG10 -> Math.log10(x);
                case LOG2 -> Math.log(x) / Math.log(2);
                case LOG1P -> Math.log1p(x);
                case SIN -> Math.sin(x);
                case COS -> Math.cos(x);
                case TAN -> Math.tan(x);
                case COT -> 1.0 / Math.tan(x);
                case ASIN -> Math.asin(x);
                case ACOS -> Math.acos(x);
                case ATAN -> Math.atan(x);
                case SINH -> Math.sinh(x);
                case COSH -> Math.cosh(x);
                case TANH -> Math.tanh(x);
                case ASINH -> x == Double.NEGATIVE_INFINITY ? x : Math.log(x + Math.sqrt(x * x + 1.0));
                case ACOSH -> Math.log(x + Math.sqrt(x * x - 1.0));
                case ATANH -> 0.5 * Math.log((1.0 + x) / (1.0 - x));
                case DEGREES -> Math.toDegrees(x);
                case RADIANS -> Math.toRadians(x);
                case SIGNUM -> Math.signum(x);
                case RINT -> Math.rint(x);
            };
        }

        /** Whether the result is null for {@code x} (logarithms of non-positive numbers). */
        boolean nullFor(double x) {
            if (this == LN || this == LOG10 || this == LOG2) {
                return x <= 0.0;
            }
            return this == LOG1P && x <= -1.0;
        }
    }

    /** A double-to-double function over a vector. */
    record DoubleUnary(String name, DoubleOperation operation) implements ScalarFunction {
        DoubleUnary {
            requireNonNull(name, "name is null");
            requireNonNull(operation, "operation is null");
        }

        @Override
        public DataType returnType() {
            return DoubleType.DOUBLE;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            DoubleVector input = (DoubleVector) args[0];
            double[] values = input.values();
            double[] result = new double[rowCount];
            long[] nulls = input.nulls();
            boolean copied = false;
            for (int row = 0; row < rowCount; row++) {
                double x = values[row];
                if (operation.nullFor(x) && !input.isNull(row)) {
                    if (!copied) {
                        nulls = RowFunctions.unionNulls(rowCount, input);
                        copied = true;
                    }
                    nulls = RowFunctions.markNull(nulls, rowCount, row);
                }
                result[row] = operation.apply(x);
            }
            return new DoubleVector(DoubleType.DOUBLE, result, nulls, rowCount);
        }
    }

    /** A function of two doubles. */
    enum DoubleBinaryOperation {
        POW,
        ATAN2,
        HYPOT,
        /** {@code log(base, x)}: null unless both are positive. */
        LOG
    }

    /** A (double, double) to double function over vectors. */
    record DoubleBinary(String name, DoubleBinaryOperation operation) implements ScalarFunction {
        DoubleBinary {
            requireNonNull(name, "name is null");
            requireNonNull(operation, "operation is null");
        }

        @Override
        public DataType returnType() {
            return DoubleType.DOUBLE;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            DoubleVector left = (DoubleVector) args[0];
            DoubleVector right = (DoubleVector) args[1];
            double[] x = left.values();
            double[] y = right.values();
            double[] result = new double[rowCount];
            long[] nulls = RowFunctions.unionNulls(rowCount, left, right);
            switch (operation) {
                case POW -> {
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = Math.pow(x[row], y[row]);
                    }
                }
                case ATAN2 -> {
                    for (int row = 0; row < rowCount; row++) {
                        // Adding 0.0 turns -0.0 into 0.0, as Spark does for atan2.
                        result[row] = Math.atan2(x[row] + 0.0, y[row] + 0.0);
                    }
                }
                case HYPOT -> {
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = Math.hypot(x[row], y[row]);
                    }
                }
                case LOG -> {
                    for (int row = 0; row < rowCount; row++) {
                        if (x[row] <= 0.0 || y[row] <= 0.0) {
                            nulls = RowFunctions.markNull(nulls, rowCount, row);
                        } else {
                            result[row] = Math.log(y[row]) / Math.log(x[row]);
                        }
                    }
                }
            }
            return new DoubleVector(DoubleType.DOUBLE, result, nulls, rowCount);
        }
    }

    /** {@code abs} and {@code negative}: same type, integer overflow is an error in ANSI mode. */
    record SignFlip(String name, boolean absolute, DataType returnType) implements ScalarFunction {
        SignFlip {
            requireNonNull(name, "name is null");
            requireNonNull(returnType, "returnType is null");
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            Vector input = args[0];
            long[] nulls = input.nulls();
            return switch (input) {
                case IntVector v -> {
                    int[] values = v.values();
                    int[] result = new int[rowCount];
                    for (int row = 0; row < rowCount; row++) {
                        int x = values[row];
                        if (x == Integer.MIN_VALUE && !v.isNull(row)) {
                            throw overflow(name, Integer.toString(x), "int");
                        }
                        result[row] = absolute ? Math.abs(x) : -x;
                    }
                    yield new IntVector(returnType, result, nulls, rowCount);
                }
                case LongVector v -> {
                    long[] values = v.values();
                    long[] result = new long[rowCount];
                    for (int row = 0; row < rowCount; row++) {
                        long x = values[row];
                        if (x == Long.MIN_VALUE && !v.isNull(row)) {
                            throw overflow(name, Long.toString(x), returnType.sqlName());
                        }
                        result[row] = absolute ? Math.abs(x) : -x;
                    }
                    yield new LongVector(returnType, result, nulls, rowCount);
                }
                case DoubleVector v -> {
                    double[] values = v.values();
                    double[] result = new double[rowCount];
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = absolute ? Math.abs(values[row]) : -values[row];
                    }
                    yield new DoubleVector(returnType, result, nulls, rowCount);
                }
                case ObjectVector v -> {
                    Object[] result = new Object[rowCount];
                    for (int row = 0; row < rowCount; row++) {
                        BigDecimal x = (BigDecimal) v.get(row);
                        result[row] = x == null ? null : absolute ? x.abs() : x.negate();
                    }
                    yield new ObjectVector(returnType, result, rowCount);
                }
                case io.freshet.data.BooleanVector v -> throw notNumeric(v);
                case io.freshet.data.StringVector v -> throw notNumeric(v);
            };
        }
    }

    private static IllegalArgumentException notNumeric(Vector vector) {
        return new IllegalArgumentException("not a numeric vector: " + vector.type());
    }

    static FreshetException overflow(String function, String value, String type) {
        return new FreshetException(
                ErrorCode.ARITHMETIC_OVERFLOW,
                function + "(" + value + ") overflows " + type
                        + "; cast the argument to a wider type (bigint or decimal) first");
    }

    /** Whether any of the vectors has a null at {@code row}. */
    static boolean anyNull(long[] nulls, int row) {
        return nulls != null && Bits.get(nulls, row);
    }
}
