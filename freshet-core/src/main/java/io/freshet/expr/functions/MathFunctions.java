package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.TypeCoercion;
import io.freshet.expr.functions.MathKernels.DoubleBinary;
import io.freshet.expr.functions.MathKernels.DoubleBinaryOperation;
import io.freshet.expr.functions.MathKernels.DoubleOperation;
import io.freshet.expr.functions.MathKernels.DoubleUnary;
import io.freshet.expr.functions.MathKernels.SignFlip;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static io.freshet.expr.functions.RowFunctions.checkArity;
import static io.freshet.expr.functions.RowFunctions.coerce;
import static io.freshet.expr.functions.RowFunctions.rowCall;
import static io.freshet.expr.functions.RowFunctions.rowCallWithNulls;

/**
 * Built-in math functions with Spark SQL's semantics in ANSI mode: integer overflow and division by
 * zero are errors, logarithms outside their domain are null, rounding keeps the argument's type.
 */
public final class MathFunctions {
    private MathFunctions() {}

    private static final DataType DOUBLE = DoubleType.DOUBLE;
    private static final DataType BIGINT = BigintType.BIGINT;
    private static final DataType INT = IntType.INT;

    private static final Map<String, DoubleOperation> UNARY = Map.ofEntries(
            Map.entry("sqrt", DoubleOperation.SQRT),
            Map.entry("cbrt", DoubleOperation.CBRT),
            Map.entry("exp", DoubleOperation.EXP),
            Map.entry("expm1", DoubleOperation.EXPM1),
            Map.entry("ln", DoubleOperation.LN),
            Map.entry("log10", DoubleOperation.LOG10),
            Map.entry("log2", DoubleOperation.LOG2),
            Map.entry("log1p", DoubleOperation.LOG1P),
            Map.entry("sin", DoubleOperation.SIN),
            Map.entry("cos", DoubleOperation.COS),
            Map.entry("tan", DoubleOperation.TAN),
            Map.entry("cot", DoubleOperation.COT),
            Map.entry("asin", DoubleOperation.ASIN),
            Map.entry("acos", DoubleOperation.ACOS),
            Map.entry("atan", DoubleOperation.ATAN),
            Map.entry("sinh", DoubleOperation.SINH),
            Map.entry("cosh", DoubleOperation.COSH),
            Map.entry("tanh", DoubleOperation.TANH),
            Map.entry("asinh", DoubleOperation.ASINH),
            Map.entry("acosh", DoubleOperation.ACOSH),
            Map.entry("atanh", DoubleOperation.ATANH),
            Map.entry("degrees", DoubleOperation.DEGREES),
            Map.entry("radians", DoubleOperation.RADIANS),
            Map.entry("sign", DoubleOperation.SIGNUM),
            Map.entry("signum", DoubleOperation.SIGNUM),
            Map.entry("rint", DoubleOperation.RINT));

