package io.freshet.stream;

import io.freshet.AnalysisException;
import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.Row;
import io.freshet.sql.SqlParser;
import io.freshet.streaming.StreamingQuery;
import io.freshet.streaming.StreamingQueryProgress;
import io.freshet.types.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.functions.col;
import static io.freshet.functions.count;
import static io.freshet.functions.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming rules of SEMANTICS.md, one by one: watermark timing, late rows, output modes, refusals. */
class StreamingSemanticsTest {
    private static final Schema EVENTS = SqlParser.parseSchema("ts TIMESTAMP, region STRING, user_id BIGINT");

    @TempDir
    Path dir;

    private static long micros(String time) {
        return Instant.parse("2026-01-01T" + time + "Z").getEpochSecond() * 1_000_000;
    }

    private static Object[] event(String time, String region, long user) {
        return new Object[] {micros(time), region, user};
    }

    /** A session with a stream {@code events} and a memory-sink query over it. */
    private final class Fixture implements AutoCloseable {
        final Freshet session = Freshet.create();
        final TestStream events = new TestStream(EVENTS);
        final List<List<String>> batches = new ArrayList<>();
        StreamingQuery query;

        Fixture() {
            session.registerTable("events", events);
        }

        Fixture start(Function<DataFrame, DataFrame> shape, String mode) {
            return start(shape, mode, Map.of());
        }

        Fixture start(Function<DataFrame, DataFrame> shape, String mode, Map<String, String> options) {
            DataFrame stream = session.readStream().table("events");
            query = shape.apply(stream)
                    .writeStream()
                    .outputMode(mode)
                    .options(options)
                    .option("checkpointLocation", dir.resolve("cp").toString())
                    .foreachBatch((frame, id) -> {
                        synchronized (batches) {
                            while (batches.size() <= id) {
                                batches.add(new ArrayList<>());
                            }
                            batches.set((int) (long) id, rows(frame));
                        }
                    })
                    .start();
            return this;
        }

        void add(Object[]... rows) {
            events.add(List.of(rows));
            query.processAllAvailable();
        }

        List<String> emitted() {
            List<String> all = new ArrayList<>();
            synchronized (batches) {
                batches.forEach(all::addAll);
            }
            return all;
        }

        List<String> lastBatch() {
            synchronized (batches) {
                return batches.get(batches.size() - 1);
            }
        }

        @Override
        public void close() {
            if (query != null) {
                query.stop();
                assertThat(query.exception()).isEmpty();
            }
            session.close();
        }
    }

    private static DataFrame windowedCounts(DataFrame events) {
        return events.withWatermark("ts", "10 minutes")
                .groupBy(window(col("ts"), "5 minutes"), col("region"))
                .agg(count(col("user_id")).as("n"));
    }

    @Test
    void appendModeEmitsAWindowOnceTheWatermarkPassesItsEnd() {
        try (Fixture fixture = new Fixture().start(StreamingSemanticsTest::windowedCounts, "append")) {
            fixture.add(event("10:00:00", "eu", 1), event("10:03:00", "eu", 2));
            assertThat(fixture.emitted()).isEmpty();
            // Max event time 10:15 gives watermark 10:05: the window [10:00, 10:05) closes, in a no-data
            // batch that runs right after the batch that moved the watermark.
            fixture.add(event("10:15:00", "us", 3));
            assertThat(fixture.emitted()).containsExactly("[2026-01-01T10:00:00Z,2026-01-01T10:05:00Z],eu,2");
            StreamingQueryProgress last = fixture.query.lastProgress();
            assertThat(last.numInputRows()).isZero();
            assertThat(last.eventTime()).containsEntry("watermark", "2026-01-01T10:05:00Z");
        }
    }

    @Test
    void aRowIsLateWhenItsWindowEndIsAtOrBelowTheWatermark() {
        try (Fixture fixture = new Fixture().start(StreamingSemanticsTest::windowedCounts, "update")) {
            fixture.add(event("10:21:00", "eu", 1)); // watermark becomes 10:11
            // 10:10:30 is below the watermark, but its window ends at 10:15: it still counts.
            fixture.add(event("10:10:30", "eu", 2));
            assertThat(fixture.lastBatch()).containsExactly("[2026-01-01T10:10:00Z,2026-01-01T10:15:00Z],eu,1");
            // 10:05:00's window ends at 10:10 <= 10:11: late, dropped and counted.
            fixture.add(event("10:05:00", "eu", 3));
            assertThat(fixture.query.lastProgress().stateOperators().get(0).numRowsDroppedByWatermark())
                    .isEqualTo(1);
            assertThat(fixture.emitted()).noneMatch(row -> row.startsWith("[2026-01-01T10:05:00Z"));
        }
    }

    @Test
    void lateRowsGoToTheSideTableInsteadOfOnlyBeingCounted() {
        try (Fixture fixture = new Fixture()
                .start(StreamingSemanticsTest::windowedCounts, "update", Map.of("lateRows", "late_events"))) {
            fixture.add(event("10:21:00", "eu", 1));
            fixture.add(event("10:05:00", "eu", 3), event("10:20:00", "us", 4));
            assertThat(rows(fixture.session.sql("SELECT region, user_id FROM late_events")))
                    .containsExactly("eu,3");
        }
    }

