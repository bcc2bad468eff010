package io.freshet.plan;

import io.freshet.AnalysisException;
import io.freshet.Freshet;
import io.freshet.Row;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How frame offsets are resolved against the type of the window's order key. */
class WindowFrameResolutionTest {
    private Freshet session;

    @BeforeEach
    void createTable() {
        session = Freshet.create();
        session.sql("CREATE TABLE t (v INT, d DATE, ts TIMESTAMP) USING memory").collect();
        session.sql("INSERT INTO t VALUES"
                        + " (10, DATE '2024-02-27', TIMESTAMP '2024-02-27 10:00:00'),"
                        + " (20, DATE '2024-02-28', TIMESTAMP '2024-02-27 11:00:00'),"
                        + " (30, DATE '2024-02-29', TIMESTAMP '2024-02-27 11:30:00'),"
                        + " (50, DATE '2024-03-01', TIMESTAMP '2024-02-27 13:00:00'),"
                        + " (NULL, DATE '2024-03-03', NULL)")
                .collect();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private List<Long> sums(String window) {
        return session.sql("SELECT sum(v) OVER (" + window + ") AS s FROM t ORDER BY d").collect().stream()
                .map(row -> row.isNullAt(0) ? null : row.getLong(0))
                .toList();
    }

    @Test
    void aDayIntervalOverADateKeyCountsDays() {
        assertThat(sums("ORDER BY d RANGE BETWEEN INTERVAL 2 DAYS PRECEDING AND CURRENT ROW"))
                .containsExactly(10L, 30L, 60L, 100L, 50L);
        assertThat(sums("ORDER BY d RANGE BETWEEN CURRENT ROW AND INTERVAL '1' DAY FOLLOWING"))
                .containsExactly(30L, 50L, 80L, 50L, null);
    }

    @Test
    void anIntegerOffsetOverADateKeyAlsoCountsDays() {
        assertThat(sums("ORDER BY d RANGE BETWEEN 2 PRECEDING AND CURRENT ROW"))
                .containsExactly(10L, 30L, 60L, 100L, 50L);
    }

    @Test
    void anIntervalOverATimestampKeyCountsMicroseconds() {
        assertThat(sums("ORDER BY ts RANGE BETWEEN INTERVAL 1 HOUR PRECEDING AND CURRENT ROW"))
                .containsExactly(10L, 30L, 50L, 50L, null);
    }

    @Test
    void offsetsThatDoNotFitTheOrderKeyAreRejected() {
        assertThatThrownBy(() -> sums("ORDER BY d RANGE BETWEEN INTERVAL 36 HOURS PRECEDING AND CURRENT ROW"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("whole days");
        assertThatThrownBy(() -> sums("ORDER BY ts RANGE BETWEEN 1 PRECEDING AND CURRENT ROW"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("interval offset");
        assertThatThrownBy(() -> sums("ORDER BY v RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> sums("ORDER BY d ROWS BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("ROWS frame offset");
    }

    @Test
    void rowsFramesStillCountRows() {
        List<Row> rows = session.sql("SELECT sum(v) OVER (ORDER BY d ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"
                        + " ORDER BY d")
                .collect();
        assertThat(rows)
                .extracting(row -> row.isNullAt(0) ? null : row.getLong(0))
                .containsExactly(10L, 30L, 50L, 80L, 50L);
    }
}
