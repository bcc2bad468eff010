package io.freshet.stream;

import io.freshet.Freshet;
import io.freshet.sql.SqlParser;
import io.freshet.streaming.StreamingQuery;
import io.freshet.types.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streaming queries started from SQL: streaming tables, INSERT INTO … FROM STREAM, the WATERMARK clause. */
class StreamingSqlTest {
    private static final Schema EVENTS = SqlParser.parseSchema("ts TIMESTAMP, region STRING, user_id BIGINT");

    @TempDir
    Path dir;

    private static Object[] event(String time, String region, long user) {
        return new Object[] {Instant.parse("2026-01-01T" + time + "Z").getEpochSecond() * 1_000_000, region, user};
    }

    @Test
    void aStreamingTableIsKeptUpToDateAndQueryableWhileItRuns() {
        try (Freshet session = Freshet.create()) {
            TestStream events = new TestStream(EVENTS);
            session.registerTable("events", events);
            events.add(List.of(event("10:00:00", "eu", 1), event("10:01:00", "eu", 2), event("10:20:00", "us", 3)));
            session.sql("""
                    CREATE OR REFRESH STREAMING TABLE per_window
                    TBLPROPERTIES ('checkpointLocation' = '%s')
                    AS SELECT window(ts, '5 minutes') AS w, region, count(DISTINCT user_id) AS users
                    FROM STREAM events WATERMARK ts DELAY OF INTERVAL 10 MINUTES
                    GROUP BY window(ts, '5 minutes'), region
                    """.formatted(dir.resolve("cp")));
            StreamingQuery query = session.streams().active().get(0);
            query.processAllAvailable();
            assertThat(StreamingSemanticsTest.rows(session.sql("SELECT region, users FROM per_window")))
                    .containsExactly("eu,2");
            query.stop();
        }
    }

    @Test
    void insertIntoAFileTableFromAStreamAppendsExactlyOnce() throws Exception {
        try (Freshet session = Freshet.create()) {
            TestStream events = new TestStream(EVENTS);
            session.registerTable("events", events);
            Path out = dir.resolve("out");
            Files.createDirectories(out);
            session.sql("CREATE TABLE eu_events (ts TIMESTAMP, user_id BIGINT) USING csv OPTIONS (header 'true')"
                    + " LOCATION '" + out + "'");
            events.add(List.of(event("10:00:00", "eu", 1), event("10:01:00", "us", 2)));
            session.sql("INSERT INTO eu_events SELECT ts, user_id FROM STREAM events WHERE region = 'eu'");
            StreamingQuery query = session.streams().active().get(0);
            query.processAllAvailable();
            events.add(List.<Object[]>of(event("10:02:00", "eu", 3)));
            query.processAllAvailable();
            query.stop();
            assertThat(StreamingSemanticsTest.rows(session.sql("SELECT user_id FROM eu_events ORDER BY user_id")))
                    .containsExactly("1", "3");
        }
    }

    @Test
    void theReadmeExampleGivesTheSameAnswerAsABatchAndAsAStream() {
        String select = "SELECT window(ts, '15 minutes').start AS window_start, region,"
                + " count(DISTINCT user_id) AS visitors, round(sum(amount), 2) AS revenue FROM %s"
                + " GROUP BY window(ts, '15 minutes'), region ORDER BY window_start, region";
        try (Freshet session = Freshet.create()) {
            session.sql("CREATE TABLE events USING csv OPTIONS (header 'true', inferSchema 'true')"
                    + " LOCATION '../examples/events'");
            List<String> batch = StreamingSemanticsTest.rows(session.sql(select.formatted("events")));
            StreamingQuery query = session.sql(select.formatted("STREAM events"))
                    .writeStream()
                    .outputMode("complete")
                    .format("memory")
                    .queryName("visitors")
                    .trigger(io.freshet.streaming.Trigger.AvailableNow())
                    .option("checkpointLocation", dir.resolve("cp").toString())
                    .start();
            try {
                query.awaitTermination();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(batch).hasSize(11);
            assertThat(StreamingSemanticsTest.rows(session.sql("SELECT * FROM visitors")))
                    .isEqualTo(batch);
        }
    }

    @Test
    void aStreamingTableNeedsAStream() {
        try (Freshet session = Freshet.create()) {
            session.registerTable("events", new TestStream(EVENTS));
            assertThatThrownBy(() -> session.sql("CREATE STREAMING TABLE t AS SELECT * FROM events"))
                    .hasMessageContaining("must read a stream");
        }
    }
}
