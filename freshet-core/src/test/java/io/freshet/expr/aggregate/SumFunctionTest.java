package io.freshet.expr.aggregate;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import java.math.BigDecimal;
import java.util.Arrays;
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
import static org.assertj.core.api.Assertions.within;

class SumFunctionTest {
    private static final int[] GROUPS = {0, 1, 0, 1, 0, 2};

    @Test
    void resultTypesFollowSpark() {
        assertThat(bind("sum", columns(IntType.INT)).resultType()).isEqualTo(BigintType.BIGINT);
        assertThat(bind("sum", columns(BigintType.BIGINT)).resultType()).isEqualTo(BigintType.BIGINT);
        assertThat(bind("sum", columns(DoubleType.DOUBLE)).resultType()).isEqualTo(DoubleType.DOUBLE);
        assertThat(bind("sum", columns(new DecimalType(10, 2))).resultType()).isEqualTo(new DecimalType(20, 2));
        assertThat(bind("sum", columns(new DecimalType(35, 5))).resultType()).isEqualTo(new DecimalType(38, 5));
        assertThat(bind("sum", columns(IntervalType.INTERVAL)).resultType()).isEqualTo(IntervalType.INTERVAL);
        assertThat(bind("sum", columns(NullType.NULL)).resultType()).isEqualTo(DoubleType.DOUBLE);
        assertThat(bind("avg", columns(IntType.INT)).resultType()).isEqualTo(DoubleType.DOUBLE);
        assertThat(bind("mean", columns(BigintType.BIGINT)).resultType()).isEqualTo(DoubleType.DOUBLE);
        assertThat(bind("avg", columns(new DecimalType(10, 2))).resultType()).isEqualTo(new DecimalType(14, 6));
        assertThat(bind("avg", columns(new DecimalType(38, 36))).resultType()).isEqualTo(new DecimalType(38, 38));
        assertThat(bind("avg", columns(IntervalType.INTERVAL)).resultType()).isEqualTo(IntervalType.INTERVAL);
    }

