package io.freshet.expr.aggregate;

import io.freshet.AnalysisException;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.aggregate.AggregateHarness.bind;
import static io.freshet.expr.aggregate.AggregateHarness.columns;
import static io.freshet.expr.aggregate.AggregateHarness.roundTrip;
import static io.freshet.expr.aggregate.AggregateHarness.run;
import static io.freshet.expr.aggregate.AggregateHarness.runSingle;
import static io.freshet.expr.aggregate.AggregateHarness.values;
import static io.freshet.expr.aggregate.AggregateHarness.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinMaxFunctionTest {
    private static final int[] GROUPS = {0, 1, 0, 1, 0, 2};

    @Test
    void minAndMaxOfNumbersSkipNulls() {
        Vector longs = vector(BigintType.BIGINT, 5L, null, -3L, 7L, 9L, null);
        assertThat(run(bind("min", columns(BigintType.BIGINT)), 4, GROUPS, longs))
                .containsExactly(-3L, 7L, null, null);
        assertThat(run(bind("max", columns(BigintType.BIGINT)), 3, GROUPS, longs))
                .containsExactly(9L, 7L, null);
        Vector ints = vector(IntType.INT, 5, 1, -3, 7, 9, 4);
        assertThat(run(bind("min", columns(IntType.INT)), 3, GROUPS, ints)).containsExactly(-3, 1, 4);
        assertThat(run(bind("max", columns(IntType.INT)), 3, GROUPS, ints)).containsExactly(9, 7, 4);
    }

    @Test
    void nanIsTheGreatestDouble() {
        Vector doubles = vector(DoubleType.DOUBLE, 1.0, Double.NaN, Double.POSITIVE_INFINITY, -0.5);
        assertThat(runSingle(bind("max", columns(DoubleType.DOUBLE)), doubles)).isEqualTo(Double.NaN);
        assertThat(runSingle(bind("min", columns(DoubleType.DOUBLE)), doubles)).isEqualTo(-0.5);
        Vector nanFirst = vector(DoubleType.DOUBLE, Double.NaN, 3.0, Double.NaN);
        assertThat(runSingle(bind("min", columns(DoubleType.DOUBLE)), nanFirst)).isEqualTo(3.0);
    }

    @Test
    void stringsCompareByUtf8Bytes() {
        // 'é' (U+00E9) sorts after 'z', and a supplementary character after U+FFFD, as UTF-8 bytes do.
        Vector strings = vector(StringType.STRING, "b", "é", "z", "a", null, "\uFFFD", "\uD83D\uDE00");
        assertThat(runSingle(bind("min", columns(StringType.STRING)), strings)).isEqualTo("a");
        assertThat(runSingle(bind("max", columns(StringType.STRING)), strings)).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void dictionaryEncodedStringsWork() {
        StringVector dictionary = StringVector.of("pear", "apple", "zucchini");
        StringVector encoded = StringVector.dictionary(dictionary, new int[] {0, 2, 1, 0, 1, 2}, null, 6);
        assertThat(run(bind("max", columns(StringType.STRING)), 3, GROUPS, encoded))
                .containsExactly("pear", "zucchini", "zucchini");
        assertThat(run(bind("min", columns(StringType.STRING)), 3, GROUPS, encoded))
                .containsExactly("apple", "pear", "zucchini");
    }

    @Test
    void datesTimestampsDecimalsBooleansAndArraysAreOrderable() {
        assertThat(runSingle(bind("max", columns(DateType.DATE)), vector(DateType.DATE, 10, -5, 3)))
                .isEqualTo(10);
        assertThat(runSingle(bind("min", columns(TimestampType.TIMESTAMP)), vector(TimestampType.TIMESTAMP, 10L, -5L)))
                .isEqualTo(-5L);
        DecimalType decimal = new DecimalType(5, 2);
        assertThat(runSingle(
                        bind("max", columns(decimal)),
                        vector(decimal, new BigDecimal("1.50"), new BigDecimal("10.00"), null)))
                .isEqualTo(new BigDecimal("10.00"));
        assertThat(runSingle(bind("min", columns(BooleanType.BOOLEAN)), vector(BooleanType.BOOLEAN, true, false)))
                .isEqualTo(false);
        ArrayType array = new ArrayType(IntType.INT);
        Vector arrays = vector(array, List.of(1, 2), List.of(1, 2, 0), List.of(0, 9), java.util.Arrays.asList(1, null));
        assertThat(runSingle(bind("max", columns(array)), arrays)).isEqualTo(List.of(1, 2, 0));
        assertThat(runSingle(bind("min", columns(array)), arrays)).isEqualTo(List.of(0, 9));
    }

    @Test
    void minOfUntypedNullIsNull() {
        AggregateFunction min = bind("min", columns(NullType.NULL));
        assertThat(min.resultType()).isEqualTo(NullType.NULL);
        assertThat(runSingle(min, vector(NullType.NULL, null, null))).isNull();
    }

    @Test
    void boolAndAndBoolOrWithAliases() {
        Vector booleans = vector(BooleanType.BOOLEAN, true, false, true, null, false, null);
        assertThat(run(bind("bool_and", columns(BooleanType.BOOLEAN)), 3, GROUPS, booleans))
                .containsExactly(false, false, null);
        assertThat(run(bind("every", columns(BooleanType.BOOLEAN)), 3, GROUPS, booleans))
                .containsExactly(false, false, null);
        assertThat(run(bind("bool_or", columns(BooleanType.BOOLEAN)), 3, GROUPS, booleans))
                .containsExactly(true, false, null);
        assertThat(run(bind("some", columns(BooleanType.BOOLEAN)), 3, GROUPS, booleans))
                .containsExactly(true, false, null);
        assertThat(run(bind("any", columns(BooleanType.BOOLEAN)), 3, GROUPS, booleans))
                .containsExactly(true, false, null);
        assertThat(runSingle(bind("bool_and", columns(NullType.NULL)), vector(NullType.NULL, (Object) null)))
                .isNull();
        assertThatThrownBy(() -> bind("bool_or", columns(IntType.INT)))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("bool_or expects a boolean argument, got int");
    }

    @Test
    void mergeAndRoundTripMatchAReferenceForEveryLayout() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        DataType[] types = {
            IntType.INT,
            BigintType.BIGINT,
            DoubleType.DOUBLE,
            StringType.STRING,
            new DecimalType(9, 2),
            BooleanType.BOOLEAN
        };
        for (DataType type : types) {
            for (boolean max : new boolean[] {false, true}) {
                int rows = random.nextInt(2000);
                int groupCount = 1 + random.nextInt(40);
                int[] groups = AggregateHarness.randomGroups(rows, groupCount, random);
                List<Object> input = new ArrayList<>();
                Object[] expected = new Object[groupCount];
                for (int i = 0; i < rows; i++) {
                    Object value = random.nextInt(6) == 0 ? null : randomValue(type, random);
                    input.add(value);
                    if (value != null) {
                        Object current = expected[groups[i]];
                        if (current == null
                                || (max
                                        ? ValueOrdering.compare(type, value, current) > 0
                                        : ValueOrdering.compare(type, value, current) < 0)) {
                            expected[groups[i]] = value;
                        }
                    }
                }
                AggregateFunction function = bind(max ? "max" : "min", columns(type));
                Vector[] args = {vector(type, input.toArray())};
                GroupedAccumulator merged =
                        AggregateHarness.partitionAndMerge(function, groupCount, groups, args, 3, random);
                assertThat(values(roundTrip(function, merged, groupCount).result(groupCount)))
                        .as("seed %s type %s max %s", seed, type, max)
                        .containsExactly(expected);
            }
        }
    }

    static Object randomValue(DataType type, Random random) {
        return switch (type) {
            case IntType t -> random.nextInt(1000) - 500;
            case BigintType t -> random.nextLong();
            case DoubleType t -> random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian();
            case StringType t -> {
                StringBuilder builder = new StringBuilder();
                int length = random.nextInt(6);
                for (int i = 0; i < length; i++) {
                    builder.appendCodePoint(
                            random.nextBoolean() ? 'a' + random.nextInt(26) : 0xE0 + random.nextInt(400));
                }
                yield builder.toString();
            }
            case DecimalType t -> BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, t.scale());
            case BooleanType t -> random.nextBoolean();
            default -> throw new IllegalArgumentException(type.toString());
        };
    }
}
