package io.freshet.plan.physical;

import io.freshet.AnalysisException;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.exec.TestData;
import io.freshet.exec.TestFunctions;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.JoinType;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.logical.SubqueryAlias;
import io.freshet.plan.logical.Union;
import io.freshet.plan.logical.Values;
import io.freshet.plan.logical.WatermarkAssign;
import io.freshet.plan.logical.Window;
import io.freshet.plan.logical.WindowCall;
import io.freshet.types.BigintType;
import io.freshet.types.IntType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.freshet.exec.TestData.col;
import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhysicalPlannerTest {
    private static final Schema SALES = schema("region", StringType.STRING, "amount", BigintType.BIGINT);

    private static MemoryTableSource sales(String name, int rows) {
        List<List<Object>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            data.add(row(i % 2 == 0 ? "eu" : "us", (long) i));
        }
        return TestData.table(name, SALES, 1, data);
    }

    @Test
    void printsAStableIndentedTree() {
        Scan scan = TestData.scan(sales("sales", 5));
        LogicalPlan plan = new Aggregate(
                new SubqueryAlias(new WatermarkAssign(scan, 1, 0), "s"),
                List.of(col(scan, 0)),
                List.of(new AggregateCall(TestFunctions.Sum.INSTANCE, List.of(col(scan, 1)), null)),
                List.of("region", "total"));

        assertThat(PhysicalPlanPrinter.print(PhysicalPlanner.plan(plan, new PlannerOptions(2))))
                .isEqualTo("""
                HashAggregateExec keys=[region] aggregates=[sum(amount)] partitions=2
                  ScanExec table=sales source=memory sales columns=[region, amount] splits=5 partitions=2
                """);
    }

    @Test
    void scansUseAtMostOnePartitionPerSplitAndApplyPushedFilters() {
        MemoryTableSource table = sales("sales", 3);
        Scan scan = new Scan(
                "sales",
                table,
                new int[] {1},
                List.of(TestFunctions.gt(
                        new io.freshet.expr.InputRef(0, BigintType.BIGINT, "amount"),
                        new Literal(0L, BigintType.BIGINT))),
                false);

        PhysicalNode plan = PhysicalPlanner.plan(scan, new PlannerOptions(8));

        assertThat(PhysicalPlanPrinter.print(plan))
                .isEqualTo("ScanExec table=sales source=memory sales columns=[amount] filters=[(amount > 0)] splits=3"
                        + " partitions=3\n");
        assertThat(TestData.run(plan, 2)).containsExactly(row(1L), row(2L));
    }

    @Test
    void buildsTheSideKnownToBeSmaller() {
        Scan small = TestData.scan(sales("small", 2));
        Scan large = TestData.scan(sales("large", 20));
        io.freshet.expr.Expr condition =
                TestFunctions.eq(col(SALES, 1), new io.freshet.expr.InputRef(3, BigintType.BIGINT, "amount"));

        HashJoinExec smallLeft = (HashJoinExec) TestData.physical(new Join(small, large, JoinType.INNER, condition), 2);
        HashJoinExec smallRight = (HashJoinExec) TestData.physical(new Join(large, small, JoinType.LEFT, condition), 2);

        assertThat(smallLeft.buildSide()).isEqualTo(BuildSide.LEFT);
        assertThat(smallLeft.partitionCount()).isEqualTo(2);
        assertThat(smallRight.buildSide()).isEqualTo(BuildSide.RIGHT);
    }

    @Test
    void selectWithoutFromRunsOverOneEmptyRow() {
        LogicalPlan plan = new Project(Values.oneRow(), List.of(new Literal(1, IntType.INT)), List.of("one"));

        assertThat(TestData.run(plan, 2)).containsExactly(row(1));
    }

    @Test
    void aUnionHasThePartitionsOfAllItsInputs() {
        Scan first = TestData.scan(sales("a", 3));
        Scan second = TestData.scan(sales("b", 5));

        PhysicalNode plan = TestData.physical(new Union(List.of(first, second)), 2);

        assertThat(plan.partitionCount()).isEqualTo(4);
        assertThat(plan.boundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(TestData.run(plan, 2)).extracting(r -> r.get(1)).containsExactly(0L, 1L, 2L, 0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void refusesRankingWithoutOrder() {
        Scan scan = TestData.scan(sales("sales", 3));
        WindowCall call = new WindowCall(
                FunctionRegistry.builtins().window("rank").orElseThrow().bind(List.of(), false),
                null,
                List.of(),
                List.of(),
                List.of(),
                WindowCall.Frame.WHOLE_PARTITION);

        assertThatThrownBy(() -> TestData.physical(new Window(scan, List.of(call), List.of("r")), 2))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Window function rank() requires an ORDER BY in its window; add ORDER BY to the OVER"
                        + " clause");
    }
}