    public static void register(FunctionRegistry.Builder registry) {
        for (Map.Entry<String, DoubleOperation> entry : UNARY.entrySet()) {
            String name = entry.getKey();
            DoubleOperation operation = entry.getValue();
            registry.scalar(name, args -> {
                checkArity(name, args, 1, 1, "expr");
                return new Call(new DoubleUnary(name, operation), coerce(name, 1, args.get(0), DOUBLE));
            });
        }
        registry.scalar("pow", args -> bindBinary("pow", args, DoubleBinaryOperation.POW, "base, exponent"));
        registry.scalar("power", args -> bindBinary("power", args, DoubleBinaryOperation.POW, "base, exponent"));
        registry.scalar("atan2", args -> bindBinary("atan2", args, DoubleBinaryOperation.ATAN2, "y, x"));
        registry.scalar("hypot", args -> bindBinary("hypot", args, DoubleBinaryOperation.HYPOT, "x, y"));
        registry.scalar("log", MathFunctions::bindLog);
        registry.scalar("abs", args -> bindSignFlip("abs", args, true));
        registry.scalar("negative", args -> bindSignFlip("negative", args, false));
        registry.scalar("positive", MathFunctions::bindPositive);
        registry.scalar("round", args -> bindRound("round", args, RoundingMode.HALF_UP));
        registry.scalar("bround", args -> bindRound("bround", args, RoundingMode.HALF_EVEN));
        registry.scalar("floor", args -> bindFloorCeil("floor", args, RoundingMode.FLOOR));
        registry.scalar("ceil", args -> bindFloorCeil("ceil", args, RoundingMode.CEILING));
        registry.scalar("ceiling", args -> bindFloorCeil("ceiling", args, RoundingMode.CEILING));
        registry.scalar("greatest", args -> bindExtreme("greatest", args, true));
        registry.scalar("least", args -> bindExtreme("least", args, false));
        registry.scalar("mod", args -> bindRemainder("mod", args, false));
        registry.scalar("pmod", args -> bindRemainder("pmod", args, true));
        registry.scalar("pi", args -> bindConstant("pi", args, Math.PI));
        registry.scalar("e", args -> bindConstant("e", args, Math.E));
        registry.scalar("rand", args -> bindRandom("rand", args));
        registry.scalar("random", args -> bindRandom("random", args));
        registry.scalar("isnan", MathFunctions::bindIsNan);
        registry.scalar("nanvl", MathFunctions::bindNanvl);
        registry.scalar("bin", MathFunctions::bindBin);
        registry.scalar("hex", MathFunctions::bindHex);
    }

    // ---------------------------------------------------------------- doubles

    private static Expr bindBinary(String name, List<Expr> args, DoubleBinaryOperation operation, String signature) {
        checkArity(name, args, 2, 2, signature);
        return new Call(
                new DoubleBinary(name, operation),
                coerce(name, 1, args.get(0), DOUBLE),
                coerce(name, 2, args.get(1), DOUBLE));
    }

    private static Expr bindLog(List<Expr> args) {
        checkArity("log", args, 1, 2, "[base, ]expr");
        if (args.size() == 1) {
            return new Call(new DoubleUnary("log", DoubleOperation.LN), coerce("log", 1, args.get(0), DOUBLE));
        }
        return bindBinary("log", args, DoubleBinaryOperation.LOG, "[base, ]expr");
    }

    private static Expr bindIsNan(List<Expr> args) {
        checkArity("isnan", args, 1, 1, "expr");
        // isnan(NULL) is false, not null.
        return rowCallWithNulls(
                "isnan",
                BooleanType.BOOLEAN,
                List.of(coerce("isnan", 1, args.get(0), DOUBLE)),
                (values, context) -> values[0] != null && Double.isNaN((Double) values[0]));
    }

    private static Expr bindNanvl(List<Expr> args) {
        checkArity("nanvl", args, 2, 2, "expr1, expr2");
        List<Expr> bound = List.of(coerce("nanvl", 1, args.get(0), DOUBLE), coerce("nanvl", 2, args.get(1), DOUBLE));
        return rowCallWithNulls("nanvl", DOUBLE, bound, (values, context) -> {
            Double first = (Double) values[0];
            return first != null && first.isNaN() ? values[1] : first;
        });
    }

    private static Expr bindConstant(String name, List<Expr> args, double value) {
        checkArity(name, args, 0, 0, "");
        return new Literal(value, DOUBLE);
    }

    private static Expr bindRandom(String name, List<Expr> args) {
        checkArity(name, args, 0, 1, "[seed]");
        long seed;
        if (args.isEmpty()) {
            seed = ThreadLocalRandom.current().nextLong();
        } else if (args.get(0) instanceof Literal literal
                && (literal.value() == null || literal.type().isIntegral())) {
            seed = literal.value() == null ? 0L : ((Number) literal.value()).longValue();
        } else {
            throw new AnalysisException(
                    ErrorCode.WRONG_ARGUMENTS, name + " expects an int or bigint literal seed, got " + args.get(0));
        }
        return new Call(new MathRandom(name, seed), List.of());
    }

    // ---------------------------------------------------------------- numbers of any type

