package io.freshet.stream.exec;

import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.InputRef;
import io.freshet.expr.functions.TimeWindowFunctions;
import io.freshet.plan.physical.AggregateExpr;
import io.freshet.plan.physical.ExtensionExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.sql.SqlParser;
import io.freshet.streaming.OutputMode;
import io.freshet.types.BigintType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each stateful operator through the harness: outputs batch by batch, and the same outputs when the state
 * is dropped and restored from the checkpoint after every micro-batch, in both state stores.
 */
class StatefulOperatorsTest {
    private static final Schema EVENTS = SqlParser.parseSchema("ts TIMESTAMP, region STRING, user_id BIGINT");
    private static final long MINUTE = 60_000_000L;

    @TempDir
    Path dir;

    private static Object[] event(long minute, String region, long user) {
        return new Object[] {minute * MINUTE, region, user};
    }

    /** {@code window(ts, 5 minutes), region → count(*), count(DISTINCT user_id)}. */
    private static Function<PhysicalNode, ExtensionExec> windowedAggregate() {
        TimeWindowFunctions.WindowSpec spec = new TimeWindowFunctions.WindowSpec(5 * MINUTE, 5 * MINUTE, 0);
        Expr ts = new InputRef(0, TimestampType.TIMESTAMP, "ts");
        List<Expr> keys = List.of(
                new Call(new TimeWindowFunctions.TumblingWindow(spec), ts),
                new InputRef(1, StringType.STRING, "region"));
        Expr user = new InputRef(2, BigintType.BIGINT, "user_id");
        var count = FunctionRegistry.builtins().aggregate("count").orElseThrow();
        List<AggregateExpr> aggregates = List.of(
                new AggregateExpr(count.bind(List.of(), false), List.of(), null),
                new AggregateExpr(count.bind(List.of(user), true), List.of(user), null));
        Schema schema = new Schema(List.of(
                Field.of("window", TimeWindowFunctions.WINDOW_TYPE),
                Field.of("region", StringType.STRING),
                Field.of("events", BigintType.BIGINT),
                Field.of("users", BigintType.BIGINT)));
        return input -> new StatefulAggregateExec(input, keys, aggregates, schema, 0, 0, true, spec, 2);
    }

    private static Function<PhysicalNode, ExtensionExec> deduplicateByUserAndTime() {
        return input -> new StreamingDeduplicateExec(input, new int[] {2, 0}, 0, 0, false, 10 * MINUTE, 2);
    }

    private static Function<PhysicalNode, ExtensionExec> limit(long rows) {
        return input -> new StreamingLimitExec(input, rows, 0);
    }

    private List<List<String>> run(
            Function<PhysicalNode, ExtensionExec> operator,
            OutputMode mode,
            String provider,
            boolean restoreEachBatch,
            String name,
            List<List<Object[]>> batches,
            long[] watermarks) {
        List<List<String>> outputs = new ArrayList<>();
        try (StatefulOperatorHarness harness =
                new StatefulOperatorHarness(dir.resolve(name), EVENTS, operator, mode, provider, 8, 3)) {
            for (int b = 0; b < batches.size(); b++) {
                List<String> rows = new ArrayList<>();
                for (Object[] row : harness.push(watermarks[b], batches.get(b))) {
                    rows.add(Arrays.deepToString(row));
                }
                rows.sort(null);
                outputs.add(rows);
                if (restoreEachBatch) {
                    harness.restore();
                }
            }
        }
        return outputs;
    }

