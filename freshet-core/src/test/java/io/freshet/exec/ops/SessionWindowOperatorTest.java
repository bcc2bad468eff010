package io.freshet.exec.ops;

import io.freshet.exec.TestData;
import io.freshet.exec.TestFunctions;
import io.freshet.expr.Expr;
import io.freshet.expr.Literal;
import io.freshet.expr.functions.SessionWindowFunctions;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.physical.PhysicalPlanPrinter;
import io.freshet.types.BigintType;
import io.freshet.types.IntervalType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.exec.TestData.col;
import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.schema;
import static org.assertj.core.api.Assertions.assertThat;

class SessionWindowOperatorTest {
    private static final Schema EVENTS = schema(
            "usr",
            StringType.STRING,
            "ts",
            TimestampType.TIMESTAMP,
            "gap",
            IntervalType.INTERVAL,
            "v",
            BigintType.BIGINT);

    /** count(*) and sum(v) per (usr, session_window(ts, gap)). */
    private static LogicalPlan sessions(Scan scan, Expr gap, boolean withUser) {
        Expr session = SessionWindowFunctions.bind(List.of(col(scan, 1), gap));
        List<Expr> keys = withUser ? List.of(col(scan, 0), session) : List.of(session);
        List<String> names =
                withUser ? List.of("usr", "session_window", "n", "total") : List.of("session_window", "n", "total");
        return new Aggregate(
                scan,
                keys,
                List.of(
                        new AggregateCall(TestFunctions.Count.INSTANCE, List.of(), null),
                        new AggregateCall(TestFunctions.Sum.INSTANCE, List.of(col(scan, 3)), null)),
                names);
    }

    @Test
    void plansARepartitionASessionSweepAndASinglePhaseAggregate() {
        Scan scan = TestData.scan(TestData.table("events", EVENTS, 2, List.of(row("a", 0L, 5L, 1L))));
        LogicalPlan plan = sessions(scan, new Literal("5 minutes", StringType.STRING), true);

        assertThat(PhysicalPlanPrinter.print(TestData.physical(plan, 2))).isEqualTo("""
                HashAggregateExec keys=[usr, session_window] aggregates=[count(*), sum(v)] mode=single partitions=2
                  SessionWindowExec partitionBy=[usr] time=ts gap=300000000 partitions=2
                    RepartitionExec keys=[usr] partitions=2
                      ScanExec table=events source=memory events columns=[usr, ts, gap, v] splits=1 partitions=1
                """);
    }

    @Test
    void dropsRowsWithoutATimeOrWithANonPositiveGap() {
        Scan scan = TestData.scan(TestData.table(
                "events",
                EVENTS,
                2,
                List.of(
                        row("a", 0L, 10L, 1L),
                        row("a", null, 10L, 2L),
                        row("a", 5L, null, 4L),
                        row("a", 6L, 0L, 8L),
                        row("a", 7L, -3L, 16L),
                        row("a", 10L, 1L, 32L))));

        List<List<Object>> rows = TestData.run(sessions(scan, col(scan, 2), true), 2);

        assertThat(rows).containsExactly(row("a", new StructValue(new Object[] {0L, 11L}), 2L, 33L));
    }

    @Test
    void globalSessionsRunInOnePartition() {
        Scan scan = TestData.scan(TestData.table(
                "events", EVENTS, 1, List.of(row("a", 0L, 5L, 1L), row("b", 4L, 5L, 2L), row("c", 20L, 5L, 4L))));

        List<List<Object>> rows = TestData.run(sessions(scan, col(scan, 2), false), 3);

        assertThat(rows)
                .containsExactlyInAnyOrder(
                        row(new StructValue(new Object[] {0L, 9L}), 2L, 3L),
                        row(new StructValue(new Object[] {20L, 25L}), 1L, 4L));
    }

    @Test
    void emptyInputHasNoSessions() {
        Scan scan = TestData.scan(TestData.table("events", EVENTS, 2, List.of()));

        assertThat(TestData.run(sessions(scan, col(scan, 2), true), 2)).isEmpty();
    }

    /** Random rows, in random batches and partitions, against sessions found by brute force. */
    @Test
    void matchesBruteForceSessionsOnRandomRows() {
        long seed = new Random().nextLong();
        System.out.println("SessionWindowOperatorTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 30; round++) {
            List<List<Object>> data = new ArrayList<>();
            int count = random.nextInt(80);
            for (int i = 0; i < count; i++) {
                String usr = random.nextInt(8) == 0 ? null : "u" + random.nextInt(3);
                Long ts = random.nextInt(20) == 0 ? null : (long) random.nextInt(500);
                Long gap = Long.valueOf(1L + random.nextInt(40));
                if (random.nextInt(15) == 0) {
                    gap = random.nextBoolean() ? null : Long.valueOf(-random.nextInt(3));
                }
                data.add(row(usr, ts, gap, (long) i));
            }
            Scan scan = TestData.scan(TestData.table("events", EVENTS, 1 + random.nextInt(7), data));
            boolean dynamic = random.nextBoolean();
            Expr gap = dynamic ? col(scan, 2) : new Literal(25L, IntervalType.INTERVAL);
            List<List<Object>> actual = TestData.run(sessions(scan, gap, true), 1 + random.nextInt(3));

            assertThat(sorted(actual)).as("seed %s round %s", seed, round).isEqualTo(sorted(bruteForce(data, dynamic)));
        }
    }

    private static List<List<Object>> bruteForce(List<List<Object>> data, boolean dynamic) {
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : data) {
            Long gap = dynamic ? (Long) row.get(2) : Long.valueOf(25L);
            if (row.get(1) != null && gap != null && gap > 0) {
                kept.add(row(row.get(0), row.get(1), gap, row.get(3)));
            }
        }
        int n = kept.size();
        int[] parent = new int[n];
        Arrays.setAll(parent, i -> i);
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                long startA = (Long) kept.get(a).get(1);
                long startB = (Long) kept.get(b).get(1);
                long endA = startA + (Long) kept.get(a).get(2);
                long endB = startB + (Long) kept.get(b).get(2);
                boolean sameUser =
                        java.util.Objects.equals(kept.get(a).get(0), kept.get(b).get(0));
                if (sameUser && startA <= endB && startB <= endA) {
                    parent[root(parent, a)] = root(parent, b);
                }
            }
        }
        List<List<Object>> result = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (root(parent, r) != r) {
                continue;
            }
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            long rows = 0;
            long total = 0;
            for (int i = 0; i < n; i++) {
                if (root(parent, i) == r) {
                    long ts = (Long) kept.get(i).get(1);
                    start = Math.min(start, ts);
                    end = Math.max(end, ts + (Long) kept.get(i).get(2));
                    rows++;
                    total += (Long) kept.get(i).get(3);
                }
            }
            result.add(row(kept.get(r).get(0), new StructValue(new Object[] {start, end}), rows, total));
        }
        return result;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream()
                .map(Object::toString)
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
