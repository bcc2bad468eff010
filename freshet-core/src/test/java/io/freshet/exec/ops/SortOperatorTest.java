package io.freshet.exec.ops;

import io.freshet.exec.TestData;
import io.freshet.plan.logical.Limit;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.logical.Sort;
import io.freshet.plan.logical.SortKey;
import io.freshet.plan.physical.PhysicalPlanPrinter;
import io.freshet.types.BigintType;
import io.freshet.types.DoubleType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.exec.TestData.col;
import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.schema;
import static org.assertj.core.api.Assertions.assertThat;

class SortOperatorTest {
    private static final Schema SCHEMA =
            schema("name", StringType.STRING, "score", BigintType.BIGINT, "ratio", DoubleType.DOUBLE);

    private static final Scan SCAN = TestData.scan(TestData.table(
            "t",
            SCHEMA,
            2,
            List.of(
                    row("b", 2L, 1.0),
                    row("a", null, -0.0),
                    row("é", 1L, Double.NaN),
                    row(null, 2L, 0.0),
                    row("B", 3L, -1.5),
                    row("a", 1L, null),
                    row("ab", 2L, 2.0))));

    private static List<Object> column(List<List<Object>> rows, int index) {
        return rows.stream().map(r -> r.get(index)).toList();
    }

    private static List<List<Object>> sorted(List<SortKey> keys, int parallelism) {
        return TestData.run(new Sort(SCAN, keys), parallelism);
    }

    @Test
    void sortsStringsByUtf8BytesWithNullsFirstAscending() {
        for (int parallelism : new int[] {1, 3}) {
            assertThat(column(sorted(List.of(new SortKey(col(SCAN, 0), true, true)), parallelism), 0))
                    .containsExactly(null, "B", "a", "a", "ab", "b", "é");
        }
    }

    @Test
    void sortsDescendingWithNullsLast() {
        assertThat(column(sorted(List.of(new SortKey(col(SCAN, 0), false, false)), 3), 0))
                .containsExactly("é", "b", "ab", "a", "a", "B", null);
    }

    @Test
    void breaksTiesWithTheNextKey() {
        List<SortKey> keys = List.of(new SortKey(col(SCAN, 1), false, true), new SortKey(col(SCAN, 0), true, false));

        assertThat(sorted(keys, 3))
                .extracting(r -> r.get(1) + "/" + r.get(0))
                .containsExactly("null/a", "3/B", "2/ab", "2/b", "2/null", "1/a", "1/é");
    }

    @Test
    void ordersDoublesWithNaNLargestAndNegativeZeroEqualToZero() {
        List<List<Object>> result =
                sorted(List.of(new SortKey(col(SCAN, 2), true, false), new SortKey(col(SCAN, 0), true, true)), 2);

        assertThat(column(result, 2)).containsExactly(-1.5, 0.0, -0.0, 1.0, 2.0, Double.NaN, null);
    }

    @Test
    void topNKeepsTheFirstRowsAfterTheOffset() {
        LogicalPlan plan =
                new Limit(new Sort(SCAN, List.of(new SortKey(col(SCAN, 0), true, false))), 1, OptionalLong.of(3));

        assertThat(column(TestData.run(plan, 3), 0)).containsExactly("a", "a", "ab");
        assertThat(PhysicalPlanPrinter.print(TestData.physical(plan, 3))).isEqualTo("""
                LimitExec skip=1 fetch=3 partitions=1
                  SortExec keys=[name ASC NULLS LAST] fetch=4 partitions=1
                    ScanExec table=t source=memory t columns=[name, score, ratio] splits=4 partitions=3
                """);
    }

    @Test
    void sortsDecimalsByValue() {
        Schema schema = schema("d", new io.freshet.types.DecimalType(10, 2));
        Scan scan = TestData.scan(TestData.table(
                "d",
                schema,
                1,
                List.of(
                        row(new BigDecimal("10.00")),
                        row(new BigDecimal("-1.50")),
                        row((Object) null),
                        row(new BigDecimal("2.25")))));

        assertThat(column(TestData.run(new Sort(scan, List.of(new SortKey(col(scan, 0), true, true))), 2), 0))
                .containsExactly(null, new BigDecimal("-1.50"), new BigDecimal("2.25"), new BigDecimal("10.00"));
    }

    @Test
    void mergesManySortedRunsLikeASingleStableSort() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Schema schema = schema("k", BigintType.BIGINT, "id", BigintType.BIGINT);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(row(random.nextInt(10) == 0 ? null : (long) random.nextInt(200), (long) i));
        }
        Scan scan = TestData.scan(TestData.table("r", schema, 97, rows));
        long fetch = random.nextInt(400);
        LogicalPlan topN =
                new Limit(new Sort(scan, List.of(new SortKey(col(scan, 0), false, false))), 0, OptionalLong.of(fetch));

        List<List<Object>> expected = new ArrayList<>(rows);
        expected.sort(Comparator.comparing(
                (List<Object> r) -> (Long) r.get(0), Comparator.nullsLast(Comparator.<Long>reverseOrder())));
        List<List<Object>> full = TestData.run(new Sort(scan, List.of(new SortKey(col(scan, 0), false, false))), 4);
        List<List<Object>> limited = TestData.run(topN, 4);

        assertThat(column(full, 0)).as("seed %s", seed).isEqualTo(column(expected, 0));
        // Within equal keys, rows keep their table order (earlier partitions first, stable sorts).
        assertThat(full).as("seed %s", seed).isEqualTo(expected);
        assertThat(limited).as("seed %s", seed).isEqualTo(expected.subList(0, (int) fetch));
    }
}