    @Test
    void updateModeEmitsOnlyTheGroupsThatChanged() {
        try (Fixture fixture = new Fixture().start(StreamingSemanticsTest::windowedCounts, "update")) {
            fixture.add(event("10:00:00", "eu", 1), event("10:00:01", "us", 2));
            assertThat(fixture.emitted()).hasSize(2);
            fixture.add(event("10:00:02", "eu", 3));
            assertThat(fixture.emitted()).hasSize(3).endsWith("[2026-01-01T10:00:00Z,2026-01-01T10:05:00Z],eu,2");
        }
    }

    @Test
    void completeModeEmitsTheWholeResultEveryTriggerAndDropsNothingAsLate() {
        Function<DataFrame, DataFrame> counts =
                events -> events.groupBy(col("region")).agg(count(col("user_id")));
        try (Fixture fixture = new Fixture().start(counts, "complete")) {
            fixture.add(event("10:00:00", "eu", 1), event("10:00:01", "us", 2));
            fixture.add(event("09:00:00", "eu", 3));
            assertThat(sorted(fixture.lastBatch())).containsExactly("eu,2", "us,1");
        }
    }

    @Test
    void deduplicationWithAWatermarkDropsLateRowsAndForgetsOldKeys() {
        Function<DataFrame, DataFrame> dedup =
                events -> events.withWatermark("ts", "10 minutes").dropDuplicates("user_id", "ts");
        try (Fixture fixture = new Fixture().start(dedup, "append")) {
            fixture.add(event("10:00:00", "eu", 1), event("10:00:00", "us", 1), event("10:30:00", "eu", 2));
            assertThat(fixture.emitted()).hasSize(2);
            // The watermark is now 10:20: the key (1, 10:00) was evicted, and a row at 10:00 is late.
            fixture.add(event("10:00:00", "eu", 1));
            assertThat(fixture.emitted()).hasSize(2);
            assertThat(fixture.query.lastProgress().stateOperators().get(0).numRowsDroppedByWatermark())
                    .isEqualTo(1);
            assertThat(fixture.query.lastProgress().stateOperators().get(0).numRowsTotal())
                    .isEqualTo(1);
        }
    }

    @Test
    void aRestartResumesFromTheCheckpointWithoutDuplicatesOrLoss() {
        Function<DataFrame, DataFrame> counts =
                events -> events.groupBy(col("region")).agg(count(col("user_id")));
        try (Fixture fixture = new Fixture().start(counts, "complete")) {
            fixture.add(event("10:00:00", "eu", 1));
            fixture.query.stop();
            fixture.events.add(List.<Object[]>of(event("10:00:01", "eu", 2)));
            fixture.start(counts, "complete");
            fixture.query.processAllAvailable();
            assertThat(fixture.lastBatch()).containsExactly("eu,2");
        }
    }

    @Test
    void aRestartWithChangedGroupingKeysIsRefusedButAChangedFilterAfterTheAggregationIsNot() {
        Function<DataFrame, DataFrame> byRegion =
                events -> events.groupBy(col("region")).agg(count(col("user_id")));
        try (Fixture fixture = new Fixture().start(byRegion, "complete")) {
            fixture.add(event("10:00:00", "eu", 1));
            fixture.query.stop();
            Function<DataFrame, DataFrame> byUser =
                    events -> events.groupBy(col("user_id")).agg(count(col("region")));
            assertThatThrownBy(() -> fixture.start(byUser, "complete"))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessageContaining("not compatible with its checkpoint")
                    .hasMessageContaining("stateful operator 0");
            fixture.query = null;
            Function<DataFrame, DataFrame> filtered =
                    events -> byRegion.apply(events).filter(col("region").equalTo("eu"));
            fixture.start(filtered, "complete");
            fixture.add(event("10:00:01", "us", 2));
            assertThat(fixture.lastBatch()).containsExactly("eu,1");
        }
    }

    @Test
    void aCheckpointWithLogsButNoMetadataRefusesToStart() throws Exception {
        Function<DataFrame, DataFrame> counts =
                events -> events.groupBy(col("region")).agg(count(col("user_id")));
        try (Fixture fixture = new Fixture().start(counts, "complete")) {
            fixture.add(event("10:00:00", "eu", 1));
            fixture.query.stop();
            java.nio.file.Files.delete(dir.resolve("cp").resolve("metadata"));
            fixture.query = null;
            assertThatThrownBy(() -> fixture.start(counts, "complete"))
                    .hasMessageContaining("has offset or commit logs but no metadata file");
        }
    }

