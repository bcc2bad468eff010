package io.freshet.exec.ops;

import io.freshet.exec.TestData;
import io.freshet.exec.TestFunctions;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.window.WindowFunction;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.logical.SortKey;
import io.freshet.plan.logical.Window;
import io.freshet.plan.logical.WindowCall;
import io.freshet.plan.logical.WindowCall.Bound;
import io.freshet.plan.logical.WindowCall.Frame;
import io.freshet.plan.logical.WindowCall.FrameType;
import io.freshet.plan.physical.PhysicalPlanPrinter;
import io.freshet.types.BigintType;
import io.freshet.types.IntType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import static io.freshet.exec.TestData.col;
import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.schema;
import static org.assertj.core.api.Assertions.assertThat;

class WindowOperatorTest {
    private static final Schema SCHEMA =
            schema("id", BigintType.BIGINT, "grp", StringType.STRING, "score", BigintType.BIGINT);

    // Group a, ordered by score (nulls first): id 5 (null), 1 (10), 2 and 3 (20, tied), 4 (30).
    private static final Scan SCAN = TestData.scan(TestData.table(
            "t",
            SCHEMA,
            2,
            List.of(
                    row(1L, "a", 10L),
                    row(2L, "a", 20L),
                    row(6L, "b", 5L),
                    row(3L, "a", 20L),
                    row(8L, null, 1L),
                    row(4L, "a", 30L),
                    row(7L, "b", 5L),
                    row(5L, "a", null))));

    private static final List<Expr> BY_GROUP = List.of(col(SCAN, 1));
    private static final List<SortKey> BY_SCORE = List.of(new SortKey(col(SCAN, 2), true, true));

    private static WindowFunction function(String name, Expr... args) {
        return function(name, false, args);
    }

    private static WindowFunction function(String name, boolean ignoreNulls, Expr... args) {
        return FunctionRegistry.builtins().window(name).orElseThrow().bind(List.of(args), ignoreNulls);
    }

    private static WindowCall ranking(WindowFunction function, Expr... args) {
        return new WindowCall(function, null, List.of(args), BY_GROUP, BY_SCORE, Frame.DEFAULT_ORDERED);
    }

    private static WindowCall aggregate(AggregateFunction function, Frame frame, Expr... args) {
        return new WindowCall(null, function, List.of(args), BY_GROUP, BY_SCORE, frame);
    }

    private static Frame frame(FrameType type, Bound start, Long startOffset, Bound end, Long endOffset) {
        return new Frame(type, start, startOffset, end, endOffset);
    }

