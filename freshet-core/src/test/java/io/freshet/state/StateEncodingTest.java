package io.freshet.state;

import io.freshet.FreshetException;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round trips and the equal-values-equal-bytes property of {@link StateEncoding}, for every type. */
class StateEncodingTest {
    private static final StructType POINT = new StructType(List.of(
            Field.of("a", IntType.INT),
            Field.of("b", StringType.STRING),
            Field.of("c", new ArrayType(DoubleType.DOUBLE))));

    private static final List<DataType> TYPES = List.of(
            NullType.NULL,
            BooleanType.BOOLEAN,
            IntType.INT,
            BigintType.BIGINT,
            DoubleType.DOUBLE,
            new DecimalType(5, 2),
            new DecimalType(18, 6),
            new DecimalType(30, 4),
            new DecimalType(38, 0),
            StringType.STRING,
            DateType.DATE,
            TimestampType.TIMESTAMP,
            IntervalType.INTERVAL,
            POINT,
            new ArrayType(StringType.STRING),
            new ArrayType(new StructType(List.of(Field.of("x", new DecimalType(20, 3))))),
            new ArrayType(new ArrayType(BigintType.BIGINT)));

    @Test
    void roundTripsRowsOfEveryType() {
        long seed = StateStoreModelTest.seed("StateEncodingTest");
        Random random = new Random(seed);
        int rows = 400;
        Vector[] columns = new Vector[TYPES.size()];
        for (int c = 0; c < TYPES.size(); c++) {
            columns[c] = randomVector(random, TYPES.get(c), rows);
        }
        StateEncoding encoding = StateEncoding.of(TYPES);
        VectorBuilder[] builders = builders(TYPES, rows);
        for (int row = 0; row < rows; row++) {
            encoding.decode(encoding.encode(columns, row), builders);
        }
        for (int c = 0; c < TYPES.size(); c++) {
            Vector decoded = builders[c].build();
            for (int row = 0; row < rows; row++) {
                assertThat(decoded.get(row))
                        .as("seed %sL, %s, row %s", seed, TYPES.get(c), row)
                        .isEqualTo(canonical(columns[c].get(row)));
            }
        }
    }

    @Test
    void roundTripsValuesOneColumnAtATime() {
        long seed = StateStoreModelTest.seed("StateEncodingTest");
        Random random = new Random(seed);
        for (DataType type : TYPES) {
            StateEncoding encoding = new StateEncoding(List.of(type), new int[] {0});
            for (int i = 0; i < 200; i++) {
                Object value = randomValue(random, type);
                Object[] decoded = encoding.decodeValues(encoding.encodeValues(value));
                assertThat(decoded).as("seed %sL, %s", seed, type).containsExactly(canonical(value));
            }
        }
    }

    @Test
    void givesEqualBytesExactlyForEqualValues() {
        long seed = StateStoreModelTest.seed("StateEncodingTest");
        Random random = new Random(seed);
        for (DataType type : TYPES) {
            StateEncoding encoding = new StateEncoding(List.of(StringType.STRING, type), new int[] {0, 1});
            for (int i = 0; i < 2000; i++) {
                // small value domains, so that equal pairs are common
                Object first = randomSmallValue(random, type);
                Object second = random.nextInt(4) == 0 ? first : randomSmallValue(random, type);
                String prefix = random.nextBoolean() ? "k" : "";
                byte[] firstBytes = encoding.encodeValues(prefix, first);
                byte[] secondBytes = encoding.encodeValues(prefix, second);
                assertThat(Arrays.equals(firstBytes, secondBytes))
                        .as("seed %sL, %s: %s and %s", seed, type, first, second)
                        .isEqualTo(Objects.equals(comparable(first), comparable(second)));
            }
        }
    }

    @Test
    void encodesNegativeZeroAndEveryNanAlike() {
        StateEncoding encoding = StateEncoding.of(List.of(DoubleType.DOUBLE));

        assertThat(encoding.encodeValues(-0.0)).isEqualTo(encoding.encodeValues(0.0));
        assertThat(encoding.encodeValues(Double.longBitsToDouble(0x7ff0000000000001L)))
                .isEqualTo(encoding.encodeValues(Double.NaN));
        assertThat(encoding.encodeValues(Double.longBitsToDouble(0xfff8000000000000L)))
                .isEqualTo(encoding.encodeValues(Double.NaN));
        assertThat(encoding.decodeValues(encoding.encodeValues(-0.0))).containsExactly(0.0);
    }

