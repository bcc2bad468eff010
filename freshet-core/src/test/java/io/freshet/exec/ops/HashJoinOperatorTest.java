package io.freshet.exec.ops;

import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.exec.TestData;
import io.freshet.expr.Expr;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.JoinType;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.physical.BuildSide;
import io.freshet.plan.physical.HashJoinExec;
import io.freshet.plan.physical.NestedLoopJoinExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.PhysicalPlanPrinter;
import io.freshet.types.BigintType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.freshet.exec.TestData.col;
import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.schema;
import static io.freshet.exec.TestFunctions.and;
import static io.freshet.exec.TestFunctions.eq;
import static io.freshet.exec.TestFunctions.gt;
import static org.assertj.core.api.Assertions.assertThat;

class HashJoinOperatorTest {
    private static final Schema LEFT = schema("id", BigintType.BIGINT, "name", StringType.STRING);
    private static final Schema RIGHT = schema("id", BigintType.BIGINT, "amount", BigintType.BIGINT);

    // Duplicates on both sides (id 2), a null key on both sides, and keys only on one side (1, 4).
    private static final Scan LEFT_SCAN = TestData.scan(TestData.table(
            "l", LEFT, 2, List.of(row(1L, "a"), row(2L, "b"), row(2L, "b2"), row(3L, "c"), row(null, "n"))));
    private static final Scan RIGHT_SCAN = TestData.scan(TestData.table(
            "r", RIGHT, 2, List.of(row(2L, 20L), row(2L, 21L), row(3L, 30L), row(4L, 40L), row(null, 99L))));

    private static Join join(JoinType type, Expr condition) {
        return new Join(LEFT_SCAN, RIGHT_SCAN, type, condition);
    }

    private static Expr idsEqual() {
        return eq(col(LEFT, 0), new io.freshet.expr.InputRef(2, BigintType.BIGINT, "id"));
    }

    private static Expr amountAbove(long value) {
        return gt(
                new io.freshet.expr.InputRef(3, BigintType.BIGINT, "amount"),
                new io.freshet.expr.Literal(value, BigintType.BIGINT));
    }

    /** Runs the join with either build side and several parallelisms; all must agree. */
    private static List<List<Object>> runAllWays(Join join) {
        List<List<Object>> expected = null;
        for (int parallelism : new int[] {1, 3}) {
            for (BuildSide side : BuildSide.values()) {
                PhysicalNode plan = withBuildSide(TestData.physical(join, parallelism), side);
                List<List<Object>> result = TestData.run(plan, parallelism);
                if (expected == null) {
                    expected = result;
                } else {
                    assertThat(result)
                            .as("build %s, parallelism %s", side, parallelism)
                            .containsExactlyInAnyOrderElementsOf(expected);
                }
            }
        }
        return expected;
    }

    private static PhysicalNode withBuildSide(PhysicalNode plan, BuildSide side) {
        return switch (plan) {
            case HashJoinExec j ->
                new HashJoinExec(
                        j.left(), j.right(), j.kind(), j.leftKeys(), j.rightKeys(), j.residual(), side, j.schema());
            case NestedLoopJoinExec j ->
                new NestedLoopJoinExec(j.left(), j.right(), j.kind(), j.condition(), side, j.schema());
            default -> throw new IllegalArgumentException(plan.toString());
        };
    }

    @Test
    void innerJoinMatchesDuplicatesAndNeverNullKeys() {
        assertThat(runAllWays(join(JoinType.INNER, idsEqual())))
                .containsExactlyInAnyOrder(
                        row(2L, "b", 2L, 20L),
                        row(2L, "b", 2L, 21L),
                        row(2L, "b2", 2L, 20L),
                        row(2L, "b2", 2L, 21L),
                        row(3L, "c", 3L, 30L));
    }

    @Test
    void leftJoinPadsUnmatchedLeftRowsIncludingNullKeys() {
        assertThat(runAllWays(join(JoinType.LEFT, idsEqual())))
                .containsExactlyInAnyOrder(
                        row(1L, "a", null, null),
                        row(2L, "b", 2L, 20L),
                        row(2L, "b", 2L, 21L),
                        row(2L, "b2", 2L, 20L),
                        row(2L, "b2", 2L, 21L),
                        row(3L, "c", 3L, 30L),
                        row(null, "n", null, null));
    }

    @Test
    void rightJoinPadsUnmatchedRightRows() {
        assertThat(runAllWays(join(JoinType.RIGHT, idsEqual())))
                .containsExactlyInAnyOrder(
                        row(2L, "b", 2L, 20L),
                        row(2L, "b", 2L, 21L),
                        row(2L, "b2", 2L, 20L),
                        row(2L, "b2", 2L, 21L),
                        row(3L, "c", 3L, 30L),
                        row(null, null, 4L, 40L),
                        row(null, null, null, 99L));
    }

    @Test
    void fullJoinKeepsUnmatchedRowsOfBothSidesOnce() {
        assertThat(runAllWays(join(JoinType.FULL, idsEqual())))
                .containsExactlyInAnyOrder(
                        row(1L, "a", null, null),
                        row(2L, "b", 2L, 20L),
                        row(2L, "b", 2L, 21L),
                        row(2L, "b2", 2L, 20L),
                        row(2L, "b2", 2L, 21L),
                        row(3L, "c", 3L, 30L),
                        row(null, "n", null, null),
                        row(null, null, 4L, 40L),
                        row(null, null, null, 99L));
    }

