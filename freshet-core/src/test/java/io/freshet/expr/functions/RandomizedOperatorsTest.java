package io.freshet.expr.functions;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.data.Vectors;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.ExprTesting.call;
import static io.freshet.expr.functions.ExprTesting.col;
import static io.freshet.expr.functions.ExprTesting.eval;
import static io.freshet.expr.functions.ExprTesting.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks the vectorized arithmetic and comparison kernels against a plain row-at-a-time reference written
 * with BigInteger/BigDecimal, over many random vectors with nulls, edge values and constants.
 */
class RandomizedOperatorsTest {
    private static final int ROUNDS = 400;
    private static final List<String> ARITHMETIC = List.of("+", "-", "*", "/", "%", "div");
    private static final List<String> TRY = List.of("try_add", "try_subtract", "try_multiply", "try_divide", "try_mod");
    private static final List<String> COMPARISONS = List.of("=", "<>", "<", "<=", ">", ">=", "<=>");
    private static final String[] WORDS = {"", "a", "b", "ab", "ba", "é", "z", "\uD83D\uDE00", "\uFFFF", "aa"};

    /** A reference result: a value (null for SQL NULL) or the error a row raises. */
    private record Outcome(Object value, ErrorCode error) {
        static Outcome of(Object value) {
            return new Outcome(value, null);
        }

        static Outcome fail(ErrorCode error) {
            return new Outcome(null, error);
        }
    }

    @Test
    void arithmeticMatchesTheRowAtATimeReference() {
        long seed = Long.getLong("freshet.test.seed", new Random().nextLong());
        System.out.println("RandomizedOperatorsTest arithmetic seed: " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            DataType type = randomNumericType(random);
            int size = random.nextInt(70);
            Vector left = randomVector(random, type, size);
            Vector right = random.nextInt(3) == 0 ? constant(random, type, size) : randomVector(random, type, size);
            for (String op : ARITHMETIC) {
                if (op.equals("div") && type instanceof DoubleType) {
                    continue;
                }
                String context = "seed " + seed + ", round " + round + ", " + type + " " + op;
                checkArithmetic(op, false, left, right, context);
            }
            for (String op : TRY) {
                checkArithmetic(op, true, left, right, "seed " + seed + ", round " + round + ", " + type + " " + op);
            }
        }
    }

