package io.freshet.expr.aggregate;

import io.freshet.AnalysisException;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import java.math.BigDecimal;
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
import static org.assertj.core.api.Assertions.within;

class StatisticsFunctionTest {
    private static final Vector SAMPLE = vector(IntType.INT, 2, 4, 4, 4, 5, 5, 7, 9, null);

    @Test
    void variancesAndStandardDeviationsOfAKnownSample() {
        assertThat((Double) runSingle(bind("var_pop", columns(IntType.INT)), SAMPLE))
                .isCloseTo(4.0, within(1e-12));
        assertThat((Double) runSingle(bind("stddev_pop", columns(IntType.INT)), SAMPLE))
                .isCloseTo(2.0, within(1e-12));
        assertThat((Double) runSingle(bind("var_samp", columns(IntType.INT)), SAMPLE))
                .isCloseTo(32.0 / 7, within(1e-12));
        assertThat((Double) runSingle(bind("variance", columns(IntType.INT)), SAMPLE))
                .isCloseTo(32.0 / 7, within(1e-12));
        assertThat((Double) runSingle(bind("stddev", columns(IntType.INT)), SAMPLE))
                .isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat((Double) runSingle(bind("std", columns(IntType.INT)), SAMPLE))
                .isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    }

    @Test
    void sampleStatisticsOfOneRowAreNullAndPopulationOnesAreZero() {
        Vector one = vector(DoubleType.DOUBLE, 3.5, null);
        assertThat(runSingle(bind("stddev_samp", columns(DoubleType.DOUBLE)), one))
                .isNull();
        assertThat(runSingle(bind("var_samp", columns(DoubleType.DOUBLE)), one)).isNull();
        assertThat(runSingle(bind("var_pop", columns(DoubleType.DOUBLE)), one)).isEqualTo(0.0);
        assertThat(runSingle(bind("stddev_pop", columns(DoubleType.DOUBLE)), one))
                .isEqualTo(0.0);
        Vector none = vector(DoubleType.DOUBLE, (Object) null);
        assertThat(runSingle(bind("var_pop", columns(DoubleType.DOUBLE)), none)).isNull();
        assertThat(runSingle(bind("skewness", columns(DoubleType.DOUBLE)), one)).isNull();
        assertThat(runSingle(bind("covar_samp", columns(DoubleType.DOUBLE, DoubleType.DOUBLE)), one, one))
                .isNull();
        assertThat(runSingle(bind("covar_pop", columns(DoubleType.DOUBLE, DoubleType.DOUBLE)), one, one))
                .isEqualTo(0.0);
        assertThat(runSingle(bind("corr", columns(DoubleType.DOUBLE, DoubleType.DOUBLE)), one, one))
                .isNull();
    }

    @Test
    void welfordStaysAccurateFarFromZero() {
        // The naive sum-of-squares formula loses every digit here.
        Object[] values = new Object[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e9 + (i % 2 == 0 ? 0.5 : -0.5);
        }
        Vector shifted = vector(DoubleType.DOUBLE, values);
        assertThat((Double) runSingle(bind("var_pop", columns(DoubleType.DOUBLE)), shifted))
                .isCloseTo(0.25, within(1e-9));
    }

    @Test
    void skewnessAndKurtosisOfAKnownSample() {
        Vector data = vector(DoubleType.DOUBLE, 1.0, 2.0, 3.0, 10.0);
        // deviations -3, -2, -1, 6: m2 = 50, m3 = 180, m4 = 1394 (central moment sums), n = 4
        assertThat((Double) runSingle(bind("skewness", columns(DoubleType.DOUBLE)), data))
                .isCloseTo(Math.sqrt(4) * 180 / Math.pow(50, 1.5), within(1e-12));
        assertThat((Double) runSingle(bind("kurtosis", columns(DoubleType.DOUBLE)), data))
                .isCloseTo(4 * 1394 / (50.0 * 50.0) - 3, within(1e-12));
        Vector constant = vector(DoubleType.DOUBLE, 2.0, 2.0, 2.0);
        assertThat(runSingle(bind("kurtosis", columns(DoubleType.DOUBLE)), constant))
                .isNull();
    }