    /** Runs the calls and returns, by id, the values of the appended columns. */
    private static Map<Long, List<Object>> run(List<WindowCall> calls) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            names.add("w" + i);
        }
        LogicalPlan plan = new Window(SCAN, calls, names);
        Map<Long, List<Object>> expected = null;
        for (int parallelism : new int[] {1, 3}) {
            Map<Long, List<Object>> byId = new TreeMap<>();
            for (List<Object> r : TestData.run(plan, parallelism)) {
                byId.put((Long) r.get(0), r.subList(3, r.size()));
            }
            if (expected == null) {
                expected = byId;
            } else {
                assertThat(byId).isEqualTo(expected);
            }
        }
        return expected;
    }

    private static List<Object> values(Map<Long, List<Object>> result, int column, long... ids) {
        List<Object> values = new ArrayList<>();
        for (long id : ids) {
            values.add(result.get(id).get(column));
        }
        return values;
    }

    @Test
    void rankingFunctionsNumberTiesAsSparkDoes() {
        Map<Long, List<Object>> result = run(List.of(
                ranking(function("row_number")),
                ranking(function("rank")),
                ranking(function("dense_rank")),
                ranking(function("percent_rank")),
                ranking(function("cume_dist")),
                ranking(function("ntile", new Literal(2, IntType.INT)), new Literal(2, IntType.INT))));

        assertThat(values(result, 1, 5, 1, 2, 3, 4)).containsExactly(1, 2, 3, 3, 5);
        assertThat(values(result, 2, 5, 1, 2, 3, 4)).containsExactly(1, 2, 3, 3, 4);
        assertThat(values(result, 3, 5, 1, 2, 3, 4)).containsExactly(0.0, 0.25, 0.5, 0.5, 1.0);
        assertThat(values(result, 4, 5, 1, 2, 3, 4)).containsExactly(0.2, 0.4, 0.8, 0.8, 1.0);
        assertThat(values(result, 5, 5, 1, 2, 3, 4)).containsExactly(1, 1, 1, 2, 2);
        assertThat(values(result, 0, 5, 1, 4)).containsExactly(1, 2, 5);
        assertThat(values(result, 1, 6, 7, 8)).containsExactly(1, 1, 1);
        assertThat(values(result, 3, 6, 7, 8)).containsExactly(0.0, 0.0, 0.0);
        assertThat(values(result, 4, 6, 7, 8)).containsExactly(1.0, 1.0, 1.0);
        assertThat(values(result, 0, 6, 7)).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void offsetFunctionsLookAcrossRowsOfThePartition() {
        Expr score = col(SCAN, 2);
        Literal one = new Literal(1, IntType.INT);
        Literal minusOne = new Literal(-1L, BigintType.BIGINT);
        Map<Long, List<Object>> result = run(List.of(
                ranking(function("lag", score), score),
                ranking(function("lead", score, one, minusOne), score, one, minusOne),
                ranking(function("lag", true, score), score),
                ranking(function("lag", score, new Literal(-2, IntType.INT)), score, new Literal(-2, IntType.INT))));

        assertThat(values(result, 0, 5, 1, 2, 3, 4)).containsExactly(null, null, 10L, 20L, 20L);
        assertThat(values(result, 1, 5, 1, 2, 3, 4)).containsExactly(10L, 20L, 20L, 30L, -1L);
        assertThat(values(result, 2, 5, 1, 2, 3, 4)).containsExactly(null, null, 10L, 20L, 20L);
        assertThat(values(result, 3, 5, 1, 2, 3, 4)).containsExactly(20L, 20L, 30L, null, null);
        assertThat(values(result, 0, 8)).containsExactly((Object) null);
    }

    @Test
    void valueFunctionsPickRowsOfTheFrame() {
        Expr score = col(SCAN, 2);
        Frame whole = frame(FrameType.ROWS, Bound.UNBOUNDED_PRECEDING, null, Bound.UNBOUNDED_FOLLOWING, null);
        Map<Long, List<Object>> result = run(List.of(
                ranking(function("first_value", score), score),
                ranking(function("first_value", true, score), score),
                ranking(function("last_value", score), score),
                new WindowCall(
                        function("nth_value", score, new Literal(2L, BigintType.BIGINT)),
                        null,
                        List.of(score, new Literal(2L, BigintType.BIGINT)),
                        BY_GROUP,
                        BY_SCORE,
                        whole),
                new WindowCall(
                        function("nth_value", score, new Literal(3L, BigintType.BIGINT)),
                        null,
                        List.of(score, new Literal(3L, BigintType.BIGINT)),
                        BY_GROUP,
                        BY_SCORE,
                        Frame.DEFAULT_ORDERED)));

        assertThat(values(result, 0, 5, 1, 2, 3, 4)).containsExactly(null, null, null, null, null);
        assertThat(values(result, 1, 5, 1, 2, 3, 4)).containsExactly(null, 10L, 10L, 10L, 10L);
        assertThat(values(result, 2, 5, 1, 2, 3, 4)).containsExactly(null, 10L, 20L, 20L, 30L);
        assertThat(values(result, 3, 5, 1, 2, 3, 4)).containsExactly(10L, 10L, 10L, 10L, 10L);
        assertThat(values(result, 4, 5, 1, 2, 3, 4)).containsExactly(null, null, 20L, 20L, 20L);
        assertThat(values(result, 3, 6, 7, 8)).containsExactly(5L, 5L, null);
    }

    @Test
    void aggregatesOverRunningWholeAndSlidingFrames() {
        Expr score = col(SCAN, 2);
        AggregateFunction sum = TestFunctions.Sum.INSTANCE;
        Map<Long, List<Object>> result = run(List.of(
                aggregate(sum, Frame.DEFAULT_ORDERED, score),
                aggregate(sum, frame(FrameType.ROWS, Bound.UNBOUNDED_PRECEDING, null, Bound.CURRENT_ROW, null), score),
                aggregate(sum, Frame.WHOLE_PARTITION, score),
                aggregate(sum, frame(FrameType.ROWS, Bound.PRECEDING, 1L, Bound.FOLLOWING, 1L), score),
                aggregate(sum, frame(FrameType.RANGE, Bound.PRECEDING, 10L, Bound.CURRENT_ROW, null), score),
                aggregate(
                        TestFunctions.Count.INSTANCE,
                        frame(FrameType.RANGE, Bound.CURRENT_ROW, null, Bound.UNBOUNDED_FOLLOWING, null)),
                aggregate(sum, frame(FrameType.ROWS, Bound.FOLLOWING, 1L, Bound.FOLLOWING, 2L), score)));

        assertThat(values(result, 0, 5, 1, 2, 3, 4)).containsExactly(null, 10L, 50L, 50L, 80L);
        assertThat(values(result, 1, 5, 1, 4)).containsExactly(null, 10L, 80L);
        assertThat(values(result, 1, 2, 3)).containsExactlyInAnyOrder(30L, 50L);
        assertThat(values(result, 2, 5, 1, 2, 3, 4, 6, 7, 8)).containsExactly(80L, 80L, 80L, 80L, 80L, 10L, 10L, 1L);
        assertThat(values(result, 3, 5, 1, 4)).containsExactly(10L, 30L, 50L);
        assertThat(values(result, 4, 5, 1, 2, 3, 4)).containsExactly(null, 10L, 50L, 50L, 70L);
        assertThat(values(result, 5, 5, 1, 2, 3, 4, 8)).containsExactly(5L, 4L, 3L, 3L, 1L, 1L);
        assertThat(values(result, 6, 5, 4, 8)).containsExactly(30L, null, null);
    }

    @Test
    void aRangeFrameOverADescendingOrderLooksAtLargerValuesFirst() {
        Expr score = col(SCAN, 2);
        List<SortKey> descending = List.of(new SortKey(score, false, false));
        WindowCall call = new WindowCall(
                null,
                TestFunctions.Sum.INSTANCE,
                List.of(score),
                BY_GROUP,
                descending,
                frame(FrameType.RANGE, Bound.PRECEDING, 10L, Bound.FOLLOWING, 0L));

        Map<Long, List<Object>> result = run(List.of(call));

        // 30 sees [30, 30]; 20 sees [30, 20]; 10 sees [20, 10]; null sees the null peers.
        assertThat(values(result, 0, 4, 2, 1, 5)).containsExactly(30L, 70L, 50L, null);
    }

    @Test
    void callsWithDifferentWindowsRunAsSeparateStagesInCallOrder() {
        Expr score = col(SCAN, 2);
        WindowCall global = new WindowCall(
                null, TestFunctions.Count.INSTANCE, List.of(), List.of(), List.of(), Frame.WHOLE_PARTITION);
        List<WindowCall> calls = List.of(ranking(function("row_number")), global, ranking(function("rank")));
        LogicalPlan plan = new Window(SCAN, calls, List.of("rn", "total", "rk"));

        Map<Long, List<Object>> result = run(calls);

        assertThat(values(result, 1, 1, 5, 8)).containsExactly(8L, 8L, 8L);
        assertThat(values(result, 2, 2, 3)).containsExactly(3, 3);
        assertThat(PhysicalPlanPrinter.print(TestData.physical(plan, 2))).startsWith("""
                ProjectExec exprs=[id, grp, score, rn, total, rk] partitions=1
                  WindowExec partitionBy=[] orderBy=[] functions=[count() ROWS BETWEEN UNBOUNDED PRECEDING AND \
                UNBOUNDED FOLLOWING] partitions=1
                    RepartitionExec keys=[] partitions=1
                      WindowExec partitionBy=[grp] orderBy=[score ASC NULLS FIRST] functions=[row_number() RANGE \
                BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW, rank() RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT \
                ROW] partitions=2
                """);
    }
}
