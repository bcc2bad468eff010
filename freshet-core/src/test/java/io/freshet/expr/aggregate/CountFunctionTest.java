package io.freshet.expr.aggregate;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.aggregate.AggregateHarness.bind;
import static io.freshet.expr.aggregate.AggregateHarness.columns;
import static io.freshet.expr.aggregate.AggregateHarness.roundTrip;
import static io.freshet.expr.aggregate.AggregateHarness.run;
import static io.freshet.expr.aggregate.AggregateHarness.values;
import static io.freshet.expr.aggregate.AggregateHarness.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountFunctionTest {
    private static final int[] GROUPS = {0, 1, 0, 1, 0, 2};

    @Test
    void countStarCountsEveryRowAndGivesZeroForEmptyGroups() {
        AggregateFunction count = bind("count");
        assertThat(count.resultType()).isEqualTo(BigintType.BIGINT);
        assertThat(run(count, 4, GROUPS)).containsExactly(3L, 2L, 1L, 0L);
    }

    @Test
    void countOfExpressionsSkipsRowsWithAnyNull() {
        Vector a = vector(IntType.INT, 1, null, 3, 4, 5, null);
        Vector b = vector(StringType.STRING, "x", "y", null, "z", "w", null);
        assertThat(run(bind("count", columns(IntType.INT)), 3, GROUPS, a)).containsExactly(3L, 1L, 0L);
        assertThat(run(bind("count", columns(IntType.INT, StringType.STRING)), 3, GROUPS, a, b))
                .containsExactly(2L, 1L, 0L);
    }

    @Test
    void countIfCountsTrueConditionsOnly() {
        Vector conditions = vector(BooleanType.BOOLEAN, true, false, null, true, true, false);
        assertThat(run(bind("count_if", columns(BooleanType.BOOLEAN)), 3, GROUPS, conditions))
                .containsExactly(2L, 1L, 0L);
    }

    @Test
    void countIfRejectsNonBooleanArguments() {
        assertThatThrownBy(() -> bind("count_if", columns(IntType.INT)))
                .isInstanceOfSatisfying(
                        AnalysisException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH))
                .hasMessage("count_if expects a boolean argument, got int");
    }

    @Test
    void countDistinctWithoutArgumentsIsRejected() {
        assertThatThrownBy(() -> bind("count", true))
                .isInstanceOfSatisfying(
                        AnalysisException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WRONG_ARGUMENTS));
    }

    @Test
    void mergeAddsCountsOfMappedGroups() {
        AggregateFunction count = bind("count", columns(IntType.INT));
        GroupedAccumulator left = count.createAccumulator();
        left.ensureCapacity(2);
        left.add(new int[] {0, 1, 1}, new Vector[] {vector(IntType.INT, 1, 2, null)}, 3);
        GroupedAccumulator right = count.createAccumulator();
        right.ensureCapacity(3);
        right.add(new int[] {0, 1, 2, 2}, new Vector[] {vector(IntType.INT, 1, 2, 3, 4)}, 4);
        // right's group 0 is left's group 1, right's group 2 is a new group 2
        left.merge(right, new int[] {1, 0, 2}, 3);
        assertThat(values(left.result(3))).containsExactly(2L, 2L, 2L);
    }

    @Test
    void stateRoundTripKeepsCounts() {
        AggregateFunction count = bind("count");
        GroupedAccumulator accumulator = count.createAccumulator();
        accumulator.ensureCapacity(3);
        accumulator.add(GROUPS, new Vector[0], GROUPS.length);
        assertThat(values(roundTrip(count, accumulator, 3).result(3))).containsExactly(3L, 2L, 1L);
    }

    @Test
    void countMatchesAReferenceOnRandomInput() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        for (int trial = 0; trial < 20; trial++) {
            int rows = random.nextInt(2000);
            int groupCount = 1 + random.nextInt(20);
            int[] groups = AggregateHarness.randomGroups(rows, groupCount, random);
            Object[] input = new Object[rows];
            long[] expected = new long[groupCount];
            for (int i = 0; i < rows; i++) {
                if (random.nextInt(4) > 0) {
                    input[i] = (long) random.nextInt(100);
                    expected[groups[i]]++;
                }
            }
            AggregateFunction count = bind("count", columns(BigintType.BIGINT));
            Vector[] args = {vector(BigintType.BIGINT, input)};
            GroupedAccumulator merged = AggregateHarness.partitionAndMerge(count, groupCount, groups, args, 3, random);
            Object[] expectedBoxed = new Object[groupCount];
            for (int g = 0; g < groupCount; g++) {
                expectedBoxed[g] = expected[g];
            }
            assertThat(values(merged.result(groupCount))).as("seed %s", seed).containsExactly(expectedBoxed);
        }
    }
}
