package io.freshet.exec.ops;

import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.exec.ExecContext;
import io.freshet.exec.QueryExecutor;
import io.freshet.exec.TestData;
import io.freshet.exec.TestFunctions;
import io.freshet.expr.Expr;
import io.freshet.expr.Literal;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Expand;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.physical.PhysicalPlanPrinter;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DoubleType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.freshet.exec.TestData.col;
import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.schema;
import static io.freshet.exec.TestFunctions.gt;
import static org.assertj.core.api.Assertions.assertThat;

class HashAggregateOperatorTest {
    private static final Schema SALES =
            schema("region", StringType.STRING, "amount", BigintType.BIGINT, "day", DateType.DATE);

    private static final Scan SCAN = TestData.scan(TestData.table(
            "sales",
            SALES,
            2,
            List.of(
                    row("eu", 10L, 1),
                    row("us", 5L, 2),
                    row(null, 7L, 1),
                    row("eu", null, null),
                    row("us", 1L, 2),
                    row(null, 3L, 3),
                    row("eu", 2L, 1))));

    private static AggregateCall count() {
        return new AggregateCall(TestFunctions.Count.INSTANCE, List.of(), null);
    }

    private static AggregateCall sum(Expr arg) {
        return new AggregateCall(TestFunctions.Sum.INSTANCE, List.of(arg), null);
    }

    private static List<List<Object>> runBoth(LogicalPlan plan) {
        List<List<Object>> single = TestData.run(plan, 1);
        assertThat(TestData.run(plan, 4)).containsExactlyInAnyOrderElementsOf(single);
        return single;
    }

    @Test
    void groupsByAStringKeyWithNullsAsTheirOwnGroup() {
        LogicalPlan plan = new Aggregate(
                SCAN, List.of(col(SCAN, 0)), List.of(count(), sum(col(SCAN, 1))), List.of("region", "n", "total"));

        assertThat(runBoth(plan)).containsExactlyInAnyOrder(row("eu", 3L, 12L), row("us", 2L, 6L), row(null, 2L, 10L));
    }

    @Test
    void groupsByAnIntegralKeyWithNullsAsTheirOwnGroup() {
        LogicalPlan plan =
                new Aggregate(SCAN, List.of(col(SCAN, 2)), List.of(sum(col(SCAN, 1))), List.of("day", "total"));

        assertThat(runBoth(plan)).containsExactlyInAnyOrder(row(1, 19L), row(2, 6L), row(3, 3L), row(null, null));
    }

    @Test
    void groupsBySeveralKeys() {
        LogicalPlan plan = new Aggregate(
                SCAN, List.of(col(SCAN, 0), col(SCAN, 2)), List.of(count()), List.of("region", "day", "n"));

        assertThat(runBoth(plan))
                .containsExactlyInAnyOrder(
                        row("eu", 1, 2L), row("eu", null, 1L), row("us", 2, 2L), row(null, 1, 1L), row(null, 3, 1L));
    }

    @Test
    void aGlobalAggregateYieldsOneRowEvenOverEmptyInput() {
        LogicalPlan empty = new Filter(SCAN, gt(col(SCAN, 1), new Literal(1000L, BigintType.BIGINT)));
        LogicalPlan plan = new Aggregate(empty, List.of(), List.of(count(), sum(col(SCAN, 1))), List.of("n", "total"));

        assertThat(runBoth(plan)).containsExactly(row(0L, null));
        assertThat(runBoth(new Aggregate(SCAN, List.of(), List.of(count()), List.of("n"))))
                .containsExactly(row(7L));
    }

    @Test
    void aGroupedAggregateOverEmptyInputYieldsNoRows() {
        LogicalPlan empty = new Filter(SCAN, gt(col(SCAN, 1), new Literal(1000L, BigintType.BIGINT)));

        assertThat(runBoth(new Aggregate(empty, List.of(col(SCAN, 0)), List.of(count()), List.of("region", "n"))))
                .isEmpty();
    }

    @Test
    void filterClauseLimitsTheRowsOfOneAggregate() {
        Expr big = gt(col(SCAN, 1), new Literal(4L, BigintType.BIGINT));
        LogicalPlan plan = new Aggregate(
                SCAN,
                List.of(col(SCAN, 0)),
                List.of(
                        count(),
                        new AggregateCall(TestFunctions.Count.INSTANCE, List.of(), big),
                        new AggregateCall(TestFunctions.Sum.INSTANCE, List.of(col(SCAN, 1)), big)),
                List.of("region", "n", "big", "big_total"));

        assertThat(runBoth(plan))
                .containsExactlyInAnyOrder(row("eu", 3L, 1L, 10L), row("us", 2L, 1L, 5L), row(null, 2L, 1L, 7L));
    }