    private static List<List<Object[]>> randomBatches(long seed) {
        Random random = new Random(seed);
        List<List<Object[]>> batches = new ArrayList<>();
        long minute = 0;
        for (int b = 0; b < 8; b++) {
            List<Object[]> rows = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                minute += random.nextInt(3);
                rows.add(event(minute - random.nextInt(4), random.nextBoolean() ? "eu" : "us", random.nextInt(5)));
            }
            batches.add(rows);
        }
        return batches;
    }

    private static long[] watermarks(List<List<Object[]>> batches, long delayMinutes) {
        long[] result = new long[batches.size()];
        long max = Long.MIN_VALUE;
        for (int b = 0; b < batches.size(); b++) {
            result[b] = max == Long.MIN_VALUE ? MicroBatchRun.NO_WATERMARK : max - delayMinutes * MINUTE;
            for (Object[] row : batches.get(b)) {
                max = Math.max(max, (Long) row[0]);
            }
        }
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void theWindowedAggregationGivesTheSameOutputsWhenRestoredAfterEveryBatch(String provider) {
        for (long seed = 1; seed <= 5; seed++) {
            List<List<Object[]>> batches = randomBatches(seed);
            long[] watermarks = watermarks(batches, 2);
            for (OutputMode mode : OutputMode.values()) {
                List<List<String>> straight =
                        run(windowedAggregate(), mode, provider, false, "a" + seed + mode, batches, watermarks);
                List<List<String>> restored =
                        run(windowedAggregate(), mode, provider, true, "b" + seed + mode, batches, watermarks);
                assertThat(restored).as("seed %s, %s", seed, mode).isEqualTo(straight);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void appendModeEmitsEachWindowOnceWithItsFinalCounts(String provider) {
        List<List<Object[]>> batches = List.<List<Object[]>>of(
                List.of(event(0, "eu", 1), event(1, "eu", 1), event(2, "eu", 2)),
                List.of(event(3, "eu", 3), event(7, "us", 4)),
                List.<Object[]>of(event(12, "us", 5)),
                List.of());
        long[] watermarks = {MicroBatchRun.NO_WATERMARK, 0, 5 * MINUTE, 10 * MINUTE};
        List<List<String>> outputs =
                run(windowedAggregate(), OutputMode.APPEND, provider, true, "append", batches, watermarks);
        assertThat(outputs.get(0)).isEmpty();
        assertThat(outputs.get(2)).singleElement().asString().contains("eu, 4, 3]");
        assertThat(outputs.get(3)).singleElement().asString().contains("us, 1, 1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void deduplicationForgetsKeysTheWatermarkPassedAndDropsLateRows(String provider) {
        try (StatefulOperatorHarness harness = new StatefulOperatorHarness(
                dir.resolve("dedup"), EVENTS, deduplicateByUserAndTime(), OutputMode.APPEND, provider, 8, 2)) {
            assertThat(harness.push(
                            MicroBatchRun.NO_WATERMARK,
                            List.of(event(1, "eu", 1), event(1, "us", 1), event(2, "eu", 1))))
                    .hasSize(2);
            harness.restore();
            assertThat(harness.push(0, List.of(event(1, "eu", 1), event(3, "eu", 2))))
                    .hasSize(1);
            assertThat(harness.stateRows()).isEqualTo(3);
            assertThat(harness.push(2 * MINUTE, List.of(event(1, "eu", 9), event(4, "eu", 9))))
                    .hasSize(1);
            assertThat(harness.counters().rowsDroppedByWatermark.get()).isEqualTo(1);
            assertThat(harness.stateRows()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void theLimitCountsAcrossBatchesAndRestarts(String provider) {
        try (StatefulOperatorHarness harness = new StatefulOperatorHarness(
                dir.resolve("limit"), EVENTS, limit(4), OutputMode.APPEND, provider, 8, 1)) {
            assertThat(harness.push(
                            MicroBatchRun.NO_WATERMARK,
                            List.of(event(1, "eu", 1), event(2, "eu", 2), event(3, "eu", 3))))
                    .hasSize(3);
            harness.restore();
            assertThat(harness.push(MicroBatchRun.NO_WATERMARK, List.of(event(4, "eu", 4), event(5, "eu", 5))))
                    .hasSize(1);
            assertThat(harness.push(MicroBatchRun.NO_WATERMARK, List.<Object[]>of(event(6, "eu", 6))))
                    .isEmpty();
        }
    }
}