    private static DataType numeric(String name, int position, Expr arg) {
        DataType type = arg.type();
        if (type instanceof NullType) {
            return DOUBLE;
        }
        if (type instanceof StringType) {
            return DOUBLE;
        }
        if (!type.isNumeric()) {
            throw RowFunctions.typeMismatch(name, position, "numeric", type);
        }
        return type;
    }

    private static Expr bindSignFlip(String name, List<Expr> args, boolean absolute) {
        checkArity(name, args, 1, 1, "expr");
        DataType type = numeric(name, 1, args.get(0));
        return new Call(new SignFlip(name, absolute, type), coerce(name, 1, args.get(0), type));
    }

    private static Expr bindPositive(List<Expr> args) {
        checkArity("positive", args, 1, 1, "expr");
        return coerce("positive", 1, args.get(0), numeric("positive", 1, args.get(0)));
    }

    private static Expr bindRound(String name, List<Expr> args, RoundingMode mode) {
        checkArity(name, args, 1, 2, "expr[, d]");
        DataType type = numeric(name, 1, args.get(0));
        Expr scale = args.size() == 2 ? coerce(name, 2, args.get(1), INT) : new Literal(0, INT);
        if (!(scale instanceof Literal scaleLiteral)) {
            throw new AnalysisException(ErrorCode.WRONG_ARGUMENTS, name + " expects a literal int scale, got " + scale);
        }
        int d = scaleLiteral.value() == null ? 0 : (Integer) scaleLiteral.value();
        return roundCall(name, coerce(name, 1, args.get(0), type), scale, roundedType(type, d), mode);
    }

    private static Expr bindFloorCeil(String name, List<Expr> args, RoundingMode mode) {
        checkArity(name, args, 1, 2, "expr[, scale]");
        if (args.size() == 2) {
            return bindRound(name, args, mode);
        }
        DataType type = numeric(name, 1, args.get(0));
        if (type instanceof DecimalType decimal) {
            DataType result = new DecimalType(Math.min(decimal.precision() - decimal.scale() + 1, 38), 0);
            return roundCall(name, args.get(0), new Literal(0, INT), result, mode);
        }
        Expr arg = coerce(name, 1, args.get(0), type instanceof DoubleType ? DOUBLE : BIGINT);
        if (arg.type() instanceof BigintType) {
            return arg;
        }
        return mode == RoundingMode.FLOOR
                ? rowCall(name, BIGINT, List.of(arg), (values, context) -> (long) Math.floor((Double) values[0]))
                : rowCall(name, BIGINT, List.of(arg), (values, context) -> (long) Math.ceil((Double) values[0]));
    }

    /** Spark's result type of rounding a value of {@code type} to {@code scale} digits. */
    static DataType roundedType(DataType type, int scale) {
        if (!(type instanceof DecimalType decimal)) {
            return type;
        }
        int integralDigits = decimal.precision() - decimal.scale() + 1;
        if (scale < 0) {
            return new DecimalType(Math.min(Math.max(integralDigits, 1 - scale), 38), 0);
        }
        int newScale = Math.min(decimal.scale(), scale);
        return new DecimalType(Math.min(integralDigits + newScale, 38), newScale);
    }

    private static Expr roundCall(String name, Expr value, Expr scale, DataType type, RoundingMode mode) {
        List<Expr> args = List.of(value, scale);
        return switch (mode) {
            case HALF_UP ->
                rowCall(name, type, args, (v, c) -> round(v[0], (Integer) v[1], RoundingMode.HALF_UP, "round"));
            case HALF_EVEN ->
                rowCall(name, type, args, (v, c) -> round(v[0], (Integer) v[1], RoundingMode.HALF_EVEN, "bround"));
            case FLOOR -> rowCall(name, type, args, (v, c) -> round(v[0], (Integer) v[1], RoundingMode.FLOOR, "floor"));
            case CEILING ->
                rowCall(name, type, args, (v, c) -> round(v[0], (Integer) v[1], RoundingMode.CEILING, "ceil"));
            default -> throw new IllegalArgumentException("unsupported rounding mode " + mode);
        };
    }