    @Test
    void encodesADecimalAtItsTypesScale() {
        StateEncoding small = StateEncoding.of(List.of(new DecimalType(5, 2)));
        StateEncoding large = StateEncoding.of(List.of(new DecimalType(30, 4)));

        assertThat(small.encodeValues(new BigDecimal("1.5"))).isEqualTo(small.encodeValues(new BigDecimal("1.50")));
        assertThat(large.encodeValues(new BigDecimal("-7"))).isEqualTo(large.encodeValues(new BigDecimal("-7.0000")));
        assertThat(small.decodeValues(small.encodeValues(new BigDecimal("1.5"))))
                .containsExactly(new BigDecimal("1.50"));
    }

    @Test
    void encodesDictionaryAndFlatStringsAlike() {
        StringVector flat = StringVector.of("apple", null, "pear", "");
        StringVector dictionary = StringVector.dictionary(
                StringVector.of("", "pear", "apple"), new int[] {2, 0, 1, 0}, new long[] {0b10}, 4);
        StateEncoding encoding = StateEncoding.of(List.of(StringType.STRING));

        for (int row = 0; row < 4; row++) {
            assertThat(encoding.encode(new Vector[] {dictionary}, row))
                    .isEqualTo(encoding.encode(new Vector[] {flat}, row));
        }
    }

    @Test
    void distinguishesNullsFromEmptyAndZeroValues() {
        StateEncoding strings = StateEncoding.of(List.of(StringType.STRING, StringType.STRING));
        StateEncoding ints = StateEncoding.of(List.of(IntType.INT));
        StateEncoding points = StateEncoding.of(List.of(POINT));
        StateEncoding arrays = StateEncoding.of(List.of(new ArrayType(StringType.STRING)));

        assertThat(strings.encodeValues(null, "")).isNotEqualTo(strings.encodeValues("", null));
        assertThat(strings.encodeValues(null, null)).isNotEqualTo(strings.encodeValues("", ""));
        assertThat(ints.encodeValues((Object) null)).isNotEqualTo(ints.encodeValues(0));
        assertThat(points.encodeValues((Object) null))
                .isNotEqualTo(points.encodeValues(new StructValue(new Object[] {null, null, null})));
        assertThat(arrays.encodeValues((Object) null)).isNotEqualTo(arrays.encodeValues(List.of()));
        assertThat(arrays.encodeValues(List.of())).isNotEqualTo(arrays.encodeValues(Arrays.asList((Object) null)));
    }

    @Test
    void numericBytesSortLikeTheirValues() {
        long seed = StateStoreModelTest.seed("StateEncodingTest");
        Random random = new Random(seed);
        for (DataType type : List.of(IntType.INT, BigintType.BIGINT, DoubleType.DOUBLE, new DecimalType(18, 6))) {
            StateEncoding encoding = StateEncoding.of(List.of(type));
            for (int i = 0; i < 2000; i++) {
                Object first = randomValue(random, type);
                Object second = randomValue(random, type);
                if (first == null
                        || second == null
                        || first instanceof Double d && d.isNaN()
                        || second instanceof Double e && e.isNaN()) {
                    continue;
                }
                int expected = compareNumbers(canonical(first), canonical(second));
                int actual = Arrays.compareUnsigned(encoding.encodeValues(first), encoding.encodeValues(second));
                assertThat(Integer.signum(actual))
                        .as("seed %sL, %s: %s vs %s", seed, type, first, second)
                        .isEqualTo(Integer.signum(expected));
            }
        }
    }

    @Test
    void encodesChosenColumnsInTheirOrder() {
        Vector[] row = {vector(IntType.INT, 7), vector(StringType.STRING, "skip me"), vector(BigintType.BIGINT, 9L)};
        StateEncoding encoding = new StateEncoding(List.of(BigintType.BIGINT, IntType.INT), new int[] {2, 0});

        assertThat(encoding.decodeValues(encoding.encode(row, 0))).containsExactly(9L, 7);
        assertThat(encoding.encode(row, 0)).hasSize(9 + 5);
    }