    @Test
    void semiJoinKeepsEachMatchingLeftRowOnce() {
        assertThat(runAllWays(join(JoinType.LEFT_SEMI, idsEqual())))
                .containsExactlyInAnyOrder(row(2L, "b"), row(2L, "b2"), row(3L, "c"));
    }

    @Test
    void antiJoinKeepsLeftRowsWithoutMatchIncludingNullKeys() {
        assertThat(runAllWays(join(JoinType.LEFT_ANTI, idsEqual())))
                .containsExactlyInAnyOrder(row(1L, "a"), row(null, "n"));
    }

    @Test
    void residualConditionDecidesWhichCandidatePairsMatch() {
        Expr condition = and(idsEqual(), amountAbove(20));
        assertThat(runAllWays(join(JoinType.INNER, condition)))
                .containsExactlyInAnyOrder(row(2L, "b", 2L, 21L), row(2L, "b2", 2L, 21L), row(3L, "c", 3L, 30L));
        assertThat(runAllWays(join(JoinType.LEFT, condition)))
                .containsExactlyInAnyOrder(
                        row(1L, "a", null, null),
                        row(2L, "b", 2L, 21L),
                        row(2L, "b2", 2L, 21L),
                        row(3L, "c", 3L, 30L),
                        row(null, "n", null, null));
        assertThat(runAllWays(join(JoinType.LEFT_SEMI, and(idsEqual(), amountAbove(29)))))
                .containsExactlyInAnyOrder(row(3L, "c"));
        assertThat(runAllWays(join(JoinType.LEFT_ANTI, and(idsEqual(), amountAbove(29)))))
                .containsExactlyInAnyOrder(row(1L, "a"), row(2L, "b"), row(2L, "b2"), row(null, "n"));
        assertThat(runAllWays(join(JoinType.FULL, and(idsEqual(), amountAbove(29)))))
                .containsExactlyInAnyOrder(
                        row(1L, "a", null, null),
                        row(2L, "b", null, null),
                        row(2L, "b2", null, null),
                        row(3L, "c", 3L, 30L),
                        row(null, "n", null, null),
                        row(null, null, 2L, 20L),
                        row(null, null, 2L, 21L),
                        row(null, null, 4L, 40L),
                        row(null, null, null, 99L));
    }

    @Test
    void plansEquiKeysWithTheRestAsResidual() {
        Join join = join(JoinType.INNER, and(amountAbove(20), idsEqual()));

        assertThat(PhysicalPlanPrinter.describe(TestData.physical(join, 2)))
                .isEqualTo("HashJoinExec kind=INNER keys=[id = id] build=LEFT residual=(amount > 20) partitions=2");
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class)
    void joinsWithAnEmptySide(JoinType type) {
        MemoryTableSource empty = TestData.table("e", RIGHT, 2, List.of());
        Join leftEmpty = new Join(
                TestData.scan(TestData.table("e", LEFT, 2, List.of())),
                RIGHT_SCAN,
                type,
                type == JoinType.CROSS ? null : idsEqual());
        Join rightEmpty = new Join(LEFT_SCAN, TestData.scan(empty), type, type == JoinType.CROSS ? null : idsEqual());

        List<List<Object>> withoutLeft = runAllWays(leftEmpty);
        List<List<Object>> withoutRight = runAllWays(rightEmpty);

        int expectedWithoutLeft = type == JoinType.RIGHT || type == JoinType.FULL ? 5 : 0;
        int expectedWithoutRight =
                switch (type) {
                    case LEFT, FULL, LEFT_ANTI -> 5;
                    default -> 0;
                };
        assertThat(withoutLeft).hasSize(expectedWithoutLeft);
        assertThat(withoutRight).hasSize(expectedWithoutRight);
    }

    @Test
    void crossJoinPairsEveryRowInChunks() {
        LogicalPlan cross = new Join(LEFT_SCAN, RIGHT_SCAN, JoinType.CROSS, null);

        List<List<Object>> result = runAllWays((Join) cross);

        assertThat(result).hasSize(25);
        assertThat(PhysicalPlanPrinter.describe(TestData.physical(cross, 2)))
                .startsWith("NestedLoopJoinExec kind=INNER");
    }

    @Test
    void nonEquiConditionRunsAsNestedLoopWithOuterRows() {
        Expr condition = gt(col(LEFT, 0), new io.freshet.expr.InputRef(2, BigintType.BIGINT, "id"));

        assertThat(runAllWays(join(JoinType.LEFT, condition)))
                .containsExactlyInAnyOrder(
                        row(1L, "a", null, null),
                        row(2L, "b", null, null),
                        row(2L, "b2", null, null),
                        row(3L, "c", 2L, 20L),
                        row(3L, "c", 2L, 21L),
                        row(null, "n", null, null));
        assertThat(runAllWays(join(JoinType.RIGHT, condition)))
                .containsExactlyInAnyOrder(
                        row(3L, "c", 2L, 20L),
                        row(3L, "c", 2L, 21L),
                        row(null, null, 3L, 30L),
                        row(null, null, 4L, 40L),
                        row(null, null, null, 99L));
    }
}
