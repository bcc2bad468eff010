package io.freshet.stream.source;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.TableSource;
import io.freshet.expr.Temporal;
import io.freshet.stream.source.SourceTestSupport.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.stream.source.SourceTestSupport.row;
import static io.freshet.stream.source.SourceTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateStreamTableTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long START_MICROS = Temporal.toMicros(START);

    @TempDir
    Path metadata;

    private final ManualClock clock = new ManualClock(START);

    private StreamSource open(Map<String, String> options) {
        return RateStreamTable.create(options, clock).openStream(new StreamSourceContext(metadata, "q"));
    }

    @Test
    void offersTheRowsDueByNow() {
        StreamSource source = open(Map.of("rowsPerSecond", "4"));

        assertThat(source.latestOffset(null, true)).isNull();
        clock.advanceMillis(1_100);
        Offset first = source.latestOffset(null, true);
        clock.advanceMillis(500);
        Offset second = source.latestOffset(first, true);

        assertThat(first.json()).isEqualTo("{\"rows\":4}");
        assertThat(second.json()).isEqualTo("{\"rows\":6}");
        assertThat(source.latestOffset(second, true)).isEqualTo(second);
    }

    @Test
    void rowIHasValueIAndTimestampStartPlusIOverTheRate() {
        StreamSource source = open(Map.of("rowsPerSecond", "4", "numPartitions", "2"));
        clock.advanceMillis(2_000);

        List<List<Object>> rows = rows(source.read(new Offset("{\"rows\":2}"), source.latestOffset(null, true)));

        assertThat(rows)
                .containsExactly(
                        row(START_MICROS + 500_000L, 2L),
                        row(START_MICROS + 750_000L, 3L),
                        row(START_MICROS + 1_000_000L, 4L),
                        row(START_MICROS + 1_250_000L, 5L),
                        row(START_MICROS + 1_500_000L, 6L),
                        row(START_MICROS + 1_750_000L, 7L));
    }

    @Test
    void replaysTheSameRowsAfterARestartWithTheSameMetadataDirectory() {
        StreamSource first = open(Map.of("rowsPerSecond", "3"));
        clock.advanceMillis(10_000);
        Offset end = first.latestOffset(null, true);
        List<List<Object>> before = rows(first.read(null, end));

        clock.advanceMillis(3_600_000); // the query was down for an hour
        StreamSource restarted = open(Map.of("rowsPerSecond", "3"));

        assertThat(rows(restarted.read(null, end))).isEqualTo(before).hasSize(30);
        assertThat(restarted.latestOffset(end, true).json()).isEqualTo("{\"rows\":" + 3 * 3_610 + "}");
        assertThat(Files.exists(metadata.resolve(RateStreamTable.START_FILE))).isTrue();
    }

    @Test
    void refusesAChangedRateForAnExistingCheckpoint() {
        open(Map.of("rowsPerSecond", "3"));

        assertThatThrownBy(() -> open(Map.of("rowsPerSecond", "5")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("started with 3")
                .hasMessageContaining("new checkpoint");
    }

    @Test
    void cutsAMicroBatchIntoNumPartitionsSplits() {
        StreamSource source = open(Map.of("rowsPerSecond", "100", "numPartitions", "3"));
        clock.advanceMillis(1_000);

        TableSource batch = source.read(null, source.latestOffset(null, true));

        assertThat(batch.createScan(new int[] {1}, List.of()).splits()).hasSize(3);
        List<List<Object>> values = rows(batch.createScan(new int[] {1}, List.of()));
        assertThat(values).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(values.get(i)).containsExactly((long) i);
        }
    }

    @Test
    void isReadOnlyAsAStream() {
        RateStreamTable table = RateStreamTable.create(Map.of());

        assertThat(table.schema().fields().toString())
                .isEqualTo("[timestamp timestamp NOT NULL, value bigint NOT NULL]");
        assertThatThrownBy(() -> table.createScan(new int[] {0, 1}, List.of()))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("cannot be read as a batch table")
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.UNSUPPORTED));
    }

    @Test
    void validatesItsOptions() {
        assertThat(RateStreamTable.create(Map.of()).rowsPerSecond()).isEqualTo(1);
        assertThat(RateStreamTable.create(Map.of("ROWSPERSECOND", "7", "rampUpTime", "5s"))
                        .rowsPerSecond())
                .isEqualTo(7);
        for (Map<String, String> bad : List.of(
                Map.of("rowsPerSecond", "0"),
                Map.of("rowsPerSecond", "fast"),
                Map.of("numPartitions", "-1"),
                Map.of("rampUpTime", "soon"))) {
            assertThatThrownBy(() -> RateStreamTable.create(bad))
                    .as(bad.toString())
                    .isInstanceOf(FreshetException.class)
                    .satisfies(
                            e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.INVALID_OPTION))
                    .hasMessageContaining("Option '" + bad.keySet().iterator().next() + "'");
        }
    }

    @Test
    void availableNowStopsAtTheRowsDueWhenPrepared() {
        StreamSource source = open(Map.of("rowsPerSecond", "10"));
        clock.advanceMillis(1_000);
        source.prepareForAvailableNow();
        clock.advanceMillis(5_000);

        assertThat(source.latestOffset(null, true).json()).isEqualTo("{\"rows\":10}");
    }
}
