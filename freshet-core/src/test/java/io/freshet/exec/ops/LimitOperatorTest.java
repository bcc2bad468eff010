package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.QueryExecutor;
import io.freshet.exec.TestData;
import io.freshet.plan.logical.Limit;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.physical.LimitExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.PhysicalPlanPrinter;
import io.freshet.types.BigintType;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.schema;
import static org.assertj.core.api.Assertions.assertThat;

class LimitOperatorTest {
    private static final Schema SCHEMA = schema("id", BigintType.BIGINT);

    private static Scan numbers(int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row((long) i));
        }
        return TestData.scan(TestData.table("n", SCHEMA, 3, rows));
    }

    @ParameterizedTest(name = "skip {0} fetch {1} of 10 rows")
    @CsvSource({"0,0", "0,1", "0,3", "0,10", "0,11", "2,0", "2,3", "3,3", "9,5", "10,1", "11,1", "3,-1", "12,-1"})
    void skipsThenFetches(long skip, long fetch) {
        OptionalLong limit = fetch < 0 ? OptionalLong.empty() : OptionalLong.of(fetch);
        for (int parallelism : new int[] {1, 3}) {
            List<List<Object>> result = TestData.run(new Limit(numbers(10), skip, limit), parallelism);

            long expectedCount = Math.max(0, Math.min(10 - skip, limit.orElse(Long.MAX_VALUE)));
            List<List<Object>> expected = new ArrayList<>();
            for (long i = skip; i < skip + expectedCount; i++) {
                expected.add(row(i));
            }
            assertThat(result).as("parallelism %s", parallelism).isEqualTo(expected);
        }
    }

    @Test
    void aLimitOverSeveralPartitionsLimitsEachThenCoalesces() {
        LogicalPlan plan = new Limit(numbers(30), 2, OptionalLong.of(5));

        assertThat(PhysicalPlanPrinter.print(TestData.physical(plan, 2))).isEqualTo("""
                LimitExec skip=2 fetch=5 partitions=1
                  CoalesceExec partitions=1
                    LimitExec skip=0 fetch=7 partitions=2
                      ScanExec table=n source=memory n columns=[id] splits=10 partitions=2
                """);
    }

    @Test
    void stopsPullingItsInputOnceTheLimitIsReached() {
        Scan scan = numbers(300);
        PhysicalNode plan = TestData.physical(new Limit(scan, 0, OptionalLong.of(4)), 1);
        ExecContext context = ExecContext.builder().parallelism(1).build();

        List<Batch> batches = QueryExecutor.collect(plan, context);

        assertThat(TestData.rows(batches)).hasSize(4);
        assertThat(context.metrics().splitsRead()).isEqualTo(2);
        assertThat(context.metrics().inputRows()).isEqualTo(6);
    }

    @Test
    void aZeroLimitReadsNothing() {
        PhysicalNode plan = new LimitExec(TestData.physical(numbers(30), 1), 0, OptionalLong.of(0));
        ExecContext context = ExecContext.builder().parallelism(1).build();

        try (BatchStream stream = context.execute(plan, 0)) {
            assertThat(stream.next()).isNull();
        }
        assertThat(context.metrics().splitsRead()).isZero();
        context.close();
    }
}
