package io.freshet.expr.aggregate;

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
import io.freshet.types.StringType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.aggregate.AggregateHarness.bind;
import static io.freshet.expr.aggregate.AggregateHarness.columns;
import static io.freshet.expr.aggregate.AggregateHarness.roundTrip;
import static io.freshet.expr.aggregate.AggregateHarness.run;
import static io.freshet.expr.aggregate.AggregateHarness.runSingle;
import static io.freshet.expr.aggregate.AggregateHarness.values;
import static io.freshet.expr.aggregate.AggregateHarness.vector;
import static org.assertj.core.api.Assertions.assertThat;

class DistinctAggregateTest {
    private static final int[] GROUPS = {0, 1, 0, 1, 0, 2, 0};

    @Test
    void countDistinctSkipsNullsPerGroup() {
        AggregateFunction count = bind("count", true, columns(BigintType.BIGINT));
        assertThat(count.distinct()).isTrue();
        assertThat(count.name()).isEqualTo("count");
        Vector longs = vector(BigintType.BIGINT, 7L, 7L, 7L, null, 8L, null, 8L);
        assertThat(run(count, 4, GROUPS, longs)).containsExactly(2L, 1L, 0L, 0L);
    }

    @Test
    void countDistinctOverEveryKeyLayout() {
        assertThat(run(
                        bind("count", true, columns(IntType.INT)),
                        3,
                        GROUPS,
                        vector(IntType.INT, 1, 1, 2, 1, 1, null, -1)))
                .containsExactly(3L, 1L, 0L);
        assertThat(run(
                        bind("count", true, columns(DoubleType.DOUBLE)),
                        3,
                        GROUPS,
                        vector(DoubleType.DOUBLE, 0.0, 1.0, -0.0, 1.0, Double.NaN, 5.0, Double.NaN)))
                .containsExactly(2L, 1L, 1L);
        assertThat(run(
                        bind("count", true, columns(StringType.STRING)),
                        3,
                        GROUPS,
                        vector(StringType.STRING, "a", "a", "b", "a", "a", null, "")))
                .containsExactly(3L, 1L, 0L);
        DecimalType decimal = new DecimalType(5, 2);
        assertThat(run(
                        bind("count", true, columns(decimal)),
                        3,
                        GROUPS,
                        vector(
                                decimal,
                                new BigDecimal("1.00"),
                                null,
                                new BigDecimal("1.0"),
                                null,
                                new BigDecimal("2"),
                                null,
                                null)))
                .containsExactly(2L, 0L, 0L);
        assertThat(run(
                        bind("count", true, columns(BooleanType.BOOLEAN)),
                        3,
                        GROUPS,
                        vector(BooleanType.BOOLEAN, true, false, true, true, false, null, null)))
                .containsExactly(2L, 2L, 0L);
    }

    @Test
    void dictionaryAndFlatStringsCountAsTheSameValues() {
        AggregateFunction count = bind("count", true, columns(StringType.STRING));
        GroupedAccumulator accumulator = count.createAccumulator();
        accumulator.ensureCapacity(1);
        StringVector dictionary = StringVector.of("x", "y", "z");
        accumulator.add(
                new int[4], new Vector[] {StringVector.dictionary(dictionary, new int[] {0, 1, 0, 1}, null, 4)}, 4);
        accumulator.add(new int[3], new Vector[] {StringVector.of("y", "z", "w")}, 3);
        assertThat(values(accumulator.result(1))).containsExactly(4L);
    }

    @Test
    void countDistinctOfSeveralColumnsSkipsRowsWithAnyNull() {
        AggregateFunction count = bind("count", true, columns(StringType.STRING, IntType.INT));
        Vector names = vector(StringType.STRING, "a", "a", "a", "b", "a", null, "ab");
        Vector numbers = vector(IntType.INT, 1, 1, 1, 1, 2, 3, null);
        assertThat(run(count, 3, GROUPS, names, numbers)).containsExactly(2L, 2L, 0L);
        // ("a", "b1") and ("ab", "1") must not collide although their concatenations do.
        Vector left = vector(StringType.STRING, "a", "ab");
        Vector right = vector(StringType.STRING, "b1", "1");
        assertThat(runSingle(bind("count", true, columns(StringType.STRING, StringType.STRING)), left, right))
                .isEqualTo(2L);
    }

    @Test
    void sumAndAverageOfDistinctValuesCountEachValueOnceAcrossMerges() {
        AggregateFunction sum = bind("sum", true, columns(BigintType.BIGINT));
        AggregateFunction avg = bind("avg", true, columns(BigintType.BIGINT));
        for (AggregateFunction function : List.of(sum, avg)) {
            GroupedAccumulator left = function.createAccumulator();
            left.ensureCapacity(1);
            left.add(new int[3], new Vector[] {vector(BigintType.BIGINT, 1L, 2L, 2L)}, 3);
            GroupedAccumulator right = function.createAccumulator();
            right.ensureCapacity(1);
            right.add(new int[3], new Vector[] {vector(BigintType.BIGINT, 2L, 3L, null)}, 3);
            left.merge(right, new int[] {0}, 1);
            Object expected = function == sum ? (Object) 6L : (Object) 2.0;
            assertThat(values(left.result(1))).containsExactly(expected);
            assertThat(values(roundTrip(function, left, 1).result(1))).containsExactly(expected);
        }
    }

