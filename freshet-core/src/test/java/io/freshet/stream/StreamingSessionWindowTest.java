package io.freshet.stream;

import io.freshet.AnalysisException;
import io.freshet.Column;
import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.Row;
import io.freshet.sql.SqlParser;
import io.freshet.streaming.StateOperatorProgress;
import io.freshet.streaming.StreamingQuery;
import io.freshet.streaming.StreamingQueryProgress;
import io.freshet.types.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.functions.col;
import static io.freshet.functions.count;
import static io.freshet.functions.countDistinct;
import static io.freshet.functions.lit;
import static io.freshet.functions.max;
import static io.freshet.functions.min;
import static io.freshet.functions.session_window;
import static io.freshet.functions.sum;
import static io.freshet.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streaming aggregations by {@code session_window}: append and complete mode, late rows, restarts. */
class StreamingSessionWindowTest {
    private static final Schema EVENTS = SqlParser.parseSchema("ts TIMESTAMP, usr STRING, v BIGINT");
    private static final long MINUTE = 60_000_000L;

    @TempDir
    Path dir;

    private static long micros(String time) {
        Instant instant = Instant.parse("2026-01-01T" + time + "Z");
        return instant.getEpochSecond() * 1_000_000;
    }

    private static Object[] event(String time, String usr, long v) {
        return new Object[] {micros(time), usr, v};
    }

    /** Sessions of 5 minutes per user, with a watermark 10 minutes behind the latest event. */
    private static DataFrame sessions(Freshet session) {
        return session.readStream()
                .table("events")
                .withWatermark("ts", "10 minutes")
                .groupBy(col("usr"), session_window(col("ts"), "5 minutes"))
                .agg(count(col("v")).as("n"), sum(col("v")).as("total"));
    }

    private StreamingQuery start(DataFrame frame, String mode, String name) {
        return frame.writeStream()
                .format("memory")
                .queryName(name)
                .outputMode(mode)
                .option("checkpointLocation", dir.resolve(name).toString())
                .start();
    }

    private static List<String> sessionRows(Freshet session, String table) {
        return text(session.sql("SELECT usr, session_window.start, session_window.end, n, total FROM " + table
                        + " ORDER BY usr, session_window.start")
                .collect());
    }

    @Test
    void appendModeMergesSessionsAcrossBatchesAndEmitsThemWhenTheWatermarkPassesTheirEnd() {
        try (Freshet session = Freshet.create()) {
            TestStream events = new TestStream(EVENTS);
            session.registerTable("events", events);
            events.add(List.of(event("10:00:00", "a", 1), event("10:08:00", "a", 2), event("10:01:00", "b", 4)));
            StreamingQuery query = start(sessions(session), "append", "appended");
            query.processAllAvailable();
            // a has [10:00, 10:05] and [10:08, 10:13]; the watermark (09:58) closes nothing yet.
            assertThat(sessionRows(session, "appended")).isEmpty();

            events.add(List.<Object[]>of(event("10:04:00", "a", 8)));
            query.processAllAvailable();
            // 10:04 bridges a's two sessions into [10:00, 10:13]; still open.
            assertThat(sessionRows(session, "appended")).isEmpty();

            events.add(List.<Object[]>of(event("10:30:00", "c", 16)));
            query.processAllAvailable();
            // The watermark moves to 10:20: a's and b's sessions are closed and emitted.
            assertThat(sessionRows(session, "appended"))
                    .containsExactly("a 10:00:00 10:13:00 3 11", "b 10:01:00 10:06:00 1 4");

            // The watermark is 10:20: a 10:12 row (session end 10:17) is late; a 10:16 row (end 10:21) is not.
            events.add(List.of(event("10:12:00", "a", 32), event("10:16:00", "b", 64), event("10:33:00", "c", 128)));
            query.processAllAvailable();
            events.add(List.<Object[]>of(event("11:00:00", "z", 256)));
            query.processAllAvailable();

            assertThat(sessionRows(session, "appended"))
                    .containsExactly(
                            "a 10:00:00 10:13:00 3 11",
                            "b 10:01:00 10:06:00 1 4",
                            "b 10:16:00 10:21:00 1 64",
                            "c 10:30:00 10:38:00 2 144");
            assertThat(dropped(query)).isEqualTo(1);
            query.stop();
            assertThat(query.exception()).isEmpty();
        }
    }