    @Test
    void sumOfStringIsATypeMismatch() {
        assertThatThrownBy(() -> bind("sum", columns(StringType.STRING)))
                .isInstanceOfSatisfying(
                        AnalysisException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH))
                .hasMessage("sum expects a numeric or interval argument, got string");
        assertThatThrownBy(() -> bind("avg", columns(IntType.INT, IntType.INT)))
                .isInstanceOfSatisfying(
                        AnalysisException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WRONG_ARGUMENTS))
                .hasMessage("avg expects 1 argument, got 2");
    }

    @Test
    void sumsSkipNullsAndGiveNullForGroupsWithoutValues() {
        Vector ints = vector(IntType.INT, 1, null, 3, null, 5, null);
        assertThat(run(bind("sum", columns(IntType.INT)), 4, GROUPS, ints)).containsExactly(9L, null, null, null);
        Vector longs = vector(BigintType.BIGINT, 1L, 2L, 3L, 4L, 5L, null);
        assertThat(run(bind("sum", columns(BigintType.BIGINT)), 3, GROUPS, longs))
                .containsExactly(9L, 6L, null);
        Vector doubles = vector(DoubleType.DOUBLE, 0.5, 2.0, 1.5, null, 1.0, null);
        assertThat(run(bind("sum", columns(DoubleType.DOUBLE)), 3, GROUPS, doubles))
                .containsExactly(3.0, 2.0, null);
    }

    @Test
    void averagesReadIntegersAsDoubles() {
        Vector ints = vector(IntType.INT, 1, 2, 2, null, 5, null);
        assertThat(run(bind("avg", columns(IntType.INT)), 3, GROUPS, ints)).containsExactly(8.0 / 3, 2.0, null);
        Vector longs = vector(BigintType.BIGINT, Long.MAX_VALUE, 1L, Long.MAX_VALUE, 2L, 1L, 7L);
        assertThat(run(bind("avg", columns(BigintType.BIGINT)), 3, GROUPS, longs))
                .containsExactly((2.0 * Long.MAX_VALUE + 1) / 3, 1.5, 7.0);
    }

    @Test
    void bigintOverflowIsAnErrorThatNamesTrySum() {
        Vector longs = vector(BigintType.BIGINT, Long.MAX_VALUE, 1L);
        assertThatThrownBy(() -> runSingle(bind("sum", columns(BigintType.BIGINT)), longs))
                .isInstanceOfSatisfying(
                        FreshetException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW))
                .hasMessageContaining("try_sum");
        Vector negative = vector(BigintType.BIGINT, Long.MIN_VALUE, -1L);
        assertThatThrownBy(() -> runSingle(bind("sum", columns(BigintType.BIGINT)), negative))
                .isInstanceOf(FreshetException.class);
    }

    @Test
    void trySumGivesNullForTheOverflowingGroupOnly() {
        Vector longs = vector(BigintType.BIGINT, Long.MAX_VALUE, 1L, 1L, 2L, null, null);
        assertThat(run(bind("try_sum", columns(BigintType.BIGINT)), 3, GROUPS, longs))
                .containsExactly(null, 3L, null);
    }

    @Test
    void overflowDetectedWhenMergingPartialSums() {
        AggregateFunction sum = bind("sum", columns(BigintType.BIGINT));
        GroupedAccumulator left = sum.createAccumulator();
        left.ensureCapacity(1);
        left.add(new int[] {0}, new Vector[] {vector(BigintType.BIGINT, Long.MAX_VALUE)}, 1);
        GroupedAccumulator right = sum.createAccumulator();
        right.ensureCapacity(1);
        right.add(new int[] {0}, new Vector[] {vector(BigintType.BIGINT, 1L)}, 1);
        assertThatThrownBy(() -> left.merge(right, new int[] {0}, 1))
                .isInstanceOfSatisfying(FreshetException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));

        AggregateFunction trySum = bind("try_sum", columns(BigintType.BIGINT));
        GroupedAccumulator tryLeft = trySum.createAccumulator();
        tryLeft.ensureCapacity(1);
        tryLeft.add(new int[] {0}, new Vector[] {vector(BigintType.BIGINT, Long.MAX_VALUE)}, 1);
        GroupedAccumulator tryRight = trySum.createAccumulator();
        tryRight.ensureCapacity(1);
        tryRight.add(new int[] {0}, new Vector[] {vector(BigintType.BIGINT, 1L)}, 1);
        tryLeft.merge(tryRight, new int[] {0}, 1);
        assertThat(values(tryLeft.result(1))).containsExactly((Object) null);
    }

    @Test
    void intSumsDoNotOverflowAtIntRange() {
        Vector ints = vector(IntType.INT, Integer.MAX_VALUE, Integer.MAX_VALUE, 2);
        assertThat(runSingle(bind("sum", columns(IntType.INT)), ints)).isEqualTo(4_294_967_296L);
    }

    @Test
    void decimalSumsAreExactAndCheckedAgainstTheResultPrecision() {
        DecimalType type = new DecimalType(5, 2);
        Vector decimals = vector(type, new BigDecimal("1.10"), new BigDecimal("2.25"), null, new BigDecimal("-0.05"));
        assertThat(runSingle(bind("sum", columns(type)), decimals)).isEqualTo(new BigDecimal("3.30"));
        assertThat(runSingle(bind("avg", columns(type)), decimals)).isEqualTo(new BigDecimal("1.100000"));

        DecimalType wide = new DecimalType(38, 0);
        BigDecimal big = new BigDecimal("9".repeat(38));
        Vector overflowing = vector(wide, big, big);
        assertThatThrownBy(() -> runSingle(bind("sum", columns(wide)), overflowing))
                .isInstanceOfSatisfying(FreshetException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
        assertThat(runSingle(bind("try_sum", columns(wide)), overflowing)).isNull();
        assertThat(runSingle(bind("try_avg", columns(wide)), overflowing)).isNull();
        // The sum may leave the type while adding, as in Spark, as long as the final value fits.
        Vector backInRange = vector(wide, big, big, big.negate());
        assertThat(runSingle(bind("sum", columns(wide)), backInRange)).isEqualTo(big);
    }

    @Test
    void decimalAverageRoundsHalfUpToFourMoreDigits() {
        DecimalType type = new DecimalType(3, 0);
        Vector decimals = vector(type, new BigDecimal("1"), new BigDecimal("1"), new BigDecimal("0"));
        assertThat(runSingle(bind("avg", columns(type)), decimals)).isEqualTo(new BigDecimal("0.6667"));
        Vector negative = vector(type, new BigDecimal("-1"), new BigDecimal("-1"), new BigDecimal("0"));
        assertThat(runSingle(bind("avg", columns(type)), negative)).isEqualTo(new BigDecimal("-0.6667"));
    }

    @Test
    void intervalsSumAndAverageAsMicroseconds() {
        Vector intervals = vector(IntervalType.INTERVAL, 1_000_000L, 2_000_000L, null, 2L, 1L);
        assertThat(runSingle(bind("sum", columns(IntervalType.INTERVAL)), intervals))
                .isEqualTo(3_000_003L);
        Vector halves = vector(IntervalType.INTERVAL, 1L, 2L);
        assertThat(runSingle(bind("avg", columns(IntervalType.INTERVAL)), halves))
                .isEqualTo(2L);
        Vector negativeHalves = vector(IntervalType.INTERVAL, -1L, -2L);
        assertThat(runSingle(bind("avg", columns(IntervalType.INTERVAL)), negativeHalves))
                .isEqualTo(-2L);
    }

    @Test
    void sumOfUntypedNullIsANullDouble() {
        Vector nulls = vector(NullType.NULL, null, null);
        assertThat(runSingle(bind("sum", columns(NullType.NULL)), nulls)).isNull();
        assertThat(runSingle(bind("avg", columns(NullType.NULL)), nulls)).isNull();
    }

    @Test
    void sumsMatchBigDecimalReferenceAcrossMergesAndRoundTrips() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        for (DataType type :
                new DataType[] {IntType.INT, BigintType.BIGINT, DoubleType.DOUBLE, new DecimalType(12, 3)}) {
            for (int trial = 0; trial < 10; trial++) {
                int rows = random.nextInt(3000);
                int groupCount = 1 + random.nextInt(30);
                int[] groups = AggregateHarness.randomGroups(rows, groupCount, random);
                Object[] input = new Object[rows];
                BigDecimal[] expected = new BigDecimal[groupCount];
                long[] counts = new long[groupCount];
                double[] magnitudes = new double[groupCount];
                for (int i = 0; i < rows; i++) {
                    if (random.nextInt(5) == 0) {
                        continue;
                    }
                    BigDecimal value;
                    switch (type) {
                        case IntType t -> {
                            int v = random.nextInt();
                            input[i] = v;
                            value = BigDecimal.valueOf(v);
                        }
                        case BigintType t -> {
                            long v = random.nextLong() >> 8;
                            input[i] = v;
                            value = BigDecimal.valueOf(v);
                        }
                        case DoubleType t -> {
                            double v = random.nextInt(1_000_000) / 64.0;
                            input[i] = v;
                            value = BigDecimal.valueOf(v);
                        }
                        default -> {
                            value = BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, 3);
                            input[i] = value;
                        }
                    }
                    int g = groups[i];
                    expected[g] = expected[g] == null ? value : expected[g].add(value);
                    counts[g]++;
                    magnitudes[g] += Math.abs(value.doubleValue());
                }
                Vector[] args = {vector(type, input)};
                AggregateFunction sum = bind("sum", columns(type));
                GroupedAccumulator merged = AggregateHarness.partitionAndMerge(
                        sum, groupCount, groups, args, 1 + random.nextInt(4), random);
                GroupedAccumulator restored = roundTrip(sum, merged, groupCount);
                AggregateFunction avg = bind("avg", columns(type));
                GroupedAccumulator average =
                        AggregateHarness.partitionAndMerge(avg, groupCount, groups, args, 2, random);
                for (int g = 0; g < groupCount; g++) {
                    Object actual = restored.result(groupCount).get(g);
                    Object mean = average.result(groupCount).get(g);
                    if (expected[g] == null) {
                        assertThat(actual).as("seed %s group %s", seed, g).isNull();
                        assertThat(mean).as("seed %s group %s", seed, g).isNull();
                        continue;
                    }
                    BigDecimal exact = expected[g];
                    BigDecimal exactMean = exact.divide(BigDecimal.valueOf(counts[g]), java.math.MathContext.DECIMAL64);
                    // Double sums (sum of double, avg of int, bigint and double, as in Spark) round at every
                    // addition, in an order that depends on partitioning. A relative tolerance does not bound
                    // that: when positive and negative values cancel, the rounding error stays the size of
                    // the addends while the result gets small. What any order guarantees is |error| <=
                    // (n + 1) * 2^-53 * sum(|x|), counting n - 1 additions and rounding each bigint to double.
                    double sumError = (counts[g] + 1) * 0x1p-53 * magnitudes[g];
                    double meanError = sumError / counts[g] + Math.abs(exactMean.doubleValue()) * 1e-15 + 1e-9;
                    switch (type) {
                        case DoubleType t -> {
                            assertThat((Double) actual)
                                    .as("seed %s group %s", seed, g)
                                    .isCloseTo(exact.doubleValue(), within(sumError + 1e-9));
                            assertThat((Double) mean)
                                    .as("seed %s group %s", seed, g)
                                    .isCloseTo(exactMean.doubleValue(), within(meanError));
                        }
                        case DecimalType t -> {
                            assertThat((BigDecimal) actual)
                                    .as("seed %s group %s", seed, g)
                                    .isEqualByComparingTo(exact);
                            assertThat(((BigDecimal) mean).subtract(exactMean).abs())
                                    .as("seed %s group %s", seed, g)
                                    .isLessThanOrEqualTo(new BigDecimal("0.0000005"));
                        }
                        default -> {
                            assertThat(actual).as("seed %s group %s", seed, g).isEqualTo(exact.longValueExact());
                            assertThat((Double) mean)
                                    .as("seed %s group %s", seed, g)
                                    .isCloseTo(exactMean.doubleValue(), within(meanError));
                        }
                    }
                }
            }
        }
    }

    @Test
    void averageOfManyGroupsHasNoPerGroupSurprises() {
        int groupCount = 10_000;
        int[] groups = new int[groupCount * 3];
        Object[] input = new Object[groups.length];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = i % groupCount;
            input[i] = (long) i;
        }
        Object[] expected = new Object[groupCount];
        for (int g = 0; g < groupCount; g++) {
            expected[g] = (g + (g + groupCount) + (g + 2.0 * groupCount)) / 3;
        }
        assertThat(run(bind("avg", columns(BigintType.BIGINT)), groupCount, groups, vector(BigintType.BIGINT, input)))
                .containsExactly(expected);
        assertThat(Arrays.stream(groups).max().orElseThrow()).isEqualTo(groupCount - 1);
    }
}