    @Test
    void comparisonsMatchTheRowAtATimeReference() {
        long seed = Long.getLong("freshet.test.seed", new Random().nextLong());
        System.out.println("RandomizedOperatorsTest comparison seed: " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            DataType type = random.nextInt(5) == 0 ? StringType.STRING : randomNumericType(random);
            int size = random.nextInt(70);
            Vector left = randomVector(random, type, size);
            Vector right = random.nextInt(3) == 0 ? constant(random, type, size) : randomVector(random, type, size);
            if (random.nextBoolean()) {
                Vector swap = left;
                left = right;
                right = swap;
            }
            for (String op : COMPARISONS) {
                Expr expr = call(op, col(0, type), col(1, type));
                List<Object> actual = values(eval(expr, left, right));
                List<Object> expected = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    expected.add(referenceComparison(op, left.get(i), right.get(i)));
                }
                assertThat(actual)
                        .as("seed %s, round %s, %s %s", seed, round, type, op)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void vectorizedCastsMatchTheRowAtATimeCast() {
        long seed = Long.getLong("freshet.test.seed", new Random().nextLong());
        System.out.println("RandomizedOperatorsTest cast seed: " + seed);
        Random random = new Random(seed);
        List<DataType> sources = List.of(
                IntType.INT,
                BigintType.BIGINT,
                DoubleType.DOUBLE,
                StringType.STRING,
                DateType.DATE,
                TimestampType.TIMESTAMP);
        List<DataType> targets = List.of(
                IntType.INT,
                BigintType.BIGINT,
                DoubleType.DOUBLE,
                StringType.STRING,
                DateType.DATE,
                TimestampType.TIMESTAMP,
                new DecimalType(12, 2));
        ZoneId[] zones = {ZoneOffset.UTC, ZoneId.of("+05:30"), ZoneId.of("America/Los_Angeles")};
        for (int round = 0; round < ROUNDS; round++) {
            DataType source = sources.get(random.nextInt(sources.size()));
            int size = random.nextInt(50);
            Vector input =
                    source instanceof StringType ? randomCastText(random, size) : randomVector(random, source, size);
            ZoneId zone = zones[random.nextInt(zones.length)];
            EvalContext context = new EvalContext(zone, 0L);
            for (DataType target : targets) {
                if (target.equals(source) || !Casts.canCast(source, target)) {
                    continue;
                }
                List<Object> expected = new ArrayList<>(size);
                boolean anyFailure = false;
                for (int i = 0; i < size; i++) {
                    try {
                        expected.add(CastValues.convert(input.get(i), source, target, zone));
                    } catch (FreshetException e) {
                        expected.add(null);
                        anyFailure = true;
                    }
                }
                String description =
                        "seed " + seed + ", round " + round + ", " + source + " -> " + target + " in " + zone;
                Expr tryCast = Casts.cast(col(0, source), target, true);
                assertThat(values(eval(tryCast, context, input)))
                        .as(description)
                        .containsExactlyElementsOf(expected);
                Expr cast = Casts.cast(col(0, source), target);
                if (anyFailure) {
                    assertThatThrownBy(() -> eval(cast, context, input))
                            .as(description)
                            .isInstanceOf(FreshetException.class);
                } else {
                    assertThat(values(eval(cast, context, input)))
                            .as(description)
                            .containsExactlyElementsOf(expected);
                }
            }
        }
    }

    /** Strings that are often, but not always, numbers, dates or timestamps. */
    private static Vector randomCastText(Random random, int size) {
        String[] samples = {
            "0",
            "-12",
            " 42 ",
            "2147483648",
            "-9223372036854775808",
            "9223372036854775808",
            "1.5",
            "1e3",
            "abc",
            "",
            "NaN",
            "-inf",
            "2024-02-29",
            "2023-02-29",
            "2024-03-05 10:20:30.123",
            "2024-03-05T23:59:59Z",
            "1999-12",
            "+01:00",
            "true"
        };
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(random.nextInt(8) == 0 ? null : samples[random.nextInt(samples.length)]);
        }
        return random.nextBoolean() ? dictionaryEncoded(values) : Vectors.of(StringType.STRING, values);
    }

    private static void checkArithmetic(String op, boolean tryMode, Vector left, Vector right, String context) {
        DataType type = left.type();
        Expr expr = call(op, col(0, type), col(1, type));
        DataType resultType = expr.type();
        List<Object> expected = new ArrayList<>();
        Set<ErrorCode> errors = new HashSet<>();
        for (int i = 0; i < left.size(); i++) {
            Outcome outcome = referenceArithmetic(op, left.get(i), right.get(i), resultType);
            if (outcome.error() != null) {
                errors.add(outcome.error());
            }
            expected.add(outcome.value());
        }
        if (!tryMode && !errors.isEmpty()) {
            assertThatThrownBy(() -> eval(expr, left, right))
                    .as(context)
                    .isInstanceOf(FreshetException.class)
                    .satisfies(e -> assertThat(errors).contains(((FreshetException) e).errorCode()));
            return;
        }
        assertThat(values(eval(expr, left, right))).as(context).containsExactlyElementsOf(expected);
    }

    // ---- reference ----

    private static Outcome referenceArithmetic(String op, Object a, Object b, DataType resultType) {
        if (a == null || b == null) {
            return Outcome.of(null);
        }
        String plain =
                switch (op) {
                    case "try_add" -> "+";
                    case "try_subtract" -> "-";
                    case "try_multiply" -> "*";
                    case "try_divide" -> "/";
                    case "try_mod" -> "%";
                    default -> op;
                };
        if (a instanceof Double x) {
            double y = (Double) b;
            return switch (plain) {
                case "+" -> Outcome.of(x + y);
                case "-" -> Outcome.of(x - y);
                case "*" -> Outcome.of(x * y);
                case "/" -> y == 0 ? Outcome.fail(ErrorCode.DIVIDE_BY_ZERO) : Outcome.of(x / y);
                case "%" -> y == 0 ? Outcome.fail(ErrorCode.DIVIDE_BY_ZERO) : Outcome.of(x % y);
                default -> throw new AssertionError(op);
            };
        }
        if (a instanceof BigDecimal x) {
            return referenceDecimal(plain, x, (BigDecimal) b, resultType);
        }
        BigInteger x = BigInteger.valueOf(((Number) a).longValue());
        BigInteger y = BigInteger.valueOf(((Number) b).longValue());
        boolean zero = y.signum() == 0;
        BigInteger exact;
        switch (plain) {
            case "+" -> exact = x.add(y);
            case "-" -> exact = x.subtract(y);
            case "*" -> exact = x.multiply(y);
            case "/" -> {
                return zero ? Outcome.fail(ErrorCode.DIVIDE_BY_ZERO) : Outcome.of(x.doubleValue() / y.doubleValue());
            }
            case "%" -> {
                if (zero) {
                    return Outcome.fail(ErrorCode.DIVIDE_BY_ZERO);
                }
                exact = x.remainder(y);
            }
            case "div" -> {
                if (zero) {
                    return Outcome.fail(ErrorCode.DIVIDE_BY_ZERO);
                }
                exact = x.divide(y);
            }
            default -> throw new AssertionError(op);
        }
        if (resultType instanceof IntType) {
            return exact.bitLength() < 32 ? Outcome.of(exact.intValue()) : Outcome.fail(ErrorCode.ARITHMETIC_OVERFLOW);
        }
        return exact.bitLength() < 64 ? Outcome.of(exact.longValue()) : Outcome.fail(ErrorCode.ARITHMETIC_OVERFLOW);
    }

    private static Outcome referenceDecimal(String op, BigDecimal x, BigDecimal y, DataType resultType) {
        boolean zero = y.signum() == 0;
        if ((op.equals("/") || op.equals("%") || op.equals("div")) && zero) {
            return Outcome.fail(ErrorCode.DIVIDE_BY_ZERO);
        }
        if (op.equals("div")) {
            BigInteger quotient = x.divide(y, 0, RoundingMode.DOWN).toBigIntegerExact();
            return quotient.bitLength() < 64
                    ? Outcome.of(quotient.longValue())
                    : Outcome.fail(ErrorCode.ARITHMETIC_OVERFLOW);
        }
        DecimalType type = (DecimalType) resultType;
        BigDecimal exact =
                switch (op) {
                    case "+" -> x.add(y);
                    case "-" -> x.subtract(y);
                    case "*" -> x.multiply(y);
                    case "/" -> x.divide(y, type.scale(), RoundingMode.HALF_UP);
                    case "%" -> x.remainder(y);
                    default -> throw new AssertionError(op);
                };
        BigDecimal rounded = exact.setScale(type.scale(), RoundingMode.HALF_UP);
        BigInteger limit = BigInteger.TEN.pow(type.precision());
        return rounded.unscaledValue().abs().compareTo(limit) < 0
                ? Outcome.of(rounded)
                : Outcome.fail(ErrorCode.ARITHMETIC_OVERFLOW);
    }

    private static Object referenceComparison(String op, Object a, Object b) {
        if (op.equals("<=>")) {
            if (a == null || b == null) {
                return a == null && b == null;
            }
            return compareValues(a, b) == 0;
        }
        if (a == null || b == null) {
            return null;
        }
        int c = compareValues(a, b);
        return switch (op) {
            case "=" -> c == 0;
            case "<>" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new AssertionError(op);
        };
    }

    /** Spark's order: Double.compare after folding -0.0 into 0.0 puts NaN last and equal to itself. */
    private static int compareValues(Object a, Object b) {
        if (a instanceof Double x) {
            return Double.compare(x == 0 ? 0.0 : x, (Double) b == 0 ? 0.0 : (Double) b);
        }
        if (a instanceof String x) {
            return Arrays.compareUnsigned(
                    x.getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8));
        }
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
    }