    @Test
    void listenersHearTheQuerysLifecycleAndProgressHasSparksFields() throws Exception {
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Freshet session = Freshet.create()) {
            session.streams().addListener(new io.freshet.streaming.StreamingQueryListener() {
                @Override
                public void onQueryStarted(QueryStartedEvent event) {
                    heard.add("started");
                }

                @Override
                public void onQueryProgress(QueryProgressEvent event) {
                    heard.add("progress " + event.progress().batchId());
                }

                @Override
                public void onQueryTerminated(QueryTerminatedEvent event) {
                    heard.add("terminated");
                }
            });
            TestStream events = new TestStream(EVENTS);
            session.registerTable("events", events);
            events.add(List.of(event("10:00:00", "eu", 1), event("10:20:00", "us", 2)));
            StreamingQuery query = windowedCounts(session.readStream().table("events"))
                    .writeStream()
                    .outputMode("append")
                    .queryName("windows")
                    .trigger(io.freshet.streaming.Trigger.AvailableNow())
                    .foreachBatch((frame, id) -> {})
                    .start();
            query.awaitTermination();
            assertThat(heard).containsExactly("started", "progress 0", "progress 1", "terminated");
            String json = query.recentProgress().get(0).json();
            assertThat(json)
                    .contains("\"batchId\":0", "\"numInputRows\":2", "\"name\":\"windows\"", "\"durationMs\":{")
                    .contains("\"eventTime\":{\"avg\":", "\"stateOperators\":[{\"operatorName\":\"aggregate\"")
                    .contains("\"latencyMs\":{\"max\":");
            assertThat(query.recentProgress().get(1).eventTime()).containsEntry("watermark", "2026-01-01T10:10:00Z");
        }
    }

    @Test
    void aProcessingTimeTriggerRunsOnItsIntervalAndOnceRunsOneBatch() throws Exception {
        try (Freshet session = Freshet.create()) {
            TestStream events = new TestStream(EVENTS);
            session.registerTable("events", events);
            events.add(List.<Object[]>of(event("10:00:00", "eu", 1)));
            StreamingQuery once = session.readStream()
                    .table("events")
                    .writeStream()
                    .trigger(io.freshet.streaming.Trigger.Once())
                    .foreachBatch((frame, id) -> {})
                    .start();
            once.awaitTermination();
            assertThat(once.recentProgress()).hasSize(1);
            StreamingQuery timed = session.readStream()
                    .table("events")
                    .writeStream()
                    .trigger(io.freshet.streaming.Trigger.ProcessingTime("200 milliseconds"))
                    .foreachBatch((frame, id) -> {})
                    .start();
            Thread.sleep(300);
            events.add(List.<Object[]>of(event("10:00:01", "eu", 2)));
            timed.processAllAvailable();
            timed.stop();
            List<StreamingQueryProgress> progress = timed.recentProgress();
            assertThat(progress).hasSize(2);
            long gap = Instant.parse(progress.get(1).timestamp()).toEpochMilli()
                    - Instant.parse(progress.get(0).timestamp()).toEpochMilli();
            // The second batch waits for an interval boundary rather than starting when the data arrived.
            assertThat(gap).as("gap between batch starts, ms").isGreaterThanOrEqualTo(190);
        }
    }

    @Test
    void refusalsNameTheOperatorAndWhatToChange() {
        try (Freshet session = Freshet.create()) {
            session.registerTable("events", new TestStream(EVENTS));
            DataFrame events = session.readStream().table("events");
            assertThatThrownBy(() -> events.groupBy(col("region"))
                            .count()
                            .writeStream()
                            .outputMode("append")
                            .start())
                    .isInstanceOf(AnalysisException.class)
                    .hasMessageContaining(
                            "Append output mode is not supported for a streaming aggregation without a watermark")
                    .hasMessageContaining("use update or complete output mode");
            assertThatThrownBy(() -> events.writeStream().outputMode("complete").start())
                    .hasMessageContaining("Complete output mode needs a streaming aggregation");
            assertThatThrownBy(() -> events.orderBy(col("ts")).writeStream().start())
                    .hasMessageContaining(
                            "Sorting a stream is only supported after an aggregation in complete output mode");
            assertThatThrownBy(() ->
                            events.limit(3).writeStream().outputMode("update").start())
                    .hasMessageContaining("LIMIT is not supported on a stream in update output mode");
            assertThatThrownBy(() -> events.groupBy(col("region"))
                            .count()
                            .groupBy(col("count"))
                            .count()
                            .writeStream()
                            .outputMode("complete")
                            .start())
                    .hasMessageContaining("follows a streaming aggregation in complete mode");
            assertThatThrownBy(() -> events.dropDuplicatesWithinWatermark("user_id")
                            .writeStream()
                            .start())
                    .hasMessageContaining("dropDuplicatesWithinWatermark needs a watermark");
            assertThatThrownBy(events::collect).hasMessageContaining("must be executed with writeStream().start()");
        }
    }

    private static List<String> sorted(List<String> rows) {
        return new ArrayList<>(
                new TreeMap<>(rows.stream().collect(java.util.stream.Collectors.toMap(r -> r, r -> r))).keySet());
    }

    static List<String> rows(DataFrame frame) {
        List<String> out = new ArrayList<>();
        for (Row row : frame.collect()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                values.add(value instanceof Row struct ? struct.toString() : String.valueOf(value));
            }
            out.add(String.join(",", values));
        }
        return out;
    }
}
