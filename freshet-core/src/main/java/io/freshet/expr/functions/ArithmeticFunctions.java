package io.freshet.expr.functions;

import io.freshet.data.Bits;
import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.ScalarFunction;
import io.freshet.expr.Temporal;
import io.freshet.expr.TypeCoercion;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The arithmetic operators {@code + - * / % div} and unary {@code negate}, their {@code try_} variants,
 * and date, timestamp and interval arithmetic: binding (Spark's implicit casts and result types) and the
 * bound functions.
 */
final class ArithmeticFunctions {
    private ArithmeticFunctions() {}

    private static final String ACCEPTED = "numbers, or dates, timestamps and intervals in the combinations "
            + "timestamp +/- interval, timestamp - timestamp, date +/- int, date - date, date +/- interval, "
            + "interval +/- interval, interval * number and interval / number";

    static void register(FunctionRegistry.Builder registry) {
        for (ArithmeticOp op : ArithmeticOp.values()) {
            registry.scalar(op.symbol(), args -> bind(op, false, args));
        }
        registry.scalar("try_add", args -> bind(ArithmeticOp.ADD, true, args));
        registry.scalar("try_subtract", args -> bind(ArithmeticOp.SUBTRACT, true, args));
        registry.scalar("try_multiply", args -> bind(ArithmeticOp.MULTIPLY, true, args));
        registry.scalar("try_divide", args -> bind(ArithmeticOp.DIVIDE, true, args));
        registry.scalar("try_mod", args -> bind(ArithmeticOp.REMAINDER, true, args));
        registry.scalar("negate", ArithmeticFunctions::bindNegate);
    }

    static Expr bind(ArithmeticOp op, boolean nullOnError, List<Expr> args) {
        String name = nullOnError ? op.tryName() : op.symbol();
        Binding.checkCount(name, args, 2);
        Expr left = args.get(0);
        Expr right = args.get(1);
        DataType leftType = left.type();
        DataType rightType = right.type();
        // NULL takes the type that the other side's arithmetic needs; two NULLs are doubles, as in Spark
        if (leftType instanceof NullType && rightType instanceof NullType) {
            DataType type = op == ArithmeticOp.INTEGRAL_DIVIDE ? BigintType.BIGINT : DoubleType.DOUBLE;
            return bind(op, nullOnError, List.of(Casts.cast(left, type), Casts.cast(right, type)));
        }
        if (leftType instanceof NullType) {
            return bind(op, nullOnError, List.of(Casts.cast(left, partnerOfNull(rightType)), right));
        }
        if (rightType instanceof NullType) {
            return bind(op, nullOnError, List.of(left, Casts.cast(right, partnerOfNull(leftType))));
        }
        // Spark's ANSI mode reads a string operand as a number: bigint next to an integral, else double
        if (leftType instanceof StringType && (rightType.isNumeric() || rightType instanceof StringType)) {
            return bind(op, nullOnError, List.of(Casts.cast(left, numberForString(rightType)), right));
        }
        if (rightType instanceof StringType && leftType.isNumeric()) {
            return bind(op, nullOnError, List.of(left, Casts.cast(right, numberForString(leftType))));
        }
        if (leftType.isNumeric() && rightType.isNumeric()) {
            return bindNumeric(op, nullOnError, name, left, right);
        }
        Expr temporal = bindTemporal(op, nullOnError, left, right);
        if (temporal == null) {
            throw Binding.mismatch(name, args, ACCEPTED);
        }
        return temporal;
    }

    private static DataType partnerOfNull(DataType other) {
        return switch (other) {
            case TimestampType t -> IntervalType.INTERVAL;
            case DateType t -> IntType.INT;
            case StringType t -> DoubleType.DOUBLE;
            default -> other;
        };
    }

    private static DataType numberForString(DataType other) {
        return other.isIntegral() ? BigintType.BIGINT : DoubleType.DOUBLE;
    }

    private static Expr bindNumeric(ArithmeticOp op, boolean nullOnError, String name, Expr left, Expr right) {
        DataType leftType = left.type();
        DataType rightType = right.type();
        boolean anyDouble = leftType instanceof DoubleType || rightType instanceof DoubleType;
        boolean anyDecimal = leftType instanceof DecimalType || rightType instanceof DecimalType;
        if (op == ArithmeticOp.INTEGRAL_DIVIDE) {
            if (anyDouble) {
                throw Binding.mismatch(name, List.of(left, right), "integral and decimal numbers");
            }
            if (anyDecimal) {
                return binary(op, nullOnError, BigintType.BIGINT, asDecimal(left), asDecimal(right));
            }
            return binary(
                    op,
                    nullOnError,
                    BigintType.BIGINT,
                    Casts.cast(left, BigintType.BIGINT),
                    Casts.cast(right, BigintType.BIGINT));
        }
        if (anyDouble || (op == ArithmeticOp.DIVIDE && !anyDecimal)) {
            return binary(
                    op,
                    nullOnError,
                    DoubleType.DOUBLE,
                    Casts.cast(left, DoubleType.DOUBLE),
                    Casts.cast(right, DoubleType.DOUBLE));
        }
        if (anyDecimal) {
            Expr a = asDecimal(left);
            Expr b = asDecimal(right);
            DecimalType x = (DecimalType) a.type();
            DecimalType y = (DecimalType) b.type();
            DecimalType type =
                    switch (op) {
                        case ADD, SUBTRACT -> Decimals.addType(x, y);
                        case MULTIPLY -> Decimals.multiplyType(x, y);
                        case DIVIDE -> Decimals.divideType(x, y);
                        case REMAINDER -> Decimals.remainderType(x, y);
                        case INTEGRAL_DIVIDE -> throw new IllegalStateException("handled above");
                    };
            return binary(op, nullOnError, type, a, b);
        }
        DataType type = TypeCoercion.widerNumeric(leftType, rightType);
        return binary(op, nullOnError, type, Casts.cast(left, type), Casts.cast(right, type));
    }

    /** An exact number as a decimal; an integral literal gets just as many digits as it has (Spark's rule). */
    private static Expr asDecimal(Expr expr) {
        if (expr.type() instanceof DecimalType) {
            return expr;
        }
        if (expr instanceof Literal literal
                && literal.value() instanceof Number number
                && expr.type().isIntegral()) {
            return Casts.cast(expr, Decimals.ofIntegralLiteral(number.longValue()));
        }
        return Casts.cast(expr, TypeCoercion.toDecimal(expr.type()));
    }

    private static Expr binary(ArithmeticOp op, boolean nullOnError, DataType type, Expr left, Expr right) {
        return new Call(new Binary(op, type, nullOnError), left, right);
    }

    /** Returns null when the operand types have no temporal meaning for {@code op}. */
    private static Expr bindTemporal(ArithmeticOp op, boolean nullOnError, Expr left, Expr right) {
        DataType a = left.type();
        DataType b = right.type();
        boolean aTimestamp = a instanceof TimestampType;
        boolean bTimestamp = b instanceof TimestampType;
        boolean aDate = a instanceof DateType;
        boolean bDate = b instanceof DateType;
        boolean aInterval = a instanceof IntervalType;
        boolean bInterval = b instanceof IntervalType;
        TimestampType timestamp = TimestampType.TIMESTAMP;
        IntervalType interval = IntervalType.INTERVAL;
        switch (op) {
            case ADD -> {
                if ((aTimestamp && bInterval) || (aInterval && bTimestamp)) {
                    return binary(op, nullOnError, timestamp, left, right);
                }
                if (aInterval && bInterval) {
                    return binary(op, nullOnError, interval, left, right);
                }
                if (aDate && b.isIntegral()) {
                    return binary(op, nullOnError, DateType.DATE, left, Casts.cast(right, IntType.INT));
                }
                if (a.isIntegral() && bDate) {
                    return binary(op, nullOnError, DateType.DATE, Casts.cast(left, IntType.INT), right);
                }
                if (aDate && bInterval) {
                    Expr days = wholeDays(right);
                    if (days != null) {
                        return binary(op, nullOnError, DateType.DATE, left, days);
                    }
                    return temporal(TemporalOp.DATE_PLUS_INTERVAL, op, nullOnError, timestamp, left, right);
                }
                if (aInterval && bDate) {
                    Expr days = wholeDays(left);
                    if (days != null) {
                        return binary(op, nullOnError, DateType.DATE, days, right);
                    }
                    return temporal(TemporalOp.INTERVAL_PLUS_DATE, op, nullOnError, timestamp, left, right);
                }
            }
            case SUBTRACT -> {
                if (aTimestamp && bInterval) {
                    return binary(op, nullOnError, timestamp, left, right);
                }
                if ((aTimestamp || aDate) && (bTimestamp || bDate) && !(aDate && bDate)) {
                    return binary(op, nullOnError, interval, Casts.cast(left, timestamp), Casts.cast(right, timestamp));
                }
                if (aInterval && bInterval) {
                    return binary(op, nullOnError, interval, left, right);
                }
                if (aDate && b.isIntegral()) {
                    return binary(op, nullOnError, DateType.DATE, left, Casts.cast(right, IntType.INT));
                }
                if (aDate && bDate) {
                    return temporal(TemporalOp.DATE_MINUS_DATE, op, nullOnError, interval, left, right);
                }
                if (aDate && bInterval) {
                    Expr days = wholeDays(right);
                    if (days != null) {
                        return binary(op, nullOnError, DateType.DATE, left, days);
                    }
                    return temporal(TemporalOp.DATE_MINUS_INTERVAL, op, nullOnError, timestamp, left, right);
                }
            }
            case MULTIPLY -> {
                if (aInterval && b.isIntegral()) {
                    return binary(op, nullOnError, interval, left, Casts.cast(right, BigintType.BIGINT));
                }
                if (a.isIntegral() && bInterval) {
                    return binary(op, nullOnError, interval, Casts.cast(left, BigintType.BIGINT), right);
                }
                if (aInterval && b.isNumeric()) {
                    return temporal(TemporalOp.INTERVAL_TIMES_NUMBER, op, nullOnError, interval, left, right);
                }
                if (a.isNumeric() && bInterval) {
                    return temporal(TemporalOp.NUMBER_TIMES_INTERVAL, op, nullOnError, interval, left, right);
                }
            }
            case DIVIDE -> {
                if (aInterval && b.isNumeric()) {
                    return temporal(TemporalOp.INTERVAL_DIVIDED_BY_NUMBER, op, nullOnError, interval, left, right);
                }
            }
            case REMAINDER, INTEGRAL_DIVIDE -> {
                return null;
            }
        }
        return null;
    }

    /**
     * The days of an interval literal that is a whole number of days (as {@code INTERVAL '1' DAY}), as an
     * int literal; null otherwise. Spark types {@code INTERVAL '1' DAY} as {@code interval day}, and a date
     * plus such an interval is a date; Freshet has one interval type, so it decides by the constant's
     * value: a date plus an interval with a time part (or one not known at planning) is a timestamp.
     */
    private static Expr wholeDays(Expr interval) {
        if (interval instanceof Literal literal && literal.value() instanceof Long micros) {
            long days = micros / Temporal.MICROS_PER_DAY;
            if (micros % Temporal.MICROS_PER_DAY == 0 && days == (int) days) {
                return new Literal((int) days, IntType.INT);
            }
        }
        return null;
    }

    private static Expr temporal(
            TemporalOp kind, ArithmeticOp op, boolean nullOnError, DataType type, Expr left, Expr right) {
        return new Call(new TemporalBinary(kind, op, type, nullOnError), left, right);
    }

    private static Expr bindNegate(List<Expr> args) {
        Binding.checkCount("negate", args, 1);
        Expr arg = args.get(0);
        DataType type = arg.type();
        if (type instanceof NullType || type instanceof StringType) {
            arg = Casts.cast(arg, DoubleType.DOUBLE);
            type = DoubleType.DOUBLE;
        }
        if (!type.isNumeric() && !(type instanceof IntervalType)) {
            throw Binding.mismatch("negate", args, "a number or an interval");
        }
        return new Call(new Negate(type), arg);
    }

    /** A binary arithmetic operator on operands already cast to the kinds its kernel expects. */
    record Binary(ArithmeticOp op, DataType returnType, boolean nullOnError) implements ScalarFunction {
        Binary {
            requireNonNull(op, "op is null");
            requireNonNull(returnType, "returnType is null");
        }

        @Override
        public String name() {
            return nullOnError ? op.tryName() : op.symbol();
        }

        @Override
        public String format(List<String> args) {
            if (nullOnError) {
                return ScalarFunction.super.format(args);
            }
            return "(" + args.get(0) + " " + op.symbol() + " " + args.get(1) + ")";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return ArithmeticKernels.apply(op, args[0], args[1], returnType, nullOnError);
        }
    }

    /** Unary minus; the minimum int or bigint has no negation and overflows. */
    record Negate(DataType returnType) implements ScalarFunction {
        @Override
        public String name() {
            return "negate";
        }

        @Override
        public String format(List<String> args) {
            return "(- " + args.get(0) + ")";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            Vector input = args[0];
            int size = input.size();
            long[] nulls = input.nulls();
            return switch (input) {
                case IntVector v -> {
                    int[] values = v.values();
                    int[] result = new int[size];
                    boolean overflow = false;
                    for (int i = 0; i < size; i++) {
                        result[i] = -values[i];
                        overflow |= values[i] == Integer.MIN_VALUE;
                    }
                    checkNegation(overflow, input, returnType);
                    yield new IntVector(returnType, result, nulls, size);
                }
                case LongVector v -> {
                    long[] values = v.values();
                    long[] result = new long[size];
                    boolean overflow = false;
                    for (int i = 0; i < size; i++) {
                        result[i] = -values[i];
                        overflow |= values[i] == Long.MIN_VALUE;
                    }
                    checkNegation(overflow, input, returnType);
                    yield new LongVector(returnType, result, nulls, size);
                }
                case DoubleVector v -> {
                    double[] values = v.values();
                    double[] result = new double[size];
                    for (int i = 0; i < size; i++) {
                        result[i] = -values[i];
                    }
                    yield new DoubleVector(returnType, result, nulls, size);
                }
                case ObjectVector v -> {
                    Object[] result = new Object[size];
                    for (int i = 0; i < size; i++) {
                        Object value = v.get(i);
                        result[i] = value == null ? null : ((BigDecimal) value).negate();
                    }
                    yield new ObjectVector(returnType, result, size);
                }
                case BooleanVector v -> throw new IllegalStateException("no negation of " + v);
                case StringVector v -> throw new IllegalStateException("no negation of " + v);
            };
        }

        private static void checkNegation(boolean suspect, Vector input, DataType type) {
            if (!suspect) {
                return;
            }
            for (int i = 0; i < input.size(); i++) {
                Object value = input.get(i);
                if (value != null && (value.equals(Integer.MIN_VALUE) || value.equals(Long.MIN_VALUE))) {
                    throw Errors.overflow("negation", type, "try_subtract(0, x)");
                }
            }
        }
    }

    /** The date and interval arithmetic that is not a plain integer operation on the internal values. */
    enum TemporalOp {
        DATE_MINUS_DATE,
        DATE_PLUS_INTERVAL,
        INTERVAL_PLUS_DATE,
        DATE_MINUS_INTERVAL,
        INTERVAL_TIMES_NUMBER,
        NUMBER_TIMES_INTERVAL,
        INTERVAL_DIVIDED_BY_NUMBER
    }

    /**
     * Date and interval arithmetic evaluated row at a time: date minus date is an interval of whole days
     * (Spark 4), a date plus an interval is a timestamp (the date's midnight in the session time zone),
     * and an interval times or divided by a number rounds HALF_UP to whole microseconds.
     */
    record TemporalBinary(TemporalOp kind, ArithmeticOp op, DataType returnType, boolean nullOnError)
            implements ScalarFunction {
        @Override
        public String name() {
            return nullOnError ? op.tryName() : op.symbol();
        }

        @Override
        public String format(List<String> args) {
            if (nullOnError) {
                return ScalarFunction.super.format(args);
            }
            return "(" + args.get(0) + " " + op.symbol() + " " + args.get(1) + ")";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            Vector left = args[0];
            Vector right = args[1];
            VectorBuilder builder = VectorBuilder.forType(returnType, rowCount);
            long[] nulls = Bits.or(left.nulls(), right.nulls());
            for (int i = 0; i < rowCount; i++) {
                if (Bits.get(nulls, i)) {
                    builder.appendNull();
                    continue;
                }
                Long result;
                try {
                    result = compute(left.get(i), right.get(i), context);
                } catch (ArithmeticException e) {
                    if (!nullOnError) {
                        throw Errors.overflow(op.description(), returnType, op.tryName());
                    }
                    result = null;
                }
                if (result == null) {
                    builder.appendNull();
                } else {
                    builder.appendLong(result);
                }
            }
            return builder.build();
        }

        /** The result's microseconds; null for a zero divisor under try_divide; ArithmeticException on overflow. */
        private Long compute(Object left, Object right, EvalContext context) {
            return switch (kind) {
                case DATE_MINUS_DATE ->
                    Math.multiplyExact((long) (Integer) left - (Integer) right, Temporal.MICROS_PER_DAY);
                case DATE_PLUS_INTERVAL ->
                    Math.addExact(CastValues.dateToTimestamp((Integer) left, context.timeZone()), (Long) right);
                case INTERVAL_PLUS_DATE ->
                    Math.addExact(CastValues.dateToTimestamp((Integer) right, context.timeZone()), (Long) left);
                case DATE_MINUS_INTERVAL ->
                    Math.subtractExact(CastValues.dateToTimestamp((Integer) left, context.timeZone()), (Long) right);
                case INTERVAL_TIMES_NUMBER -> multiply((Long) left, right);
                case NUMBER_TIMES_INTERVAL -> multiply((Long) right, left);
                case INTERVAL_DIVIDED_BY_NUMBER -> divide((Long) left, right);
            };
        }

        private static long multiply(long micros, Object number) {
            if (number instanceof Double d) {
                return toLongExact(roundHalfUp(micros * d));
            }
            BigDecimal exact = BigDecimal.valueOf(micros).multiply(Decimals.toDecimal(number, DoubleType.DOUBLE));
            return exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
        }

        private Long divide(long micros, Object number) {
            boolean zero = number instanceof Double d
                    ? d == 0
                    : Decimals.toDecimal(number, DoubleType.DOUBLE).signum() == 0;
            if (zero) {
                if (!nullOnError) {
                    throw Errors.divideByZero(op.tryName());
                }
                return null;
            }
            if (number instanceof Double d) {
                return toLongExact(roundHalfUp(micros / d));
            }
            return BigDecimal.valueOf(micros)
                    .divide(Decimals.toDecimal(number, DoubleType.DOUBLE), 0, RoundingMode.HALF_UP)
                    .longValueExact();
        }

        private static double roundHalfUp(double value) {
            return Math.signum(value) * Math.floor(Math.abs(value) + 0.5);
        }

        private static long toLongExact(double value) {
            if (!(value >= -0x1p63 && value < 0x1p63)) {
                throw new ArithmeticException("interval overflow");
            }
            return (long) value;
        }
    }
}
