package io.freshet.expr.aggregate;

import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static io.freshet.expr.aggregate.AggregateHarness.bind;
import static io.freshet.expr.aggregate.AggregateHarness.columns;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark scenario {@code count(DISTINCT user_id) GROUP BY region} over 10M rows with 1M
 * distinct users and 4 regions, on one thread. Not a JMH benchmark: a quick check run with {@code
 * -Dfreshet.throughput=true}; the target is 30M rows/s.
 */
@EnabledIfSystemProperty(named = "freshet.throughput", matches = "true")
class CountDistinctThroughputTest {
    private static final int ROWS = 10_000_000;
    private static final int BATCH = 8192;

    @Test
    void countDistinctUsersPerRegion() {
        Random random = new Random(42);
        long[] users = new long[ROWS];
        int[] regions = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            users[i] = random.nextInt(1_000_000) * 7919L + 12345;
            regions[i] = random.nextInt(4);
        }
        AggregateFunction count = bind("count", true, columns(BigintType.BIGINT));
        long best = Long.MAX_VALUE;
        long[] result = null;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            GroupedAccumulator accumulator = count.createAccumulator();
            accumulator.ensureCapacity(4);
            int[] groupIds = new int[BATCH];
            for (int offset = 0; offset < ROWS; offset += BATCH) {
                int length = Math.min(BATCH, ROWS - offset);
                long[] values = new long[length];
                System.arraycopy(users, offset, values, 0, length);
                System.arraycopy(regions, offset, groupIds, 0, length);
                accumulator.add(
                        groupIds, new Vector[] {new LongVector(BigintType.BIGINT, values, null, length)}, length);
            }
            Vector counts = accumulator.result(4);
            best = Math.min(best, System.nanoTime() - start);
            result = ((LongVector) counts).values();
        }
        System.out.printf("count(DISTINCT) best of 5: %.1f M rows/s%n", ROWS / (best / 1e9) / 1e6);
        assertThat(result[0]).isBetween(850_000L, 950_000L);
    }
}
