package io.freshet.expr.aggregate;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.data.Vector;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.aggregate.AggregateHarness.bind;
import static io.freshet.expr.aggregate.AggregateHarness.column;
import static io.freshet.expr.aggregate.AggregateHarness.columns;
import static io.freshet.expr.aggregate.AggregateHarness.literal;
import static io.freshet.expr.aggregate.AggregateHarness.roundTrip;
import static io.freshet.expr.aggregate.AggregateHarness.values;
import static io.freshet.expr.aggregate.AggregateHarness.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateFunctionsTest {

    @Test
    void registersEveryFunctionAndAlias() {
        FunctionRegistry registry = FunctionRegistry.builtins();
        for (String name : List.of(
                "count",
                "count_if",
                "sum",
                "try_sum",
                "avg",
                "mean",
                "try_avg",
                "min",
                "max",
                "first",
                "first_value",
                "last",
                "last_value",
                "any_value",
                "collect_list",
                "array_agg",
                "collect_set",
                "bool_and",
                "every",
                "bool_or",
                "some",
                "any",
                "max_by",
                "min_by",
                "stddev",
                "std",
                "stddev_samp",
                "stddev_pop",
                "variance",
                "var_samp",
                "var_pop",
                "skewness",
                "kurtosis",
                "corr",
                "covar_pop",
                "covar_samp",
                "approx_count_distinct",
                "percentile_approx",
                "approx_percentile",
                "percentile",
                "median")) {
            assertThat(registry.aggregate(name)).as(name).isPresent();
            assertThat(registry.aggregate(name.toUpperCase(java.util.Locale.ROOT)))
                    .as(name)
                    .isPresent();
        }
    }

    @Test
    void boundFunctionsCompareByValue() {
        assertThat(bind("sum", columns(IntType.INT))).isEqualTo(bind("sum", columns(IntType.INT)));
        assertThat(bind("count", true, columns(StringType.STRING)))
                .isEqualTo(bind("count", true, columns(StringType.STRING)))
                .isNotEqualTo(bind("count", columns(StringType.STRING)));
    }

    @Test
    void wrongArgumentCountsSayWhatIsExpected() {
        assertThatThrownBy(() -> bind("max_by", columns(IntType.INT)))
                .isInstanceOfSatisfying(
                        AnalysisException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WRONG_ARGUMENTS))
                .hasMessage("max_by expects 2 arguments, got 1");
        assertThatThrownBy(() -> bind("first", columns(IntType.INT, BooleanType.BOOLEAN, IntType.INT)))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("first expects 1 to 2 arguments, got 3");
        assertThatThrownBy(() -> bind("min"))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("min expects 1 argument, got 0");
    }

    /** A function under test with a generator of argument rows. */
    private record Case(
            String name, boolean distinct, List<DataType> types, List<Expr> constants, boolean orderSensitive) {}

    @Test
    void everyFunctionGivesTheSameAnswerWhetherPartitionedMergedOrRestored() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        DecimalType decimal = new DecimalType(9, 3);
        List<Case> cases = List.of(
                new Case("count", false, List.of(), List.of(), false),
                new Case("count", false, List.of(IntType.INT, StringType.STRING), List.of(), false),
                new Case("count", true, List.of(StringType.STRING, IntType.INT), List.of(), false),
                new Case("count_if", false, List.of(BooleanType.BOOLEAN), List.of(), false),
                new Case("sum", false, List.of(decimal), List.of(), false),
                new Case("sum", true, List.of(IntType.INT), List.of(), false),
                new Case("avg", true, List.of(decimal), List.of(), false),
                new Case("try_sum", false, List.of(BigintType.BIGINT), List.of(), false),
                new Case("min", false, List.of(StringType.STRING), List.of(), false),
                new Case("max", false, List.of(new ArrayType(IntType.INT)), List.of(), false),
                new Case("bool_and", false, List.of(BooleanType.BOOLEAN), List.of(), false),
                new Case("max_by", false, List.of(StringType.STRING, IntType.INT), List.of(), true),
                new Case("collect_set", false, List.of(decimal), List.of(), true),
                new Case("collect_list", true, List.of(StringType.STRING), List.of(), true),
                new Case("approx_count_distinct", false, List.of(StringType.STRING), List.of(), false),
                new Case("median", false, List.of(IntType.INT), List.of(), false),
                new Case(
                        "percentile_approx",
                        true,
                        List.of(BigintType.BIGINT),
                        List.of(literal(0.3, DoubleType.DOUBLE)),
                        false),
                new Case("first", false, List.of(IntType.INT), List.of(literal(true, BooleanType.BOOLEAN)), true),
                new Case("stddev_samp", true, List.of(IntType.INT), List.of(), false));
        for (Case c : cases) {
            List<Expr> args = new ArrayList<>();
            for (int k = 0; k < c.types().size(); k++) {
                args.add(column(k, c.types().get(k)));
            }
            args.addAll(c.constants());
            AggregateFunction function = bind(c.name(), c.distinct(), args.toArray(Expr[]::new));
            int rows = random.nextInt(3000);
            int groupCount = 1 + random.nextInt(12);
            // The last group never gets a row.
            int[] groups = AggregateHarness.randomGroups(rows, Math.max(1, groupCount - 1), random);
            Vector[] vectors = new Vector[c.types().size()];
            for (int k = 0; k < vectors.length; k++) {
                Object[] data = new Object[rows];
                for (int i = 0; i < rows; i++) {
                    data[i] = random.nextInt(7) == 0 ? null : value(c.types().get(k), random);
                }
                vectors[k] = vector(c.types().get(k), data);
            }
            GroupedAccumulator single = function.createAccumulator();
            single.ensureCapacity(groupCount);
            AggregateHarness.addInBatches(single, groups, vectors, rows, 257);
            List<Object> expected = values(single.result(groupCount));
            List<Object> restored =
                    values(roundTrip(function, single, groupCount).result(groupCount));
            assertThat(restored).as("seed %s %s round trip", seed, c).isEqualTo(expected);
            if (!c.orderSensitive()) {
                GroupedAccumulator merged =
                        AggregateHarness.partitionAndMerge(function, groupCount, groups, vectors, 3, random);
                List<Object> actual = values(merged.result(groupCount));
                if (function.resultType() instanceof DoubleType) {
                    for (int g = 0; g < groupCount; g++) {
                        if (expected.get(g) == null) {
                            assertThat(actual.get(g)).isNull();
                        } else {
                            assertThat((Double) actual.get(g))
                                    .as("seed %s %s", seed, c)
                                    .isCloseTo((Double) expected.get(g), org.assertj.core.api.Assertions.within(1e-9));
                        }
                    }
                } else {
                    assertThat(actual).as("seed %s %s merged", seed, c).isEqualTo(expected);
                }
            }
        }
    }

    private static Object value(DataType type, Random random) {
        return switch (type) {
            case IntType t -> random.nextInt(100);
            case BigintType t -> random.nextLong() >> 20;
            case BooleanType t -> random.nextBoolean();
            case StringType t -> "v" + random.nextInt(60);
            case DecimalType t -> BigDecimal.valueOf(random.nextInt(100_000), 3);
            case ArrayType t -> List.of(random.nextInt(3), random.nextInt(3));
            default -> throw new IllegalArgumentException(type.toString());
        };
    }
}
