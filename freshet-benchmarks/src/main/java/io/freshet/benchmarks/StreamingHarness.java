package io.freshet.benchmarks;

import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.stream.source.GeneratedColumn;
import io.freshet.stream.source.GeneratorStreamTable;
import io.freshet.streaming.StreamingQuery;
import io.freshet.streaming.StreamingQueryProgress;
import io.freshet.streaming.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static io.freshet.functions.approx_count_distinct;
import static io.freshet.functions.col;
import static io.freshet.functions.count;
import static io.freshet.functions.countDistinct;
import static io.freshet.functions.window;

/**
 * The end-to-end streaming benchmarks of BENCHMARKS.md: sustained throughput of a windowed count (and
 * of a windowed exact distinct count) from an in-memory generator with checkpointing on, end-to-end
 * latency at a fixed rate with the low-latency trigger, and the overhead of a micro-batch without data.
 *
 * <pre>java -cp freshet-benchmarks/target/benchmarks.jar io.freshet.benchmarks.StreamingHarness [scenario] [rows]</pre>
 *
 * Scenarios: {@code count}, {@code distinct}, {@code approx}, {@code latency}, {@code empty}, {@code all}.
 */
public final class StreamingHarness {
    private static final List<String> REGIONS =
            List.of("eu-west", "eu-north", "us-east", "us-west", "apac-south", "apac-east", "latam", "africa");
    private static final long START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000;