    @Test
    void completeModeEmitsEverySessionEachTriggerAndDropsNoLateRows() {
        try (Freshet session = Freshet.create()) {
            TestStream events = new TestStream(EVENTS);
            session.registerTable("events", events);
            events.add(List.of(event("10:00:00", "a", 1), event("10:08:00", "a", 2), event("10:01:00", "b", 4)));
            StreamingQuery query = start(sessions(session), "complete", "completed");
            query.processAllAvailable();
            assertThat(sessionRows(session, "completed"))
                    .containsExactly("a 10:00:00 10:05:00 1 1", "a 10:08:00 10:13:00 1 2", "b 10:01:00 10:06:00 1 4");

            events.add(List.of(event("10:04:00", "a", 8), event("10:30:00", "c", 16)));
            query.processAllAvailable();
            events.add(List.<Object[]>of(event("10:12:00", "a", 32)));
            query.processAllAvailable();

            // Complete mode keeps all state: the 10:12 row extends a's session although the watermark passed it.
            assertThat(sessionRows(session, "completed"))
                    .containsExactly("a 10:00:00 10:17:00 4 43", "b 10:01:00 10:06:00 1 4", "c 10:30:00 10:35:00 1 16");
            assertThat(dropped(query)).isZero();
            query.stop();
            assertThat(query.exception()).isEmpty();
        }
    }

    @Test
    void sessionsWithoutOtherKeysAndRowsWithoutTimeOrGap() {
        try (Freshet session = Freshet.create()) {
            TestStream events = new TestStream(EVENTS);
            session.registerTable("events", events);
            events.add(List.of(
                    event("10:00:00", "a", 1),
                    new Object[] {null, "a", 2L},
                    event("10:03:00", "b", 4),
                    event("10:06:00", null, 8)));
            DataFrame global = session.readStream()
                    .table("events")
                    .withWatermark("ts", "1 minute")
                    .groupBy(session_window(
                            col("ts"),
                            when(col("usr").equalTo("b"), "0 seconds").otherwise("4 minutes")))
                    .agg(sum(col("v")).as("total"), min(col("usr")).as("first"));
            StreamingQuery query = start(global, "complete", "global");
            query.processAllAvailable();

            // The null time row and b's row (gap 0) are left out; 10:00 + 4 minutes reaches 10:04 < 10:06.
            assertThat(text(session.sql("SELECT session_window.start, session_window.end, total, first FROM global"
                                    + " ORDER BY 1")
                            .collect()))
                    .containsExactly("10:00:00 10:04:00 1 a", "10:06:00 10:10:00 8 null");
            query.stop();
            assertThat(query.exception()).isEmpty();
        }
    }

    @Test
    void refusesUpdateMode() {
        try (Freshet session = Freshet.create()) {
            session.registerTable("events", new TestStream(EVENTS));

            assertThatThrownBy(() -> start(sessions(session), "update", "updated"))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessageContaining("Update output mode is not supported")
                    .hasMessageContaining("session_window");
        }
    }

    @Test
    void refusesAppendModeWithoutAWatermarkOnTheSessionTime() {
        try (Freshet session = Freshet.create()) {
            session.registerTable("events", new TestStream(EVENTS));
            DataFrame noWatermark = session.readStream()
                    .table("events")
                    .groupBy(col("usr"), session_window(col("ts"), "5 minutes"))
                    .agg(count(col("v")).as("n"));

            assertThatThrownBy(() -> start(noWatermark, "append", "unwatermarked"))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessageContaining("watermark on the time column of session_window");
        }
    }