    @Test
    void covarianceAndCorrelationSkipRowsWithANull() {
        Vector x = vector(IntType.INT, 1, 2, 3, 4, null, 6);
        Vector y = vector(DoubleType.DOUBLE, 2.0, 4.0, 6.0, 8.0, 1.0, null);
        assertThat((Double) runSingle(bind("covar_pop", columns(IntType.INT, DoubleType.DOUBLE)), x, y))
                .isCloseTo(2.5, within(1e-12));
        assertThat((Double) runSingle(bind("covar_samp", columns(IntType.INT, DoubleType.DOUBLE)), x, y))
                .isCloseTo(10.0 / 3, within(1e-12));
        assertThat((Double) runSingle(bind("corr", columns(IntType.INT, DoubleType.DOUBLE)), x, y))
                .isCloseTo(1.0, within(1e-12));
        Vector flat = vector(DoubleType.DOUBLE, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        assertThat((Double) runSingle(bind("corr", columns(IntType.INT, DoubleType.DOUBLE)), x, flat))
                .isNaN();
    }

    @Test
    void statisticsRejectStrings() {
        assertThatThrownBy(() -> bind("stddev", columns(StringType.STRING)))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("stddev expects a numeric argument, got string");
        assertThatThrownBy(() -> bind("corr", columns(DoubleType.DOUBLE)))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("corr expects 2 arguments, got 1");
    }

    @Test
    void decimalInputsAreReadAsDoubles() {
        DecimalType type = new DecimalType(4, 1);
        Vector decimals = vector(type, new BigDecimal("1.0"), new BigDecimal("3.0"));
        assertThat((Double) runSingle(bind("var_pop", columns(type)), decimals)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void parallelMergesMatchATwoPassReference() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        List<String> names = List.of("var_pop", "var_samp", "stddev_pop", "stddev_samp", "skewness", "kurtosis");
        for (int trial = 0; trial < 10; trial++) {
            int rows = random.nextInt(4000);
            int groupCount = 1 + random.nextInt(10);
            int[] groups = AggregateHarness.randomGroups(rows, groupCount, random);
            Object[] xs = new Object[rows];
            Object[] ys = new Object[rows];
            double offset = random.nextBoolean() ? 0 : 1e6;
            for (int i = 0; i < rows; i++) {
                xs[i] = random.nextInt(8) == 0
                        ? null
                        : offset + random.nextGaussian() * 10 + Math.pow(random.nextDouble(), 3) * 50;
                ys[i] = random.nextInt(8) == 0 ? null : (long) random.nextInt(1000);
            }
            Vector[] x = {vector(DoubleType.DOUBLE, xs)};
            Vector[] xy = {x[0], vector(BigintType.BIGINT, ys)};
            for (String name : names) {
                AggregateFunction function = bind(name, columns(DoubleType.DOUBLE));
                GroupedAccumulator merged =
                        AggregateHarness.partitionAndMerge(function, groupCount, groups, x, 4, random);
                List<Object> actual =
                        values(roundTrip(function, merged, groupCount).result(groupCount));
                for (int g = 0; g < groupCount; g++) {
                    Double expected = reference(name, xs, groups, g);
                    assertStatistic(actual.get(g), expected, "seed " + seed + " " + name);
                }
            }
            for (String name : List.of("covar_pop", "covar_samp", "corr")) {
                AggregateFunction function = bind(name, columns(DoubleType.DOUBLE, BigintType.BIGINT));
                GroupedAccumulator merged =
                        AggregateHarness.partitionAndMerge(function, groupCount, groups, xy, 4, random);
                List<Object> actual =
                        values(roundTrip(function, merged, groupCount).result(groupCount));
                for (int g = 0; g < groupCount; g++) {
                    assertStatistic(
                            actual.get(g), covarianceReference(name, xs, ys, groups, g), "seed " + seed + " " + name);
                }
            }
        }
    }

    private static void assertStatistic(Object actual, Double expected, String description) {
        if (expected == null) {
            assertThat(actual).as(description).isNull();
        } else {
            assertThat((Double) actual)
                    .as(description)
                    .isCloseTo(expected, within(1e-7 * Math.max(1, Math.abs(expected))));
        }
    }

    private static Double reference(String name, Object[] xs, int[] groups, int group) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            if (groups[i] == group && xs[i] != null) {
                sum += (Double) xs[i];
                n++;
            }
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (int i = 0; i < xs.length; i++) {
            if (groups[i] == group && xs[i] != null) {
                double d = (Double) xs[i] - mean;
                m2 += d * d;
                m3 += d * d * d;
                m4 += d * d * d * d;
            }
        }
        return switch (name) {
            case "var_pop" -> n == 0 ? null : m2 / n;
            case "stddev_pop" -> n == 0 ? null : Math.sqrt(m2 / n);
            case "var_samp" -> n <= 1 ? null : m2 / (n - 1);
            case "stddev_samp" -> n <= 1 ? null : Math.sqrt(m2 / (n - 1));
            case "skewness" -> n == 0 || m2 == 0 ? null : Math.sqrt(n) * m3 / Math.pow(m2, 1.5);
            case "kurtosis" -> n == 0 || m2 == 0 ? null : n * m4 / (m2 * m2) - 3;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Double covarianceReference(String name, Object[] xs, Object[] ys, int[] groups, int group) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            if (groups[i] == group && xs[i] != null && ys[i] != null) {
                sx += (Double) xs[i];
                sy += (Long) ys[i];
                n++;
            }
        }
        double mx = sx / n;
        double my = sy / n;
        double c = 0;
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < xs.length; i++) {
            if (groups[i] == group && xs[i] != null && ys[i] != null) {
                double dx = (Double) xs[i] - mx;
                double dy = (Long) ys[i] - my;
                c += dx * dy;
                vx += dx * dx;
                vy += dy * dy;
            }
        }
        return switch (name) {
            case "covar_pop" -> n == 0 ? null : c / n;
            case "covar_samp" -> n <= 1 ? null : c / (n - 1);
            case "corr" -> n <= 1 ? null : c / Math.sqrt(vx * vy);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Test
    void emptyGroupsAreNullForEveryStatistic() {
        for (String name : List.of("var_pop", "stddev_samp", "skewness", "kurtosis")) {
            assertThat(run(bind(name, columns(DoubleType.DOUBLE)), 2, new int[0], vector(DoubleType.DOUBLE)))
                    .containsExactly(null, null);
        }
    }
}