    /** Rounds an internal numeric value to {@code scale} decimal digits, keeping its type. */
    static Object round(Object value, int scale, RoundingMode mode, String function) {
        return switch (value) {
            case Integer x -> {
                if (scale >= 0) {
                    yield x;
                }
                BigDecimal rounded = BigDecimal.valueOf(x).setScale(scale, mode);
                try {
                    yield rounded.intValueExact();
                } catch (ArithmeticException e) {
                    throw MathKernels.overflow(function, x + ", " + scale, "int");
                }
            }
            case Long x -> {
                if (scale >= 0) {
                    yield x;
                }
                BigDecimal rounded = BigDecimal.valueOf(x).setScale(scale, mode);
                try {
                    yield rounded.longValueExact();
                } catch (ArithmeticException e) {
                    throw MathKernels.overflow(function, x + ", " + scale, "bigint");
                }
            }
            case Double x -> {
                if (x.isNaN() || x.isInfinite()) {
                    yield x;
                }
                // The shortest decimal representation, as Spark's BigDecimal(double) takes, so 2.675 rounds to 2.68.
                yield new BigDecimal(Double.toString(x)).setScale(scale, mode).doubleValue();
            }
            case BigDecimal x -> {
                BigDecimal rounded = x.setScale(scale, mode);
                yield scale < 0 ? rounded.setScale(0) : rounded.setScale(Math.min(x.scale(), scale), mode);
            }
            default -> throw new IllegalArgumentException("not a number: " + value);
        };
    }

