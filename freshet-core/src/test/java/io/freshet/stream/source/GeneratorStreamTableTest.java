package io.freshet.stream.source;

import io.freshet.FreshetException;
import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.data.Batch;
import io.freshet.data.StringVector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Temporal;
import io.freshet.stream.source.SourceTestSupport.ManualClock;
import io.freshet.types.BigintType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.freshet.stream.source.SourceTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorStreamTableTest {
    private static final StreamSourceContext CONTEXT = new StreamSourceContext(Path.of("unused"), "q");
    private static final long START = Temporal.toMicros(Instant.parse("2026-01-01T00:00:00Z"));
    private static final List<String> REGIONS = List.of("eu", "us", "apac");

    private static GeneratorStreamTable.Builder events() {
        return GeneratorStreamTable.builder("events")
                .column(GeneratedColumn.timestamps("ts", START, 1_000))
                .column(GeneratedColumn.pick("region", REGIONS, 7))
                .column(GeneratedColumn.uniformLong("user_id", 100, 11))
                .column(GeneratedColumn.sequence("id"));
    }

    @Test
    void generatesColumnsAsFunctionsOfTheRowIndex() {
        GeneratorStreamTable table =
                events().totalRows(5_000).partitions(3).batchRows(1000).build();
        StreamSource source = table.openStream(CONTEXT);

        List<List<Object>> rows = rows(source.read(null, source.latestOffset(null, false)));

        assertThat(rows).hasSize(5_000);
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            assertThat(row.get(0)).isEqualTo(START + i * 1_000L);
            assertThat(REGIONS).contains((String) row.get(1));
            assertThat((Long) row.get(2)).isBetween(0L, 99L);
            assertThat(row.get(3)).isEqualTo((long) i);
        }
    }

    @Test
    void anyRangeReplaysIdenticallyWhateverTheCuts() {
        GeneratorStreamTable table =
                events().totalRows(10_000).batchRows(333).partitions(2).build();
        List<List<Object>> whole = rows(table);

        StreamSource source = table.openStream(CONTEXT);
        List<List<Object>> pieces = new ArrayList<>();
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        long at = 0;
        while (at < 10_000) {
            long next = Math.min(10_000, at + 1 + random.nextInt(3_000));
            pieces.addAll(
                    rows(source.read(at == 0 ? null : CounterOffsets.of("rows", at), CounterOffsets.of("rows", next))));
            at = next;
        }

        assertThat(pieces).as("seed %s", seed).isEqualTo(whole);
    }

    @Test
    void sharesOneDictionaryAcrossBatches() {
        GeneratorStreamTable table =
                events().totalRows(3_000).batchRows(1_000).partitions(1).build();
        BatchScan scan = table.createScan(new int[] {1}, List.of());
        List<Batch> batches = new ArrayList<>();
        for (BatchScan.Split split : scan.splits()) {
            scan.read(split, EvalContext.utcNow(), batches::add);
        }

        assertThat(batches).hasSize(3);
        StringVector first = (StringVector) batches.get(0).column(0);
        assertThat(first.isDictionary()).isTrue();
        for (Batch batch : batches) {
            assertThat(((StringVector) batch.column(0)).dictionaryValues()).isSameAs(first.dictionaryValues());
        }
    }

    @Test
    void pickedValuesAreRoughlyUniform() {
        GeneratorStreamTable table = events().totalRows(30_000).build();
        Map<Object, Integer> counts = new HashMap<>();
        for (List<Object> row : rows(table.createScan(new int[] {1}, List.of()))) {
            counts.merge(row.get(0), 1, Integer::sum);
        }

        assertThat(counts).hasSize(3);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(9_500, 10_500));
    }

    @Test
    void splitsABoundedStreamIntoTriggersOfMaxRows() {
        StreamSource source =
                events().totalRows(2_500).maxRowsPerTrigger(1_000).build().openStream(CONTEXT);

        Offset first = source.latestOffset(null, true);
        Offset second = source.latestOffset(first, true);
        Offset third = source.latestOffset(second, true);

        assertThat(first.json()).isEqualTo("{\"rows\":1000}");
        assertThat(second.json()).isEqualTo("{\"rows\":2000}");
        assertThat(third.json()).isEqualTo("{\"rows\":2500}");
        assertThat(source.latestOffset(third, true)).isEqualTo(third);
        assertThat(source.latestOffset(null, false)).isEqualTo(third);
    }

    @Test
    void pacesAnUnboundedStreamByTheClock() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        StreamSource source = events().rowsPerSecond(1_000).clock(clock).build().openStream(CONTEXT);

        assertThat(source.latestOffset(null, true)).isNull();
        clock.advanceMillis(250);
        assertThat(source.latestOffset(null, true).json()).isEqualTo("{\"rows\":250}");
        source.prepareForAvailableNow();
        clock.advanceMillis(1_000);
        assertThat(source.latestOffset(null, true).json()).isEqualTo("{\"rows\":250}");
    }

    @Test
    void delayedTimestampsStayWithinTheirDelay() {
        GeneratorStreamTable table = GeneratorStreamTable.builder("late")
                .column(GeneratedColumn.delayedTimestamps("ts", START, 100, 5_000_000, 3))
                .totalRows(1_000)
                .build();

        List<List<Object>> rows = rows(table);
        boolean outOfOrder = false;
        for (int i = 0; i < rows.size(); i++) {
            long ts = (Long) rows.get(i).get(0);
            long onTime = START + i * 10_000L;
            assertThat(ts).isBetween(onTime - 5_000_000, onTime);
            outOfOrder |= i > 0 && ts < (Long) rows.get(i - 1).get(0);
        }
        assertThat(outOfOrder).isTrue();
    }

    @Test
    void acceptsCustomColumns() {
        GeneratorStreamTable table = GeneratorStreamTable.builder("custom")
                .column(new GeneratedColumn.Longs("square", BigintType.BIGINT, (first, count, values) -> {
                    for (int i = 0; i < count; i++) {
                        values[i] = (first + i) * (first + i);
                    }
                }))
                .column(new GeneratedColumn.Doubles("half", (first, count, values) -> {
                    for (int i = 0; i < count; i++) {
                        values[i] = (first + i) / 2.0;
                    }
                }))
                .column(GeneratedColumn.cycle("parity", List.of("even", "odd")))
                .totalRows(4)
                .build();

        assertThat(rows(table))
                .containsExactly(
                        List.of(0L, 0.0, "even"),
                        List.of(1L, 0.5, "odd"),
                        List.of(4L, 1.0, "even"),
                        List.of(9L, 1.5, "odd"));
    }

    @Test
    void refusesBatchReadsOfAnUnboundedGeneratorAndBadSettings() {
        TableSource unbounded = events().rowsPerSecond(10).build();

        assertThatThrownBy(() -> unbounded.createScan(new int[] {0}, List.of()))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("unbounded");
        assertThatThrownBy(() -> events().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rowsPerSecond");
        assertThatThrownBy(() -> events().column(GeneratedColumn.sequence("ID"))
                        .totalRows(1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate column name: ID");
    }
}