    @Test
    void refusesDistinctAggregates() {
        try (Freshet session = Freshet.create()) {
            session.registerTable("events", new TestStream(EVENTS));
            DataFrame distinct = session.readStream()
                    .table("events")
                    .withWatermark("ts", "10 minutes")
                    .groupBy(session_window(col("ts"), "5 minutes"))
                    .agg(countDistinct(col("usr")).as("users"));

            assertThatThrownBy(() -> start(distinct, "append", "distinct"))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessageContaining("approx_count_distinct");
        }
    }

    @Test
    void sqlStreamsSessionWindows() {
        try (Freshet session = Freshet.create()) {
            TestStream events = new TestStream(EVENTS);
            session.registerTable("events", events);
            events.add(List.of(event("10:00:00", "a", 1), event("10:02:00", "a", 2), event("10:30:00", "a", 4)));
            DataFrame frame = session.sql("SELECT usr, session_window.start AS s, sum(v) AS total"
                    + " FROM STREAM events WATERMARK ts DELAY OF INTERVAL 10 MINUTES"
                    + " GROUP BY usr, session_window(ts, '5 minutes')");
            StreamingQuery query = start(frame, "append", "bysql");
            query.processAllAvailable();

            assertThat(text(session.sql("SELECT usr, s, total FROM bysql").collect()))
                    .containsExactly("a 10:00:00 3");
            query.stop();
            assertThat(query.exception()).isEmpty();
        }
    }

    // ---- stream equals batch ---------------------------------------------------------------------------

    /**
     * Random events cut into random micro-batches, run in append mode with restarts from the checkpoint
     * (and new partition counts) at random points: once the watermark has passed every session, the
     * emitted sessions are the batch query's. Events are out of order by less than the watermark delay, so
     * none is late and none arrives after a session it would extend was emitted.
     */
    @Test
    void appendModeWithRestartsEqualsTheBatchResult() {
        long seed = new Random().nextLong();
        System.out.println("StreamingSessionWindowTest append seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            List<List<Object[]>> batches = randomBatches(random, 9 * MINUTE);
            // A last event far ahead moves the watermark past every session; its own stays open.
            batches.add(List.<Object[]>of(new Object[] {micros("23:00:00"), "zz", 0L}));
            boolean dynamicGap = random.nextBoolean();
            Map<Long, List<String>> emitted = run(random, batches, dynamicGap, "append", "append" + round);
            List<String> streamed = new ArrayList<>();
            emitted.values().forEach(streamed::addAll);
            assertThat(sorted(streamed))
                    .as("seed %s round %s", seed, round)
                    .isEqualTo(batchResult(batches, dynamicGap, true));
        }
    }

    /**
     * The same in complete mode, with events in any order (complete mode drops no late rows): the last
     * trigger's output is the batch result.
     */
    @Test
    void completeModeWithRestartsEqualsTheBatchResult() {
        long seed = new Random().nextLong();
        System.out.println("StreamingSessionWindowTest complete seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            List<List<Object[]>> batches = randomBatches(random, 120 * MINUTE);
            boolean dynamicGap = random.nextBoolean();
            Map<Long, List<String>> emitted = run(random, batches, dynamicGap, "complete", "complete" + round);
            List<String> last = emitted.get(((TreeMap<Long, List<String>>) emitted).lastKey());
            assertThat(sorted(last))
                    .as("seed %s round %s", seed, round)
                    .isEqualTo(batchResult(batches, dynamicGap, false));
        }
    }

    /** Events of a few users on a clock that moves forward, each up to {@code disorder} behind it. */
    private static List<List<Object[]>> randomBatches(Random random, long disorder) {
        List<List<Object[]>> batches = new ArrayList<>();
        long clock = micros("10:00:00");
        int batchCount = 4 + random.nextInt(8);
        for (int b = 0; b < batchCount; b++) {
            List<Object[]> rows = new ArrayList<>();
            int rowCount = random.nextInt(15);
            for (int i = 0; i < rowCount; i++) {
                clock += random.nextInt(4) * MINUTE + random.nextInt(60) * 1_000_000L;
                long ts = clock - (long) (random.nextDouble() * disorder);
                String usr = random.nextInt(10) == 0 ? null : "u" + random.nextInt(4);
                rows.add(new Object[] {random.nextInt(25) == 0 ? null : ts, usr, (long) random.nextInt(100)});
            }
            batches.add(rows);
        }
        return batches;
    }

