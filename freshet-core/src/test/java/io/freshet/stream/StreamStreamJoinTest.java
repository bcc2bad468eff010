package io.freshet.stream;

import io.freshet.AnalysisException;
import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.Row;
import io.freshet.sql.SqlParser;
import io.freshet.stream.exec.StreamingConf;
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
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StreamStreamJoinTest {
    private static final Schema LEFT = SqlParser.parseSchema("k BIGINT, lt TIMESTAMP, lv BIGINT");
    private static final Schema RIGHT = SqlParser.parseSchema("k BIGINT, rt TIMESTAMP, rv BIGINT");
    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long BASE = Instant.parse("2026-01-01T10:00:00Z").getEpochSecond() * SECOND;
    private static final long LEFT_DELAY = 2 * MINUTE;
    private static final long RIGHT_DELAY = 3 * MINUTE;
    private static final long LEFT_SENTINEL = 1000;
    private static final long RIGHT_SENTINEL = 1001;

    /** A range join with a residual condition; {@code STREAM} and the watermarks only in the streaming query. */
    private static final String RANGE_JOIN = """
            SELECT * FROM %1$sl %2$s
            %3$s JOIN %1$sr %4$s
            ON l.k = r.k AND l.lt BETWEEN r.rt - INTERVAL 5 MINUTES AND r.rt + INTERVAL 10 MINUTES AND l.lv <> r.rv
            """;

    /** A join on a key and a 5-minute window of each side's event time. */
    private static final String WINDOW_JOIN = """
            SELECT COLUMNS
            FROM (SELECT k, window(lt, '5 minutes') AS w, lv FROM %1$sl %2$s) a
            %3$s JOIN (SELECT k, window(rt, '5 minutes') AS w, rv FROM %1$sr %4$s) b
            ON a.k = b.k AND a.w = b.w
            """;

    @TempDir
    Path dir;

    private static String streaming(String template, String type) {
        return columns(template, type)
                .formatted(
                        "STREAM ",
                        "WATERMARK lt DELAY OF INTERVAL 2 MINUTES",
                        type,
                        "WATERMARK rt DELAY OF INTERVAL 3 MINUTES");
    }

    private static String batch(String template, String type) {
        return columns(template, type).formatted("", "", type, "");
    }

    private static String columns(String template, String type) {
        return template.replace(
                "COLUMNS",
                type.equals("LEFT SEMI") ? "a.k, a.w.start, a.lv" : "a.k, a.w.start, a.lv, b.k, b.w.start, b.rv");
    }

    // ---- streaming equals batch ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"INNER", "LEFT OUTER", "RIGHT OUTER", "FULL OUTER", "LEFT SEMI"})
    void rangeJoinOverRandomMicroBatchesEqualsTheBatchJoin(String type) {
        long seed = seed();
        for (int run = 0; run < 3; run++) {
            checkAgainstBatch(RANGE_JOIN, type, seed + run, false);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INNER", "LEFT OUTER", "FULL OUTER", "LEFT SEMI"})
    void windowKeyJoinOverRandomMicroBatchesEqualsTheBatchJoin(String type) {
        long seed = seed();
        for (int run = 0; run < 2; run++) {
            checkAgainstBatch(WINDOW_JOIN, type, seed + run, false);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INNER", "LEFT OUTER", "FULL OUTER", "LEFT SEMI"})
    void restartsFromTheCheckpointMidwayGiveTheSameResult(String type) {
        long seed = seed();
        for (int run = 0; run < 2; run++) {
            checkAgainstBatch(RANGE_JOIN, type, seed + run, true);
        }
    }

    private static long seed() {
        String fixed = System.getProperty("freshet.test.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        System.out.println("StreamStreamJoinTest seed " + seed);
        return seed;
    }

    /**
     * Feeds random rows (disordered less than each side's watermark delay, so none is late) to both
     * streams in random micro-batches, then rows a day later that move the watermark past all of them,
     * and compares everything emitted with the batch engine's join of the same rows.
     */
    private void checkAgainstBatch(String template, String type, long seed, boolean restarts) {
        Random random = new Random(seed);
        List<Object[]> leftRows = rows(random, 30 + random.nextInt(50), LEFT_DELAY);
        List<Object[]> rightRows = rows(random, 30 + random.nextInt(50), RIGHT_DELAY);
        try (Freshet session = Freshet.create()) {
            session.conf().set("freshet.parallelism", 1 + random.nextInt(3));
            session.conf().set(StreamingConf.KEY_GROUPS, List.of(1, 3, 8, 64).get(random.nextInt(4)));
            if (restarts && random.nextBoolean()) {
                session.conf().set(StreamingConf.STATE_PROVIDER, "rocksdb");
            }
            TestStream left = new TestStream(LEFT);
            TestStream right = new TestStream(RIGHT);
            session.registerTable("l", left);
            session.registerTable("r", right);
            left.add(leftRows);
            right.add(rightRows);
            List<String> expected = strings(session.sql(batch(template, type)).collect());
            session.registerTable("l", left = new TestStream(LEFT));
            session.registerTable("r", right = new TestStream(RIGHT));

            Collector collector = new Collector();
            Path checkpoint = dir.resolve("checkpoint-" + seed + "-" + type.replace(' ', '-'));
            StreamingQuery query = start(session, streaming(template, type), checkpoint, collector);
            int nextLeft = 0;
            int nextRight = 0;
            while (nextLeft < leftRows.size() || nextRight < rightRows.size()) {
                int leftCount = Math.min(random.nextInt(12), leftRows.size() - nextLeft);
                int rightCount = Math.min(random.nextInt(12), rightRows.size() - nextRight);
                if (leftCount > 0) {
                    left.add(leftRows.subList(nextLeft, nextLeft += leftCount));
                }
                if (rightCount > 0) {
                    right.add(rightRows.subList(nextRight, nextRight += rightCount));
                }
                if (random.nextInt(10) < 6) {
                    query.processAllAvailable();
                    collector.checkDropped(query);
                }
                if (restarts && random.nextInt(8) == 0) {
                    query.processAllAvailable();
                    collector.checkDropped(query);
                    query.stop();
                    assertThat(query.exception()).isEmpty();
                    query = start(session, streaming(template, type), checkpoint, collector);
                }
            }
            query.processAllAvailable();
            long last = (leftRows.size() + rightRows.size()) * 60 * SECOND + BASE + 24 * 60 * MINUTE;
            left.add(List.<Object[]>of(new Object[] {LEFT_SENTINEL, last, 0L}));
            right.add(List.<Object[]>of(new Object[] {RIGHT_SENTINEL, last, 0L}));
            query.processAllAvailable();
            collector.checkDropped(query);
            query.stop();
            assertThat(query.exception()).isEmpty();
            List<String> actual = collector.rows();
            assertThat(difference(actual, expected))
                    .as("unexpected rows, seed %s, %s join", seed, type)
                    .isEmpty();
            assertThat(difference(expected, actual))
                    .as("missing rows, seed %s, %s join", seed, type)
                    .isEmpty();
        }
    }

    /** Rows whose event times run ahead with disorder below {@code delay}; about one key in 15 is null. */
    private static List<Object[]> rows(Random random, int count, long delay) {
        List<Object[]> rows = new ArrayList<>();
        long clock = BASE;
        for (int i = 0; i < count; i++) {
            clock += random.nextInt(40) * SECOND;
            long time = clock - (long) (random.nextDouble() * (delay - SECOND));
            Long key = random.nextInt(15) == 0 ? null : (long) random.nextInt(5);
            Long value = random.nextInt(10) == 0 ? null : (long) random.nextInt(4);
            rows.add(new Object[] {key, time, value});
        }
        return rows;
    }

    private StreamingQuery start(Freshet session, String sql, Path checkpoint, Collector collector) {
        return session.sql(sql)
                .writeStream()
                .foreachBatch(collector)
                .option("checkpointLocation", checkpoint.toString())
                .start();
    }

    /** Collects the rows of each micro-batch by batch id (a batch run again replaces its rows), without sentinels. */
    private static final class Collector implements BiConsumer<DataFrame, Long> {
        private final Map<Long, List<String>> byBatch = new TreeMap<>();

        @Override
        public synchronized void accept(DataFrame frame, Long batchId) {
            List<String> kept = new ArrayList<>();
            for (Row row : frame.collect()) {
                if (!isSentinel(row.get(0)) && !(row.size() > 3 && isSentinel(row.get(3)))) {
                    kept.add(string(row));
                }
            }
            byBatch.put(batchId, kept);
        }

        private static boolean isSentinel(Object key) {
            return key instanceof Long value && (value == LEFT_SENTINEL || value == RIGHT_SENTINEL);
        }

        synchronized List<String> rows() {
            List<String> all = new ArrayList<>();
            byBatch.values().forEach(all::addAll);
            all.sort(null);
            return all;
        }

        void checkDropped(StreamingQuery query) {
            for (StreamingQueryProgress progress : query.recentProgress()) {
                for (StateOperatorProgress operator : progress.stateOperators()) {
                    assertThat(operator.numRowsDroppedByWatermark()).isZero();
                }
            }
        }
    }

    /** The rows of {@code rows} not in {@code others}, counting duplicates. */
    private static List<String> difference(List<String> rows, List<String> others) {
        List<String> rest = new ArrayList<>(rows);
        for (String other : others) {
            rest.remove(other);
        }
        return rest;
    }

    private static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(string(row));
        }
        out.sort(null);
        return out;
    }

    private static String string(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            values.add(String.valueOf(row.get(i)));
        }
        return String.join(",", values);
    }

    // ---- state, late rows ---------------------------------------------------------------------------

    private static Object[] left(long key, long minute, long value) {
        return new Object[] {key, BASE + minute * MINUTE, value};
    }

    private static Object[] right(long key, long minute, long value) {
        return new Object[] {key, BASE + minute * MINUTE, value};
    }

    @Test
    void stateRowsAreEvictedOnceTheWatermarkPassesTheirTimeRange() {
        try (Freshet session = Freshet.create()) {
            TestStream left = new TestStream(LEFT);
            TestStream right = new TestStream(RIGHT);
            session.registerTable("l", left);
            session.registerTable("r", right);
            Collector collector = new Collector();
            left.add(List.of(left(1, 0, 1), left(2, 1, 1), left(3, 2, 1)));
            right.add(List.of(right(1, 0, 2), right(2, 1, 2)));
            StreamingQuery query = start(session, streaming(RANGE_JOIN, "LEFT OUTER"), dir.resolve("cp"), collector);
            query.processAllAvailable();
            assertThat(lastState(query).numRowsTotal()).isEqualTo(5);
            assertThat(collector.rows()).hasSize(2);

            left.add(List.<Object[]>of(left(9, 60, 1)));
            right.add(List.<Object[]>of(right(9, 60, 2)));
            query.processAllAvailable();
            // watermark 10:57: left rows leave at lt + 5 min, right rows at rt + 10 min
            assertThat(lastState(query).numRowsTotal()).isEqualTo(2);
            long removed = 0;
            for (StreamingQueryProgress progress : query.recentProgress()) {
                removed += progress.stateOperators().get(0).numRowsRemoved();
            }
            assertThat(removed).isEqualTo(5);
            assertThat(collector.rows())
                    .contains("3,2026-01-01T10:02:00Z,1,null,null,null")
                    .hasSize(4);
            query.stop();
        }
    }

    @Test
    void lateRowsAreDroppedAndCounted() {
        try (Freshet session = Freshet.create()) {
            TestStream left = new TestStream(LEFT);
            TestStream right = new TestStream(RIGHT);
            session.registerTable("l", left);
            session.registerTable("r", right);
            Collector collector = new Collector();
            left.add(List.<Object[]>of(left(1, 30, 1)));
            right.add(List.<Object[]>of(right(1, 30, 2)));
            StreamingQuery query = start(session, streaming(RANGE_JOIN, "INNER"), dir.resolve("cp"), collector);
            query.processAllAvailable();
            // watermark min(10:28, 10:27) = 10:27: a left row at 10:27 is late, one at 10:27:01 is not
            left.add(List.of(left(1, 27, 1), new Object[] {1L, BASE + 27 * MINUTE + SECOND, 1L}));
            query.processAllAvailable();
            long dropped = 0;
            for (StreamingQueryProgress progress : query.recentProgress()) {
                dropped += progress.stateOperators().get(0).numRowsDroppedByWatermark();
            }
            assertThat(dropped).isEqualTo(1);
            assertThat(collector.rows())
                    .containsExactly(
                            "1,2026-01-01T10:27:01Z,1,1,2026-01-01T10:30:00Z,2",
                            "1,2026-01-01T10:30:00Z,1,1,2026-01-01T10:30:00Z,2");
            query.stop();
        }
    }

    @Test
    void innerJoinWithoutWatermarksKeepsEveryRowAndStillMatches() {
        try (Freshet session = Freshet.create()) {
            TestStream left = new TestStream(LEFT);
            TestStream right = new TestStream(RIGHT);
            session.registerTable("l", left);
            session.registerTable("r", right);
            Collector collector = new Collector();
            left.add(List.of(left(1, 0, 1), left(2, 0, 1)));
            StreamingQuery query = start(
                    session,
                    "SELECT l.k, l.lv, r.rv FROM STREAM l JOIN STREAM r ON l.k = r.k",
                    dir.resolve("cp"),
                    collector);
            query.processAllAvailable();
            right.add(List.of(right(1, 500, 7), right(1, 900, 8)));
            query.processAllAvailable();
            left.add(List.<Object[]>of(left(1, 1000, 3)));
            query.processAllAvailable();
            assertThat(collector.rows()).containsExactly("1,1,7", "1,1,8", "1,3,7", "1,3,8");
            assertThat(lastState(query).numRowsTotal()).isEqualTo(5);
            query.stop();
        }
    }

    @Test
    void dataFrameJoinWithWatermarksEmitsUnmatchedRowsWhenTheWatermarkPasses() {
        try (Freshet session = Freshet.create()) {
            TestStream left = new TestStream(LEFT);
            TestStream right = new TestStream(RIGHT);
            session.registerTable("l", left);
            session.registerTable("r", right);
            DataFrame leftFrame = session.readStream().table("l").withWatermark("lt", "2 minutes");
            DataFrame rightFrame = session.readStream().table("r").withWatermark("rt", "3 minutes");
            DataFrame joined = leftFrame
                    .as("a")
                    .join(
                            rightFrame.as("b"),
                            io.freshet.functions.expr("a.k = b.k AND b.rt BETWEEN a.lt AND a.lt + INTERVAL 1 HOUR"),
                            "left_outer");
            Collector collector = new Collector();
            left.add(List.of(left(1, 0, 1), left(2, 0, 1)));
            right.add(List.<Object[]>of(right(1, 30, 2)));
            StreamingQuery query = joined.writeStream()
                    .foreachBatch(collector)
                    .option("checkpointLocation", dir.resolve("cp").toString())
                    .start();
            query.processAllAvailable();
            assertThat(collector.rows()).containsExactly("1,2026-01-01T10:00:00Z,1,1,2026-01-01T10:30:00Z,2");
            left.add(List.<Object[]>of(left(3, 200, 1)));
            right.add(List.<Object[]>of(right(3, 200, 2)));
            query.processAllAvailable();
            assertThat(collector.rows())
                    .containsExactly(
                            "1,2026-01-01T10:00:00Z,1,1,2026-01-01T10:30:00Z,2",
                            "2,2026-01-01T10:00:00Z,1,null,null,null",
                            "3,2026-01-01T13:20:00Z,1,3,2026-01-01T13:20:00Z,2");
            query.stop();
        }
    }

    private static StateOperatorProgress lastState(StreamingQuery query) {
        return query.lastProgress().stateOperators().get(0);
    }

    // ---- refusals -----------------------------------------------------------------------------------

    private static Freshet sessionWithStreams() {
        Freshet session = Freshet.create();
        session.registerTable("l", new TestStream(LEFT));
        session.registerTable("r", new TestStream(RIGHT));
        return session;
    }

    private String refusal(String sql, String mode) {
        try (Freshet session = sessionWithStreams()) {
            DataFrame frame = session.sql(sql);
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> frame.writeStream()
                    .format("memory")
                    .queryName("out")
                    .outputMode(mode)
                    .option("checkpointLocation", dir.resolve("refused").toString())
                    .start());
            assertThat(thrown).isInstanceOf(AnalysisException.class);
            return thrown.getMessage();
        }
    }

    @Test
    void refusesUpdateAndCompleteOutputModes() {
        assertThat(refusal(streaming(RANGE_JOIN, "INNER"), "update"))
                .contains("A join of two streams is supported in append output mode only, not update")
                .contains("use append output mode");
        assertThat(refusal(
                        "SELECT l.k, count(*) AS n FROM STREAM l JOIN STREAM r ON l.k = r.k GROUP BY l.k", "complete"))
                .contains("append output mode only, not complete");
    }

    @Test
    void refusesLeftOuterJoinWithoutAWatermarkOnTheRight() {
        assertThat(refusal("""
                        SELECT * FROM STREAM l WATERMARK lt DELAY OF INTERVAL 2 MINUTES
                        LEFT JOIN STREAM r ON l.k = r.k AND l.lt BETWEEN r.rt AND r.rt + INTERVAL 1 MINUTE
                        """, "append"))
                .contains("LEFT OUTER join of two streams needs to know when a left row can no longer match")
                .contains("The right input has no watermark")
                .contains("WATERMARK rt DELAY OF INTERVAL")
                .contains("lt BETWEEN rt - INTERVAL 5 MINUTES AND rt + INTERVAL 10 MINUTES");
    }

    @Test
    void refusesOuterAndSemiJoinsWithoutATimeRangeCondition() {
        String noRange = """
                SELECT * FROM STREAM l WATERMARK lt DELAY OF INTERVAL 2 MINUTES
                %s JOIN STREAM r WATERMARK rt DELAY OF INTERVAL 3 MINUTES ON l.k = r.k
                """;
        assertThat(refusal(noRange.formatted("LEFT"), "append"))
                .contains("The join condition does not bound a left time by the right event time: add a time-range");
        assertThat(refusal(noRange.formatted("RIGHT"), "append"))
                .contains("RIGHT OUTER join of two streams needs to know when a right row can no longer match")
                .contains("rt BETWEEN lt - INTERVAL 5 MINUTES");
        assertThat(refusal(noRange.formatted("LEFT SEMI"), "append"))
                .contains("LEFT SEMI join of two streams")
                .contains("so that left rows without a match can leave the state");
    }

    @Test
    void refusesFullOuterJoinThatBoundsOnlyOneSide() {
        assertThat(refusal("""
                        SELECT * FROM STREAM l WATERMARK lt DELAY OF INTERVAL 2 MINUTES
                        FULL JOIN STREAM r WATERMARK rt DELAY OF INTERVAL 3 MINUTES ON l.k = r.k AND l.lt >= r.rt
                        """, "append"))
                .contains("FULL OUTER join of two streams needs to know when a right row can no longer match");
    }

    @Test
    void refusesJoinsWithoutAnEqualityConditionAndLeftAntiJoins() {
        assertThat(refusal("""
                        SELECT * FROM STREAM l WATERMARK lt DELAY OF INTERVAL 2 MINUTES
                        JOIN STREAM r WATERMARK rt DELAY OF INTERVAL 3 MINUTES ON l.lt BETWEEN r.rt AND r.rt + INTERVAL 1 MINUTE
                        """, "append")).contains("A join of two streams needs an equality condition between them");
        assertThat(refusal("SELECT * FROM STREAM l LEFT ANTI JOIN STREAM r ON l.k = r.k", "append"))
                .contains("LEFT ANTI join of two streams is not supported")
                .contains("Use a LEFT OUTER join");
    }

    @Test
    void refusesAJoinAfterAnAggregationInUpdateMode() {
        assertThat(refusal("""
                        SELECT * FROM (SELECT k, count(*) AS n FROM STREAM l GROUP BY k) a
                        JOIN STREAM r ON a.k = r.k
                        """, "update")).contains("follows a streaming aggregation in update mode");
    }

    @Test
    void acceptsALeftOuterJoinOnAWatermarkedKey() {
        try (Freshet session = sessionWithStreams()) {
            StreamingQuery query = session.sql("""
                            SELECT * FROM STREAM l WATERMARK lt DELAY OF INTERVAL 2 MINUTES
                            LEFT JOIN STREAM r WATERMARK rt DELAY OF INTERVAL 3 MINUTES ON l.k = r.k AND l.lt = r.rt
                            """)
                    .writeStream()
                    .foreachBatch((frame, id) -> {})
                    .option("checkpointLocation", dir.resolve("cp").toString())
                    .start();
            query.stop();
            assertThat(query.exception()).isEmpty();
        }
    }
}