    @Test
    void distinctAggregatesSeeEachValueOncePerGroupAcrossPartitions() {
        Schema schema = schema("k", BigintType.BIGINT, "v", BigintType.BIGINT);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(row((long) (i % 3), i % 4 == 0 ? null : (long) (i % 5)));
        }
        Scan scan = TestData.scan(TestData.table("t", schema, 7, rows));
        LogicalPlan plan = new Aggregate(
                scan,
                List.of(col(scan, 0)),
                List.of(
                        new AggregateCall(new TestFunctions.Count(true), List.of(col(scan, 1)), null),
                        new AggregateCall(new TestFunctions.Sum(true), List.of(col(scan, 1)), null),
                        sum(col(scan, 1))),
                List.of("k", "distinct_count", "distinct_sum", "sum"));

        List<List<Object>> expected = new ArrayList<>();
        for (long key = 0; key < 3; key++) {
            java.util.Set<Long> distinct = new java.util.HashSet<>();
            long total = 0;
            for (List<Object> r : rows) {
                if ((Long) r.get(0) == key && r.get(1) != null) {
                    distinct.add((Long) r.get(1));
                    total += (Long) r.get(1);
                }
            }
            expected.add(row(
                    key,
                    (long) distinct.size(),
                    distinct.stream().mapToLong(v -> v).sum(),
                    total));
        }
        assertThat(runBoth(plan)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(PhysicalPlanPrinter.print(TestData.physical(plan, 2)))
                .startsWith("HashAggregateExec keys=[k] aggregates=[count(DISTINCT v), sum(DISTINCT v), sum(v)]"
                        + " mode=single partitions=2\n  RepartitionExec keys=[k] partitions=2\n");
    }

    @Test
    void doubleKeysTreatNegativeZeroAndNaNAsOneGroupEach() {
        Schema schema = schema("x", DoubleType.DOUBLE);
        Scan scan = TestData.scan(TestData.table(
                "d", schema, 2, List.of(row(0.0), row(-0.0), row(Double.NaN), row(Double.NaN), row(1.5), row((Object)
                        null))));
        LogicalPlan plan = new Aggregate(scan, List.of(col(scan, 0)), List.of(count()), List.of("x", "n"));

        assertThat(runBoth(plan)).extracting(r -> r.get(1)).containsExactlyInAnyOrder(2L, 2L, 1L, 1L);
    }

    @Test
    void groupingSetsAggregateOverAnExpansion() {
        DataType type = StringType.STRING;
        Expand expand = new Expand(
                SCAN,
                List.of(
                        List.of(col(SCAN, 0), col(SCAN, 1), new Literal(0L, BigintType.BIGINT)),
                        List.of(new Literal(null, type), col(SCAN, 1), new Literal(1L, BigintType.BIGINT))),
                schema("region", type, "amount", BigintType.BIGINT, "gid", BigintType.BIGINT));
        LogicalPlan plan = new Aggregate(
                expand,
                List.of(col(expand, 0), col(expand, 2)),
                List.of(sum(col(expand, 1))),
                List.of("region", "gid", "total"));

        assertThat(runBoth(plan))
                .containsExactlyInAnyOrder(
                        row("eu", 0L, 12L), row("us", 0L, 6L), row(null, 0L, 10L), row(null, 1L, 28L));
    }

    @Test
    void mapsDictionaryIdsToGroupsOncePerDictionary() {
        StringVector dictionary = StringVector.of("a", "b", "c");
        Schema schema = schema("k", StringType.STRING, "v", BigintType.BIGINT);
        MemoryTableSource table = new MemoryTableSource("dict", schema);
        for (int b = 0; b < 5; b++) {
            int[] ids = {0, 1, 2, 1, 0, 0};
            long[] nulls = {b == 2 ? 0b100000L : 0L};
            Vector keys = StringVector.dictionary(dictionary, ids, nulls, ids.length);
            table.append(Batch.of(keys, new LongVector(BigintType.BIGINT, new long[] {1, 2, 3, 4, 5, 6}, null, 6)));
        }
        Scan scan = TestData.scan(table);
        LogicalPlan plan = new Aggregate(scan, List.of(col(scan, 0)), List.of(sum(col(scan, 1))), List.of("k", "s"));

        assertThat(runBoth(plan))
                .containsExactlyInAnyOrder(row("a", 5 * 6L + 4 * 6L), row("b", 5 * 6L), row("c", 15L), row(null, 6L));
    }

    @Test
    void manyGroupsMergeIntoTheRightPartitions() {
        Schema schema = schema("k", BigintType.BIGINT, "v", BigintType.BIGINT);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row((long) (i % 5000), 1L));
        }
        Scan scan = TestData.scan(TestData.table("many", schema, 1000, rows));
        LogicalPlan plan = new Aggregate(scan, List.of(col(scan, 0)), List.of(sum(col(scan, 1))), List.of("k", "n"));

        ExecContext context = ExecContext.builder().parallelism(4).build();
        List<List<Object>> result = TestData.rows(QueryExecutor.collect(TestData.physical(plan, 4), context));

        assertThat(result).hasSize(5000).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(4L));
        assertThat(result.stream().map(r -> r.get(0)).distinct().count()).isEqualTo(5000);
    }
}