    @Test
    void refusesBytesWrittenForOtherTypes() {
        byte[] bytes = StateEncoding.of(List.of(IntType.INT)).encodeValues(42);
        StateEncoding other = StateEncoding.of(List.of(BigintType.BIGINT));
        StateEncoding longer = StateEncoding.of(List.of(IntType.INT, StringType.STRING));

        assertThatThrownBy(() -> other.decodeValues(bytes))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("Cannot decode state bytes as [bigint]");
        assertThatThrownBy(() -> longer.decodeValues(bytes)).isInstanceOf(FreshetException.class);
        assertThatThrownBy(() -> StateEncoding.of(List.of(BooleanType.BOOLEAN)).decodeValues(bytes))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("bytes are left");
    }

    /** The key-group hash decides where keys live in a checkpoint: these values must never change. */
    @Test
    void keepsTheKeyGroupHashStable() {
        assertThat(StateEncoding.hash(new byte[0])).isEqualTo(goldenHash(0));
        assertThat(StateEncoding.hash("key".getBytes(StandardCharsets.UTF_8))).isEqualTo(goldenHash(1));
        assertThat(StateEncoding.hash("a key of twenty bytes".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(goldenHash(2));
        byte[] middle = "xxkeyxx".getBytes(StandardCharsets.UTF_8);
        assertThat(StateEncoding.hash(middle, 2, 3))
                .isEqualTo(StateEncoding.hash("key".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void spreadsKeysEvenlyOverKeyGroups() {
        StateEncoding encoding = StateEncoding.of(List.of(BigintType.BIGINT));
        int[] counts = new int[KeyGroups.DEFAULT];
        int keys = 64_000;
        for (long k = 0; k < keys; k++) {
            counts[KeyGroups.of(StateEncoding.hash(encoding.encodeValues(k)), KeyGroups.DEFAULT)]++;
        }
        // 1000 expected per group, standard deviation about 31
        assertThat(Arrays.stream(counts).min().orElseThrow()).isGreaterThan(850);
        assertThat(Arrays.stream(counts).max().orElseThrow()).isLessThan(1150);
    }

    @Test
    void encodesIntoItsScratchWithoutAllocating() {
        List<DataType> types = List.of(BigintType.BIGINT, StringType.STRING, DoubleType.DOUBLE, IntType.INT);
        int rows = 1024;
        Random random = new Random(1);
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < types.size(); c++) {
            columns[c] = randomVector(random, types.get(c), rows);
        }
        StateEncoding encoding = StateEncoding.of(types);
        long sink = 0;
        for (int round = 0; round < 200; round++) {
            for (int row = 0; row < rows; row++) {
                sink += encoding.encodeToScratch(columns, row);
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 100; round++) {
            for (int row = 0; row < rows; row++) {
                sink += encoding.encodeToScratch(columns, row);
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink).isPositive();
        assertThat(allocated).as("bytes allocated by 102,400 encodes").isLessThan(16_384);
    }

    private static long goldenHash(int index) {
        return switch (index) {
            case 0 -> -1444339859624431576L;
            case 1 -> 1921621257439580197L;
            default -> -5557992023694470419L;
        };
    }

    private static int compareNumbers(Object first, Object second) {
        return switch (first) {
            case Integer i -> Integer.compare(i, (Integer) second);
            case Long l -> Long.compare(l, (Long) second);
            case Double d -> Double.compare(d, (Double) second);
            case BigDecimal b -> b.compareTo((BigDecimal) second);
            default -> throw new IllegalArgumentException(String.valueOf(first));
        };
    }

    private static Vector vector(DataType type, Object value) {
        VectorBuilder builder = VectorBuilder.forType(type, 1);
        builder.append(value);
        return builder.build();
    }

    private static VectorBuilder[] builders(List<DataType> types, int rows) {
        VectorBuilder[] builders = new VectorBuilder[types.size()];
        for (int c = 0; c < types.size(); c++) {
            builders[c] = VectorBuilder.forType(types.get(c), rows);
        }
        return builders;
    }

    private static Vector randomVector(Random random, DataType type, int rows) {
        VectorBuilder builder = VectorBuilder.forType(type, rows);
        for (int row = 0; row < rows; row++) {
            builder.append(randomValue(random, type));
        }
        return builder.build();
    }

    /** The value as the encoding gives it back: one zero, one NaN, decimals at their scale as generated. */
    private static Object canonical(Object value) {
        return switch (value) {
            case null -> null;
            case Double d when d == 0.0 -> 0.0;
            case Double d when d.isNaN() -> Double.NaN;
            case StructValue s -> {
                Object[] values = new Object[s.values().length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = canonical(s.values()[i]);
                }
                yield new StructValue(values);
            }
            case List<?> list -> {
                List<Object> result = new ArrayList<>();
                for (Object element : list) {
                    result.add(canonical(element));
                }
                yield result;
            }
            default -> value;
        };
    }

    /** The canonical value with decimals stripped of trailing zeros, for comparing values of any scale. */
    private static Object comparable(Object value) {
        return switch (value) {
            case BigDecimal b -> b.stripTrailingZeros();
            case StructValue s -> {
                Object[] values = new Object[s.values().length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = comparable(s.values()[i]);
                }
                yield new StructValue(values);
            }
            case List<?> list -> {
                List<Object> result = new ArrayList<>();
                for (Object element : list) {
                    result.add(comparable(element));
                }
                yield result;
            }
            case null -> null;
            default -> canonical(value);
        };
    }

    private static Object randomValue(Random random, DataType type) {
        if (type instanceof NullType || random.nextInt(8) == 0) {
            return null;
        }
        return switch (type) {
            case NullType t -> null;
            case BooleanType t -> random.nextBoolean();
            case IntType t -> pick(random, random.nextInt(), Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);
            case DateType t -> random.nextInt(200_000) - 100_000;
            case BigintType t -> pick(random, random.nextLong(), Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L);
            case TimestampType t -> random.nextLong() >> 8;
            case IntervalType t -> random.nextLong() >> 16;
            case DoubleType t ->
                pick(
                        random,
                        random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20),
                        -0.0,
                        0.0,
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE,
                        -Double.MAX_VALUE);
            case DecimalType t -> randomDecimal(random, t);
            case StringType t -> randomString(random);
            case StructType t -> {
                Object[] values = new Object[t.fields().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = randomValue(random, t.fields().get(i).type());
                }
                yield new StructValue(values);
            }
            case ArrayType t -> {
                int size = random.nextInt(5);
                List<Object> elements = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    elements.add(randomValue(random, t.elementType()));
                }
                yield elements;
            }
        };
    }

    /** A value from a domain of a few values per type, so that equal pairs are common. */
    private static Object randomSmallValue(Random random, DataType type) {
        if (type instanceof NullType || random.nextInt(5) == 0) {
            return null;
        }
        return switch (type) {
            case NullType t -> null;
            case BooleanType t -> random.nextBoolean();
            case IntType t -> random.nextInt(3) - 1;
            case DateType t -> random.nextInt(3);
            case BigintType t -> (long) random.nextInt(3) - 1;
            case TimestampType t -> (long) random.nextInt(3);
            case IntervalType t -> (long) random.nextInt(3);
            case DoubleType t ->
                pick(random, -0.0, 0.0, Double.NaN, 1.0, -1.0, Double.longBitsToDouble(0x7ff0000000000002L));
            case DecimalType t -> BigDecimal.valueOf(random.nextInt(3) - 1).setScale(random.nextInt(t.scale() + 1));
            case StringType t -> pick(random, "", "a", "é", "ab");
            case StructType t -> {
                Object[] values = new Object[t.fields().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = randomSmallValue(random, t.fields().get(i).type());
                }
                yield new StructValue(values);
            }
            case ArrayType t -> {
                int size = random.nextInt(3);
                List<Object> elements = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    elements.add(randomSmallValue(random, t.elementType()));
                }
                yield elements;
            }
        };
    }

    private static BigDecimal randomDecimal(Random random, DecimalType type) {
        int digits = 1 + random.nextInt(type.precision());
        BigInteger unscaled = new BigInteger(digits * 3 + 1, random).mod(BigInteger.TEN.pow(digits));
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, type.scale());
    }

    private static String randomString(Random random) {
        int length = random.nextInt(random.nextInt(10) == 0 ? 300 : 12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) ('a' + random.nextInt(26)));
                case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> text.append((char) (0x800 + random.nextInt(0xD000)));
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x10000));
                default -> text.append(' ');
            }
        }
        return text.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