    @Test
    void duplicateInsensitiveFunctionsIgnoreTheKeyword() {
        Vector ints = vector(IntType.INT, 3, 3, 1);
        assertThat(runSingle(bind("max", true, columns(IntType.INT)), ints)).isEqualTo(3);
        assertThat(bind("max", true, columns(IntType.INT)).createAccumulator()).isInstanceOf(MinMaxAccumulator.class);
        assertThat(AggregateHarness.list(runSingle(bind("collect_list", true, columns(IntType.INT)), ints)))
                .containsExactlyInAnyOrder(3, 1);
        assertThat(runSingle(
                        bind("count_if", true, columns(BooleanType.BOOLEAN)),
                        vector(BooleanType.BOOLEAN, true, true, false)))
                .isEqualTo(1L);
    }

    @Test
    void distinctOverArraysAndDates() {
        ArrayType array = new ArrayType(StringType.STRING);
        Vector arrays = vector(array, List.of("a"), List.of("a"), Arrays.asList("a", null), List.of(), null);
        assertThat(runSingle(bind("count", true, columns(array)), arrays)).isEqualTo(3L);
        Vector dates = vector(DateType.DATE, 1, 2, 1, null);
        assertThat(runSingle(bind("count", true, columns(DateType.DATE)), dates))
                .isEqualTo(2L);
    }

    @Test
    void readStateReplacesAGroupsDistinctValues() throws IOException {
        for (DataType type : List.of(BigintType.BIGINT, StringType.STRING)) {
            AggregateFunction count = bind("count", true, columns(type));
            GroupedAccumulator source = count.createAccumulator();
            source.ensureCapacity(1);
            Object[] sourceValues = type instanceof StringType ? new Object[] {"a", "b"} : new Object[] {1L, 2L};
            source.add(new int[2], new Vector[] {vector(type, sourceValues)}, 2);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            source.writeState(0, new DataOutputStream(bytes));

            GroupedAccumulator target = count.createAccumulator();
            target.ensureCapacity(2);
            Object[] targetValues =
                    type instanceof StringType ? new Object[] {"x", "y", "z", "a"} : new Object[] {7L, 8L, 9L, 1L};
            target.add(new int[] {0, 0, 0, 1}, new Vector[] {vector(type, targetValues)}, 4);
            target.readState(0, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(values(target.result(2))).as("%s", type).containsExactly(2L, 1L);
            target.add(new int[] {0, 0}, new Vector[] {vector(type, targetValues[0], sourceValues[0])}, 2);
            assertThat(values(target.result(2))).as("%s", type).containsExactly(3L, 1L);
        }
    }

    @Test
    void countDistinctMatchesExactSetsAcrossMergesAndRoundTrips() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        DataType[] types = {BigintType.BIGINT, IntType.INT, DoubleType.DOUBLE, StringType.STRING, new DecimalType(8, 2)
        };
        for (DataType type : types) {
            int rows = 5_000 + random.nextInt(20_000);
            int groupCount = 1 + random.nextInt(200);
            int domain = 1 + random.nextInt(20_000);
            int[] groups = AggregateHarness.randomGroups(rows, groupCount, random);
            List<Object> input = new ArrayList<>(rows);
            List<Set<Object>> expected = new ArrayList<>();
            for (int g = 0; g < groupCount; g++) {
                expected.add(new HashSet<>());
            }
            for (int i = 0; i < rows; i++) {
                int v = random.nextInt(domain);
                Object value = random.nextInt(20) == 0
                        ? null
                        : switch (type) {
                            case BigintType t -> (long) v * 1_000_003L;
                            case IntType t -> v;
                            case DoubleType t -> v / 4.0;
                            case StringType t -> "user-" + v;
                            default -> BigDecimal.valueOf(v, 2);
                        };
                input.add(value);
                if (value != null) {
                    expected.get(groups[i]).add(value);
                }
            }
            Vector[] args = {vector(type, input.toArray())};
            Object[] expectedCounts = new Object[groupCount];
            Object[] expectedSums = new Object[groupCount];
            for (int g = 0; g < groupCount; g++) {
                expectedCounts[g] = (long) expected.get(g).size();
            }
            AggregateFunction count = bind("count", true, columns(type));
            GroupedAccumulator merged =
                    AggregateHarness.partitionAndMerge(count, groupCount, groups, args, 1 + random.nextInt(4), random);
            assertThat(values(merged.result(groupCount)))
                    .as("seed %s %s", seed, type)
                    .containsExactly(expectedCounts);
            assertThat(values(roundTrip(count, merged, groupCount).result(groupCount)))
                    .as("seed %s %s", seed, type)
                    .containsExactly(expectedCounts);
            if (type instanceof BigintType) {
                for (int g = 0; g < groupCount; g++) {
                    long sum = 0;
                    for (Object value : expected.get(g)) {
                        sum += (Long) value;
                    }
                    expectedSums[g] = expected.get(g).isEmpty() ? null : sum;
                }
                AggregateFunction sum = bind("sum", true, columns(type));
                GroupedAccumulator sums = AggregateHarness.partitionAndMerge(sum, groupCount, groups, args, 3, random);
                assertThat(values(roundTrip(sum, sums, groupCount).result(groupCount)))
                        .as("seed %s", seed)
                        .containsExactly(expectedSums);
            }
        }
    }
}