    private static Expr bindExtreme(String name, List<Expr> args, boolean greatest) {
        checkArity(name, args, 2, Integer.MAX_VALUE, "expr1, expr2[, ...]");
        DataType type = commonType(name, args);
        List<Expr> bound = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            bound.add(coerce(name, i + 1, args.get(i), type));
        }
        // Nulls are skipped; the result is null only when every argument is.
        return greatest
                ? rowCallWithNulls(name, type, bound, (values, context) -> extreme(values, 1))
                : rowCallWithNulls(name, type, bound, (values, context) -> extreme(values, -1));
    }

    private static DataType commonType(String name, List<Expr> args) {
        DataType type = null;
        boolean same = true;
        List<DataType> types = new ArrayList<>(args.size());
        for (Expr arg : args) {
            types.add(arg.type());
            if (arg.type() instanceof NullType) {
                continue;
            }
            if (type == null) {
                type = arg.type();
            } else {
                same &= type.equals(arg.type());
            }
        }
        if (type == null) {
            return DOUBLE;
        }
        if (same) {
            return type;
        }
        Optional<DataType> common = TypeCoercion.commonType(types);
        return common.orElseThrow(() -> new AnalysisException(
                ErrorCode.TYPE_MISMATCH,
                name + " expects arguments of one type (or types with a common type), got " + types));
    }

    private static Object extreme(Object[] values, int sign) {
        Object best = null;
        for (Object value : values) {
            if (value != null && (best == null || sign * compare(value, best) > 0)) {
                best = value;
            }
        }
        return best;
    }

    /** Compares two internal values of one type; strings by code point, NaN above every other double. */
    @SuppressWarnings("unchecked")
    static int compare(Object left, Object right) {
        if (left instanceof String a && right instanceof String b) {
            return compareCodePoints(a, b);
        }
        return ((Comparable<Object>) left).compareTo(right);
    }

    private static int compareCodePoints(String a, String b) {
        byte[] left = a.getBytes(StandardCharsets.UTF_8);
        byte[] right = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(left, right);
    }

    private static Expr bindRemainder(String name, List<Expr> args, boolean positive) {
        checkArity(name, args, 2, 2, "dividend, divisor");
        DataType left = numeric(name, 1, args.get(0));
        DataType right = numeric(name, 2, args.get(1));
        DataType type;
        List<Expr> bound;
        if (left instanceof DecimalType || right instanceof DecimalType) {
            // Decimal remainders keep each side's type; the result type follows Spark's rule.
            DecimalType a = asDecimal(left);
            DecimalType b = asDecimal(right);
            int scale = Math.max(a.scale(), b.scale());
            int precision = Math.min(Math.min(a.precision() - a.scale(), b.precision() - b.scale()) + scale, 38);
            type = new DecimalType(Math.max(precision, 1), scale);
            bound = List.of(coerce(name, 1, args.get(0), a), coerce(name, 2, args.get(1), b));
        } else {
            type = commonType(name, List.of(coerce(name, 1, args.get(0), left), coerce(name, 2, args.get(1), right)));
            bound = List.of(coerce(name, 1, args.get(0), type), coerce(name, 2, args.get(1), type));
        }
        return positive
                ? rowCall(name, type, bound, (values, context) -> remainder(values[0], values[1], true))
                : rowCall(name, type, bound, (values, context) -> remainder(values[0], values[1], false));
    }

    private static DecimalType asDecimal(DataType type) {
        if (type instanceof DecimalType decimal) {
            return decimal;
        }
        if (type instanceof IntType) {
            return new DecimalType(10, 0);
        }
        if (type instanceof BigintType) {
            return new DecimalType(20, 0);
        }
        return new DecimalType(38, 18);
    }

    /** {@code a % b} with the dividend's sign, or the non-negative {@code pmod} for {@code positive}. */
    static Object remainder(Object a, Object b, boolean positive) {
        return switch (a) {
            case Integer x -> {
                int y = (Integer) b;
                if (y == 0) {
                    throw divideByZero(positive);
                }
                int r = x % y;
                yield positive && r < 0 ? (r + y) % y : r;
            }
            case Long x -> {
                long y = (Long) b;
                if (y == 0) {
                    throw divideByZero(positive);
                }
                long r = x % y;
                yield positive && r < 0 ? (r + y) % y : r;
            }
            case Double x -> {
                double y = (Double) b;
                if (y == 0.0) {
                    throw divideByZero(positive);
                }
                double r = x % y;
                yield positive && r < 0 ? (r + y) % y : r;
            }
            case BigDecimal x -> {
                BigDecimal y = (BigDecimal) b;
                if (y.signum() == 0) {
                    throw divideByZero(positive);
                }
                BigDecimal r = x.remainder(y);
                r = positive && r.signum() < 0 ? r.add(y).remainder(y) : r;
                yield r.setScale(Math.max(x.scale(), y.scale()), RoundingMode.HALF_UP);
            }
            default -> throw new IllegalArgumentException("not a number: " + a);
        };
    }

    private static FreshetException divideByZero(boolean positive) {
        return new FreshetException(
                ErrorCode.DIVIDE_BY_ZERO,
                "Division by zero in " + (positive ? "pmod" : "mod")
                        + ". Use `try_mod` to tolerate a divisor of 0 and return NULL instead.");
    }

    // ---------------------------------------------------------------- number formatting

    private static Expr bindBin(List<Expr> args) {
        checkArity("bin", args, 1, 1, "expr");
        return rowCall(
                "bin",
                StringType.STRING,
                List.of(coerce("bin", 1, args.get(0), BIGINT)),
                (values, context) -> Long.toBinaryString((Long) values[0]));
    }

    private static Expr bindHex(List<Expr> args) {
        checkArity("hex", args, 1, 1, "expr");
        Expr arg = args.get(0);
        if (arg.type() instanceof StringType) {
            return rowCall("hex", StringType.STRING, args, (values, context) -> {
                byte[] bytes = ((String) values[0]).getBytes(StandardCharsets.UTF_8);
                return java.util.HexFormat.of().withUpperCase().formatHex(bytes);
            });
        }
        return rowCall(
                "hex", StringType.STRING, List.of(coerce("hex", 1, arg, BIGINT)), (values, context) -> Long.toHexString(
                                (Long) values[0])
                        .toUpperCase(Locale.ROOT));
    }
}
