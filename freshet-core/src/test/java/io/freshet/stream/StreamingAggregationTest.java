package io.freshet.stream;

import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.Row;
import io.freshet.sql.SqlParser;
import io.freshet.streaming.StreamingQuery;
import io.freshet.types.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.functions.col;
import static io.freshet.functions.count;
import static io.freshet.functions.window;
import static org.assertj.core.api.Assertions.assertThat;

class StreamingAggregationTest {
    private static final Schema EVENTS = SqlParser.parseSchema("ts TIMESTAMP, region STRING, user_id BIGINT");

    @TempDir
    Path dir;

    private static long micros(String time) {
        Instant instant = Instant.parse("2026-01-01T" + time + "Z");
        return instant.getEpochSecond() * 1_000_000;
    }

    private static Object[] event(String time, String region, long user) {
        return new Object[] {micros(time), region, user};
    }

    @Test
    void windowedCountsInUpdateModeFollowTheInput() {
        try (Freshet session = Freshet.create()) {
            TestStream events = new TestStream(EVENTS);
            session.registerTable("events", events);
            DataFrame counts = session.readStream()
                    .table("events")
                    .withWatermark("ts", "10 minutes")
                    .groupBy(window(col("ts"), "5 minutes"), col("region"))
                    .agg(count(col("user_id")).as("n"));
            events.add(List.of(event("10:00:00", "eu", 1), event("10:01:00", "eu", 2), event("10:06:00", "us", 3)));
            StreamingQuery query = counts.writeStream()
                    .format("memory")
                    .queryName("counts")
                    .outputMode("update")
                    .option("checkpointLocation", dir.resolve("cp").toString())
                    .start();
            query.processAllAvailable();
            assertThat(rows(session.sql("SELECT region, n FROM counts ORDER BY region")))
                    .containsExactly("eu,2", "us,1");
            events.add(List.<Object[]>of(event("10:02:00", "eu", 4)));
            query.processAllAvailable();
            assertThat(query.lastProgress().stateOperators().get(0).numRowsTotal())
                    .isEqualTo(2);
            query.stop();
            assertThat(query.exception()).isEmpty();
        }
    }

    private static List<String> rows(DataFrame frame) {
        List<String> out = new ArrayList<>();
        for (Row row : frame.collect()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(String.valueOf(row.get(i)));
            }
            out.add(String.join(",", values));
        }
        return out;
    }
}
