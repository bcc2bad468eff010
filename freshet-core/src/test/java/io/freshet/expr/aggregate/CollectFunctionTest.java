package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.StringType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

class CollectFunctionTest {
    private static final int[] GROUPS = {0, 1, 0, 1, 0, 2};

    @Test
    void collectListKeepsArrivalOrderAndSkipsNulls() {
        AggregateFunction collect = bind("collect_list", columns(StringType.STRING));
        assertThat(collect.resultType()).isEqualTo(new ArrayType(StringType.STRING));
        Vector strings = vector(StringType.STRING, "a", "x", "b", null, "a", null);
        assertThat(run(collect, 4, GROUPS, strings))
                .containsExactly(List.of("a", "b", "a"), List.of("x"), List.of(), List.of());
        assertThat(run(bind("array_agg", columns(StringType.STRING)), 1, new int[6], strings))
                .containsExactly(List.of("a", "x", "b", "a"));
    }

    @Test
    void collectSetDropsDuplicatesAndNulls() {
        Vector doubles = vector(DoubleType.DOUBLE, 0.0, 1.0, -0.0, null, Double.NaN, Double.NaN);
        @SuppressWarnings("unchecked")
        List<Object> set = (List<Object>) runSingle(bind("collect_set", columns(DoubleType.DOUBLE)), doubles);
        assertThat(set).containsExactlyInAnyOrder(0.0, 1.0, Double.NaN);
    }

    @Test
    void mergeAppendsTheOtherListsInOrder() {
        AggregateFunction collect = bind("collect_list", columns(BigintType.BIGINT));
        GroupedAccumulator left = collect.createAccumulator();
        left.ensureCapacity(2);
        left.add(new int[] {0, 1}, new Vector[] {vector(BigintType.BIGINT, 1L, 2L)}, 2);
        GroupedAccumulator right = collect.createAccumulator();
        right.ensureCapacity(2);
        right.add(new int[] {0, 0, 1}, new Vector[] {vector(BigintType.BIGINT, 3L, 4L, 5L)}, 3);
        left.merge(right, new int[] {1, 0}, 2);
        assertThat(values(left.result(2))).containsExactly(List.of(1L, 5L), List.of(2L, 3L, 4L));
        assertThat(values(roundTrip(collect, left, 2).result(2))).containsExactly(List.of(1L, 5L), List.of(2L, 3L, 4L));
    }

    @Test
    void collectSetMatchesAReferenceAcrossMergesAndRoundTrips() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        for (DataType type : new DataType[] {BigintType.BIGINT, StringType.STRING, new DecimalType(6, 1)}) {
            int rows = random.nextInt(3000);
            int groupCount = 1 + random.nextInt(20);
            int[] groups = AggregateHarness.randomGroups(rows, groupCount, random);
            List<Object> input = new ArrayList<>();
            Map<Integer, Set<Object>> expected = new HashMap<>();
            Map<Integer, List<Object>> expectedLists = new HashMap<>();
            for (int i = 0; i < rows; i++) {
                Object value = random.nextInt(10) == 0
                        ? null
                        : switch (type) {
                            case BigintType t -> (long) random.nextInt(50);
                            case StringType t -> "s" + random.nextInt(50);
                            default -> BigDecimal.valueOf(random.nextInt(50), 1);
                        };
                input.add(value);
                if (value != null) {
                    expected.computeIfAbsent(groups[i], g -> new HashSet<>()).add(value);
                    expectedLists
                            .computeIfAbsent(groups[i], g -> new ArrayList<>())
                            .add(value);
                }
            }
            Vector[] args = {vector(type, input.toArray())};
            AggregateFunction collectSet = bind("collect_set", columns(type));
            GroupedAccumulator merged =
                    AggregateHarness.partitionAndMerge(collectSet, groupCount, groups, args, 3, random);
            List<Object> sets = values(roundTrip(collectSet, merged, groupCount).result(groupCount));
            AggregateFunction collectList = bind("collect_list", columns(type));
            GroupedAccumulator lists =
                    AggregateHarness.partitionAndMerge(collectList, groupCount, groups, args, 2, random);
            List<Object> listValues = values(lists.result(groupCount));
            for (int g = 0; g < groupCount; g++) {
                assertThat(AggregateHarness.list(sets.get(g)))
                        .as("seed %s", seed)
                        .hasSameSizeAs(expected.getOrDefault(g, Set.of()))
                        .containsExactlyInAnyOrderElementsOf(expected.getOrDefault(g, Set.of()));
                assertThat(AggregateHarness.list(listValues.get(g)))
                        .as("seed %s", seed)
                        .containsExactlyInAnyOrderElementsOf(expectedLists.getOrDefault(g, List.of()));
            }
        }
    }
}
