package io.freshet.exec;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.expr.Literal;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.types.BigintType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static io.freshet.exec.TestData.col;
import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.rows;
import static io.freshet.exec.TestData.schema;
import static io.freshet.exec.TestFunctions.divide;
import static io.freshet.exec.TestFunctions.gt;
import static io.freshet.exec.TestFunctions.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryExecutorTest {
    private static final Schema SALES = schema("region", StringType.STRING, "amount", BigintType.BIGINT);

    private static MemoryTableSource sales(int rowCount, int batchRows) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < rowCount; i++) {
            rows.add(row(i % 3 == 0 ? "eu" : "us", (long) i));
        }
        return TestData.table("sales", SALES, batchRows, rows);
    }

    @Test
    void collectsPartitionsInOrderSoThatAScanKeepsTheTableOrder() {
        Scan scan = TestData.scan(sales(50, 3));
        LogicalPlan plan = new Project(
                scan,
                List.of(col(scan, 1), plus(col(scan, 1), new Literal(1L, BigintType.BIGINT))),
                List.of("amount", "next"));

        List<List<Object>> result = TestData.run(plan, 4);

        assertThat(result).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(result.get(i)).containsExactly((long) i, (long) i + 1);
        }
    }

    @Test
    void countsSplitsBytesAndRowsWhileRunning() {
        Scan scan = TestData.scan(sales(100, 10));
        LogicalPlan plan = new Filter(scan, gt(col(scan, 1), new Literal(89L, BigintType.BIGINT)));
        ExecContext context = ExecContext.builder().parallelism(2).build();

        List<Batch> batches = QueryExecutor.collect(TestData.physical(plan, 2), context);

        QueryMetrics.Snapshot metrics = context.metrics().snapshot();
        assertThat(rows(batches)).hasSize(10);
        assertThat(metrics.splitsTotal()).isEqualTo(10);
        assertThat(metrics.splitsRead()).isEqualTo(10);
        assertThat(metrics.bytesRead()).isGreaterThan(0);
        assertThat(metrics.inputRows()).isEqualTo(100);
        assertThat(metrics.outputRows()).isEqualTo(10);
        assertThat(metrics.elapsedNanos()).isGreaterThan(0);
    }

    @Test
    void failsWithTheErrorOfAPartitionKeepingItsCodeAndMessage() {
        Scan scan = TestData.scan(sales(40, 5));
        LogicalPlan plan =
                new Project(scan, List.of(divide(col(scan, 1), new Literal(0L, BigintType.BIGINT))), List.of("ratio"));

        assertThatThrownBy(() -> TestData.run(plan, 4))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageStartingWith("Division by zero")
                .satisfies(error -> {
                    QueryExecutionException failure = (QueryExecutionException) error;
                    assertThat(failure.errorCode()).isEqualTo(ErrorCode.DIVIDE_BY_ZERO);
                    assertThat(failure.operator()).startsWith("ProjectExec");
                    assertThat(failure.getCause()).isInstanceOf(FreshetException.class);
                    assertThat(failure.getCause().getCause()).isNull();
                });
    }

    @Test
    void wrapsUnexpectedErrorsAsInternalErrorsNamingTheOperator() {
        Scan scan = TestData.scan(sales(10, 5));
        TestFunctions.RowFunction broken = new TestFunctions.RowFunction("broken", BigintType.BIGINT, false, values -> {
            throw new IllegalStateException("boom");
        });
        LogicalPlan plan = new Project(scan, List.of(new io.freshet.expr.Call(broken, col(scan, 1))), List.of("x"));

        assertThatThrownBy(() -> TestData.run(plan, 2))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("Internal error in ProjectExec")
                .hasMessageContaining("boom")
                .extracting(error -> ((FreshetException) error).errorCode())
                .isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void aCancelledQueryStopsBetweenBatches() {
        Scan scan = TestData.scan(sales(1000, 10));
        ExecContext context = ExecContext.builder().parallelism(2).build();
        AtomicInteger delivered = new AtomicInteger();

        assertThatThrownBy(() -> QueryExecutor.run(TestData.physical(scan, 2), context, batch -> {
                    if (delivered.incrementAndGet() == 3) {
                        context.cancel();
                    }
                }))
                .isInstanceOf(FreshetException.class)
                .extracting(error -> ((FreshetException) error).errorCode())
                .isEqualTo(ErrorCode.CANCELLED);
        assertThat(delivered.get()).isLessThan(10);
    }

    @Test
    void runDeliversBatchesFromOneThreadAtATime() {
        Scan scan = TestData.scan(sales(2000, 10));
        ExecContext context = ExecContext.builder().parallelism(4).build();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger rowCount = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();

        QueryExecutor.run(TestData.physical(scan, 4), context, batch -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            threads.add(Thread.currentThread().getName());
            rowCount.addAndGet(batch.rowCount());
            inside.decrementAndGet();
        });

        assertThat(overlaps.get()).isZero();
        assertThat(rowCount.get()).isEqualTo(2000);
        assertThat(threads).allMatch(name -> name.startsWith("freshet-exec-"));
    }

    @Test
    void exceedingTheMemoryLimitFailsTheQueryWithAMessageThatSaysWhatToChange() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row("key-" + i, (long) i));
        }
        Scan scan = TestData.scan(TestData.table("wide", SALES, 1000, rows));
        LogicalPlan plan = new Aggregate(
                scan,
                List.of(col(scan, 0)),
                List.of(new AggregateCall(TestFunctions.Sum.INSTANCE, List.of(col(scan, 1)), null)),
                List.of("region", "total"));
        PhysicalNode physical = TestData.physical(plan, 2);
        ExecContext context =
                ExecContext.builder().parallelism(2).memoryLimitBytes(200_000).build();

        assertThatThrownBy(() -> QueryExecutor.collect(physical, context))
                .isInstanceOf(FreshetException.class)
                .hasMessageStartingWith("Query exceeded its memory limit of 195.3 KB in hash aggregate (")
                .hasMessageEndingWith("); raise freshet.memory.limit-bytes or reduce the number of groups")
                .extracting(error -> ((FreshetException) error).errorCode())
                .isEqualTo(ErrorCode.MEMORY_LIMIT_EXCEEDED);
    }

    @Test
    void formatsByteCountsForPeople() {
        assertThat(MemoryPool.formatBytes(512)).isEqualTo("512 bytes");
        assertThat(MemoryPool.formatBytes(1536)).isEqualTo("1.5 KB");
        assertThat(MemoryPool.formatBytes(2L << 30)).isEqualTo("2.0 GB");
    }

    @Test
    void releasesAllReservedMemoryWhenAQueryEnds() {
        Scan scan = TestData.scan(sales(500, 10));
        LogicalPlan plan = new Aggregate(
                scan,
                List.of(col(scan, 0)),
                List.of(new AggregateCall(TestFunctions.Count.INSTANCE, List.of(), null)),
                List.of("region", "n"));
        ExecContext context = ExecContext.builder().parallelism(3).build();

        QueryExecutor.collect(TestData.physical(plan, 3), context);

        assertThat(context.memory().reservedBytes()).isZero();
        assertThat(context.memory().peakBytes()).isPositive();
    }

    /** Guards against a helping join running a task that waits for a stage lower on its own stack. */
    @Test
    void nestedPipelineBreakersFinishOnAPoolOfOneOrTwoThreads() {
        Scan scan = TestData.scan(sales(300, 7));
        LogicalPlan grouped = new Aggregate(
                scan,
                List.of(col(scan, 1)),
                List.of(new AggregateCall(TestFunctions.Count.INSTANCE, List.of(), null)),
                List.of("amount", "n"));
        LogicalPlan left =
                new Project(new io.freshet.plan.logical.Distinct(grouped), List.of(col(grouped, 0)), List.of("x"));
        LogicalPlan right =
                new Project(new io.freshet.plan.logical.Distinct(scan), List.of(col(scan, 1)), List.of("x"));
        LogicalPlan plan = new io.freshet.plan.logical.Distinct(new io.freshet.plan.logical.SetOperation(
                left, right, io.freshet.plan.logical.SetOperation.Kind.INTERSECT, false));
        PhysicalNode physical = TestData.physical(plan, 4);

        for (int threads : new int[] {1, 2}) {
            ExecContext context = ExecContext.builder().parallelism(threads).build();
            assertThat(rows(QueryExecutor.collect(physical, context))).hasSize(300);
        }
    }
}