    /**
     * Runs the query over the batches, one micro-batch each, restarting at random points with a new
     * session and partition count, on a random state store; returns each batch id's output (a re-run replaces its first attempt).
     */
    private Map<Long, List<String>> run(
            Random random, List<List<Object[]>> batches, boolean dynamicGap, String mode, String name) {
        TestStream events = new TestStream(EVENTS);
        Map<Long, List<String>> emitted = new TreeMap<>();
        Map<Long, List<String>> received = new ConcurrentHashMap<>();
        // Fixed for the life of a checkpoint: the state store and its key groups.
        String provider = random.nextBoolean() ? "memory" : "rocksdb";
        int keyGroups = 1 + random.nextInt(16);
        int next = 0;
        while (next < batches.size()) {
            int until = next + 1 + random.nextInt(batches.size() - next);
            try (Freshet session = Freshet.builder()
                    .config("freshet.parallelism", 1 + random.nextInt(3))
                    .config("freshet.state.provider", provider)
                    .config("freshet.state.key-groups", keyGroups)
                    .build()) {
                session.registerTable("events", events);
                StreamingQuery query = equivalenceQuery(session, dynamicGap)
                        .writeStream()
                        .outputMode(mode)
                        .option("checkpointLocation", dir.resolve(name).toString())
                        .foreachBatch((frame, batchId) -> received.put(batchId, text(frame.collect())))
                        .start();
                for (; next < until; next++) {
                    events.add(batches.get(next));
                    query.processAllAvailable();
                }
                query.stop();
                assertThat(query.exception()).isEmpty();
            }
        }
        emitted.putAll(received);
        return emitted;
    }

    private static DataFrame equivalenceQuery(Freshet session, boolean dynamicGap) {
        return aggregateSessions(session.readStream().table("events").withWatermark("ts", "10 minutes"), dynamicGap);
    }

    /** Sessions per user: 5 minutes, or with a dynamic gap 2 minutes for u1 and 7 for the others. */
    private static DataFrame aggregateSessions(DataFrame events, boolean dynamicGap) {
        Column gap = dynamicGap ? when(col("usr").equalTo("u1"), "2 minutes").otherwise("7 minutes") : lit("5 minutes");
        return events.groupBy(col("usr"), session_window(col("ts"), gap))
                .agg(
                        count(col("v")).as("n"),
                        sum(col("v")).as("total"),
                        max(col("v")).as("top"));
    }

    /** The batch query over all events, its rows as text, without the user zz if asked. */
    private static List<String> batchResult(List<List<Object[]>> batches, boolean dynamicGap, boolean withoutZz) {
        try (Freshet session = Freshet.create()) {
            TestStream events = new TestStream(EVENTS);
            batches.forEach(events::add);
            session.registerTable("events", events);
            List<String> rows =
                    text(aggregateSessions(session.table("events"), dynamicGap).collect());
            if (withoutZz) {
                rows.removeIf(row -> row.startsWith("zz "));
            }
            return sorted(rows);
        }
    }

    private static long dropped(StreamingQuery query) {
        long total = 0;
        for (StreamingQueryProgress progress : query.recentProgress()) {
            for (StateOperatorProgress operator : progress.stateOperators()) {
                total += operator.numRowsDroppedByWatermark();
            }
        }
        return total;
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    /** Rows as text: values separated by spaces, timestamps as their time of day, structs as {start, end}. */
    private static List<String> text(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row row : rows) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(value(row.get(i)));
            }
            out.add(String.join(" ", values));
        }
        return out;
    }

    private static String value(Object value) {
        if (value instanceof Instant instant) {
            String text = instant.toString();
            return text.startsWith("2026-01-01T") ? text.substring(11, text.length() - 1) : text;
        }
        if (value instanceof Row struct) {
            return "{" + value(struct.get(0)) + ", " + value(struct.get(1)) + "}";
        }
        return String.valueOf(value);
    }
}