    private StreamingHarness() {}

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "all";
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 200_000_000L;
        System.out.printf(
                Locale.ROOT,
                "cores=%d heap=%dMB%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (scenario.equals("count") || scenario.equals("all")) {
            throughput(
                    "windowed count(*) by region",
                    rows,
                    events -> events.agg(count("*").as("events")));
        }
        if (scenario.equals("distinct") || scenario.equals("all")) {
            throughput(
                    "windowed count(DISTINCT user_id) by region",
                    rows / 4,
                    events -> events.agg(countDistinct(col("user_id")).as("users")));
        }
        if (scenario.equals("approx") || scenario.equals("all")) {
            throughput(
                    "windowed approx_count_distinct(user_id) by region",
                    rows / 2,
                    events -> events.agg(approx_count_distinct(col("user_id")).as("users")));
        }
        if (scenario.equals("latency") || scenario.equals("all")) {
            latency(100_000, 20);
        }
        if (scenario.equals("empty") || scenario.equals("all")) {
            emptyBatches(2_000);
        }
    }

    /** Rows generated as fast as the engine reads them: event time advances 100,000 events per second. */
    private static GeneratorStreamTable generator(long rows, long maxRowsPerTrigger, long rowsPerSecond) {
        GeneratorStreamTable.Builder builder = GeneratorStreamTable.builder("events")
                .column(GeneratedColumn.timestamps("ts", START, 100_000))
                .column(GeneratedColumn.pick("region", REGIONS, 1))
                .column(GeneratedColumn.uniformLong("user_id", 1_000_000, 2))
                .totalRows(rows)
                .maxRowsPerTrigger(maxRowsPerTrigger);
        if (rowsPerSecond > 0) {
            builder.rowsPerSecond(rowsPerSecond);
        }
        return builder.build();
    }

    private interface Aggregation {
        DataFrame apply(io.freshet.GroupedData events);
    }

    private static void throughput(String name, long rows, Aggregation aggregation) throws Exception {
        Path checkpoint = Files.createTempDirectory("freshet-bench-");
        try (Freshet session = Freshet.create()) {
            session.registerTable("events", generator(rows, 10_000_000, 0));
            DataFrame events = session.readStream().table("events").withWatermark("ts", "10 minutes");
            DataFrame counts = aggregation.apply(events.groupBy(window(col("ts"), "5 minutes"), col("region")));
            long[] outputRows = new long[1];
            long started = System.nanoTime();
            StreamingQuery query = counts.writeStream()
                    .outputMode("append")
                    .trigger(Trigger.AvailableNow())
                    .option("checkpointLocation", checkpoint.toString())
                    .foreachBatch((frame, id) -> outputRows[0] += frame.count())
                    .start();
            query.awaitTermination();
            double seconds = (System.nanoTime() - started) / 1e9;
            List<StreamingQueryProgress> progress = query.recentProgress();
            long batches = progress.size();
            double batchSeconds = progress.stream()
                            .filter(p -> p.numInputRows() > 0)
                            .mapToLong(p -> p.durationMs().get("triggerExecution"))
                            .average()
                            .orElse(0)
                    / 1000;
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,d events in %.2f s = %,.0f events/s (%d micro-batches, %.3f s per 10M-event batch, %d windows emitted)%n",
                    name,
                    rows,
                    seconds,
                    rows / seconds,
                    batches,
                    batchSeconds,
                    outputRows[0]);
        } finally {
            delete(checkpoint);
        }
    }

    /** Events created at {@code rate} per second, event time = creation time; latency from event time to sink commit. */
    private static void latency(long rate, int seconds) throws Exception {
        Path checkpoint = Files.createTempDirectory("freshet-bench-");
        try (Freshet session = Freshet.builder()
                .config("freshet.streaming.poll-interval-ms", "1")
                .build()) {
            long now = System.currentTimeMillis() * 1000;
            GeneratorStreamTable events = GeneratorStreamTable.builder("events")
                    .column(GeneratedColumn.timestamps("ts", now, rate))
                    .column(GeneratedColumn.pick("region", REGIONS, 1))
                    .column(GeneratedColumn.uniformLong("user_id", 1_000_000, 2))
                    .rowsPerSecond(rate)
                    .totalRows(rate * seconds)
                    .build();
            session.registerTable("events", events);
            DataFrame counts = session.readStream()
                    .table("events")
                    .withWatermark("ts", "10 seconds")
                    .groupBy(window(col("ts"), "5 seconds"), col("region"))
                    .agg(count(col("user_id")).as("events"));
            StreamingQuery query = counts.writeStream()
                    .outputMode("update")
                    .option("checkpointLocation", checkpoint.toString())
                    .foreachBatch((frame, id) -> {})
                    .start();
            Thread.sleep(seconds * 1000L + 500);
            query.stop();
            List<StreamingQueryProgress> progress = query.recentProgress();
            long[] p99 = progress.stream()
                    .filter(p -> p.latencyMs().containsKey("p99"))
                    .mapToLong(p -> p.latencyMs().get("p99"))
                    .sorted()
                    .toArray();
            long[] max = progress.stream()
                    .filter(p -> p.latencyMs().containsKey("max"))
                    .mapToLong(p -> p.latencyMs().get("max"))
                    .sorted()
                    .toArray();
            long[] durations = progress.stream()
                    .mapToLong(p -> p.durationMs().get("triggerExecution"))
                    .sorted()
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "latency at %,d events/s, default trigger: %d batches (of the last %d kept); per-batch p99 latency:"
                            + " median %d ms, p99 %d ms; max latency p99 %d ms; batch duration median %d ms%n",
                    rate,
                    progress.size(),
                    progress.size(),
                    at(p99, 0.5),
                    at(p99, 0.99),
                    at(max, 0.99),
                    at(durations, 0.5));
        } finally {
            delete(checkpoint);
        }
    }

    /** Micro-batches of one row each through a windowed aggregation: the fixed cost of planning, logging and committing. */
    private static void emptyBatches(int batches) throws Exception {
        Path checkpoint = Files.createTempDirectory("freshet-bench-");
        try (Freshet session = Freshet.create()) {
            session.registerTable("events", generator(batches, 1, 0));
            DataFrame counts = session.readStream()
                    .table("events")
                    .withWatermark("ts", "10 minutes")
                    .groupBy(window(col("ts"), "5 minutes"), col("region"))
                    .agg(count(col("user_id")).as("events"));
            long started = System.nanoTime();
            StreamingQuery query = counts.writeStream()
                    .outputMode("update")
                    .trigger(Trigger.AvailableNow())
                    .option("checkpointLocation", checkpoint.toString())
                    .foreachBatch((frame, id) -> {})
                    .start();
            query.awaitTermination();
            double millis = (System.nanoTime() - started) / 1e6;
            List<StreamingQueryProgress> progress = query.recentProgress();
            long[] durations = progress.stream()
                    .mapToLong(p -> p.durationMs().get("triggerExecution"))
                    .sorted()
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "one-row micro-batches: %d in %.0f ms = %.2f ms per batch (median of the last %d: %d ms, p99 %d ms)%n",
                    batches,
                    millis,
                    millis / batches,
                    durations.length,
                    at(durations, 0.5),
                    at(durations, 0.99));
        } finally {
            delete(checkpoint);
        }
    }

    private static long at(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @SuppressWarnings("unused")
    private static List<Long> list(long[] values) {
        List<Long> list = new ArrayList<>();
        Arrays.stream(values).forEach(list::add);
        return list;
    }
}
