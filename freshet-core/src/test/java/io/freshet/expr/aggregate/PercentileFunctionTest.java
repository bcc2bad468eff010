package io.freshet.expr.aggregate;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.data.DoubleVector;
import io.freshet.data.Vector;
import io.freshet.expr.Expr;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.aggregate.AggregateHarness.bind;
import static io.freshet.expr.aggregate.AggregateHarness.column;
import static io.freshet.expr.aggregate.AggregateHarness.literal;
import static io.freshet.expr.aggregate.AggregateHarness.roundTrip;
import static io.freshet.expr.aggregate.AggregateHarness.run;
import static io.freshet.expr.aggregate.AggregateHarness.runSingle;
import static io.freshet.expr.aggregate.AggregateHarness.values;
import static io.freshet.expr.aggregate.AggregateHarness.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PercentileFunctionTest {
    private static final ArrayType DOUBLES = new ArrayType(DoubleType.DOUBLE);

    private static AggregateFunction approx(io.freshet.types.DataType type, Object percentage, Expr... more) {
        Expr percentageArg =
                percentage instanceof List<?> list ? literal(list, DOUBLES) : literal(percentage, DoubleType.DOUBLE);
        Expr[] args = new Expr[2 + more.length];
        args[0] = column(0, type);
        args[1] = percentageArg;
        System.arraycopy(more, 0, args, 2, more.length);
        return bind("percentile_approx", args);
    }

    @Test
    void smallInputsGiveExactRanksWithoutInterpolation() {
        Vector oneToTen = vector(IntType.INT, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, null);
        assertThat(approx(IntType.INT, 0.5).resultType()).isEqualTo(IntType.INT);
        assertThat(runSingle(approx(IntType.INT, 0.5), oneToTen)).isEqualTo(5);
        assertThat(runSingle(approx(IntType.INT, 0.0), oneToTen)).isEqualTo(1);
        assertThat(runSingle(approx(IntType.INT, 1.0), oneToTen)).isEqualTo(10);
        assertThat(runSingle(approx(IntType.INT, 0.25), oneToTen)).isEqualTo(3);
        assertThat(runSingle(approx(IntType.INT, 0.5), vector(IntType.INT, 1, 2, 3, 4)))
                .isEqualTo(2);
    }

    @Test
    void anArrayOfPercentagesGivesAnArray() {
        AggregateFunction function = approx(BigintType.BIGINT, List.of(0.1, 0.5, 0.9));
        assertThat(function.resultType()).isEqualTo(new ArrayType(BigintType.BIGINT));
        Object[] values = new Object[100];
        for (int i = 0; i < 100; i++) {
            values[i] = (long) i + 1;
        }
        assertThat(runSingle(function, vector(BigintType.BIGINT, values))).isEqualTo(List.of(10L, 50L, 90L));
        assertThat(bind("approx_percentile", column(0, IntType.INT), literal(0.5, DoubleType.DOUBLE))
                        .name())
                .isEqualTo("approx_percentile");
    }

    @Test
    void datesTimestampsAndDecimalsKeepTheirType() {
        assertThat(runSingle(approx(DateType.DATE, 0.5), vector(DateType.DATE, 100, 300, 200)))
                .isEqualTo(200);
        assertThat(runSingle(
                        approx(TimestampType.TIMESTAMP, 1.0),
                        vector(TimestampType.TIMESTAMP, 1_700_000_000_000_000L, 5L)))
                .isEqualTo(1_700_000_000_000_000L);
        DecimalType decimal = new DecimalType(6, 2);
        assertThat(runSingle(approx(decimal, 0.5), vector(decimal, new BigDecimal("1.25"), new BigDecimal("-3.50"))))
                .isEqualTo(new BigDecimal("-3.50"));
    }

    @Test
    void emptyAndAllNullGroupsAreNull() {
        assertThat(run(approx(DoubleType.DOUBLE, 0.5), 2, new int[] {1}, vector(DoubleType.DOUBLE, (Object) null)))
                .containsExactly(null, null);
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> approx(DoubleType.DOUBLE, 1.5))
                .isInstanceOfSatisfying(
                        AnalysisException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WRONG_ARGUMENTS))
                .hasMessage("percentile_approx expects percentages between 0.0 and 1.0, got 1.5");
        assertThatThrownBy(() -> bind("percentile_approx", column(0, DoubleType.DOUBLE), column(1, DoubleType.DOUBLE)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("constant number");
        assertThatThrownBy(() -> approx(DoubleType.DOUBLE, 0.5, literal(0, IntType.INT)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("positive integer constant");
        assertThatThrownBy(() -> approx(StringType.STRING, 0.5))
                .isInstanceOfSatisfying(
                        AnalysisException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test
    void rankErrorStaysWithinTheAccuracyAcrossMergesAndRoundTrips() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        double[] percentages = {0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0};
        for (int accuracy : new int[] {100, 1000, 10_000}) {
            int rows = 200_000;
            double[] data = new double[rows];
            for (int i = 0; i < rows; i++) {
                data[i] = random.nextBoolean() ? random.nextGaussian() * 100 : Math.floor(random.nextDouble() * 1000);
            }
            List<Double> percentageList = Arrays.stream(percentages).boxed().toList();
            AggregateFunction function = approx(DoubleType.DOUBLE, percentageList, literal(accuracy, IntType.INT));
            Vector[] args = {new DoubleVector(DoubleType.DOUBLE, data, null, rows)};
            GroupedAccumulator merged = AggregateHarness.partitionAndMerge(function, 1, new int[rows], args, 4, random);
            List<Object> answers = AggregateHarness.list(
                    roundTrip(function, merged, 1).result(1).get(0));
            double[] sorted = data.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < percentages.length; k++) {
                double answer = (Double) answers.get(k);
                long target = Math.max(1, (long) Math.ceil(percentages[k] * rows));
                // the answer's ranks are the interval [first position, last position] of its value, 1-based
                int lowRank = lowerBound(sorted, answer) + 1;
                int highRank = lowerBound(sorted, Math.nextUp(answer));
                long error = target < lowRank ? lowRank - target : target > highRank ? target - highRank : 0;
                assertThat(error)
                        .as("seed %s accuracy %s percentage %s answer %s", seed, accuracy, percentages[k], answer)
                        .isLessThanOrEqualTo((long) Math.ceil(2.0 * rows / accuracy));
                assertThat(lowRank).as("the answer is an input value").isLessThanOrEqualTo(highRank);
            }
        }
    }

    @Test
    void mergingManyInterleavedSummariesKeepsTheRankErrorBound() {
        // Each part holds every 16th value, so each merged sample's rank among the other parts' values is
        // uncertain by their whole bands: merging must widen the bands, or compression folds too much.
        double relativeError = 0.01;
        int parts = 16;
        int rows = 160_000;
        QuantileSummary merged = new QuantileSummary(relativeError);
        for (int part = 0; part < parts; part++) {
            QuantileSummary summary = new QuantileSummary(relativeError);
            for (int i = part; i < rows; i += parts) {
                summary.add(i);
            }
            merged.merge(summary);
        }
        for (int percent = 0; percent <= 100; percent++) {
            long target = Math.max(1, (long) Math.ceil(percent / 100.0 * rows));
            long rank = (long) merged.query(percent / 100.0) + 1;
            assertThat(Math.abs(rank - target))
                    .as("percentage %s", percent / 100.0)
                    .isLessThanOrEqualTo((long) Math.ceil(relativeError * rows) + 1);
        }
    }

    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Test
    void summaryStaysSmall() {
        QuantileSummary summary = new QuantileSummary(0.001);
        Random random = new Random(1);
        for (int i = 0; i < 1_000_000; i++) {
            summary.add(random.nextDouble());
        }
        assertThat(summary.sampleCount()).isLessThan(20_000);
    }

    @Test
    void exactPercentileInterpolatesLinearly() {
        Vector values = vector(IntType.INT, 1, 2, 3, 4, null);
        AggregateFunction percentile = bind("percentile", column(0, IntType.INT), literal(0.5, DoubleType.DOUBLE));
        assertThat(percentile.resultType()).isEqualTo(DoubleType.DOUBLE);
        assertThat(runSingle(percentile, values)).isEqualTo(2.5);
        assertThat(runSingle(bind("median", column(0, IntType.INT)), values)).isEqualTo(2.5);
        AggregateFunction several =
                bind("percentile", column(0, IntType.INT), literal(List.of(0.0, 0.25, 1.0), DOUBLES));
        assertThat(several.resultType()).isEqualTo(DOUBLES);
        assertThat(runSingle(several, values)).isEqualTo(List.of(1.0, 1.75, 4.0));
        assertThat(runSingle(bind("median", column(0, IntType.INT)), vector(IntType.INT, (Object) null)))
                .isNull();
    }

    @Test
    void exactPercentileMergesAndRoundTrips() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        int rows = 5000;
        int groupCount = 5;
        int[] groups = AggregateHarness.randomGroups(rows, groupCount, random);
        Object[] data = new Object[rows];
        for (int i = 0; i < rows; i++) {
            data[i] = random.nextInt(10) == 0 ? null : (long) random.nextInt(1000);
        }
        AggregateFunction median = bind("median", column(0, BigintType.BIGINT));
        Vector[] args = {vector(BigintType.BIGINT, data)};
        GroupedAccumulator merged = AggregateHarness.partitionAndMerge(median, groupCount, groups, args, 3, random);
        List<Object> actual = values(roundTrip(median, merged, groupCount).result(groupCount));
        for (int g = 0; g < groupCount; g++) {
            final int group = g;
            double[] sorted = java.util.stream.IntStream.range(0, rows)
                    .filter(i -> groups[i] == group && data[i] != null)
                    .mapToDouble(i -> (Long) data[i])
                    .sorted()
                    .toArray();
            double position = (sorted.length - 1) * 0.5;
            double expected = sorted[(int) Math.floor(position)] * (1 - (position - Math.floor(position)))
                    + sorted[(int) Math.ceil(position)] * (position - Math.floor(position));
            assertThat((Double) actual.get(g)).as("seed %s", seed).isCloseTo(expected, within(1e-9));
        }
    }
}
