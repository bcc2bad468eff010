package io.freshet.exec.ops;

import io.freshet.exec.TestData;
import io.freshet.plan.logical.Deduplicate;
import io.freshet.plan.logical.Distinct;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.logical.SetOperation;
import io.freshet.plan.logical.Union;
import io.freshet.types.BigintType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.schema;
import static org.assertj.core.api.Assertions.assertThat;

class SetOperationOperatorTest {
    private static final Schema SCHEMA = schema("k", StringType.STRING, "v", BigintType.BIGINT);

    // Left: (a,1) x3, (b,2) x2, (null,null) x2, (c,3) x1. Right: (a,1) x1, (b,2) x3, (null,null) x1, (d,4).
    private static final Scan LEFT = TestData.scan(TestData.table(
            "l",
            SCHEMA,
            3,
            List.of(
                    row("a", 1L),
                    row("b", 2L),
                    row(null, null),
                    row("a", 1L),
                    row("c", 3L),
                    row("b", 2L),
                    row("a", 1L),
                    row(null, null))));
    private static final Scan RIGHT = TestData.scan(TestData.table(
            "r",
            SCHEMA,
            2,
            List.of(row("b", 2L), row("a", 1L), row("b", 2L), row(null, null), row("d", 4L), row("b", 2L))));

    private static List<List<Object>> run(LogicalPlan plan) {
        List<List<Object>> single = TestData.run(plan, 1);
        assertThat(TestData.run(plan, 3)).containsExactlyInAnyOrderElementsOf(single);
        return single;
    }

    @Test
    void intersectKeepsDistinctRowsOnBothSidesWithNullsEqual() {
        assertThat(run(new SetOperation(LEFT, RIGHT, SetOperation.Kind.INTERSECT, false)))
                .containsExactlyInAnyOrder(row("a", 1L), row("b", 2L), row(null, null));
    }

    @Test
    void intersectAllKeepsTheSmallerCount() {
        assertThat(run(new SetOperation(LEFT, RIGHT, SetOperation.Kind.INTERSECT, true)))
                .containsExactlyInAnyOrder(row("a", 1L), row("b", 2L), row("b", 2L), row(null, null));
    }

    @Test
    void exceptKeepsDistinctLeftRowsMissingOnTheRight() {
        assertThat(run(new SetOperation(LEFT, RIGHT, SetOperation.Kind.EXCEPT, false)))
                .containsExactlyInAnyOrder(row("c", 3L));
    }

    @Test
    void exceptAllSubtractsCounts() {
        assertThat(run(new SetOperation(LEFT, RIGHT, SetOperation.Kind.EXCEPT, true)))
                .containsExactlyInAnyOrder(row("a", 1L), row("a", 1L), row("c", 3L), row(null, null));
    }

    @Test
    void setOperationsWithAnEmptySide() {
        Scan empty = TestData.scan(TestData.table("e", SCHEMA, 2, List.of()));

        assertThat(run(new SetOperation(LEFT, empty, SetOperation.Kind.INTERSECT, true)))
                .isEmpty();
        assertThat(run(new SetOperation(empty, RIGHT, SetOperation.Kind.EXCEPT, false)))
                .isEmpty();
        assertThat(run(new SetOperation(LEFT, empty, SetOperation.Kind.EXCEPT, true)))
                .hasSize(8);
    }

    @Test
    void distinctRemovesDuplicateRowsWithNullsEqual() {
        assertThat(run(new Distinct(LEFT)))
                .containsExactlyInAnyOrder(row("a", 1L), row("b", 2L), row(null, null), row("c", 3L));
    }

    @Test
    void unionAllConcatenatesAndDistinctOverItIsUnion() {
        Union union = new Union(List.of(LEFT, RIGHT));

        assertThat(TestData.run(union, 3)).hasSize(14);
        assertThat(run(new Distinct(union)))
                .containsExactlyInAnyOrder(row("a", 1L), row("b", 2L), row(null, null), row("c", 3L), row("d", 4L));
    }

    @Test
    void deduplicateKeepsTheFirstRowPerKeyInInputOrder() {
        Schema schema = schema("user", StringType.STRING, "seq", BigintType.BIGINT);
        Scan events = TestData.scan(TestData.table(
                "events",
                schema,
                2,
                List.of(row("ann", 1L), row("bob", 2L), row("ann", 3L), row(null, 4L), row("bob", 5L), row(null, 6L))));

        assertThat(run(new Deduplicate(events, new int[] {0}, false)))
                .containsExactlyInAnyOrder(row("ann", 1L), row("bob", 2L), row(null, 4L));
        assertThat(run(new Deduplicate(events, new int[0], false))).hasSize(6);
    }
}
