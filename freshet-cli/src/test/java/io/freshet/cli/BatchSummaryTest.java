package io.freshet.cli;

import io.freshet.streaming.SinkProgress;
import io.freshet.streaming.StreamingQueryProgress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-line summary {@code freshet stream} prints per micro-batch on a terminal. */
class BatchSummaryTest {
    private static StreamingQueryProgress progress(Map<String, String> eventTime, SinkProgress sink) {
        return new StreamingQueryProgress(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                "2024-03-01T10:00:00Z",
                12,
                12_345,
                0,
                0,
                Map.of("triggerExecution", 42L),
                eventTime,
                List.of(),
                List.of(),
                sink,
                Map.of());
    }

    @Test
    void showsRowsInAndOutTheWatermarkAndTheTime() {
        String line = StreamCommand.BatchSummary.line(
                progress(Map.of("watermark", "2024-03-01T09:59:00Z"), new SinkProgress("sink", 7)));

        assertThat(line).isEqualTo("batch 12: 12,345 rows in, 7 rows out, watermark 2024-03-01T09:59:00Z, 42 ms");
    }

    @Test
    void leavesOutTheWatermarkOfAQueryWithoutOne() {
        String line = StreamCommand.BatchSummary.line(progress(Map.of(), null));

        assertThat(line).isEqualTo("batch 12: 12,345 rows in, 0 rows out, 42 ms");
    }
}