    // ---- random data ----

    private static DataType randomNumericType(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> IntType.INT;
            case 1 -> BigintType.BIGINT;
            case 2 -> DoubleType.DOUBLE;
            default -> {
                int precision = 1 + random.nextInt(38);
                yield new DecimalType(precision, random.nextInt(precision + 1));
            }
        };
    }

    private static Vector randomVector(Random random, DataType type, int size) {
        int nullPercent = random.nextInt(3) == 0 ? 0 : random.nextInt(40);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(random.nextInt(100) < nullPercent ? null : randomValue(random, type));
        }
        if (type instanceof StringType && random.nextBoolean()) {
            return dictionaryEncoded(values);
        }
        return Vectors.of(type, values);
    }

    private static Vector constant(Random random, DataType type, int size) {
        Object value = random.nextInt(10) == 0 ? null : randomValue(random, type);
        if (type instanceof StringType && random.nextBoolean()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                values.add(value);
            }
            return dictionaryEncoded(values);
        }
        return Vectors.constant(type, value, size);
    }

    private static Vector dictionaryEncoded(List<Object> values) {
        List<String> entries = new ArrayList<>();
        int size = values.size();
        int[] ids = new int[size];
        long[] nulls = io.freshet.data.Bits.allocate(size);
        for (int i = 0; i < size; i++) {
            String value = (String) values.get(i);
            if (value == null) {
                io.freshet.data.Bits.set(nulls, i);
                continue;
            }
            int id = entries.indexOf(value);
            if (id < 0) {
                id = entries.size();
                entries.add(value);
            }
            ids[i] = id;
        }
        return StringVector.dictionary(StringVector.of(entries.toArray(new String[0])), ids, nulls, size);
    }

    private static Object randomValue(Random random, DataType type) {
        return switch (type) {
            case IntType t ->
                switch (random.nextInt(4)) {
                    case 0 -> new int[] {0, 1, -1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE, 46341}[random.nextInt(7)];
                    case 1 -> random.nextInt();
                    default -> random.nextInt(21) - 10;
                };
            case BigintType t ->
                switch (random.nextInt(4)) {
                    case 0 ->
                        new long[] {0, 1, -1, 2, Long.MIN_VALUE, Long.MAX_VALUE, 3_037_000_500L}[random.nextInt(7)];
                    case 1 -> random.nextLong();
                    default -> (long) (random.nextInt(21) - 10);
                };
            case DoubleType t ->
                switch (random.nextInt(4)) {
                    case 0 ->
                        new double[] {
                                    0.0,
                                    -0.0,
                                    Double.NaN,
                                    Double.POSITIVE_INFINITY,
                                    Double.NEGATIVE_INFINITY,
                                    1.0,
                                    Double.MAX_VALUE
                                }
                                [random.nextInt(7)];
                    case 1 -> random.nextGaussian() * 1e6;
                    default -> (double) (random.nextInt(11) - 5);
                };
            case DecimalType t -> {
                BigInteger unscaled = random.nextInt(5) == 0
                        ? BigInteger.TEN.pow(t.precision()).subtract(BigInteger.ONE)
                        : new BigInteger(Math.min(126, t.precision() * 3), random)
                                .mod(BigInteger.TEN.pow(t.precision()));
                if (random.nextInt(6) == 0) {
                    unscaled = BigInteger.ZERO;
                }
                yield new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), t.scale());
            }
            case StringType t -> WORDS[random.nextInt(WORDS.length)];
            case DateType t -> random.nextInt(200_000) - 100_000;
            case TimestampType t -> random.nextLong() / 4 / 1_000_000 * 1_000_000 + random.nextInt(3) * 250_000L;
            default -> throw new AssertionError(type);
        };
    }
}
