package io.freshet.api;

import io.freshet.AnalysisException;
import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.Row;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.freshet.functions.col;
import static io.freshet.functions.count;
import static io.freshet.functions.session_window;
import static io.freshet.functions.sum;
import static io.freshet.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code functions.session_window} in the DataFrame API plans like SQL's {@code GROUP BY session_window(…)}. */
class SessionWindowApiTest {
    private Freshet freshet;
    private DataFrame clicks;

    @BeforeEach
    void createSession() {
        freshet = Freshet.builder().config("freshet.parallelism", "2").build();
        freshet.sql("CREATE TABLE clicks (usr STRING, ts TIMESTAMP, amount INT) USING memory");
        freshet.sql("""
                INSERT INTO clicks VALUES
                  ('ann', TIMESTAMP '2024-02-29 10:00:00', 1), ('ann', TIMESTAMP '2024-02-29 10:04:00', 2),
                  ('ann', TIMESTAMP '2024-02-29 10:30:00', 3), ('bob', TIMESTAMP '2024-02-29 10:02:00', 4)
                """);
        clicks = freshet.table("clicks");
    }

    @AfterEach
    void close() {
        freshet.close();
    }

    @Test
    void groupsBySessionsNamedSessionWindow() {
        DataFrame sessions = clicks.groupBy(col("usr"), session_window(col("ts"), "5 minutes"))
                .agg(count(col("amount")).as("n"), sum(col("amount")).as("total"));

        assertThat(sessions.columns()).containsExactly("usr", "session_window", "n", "total");
        List<Row> rows = sessions.select(col("usr"), col("session_window.start"), col("session_window.end"), col("n"))
                .orderBy(col("usr"), col("start"))
                .collect();
        assertThat(rows.stream().map(SessionWindowApiTest::text))
                .containsExactly(
                        "ann 2024-02-29T10:00:00Z 2024-02-29T10:09:00Z 2",
                        "ann 2024-02-29T10:30:00Z 2024-02-29T10:35:00Z 1",
                        "bob 2024-02-29T10:02:00Z 2024-02-29T10:07:00Z 1");
    }

    @Test
    void givesTheSameRowsAsSql() {
        List<Row> api = clicks.groupBy(session_window(col("ts"), "30 minutes"))
                .agg(sum(col("amount")).as("total"))
                .collect();
        List<Row> sql = freshet.sql("SELECT session_window(ts, '30 minutes'), sum(amount) AS total FROM clicks"
                        + " GROUP BY session_window(ts, '30 minutes')")
                .collect();

        assertThat(api).containsExactlyInAnyOrderElementsOf(sql);
        assertThat(api).hasSize(1);
    }

    @Test
    void takesAGapComputedPerRow() {
        DataFrame sessions = clicks.groupBy(
                        col("usr"),
                        session_window(
                                col("ts"),
                                when(col("usr").equalTo("ann"), "1 hour").otherwise("1 minute")))
                .agg(count(col("amount")).as("n"));

        assertThat(sessions.select(col("usr"), col("n")).orderBy(col("usr")).collect().stream()
                        .map(SessionWindowApiTest::text))
                .containsExactly("ann 3", "bob 1");
    }

    @Test
    void refusesASessionWindowOutsideGroupBy() {
        assertThatThrownBy(() -> clicks.select(session_window(col("ts"), "5 minutes")))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("GROUP BY key");
    }

    private static String text(Row row) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            text.append(i == 0 ? "" : " ").append(value instanceof Instant instant ? instant.toString() : value);
        }
        return text.toString();
    }
}
