package io.freshet.stream.sink;

import io.freshet.ErrorCode;
import io.freshet.Freshet;
import io.freshet.FreshetException;
import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.data.Batch;
import io.freshet.expr.EvalContext;
import io.freshet.streaming.OutputMode;
import io.freshet.types.BigintType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static io.freshet.stream.sink.SinkTestSupport.QUERY_ID;
import static io.freshet.stream.sink.SinkTestSupport.append;
import static io.freshet.stream.sink.SinkTestSupport.batch;
import static io.freshet.stream.sink.SinkTestSupport.row;
import static io.freshet.stream.sink.SinkTestSupport.sinkBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemorySinkTest {
    private static final Schema SCHEMA = Schema.of(Field.of("k", StringType.STRING), Field.of("v", BigintType.BIGINT));

    private static Batch rows(Object... keysAndValues) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            rows.add(row(keysAndValues[i], keysAndValues[i + 1]));
        }
        return batch(SCHEMA, rows);
    }

    private static List<List<Object>> content(MemorySink sink) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : sink.rows()) {
            rows.add(List.of(row));
        }
        return rows;
    }

    /** Reads every split of a scan of {@code table}, all columns. */
    private static List<Batch> scan(TableSource table) {
        return read(table.createScan(new int[] {0, 1}, List.of()));
    }

    private static List<Batch> read(BatchScan scan) {
        List<Batch> batches = new ArrayList<>();
        for (BatchScan.Split split : scan.splits()) {
            scan.read(split, EvalContext.utcNow(), batches::add);
        }
        return batches;
    }

    private static long rowCount(List<Batch> batches) {
        long rows = 0;
        for (Batch batch : batches) {
            rows += batch.rowCount();
        }
        return rows;
    }

    @Test
    void appendModeAppendsEachBatch() {
        MemorySink sink = new MemorySink("out");

        sink.addBatch(append(0, SCHEMA, rows("a", 1L)));
        sink.addBatch(append(1, SCHEMA, rows("b", 2L), rows("c", 3L)));

        assertThat(content(sink)).containsExactly(List.of("a", 1L), List.of("b", 2L), List.of("c", 3L));
    }

    @Test
    void completeModeReplacesTheContentWithEachBatch() {
        MemorySink sink = new MemorySink("out");

        sink.addBatch(sinkBatch(0, OutputMode.COMPLETE, SCHEMA, rows("a", 1L)));
        sink.addBatch(sinkBatch(1, OutputMode.COMPLETE, SCHEMA, rows("a", 2L, "b", 1L)));

        assertThat(content(sink)).containsExactly(List.of("a", 2L), List.of("b", 1L));
    }

    @Test
    void updateModeAppendsTheChangedRowsAsSparksMemorySinkDoes() {
        MemorySink sink = new MemorySink("out");

        sink.addBatch(sinkBatch(0, OutputMode.UPDATE, SCHEMA, rows("a", 1L)));
        sink.addBatch(sinkBatch(1, OutputMode.UPDATE, SCHEMA, rows("a", 2L)));

        assertThat(content(sink)).containsExactly(List.of("a", 1L), List.of("a", 2L));
    }

    @Test
    void aReRunOfTheLatestBatchReplacesWhatItAdded() {
        MemorySink sink = new MemorySink("out");
        sink.addBatch(append(0, SCHEMA, rows("a", 1L)));
        sink.addBatch(append(1, SCHEMA, rows("b", 2L)));

        sink.addBatch(append(1, SCHEMA, rows("b", 2L)));
        assertThat(content(sink)).containsExactly(List.of("a", 1L), List.of("b", 2L));

        // Replacing, not skipping: the latest attempt's rows are what the table holds.
        sink.addBatch(append(1, SCHEMA, rows("b", 3L)));
        assertThat(content(sink)).containsExactly(List.of("a", 1L), List.of("b", 3L));
    }

    @Test
    void skipsABatchOlderThanTheLatest() {
        MemorySink sink = new MemorySink("out");
        sink.addBatch(sinkBatch(4, OutputMode.COMPLETE, SCHEMA, rows("a", 4L)));
        sink.addBatch(sinkBatch(5, OutputMode.COMPLETE, SCHEMA, rows("a", 5L)));

        sink.addBatch(sinkBatch(4, OutputMode.COMPLETE, SCHEMA, rows("a", 4L)));

        assertThat(content(sink)).containsExactly(List.of("a", 5L));
        assertThat(sink.latestBatchId(QUERY_ID)).hasValue(5);
    }

    @Test
    void keepsBatchIdsApartPerQuery() {
        MemorySink sink = new MemorySink("out");
        sink.addBatch(append(3, SCHEMA, rows("a", 1L)));

        sink.addBatch(new SinkBatch("other-query", 0, OutputMode.APPEND, SCHEMA, List.of(rows("b", 2L))));

        assertThat(content(sink)).containsExactly(List.of("a", 1L), List.of("b", 2L));
        assertThat(sink.latestBatchId("other-query")).hasValue(0);
    }

    @Test
    void aBatchWithoutRowsAddsNothingButCounts() {
        MemorySink sink = new MemorySink("out");

        sink.addBatch(append(0, SCHEMA));
        sink.addBatch(append(1, SCHEMA, rows()));

        assertThat(content(sink)).isEmpty();
        assertThat(sink.latestBatchId(QUERY_ID)).hasValue(1);
        assertThat(scan(sink.table())).isEmpty();
    }

    @Test
    void takesItsSchemaFromTheFirstBatchUnlessGiven() {
        MemorySink learning = new MemorySink("out");
        assertThatThrownBy(() -> learning.table().schema())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before its first batch");
        learning.addBatch(append(0, SCHEMA, rows("a", 1L)));
        assertThat(learning.table().schema()).isEqualTo(SCHEMA);

        MemorySink given = new MemorySink("out", SCHEMA);
        assertThat(given.table().schema()).isEqualTo(SCHEMA);
        assertThat(scan(given.table())).isEmpty();
    }

    @Test
    void refusesRowsOfAnotherSchema() {
        MemorySink sink = new MemorySink("out", SCHEMA);
        Schema other = Schema.of(Field.of("k", StringType.STRING));

        assertThatThrownBy(() -> sink.addBatch(append(0, other, batch(other, List.of(row("a"))))))
                .isInstanceOf(FreshetException.class)
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA))
                .hasMessageContaining("Memory sink out");
    }

    @Test
    void isQueryableInTheSessionWhileItGrows() {
        Freshet freshet = Freshet.create();
        MemorySink sink = new MemorySink("live", SCHEMA);
        freshet.registerTable("live", sink.table());

        assertThat(freshet.sql("SELECT count(*) FROM live").collect().get(0).getLong(0))
                .isZero();
        sink.addBatch(append(0, SCHEMA, rows("a", 1L, "b", 2L)));
        sink.addBatch(append(1, SCHEMA, rows("a", 3L)));

        assertThat(freshet.sql("SELECT k, sum(v) AS s FROM live GROUP BY k ORDER BY k")
                        .collect())
                .extracting(r -> r.toList())
                .containsExactly(List.of("a", 4L), List.of("b", 2L));
    }

    @Test
    void aScanReadsTheContentAsItWasWhenTheScanWasCreated() {
        MemorySink sink = new MemorySink("out");
        sink.addBatch(sinkBatch(0, OutputMode.COMPLETE, SCHEMA, rows("a", 1L)));
        BatchScan scan = sink.table().createScan(new int[] {1}, List.of());

        sink.addBatch(sinkBatch(1, OutputMode.COMPLETE, SCHEMA, rows("a", 2L, "b", 1L)));

        List<Batch> read = read(scan);
        assertThat(rowCount(read)).isEqualTo(1);
        assertThat(read.get(0).columnCount()).isEqualTo(1);
        assertThat(read.get(0).row(0)).containsExactly(1L);
    }

    /** A writer adds whole batches while readers scan: every scan sees whole batches only. */
    @Test
    void concurrentScansSeeWholeBatchesOnly() throws InterruptedException {
        long seed = System.nanoTime();
        System.out.println("concurrentScansSeeWholeBatchesOnly seed " + seed);
        Random random = new Random(seed);
        MemorySink append = new MemorySink("append", SCHEMA);
        MemorySink complete = new MemorySink("complete", SCHEMA);
        int[] sizes = new int[300];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = 1 + random.nextInt(20);
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            long lastAppendRows = 0;
            while (!done.get() && failure.get() == null) {
                List<Batch> appended = scan(append.table());
                long rows = rowCount(appended);
                // In append mode every batch adds rows whose v is the batch id; a whole-batch prefix is read.
                long expected = 0;
                long batchId = 0;
                while (expected < rows && batchId < sizes.length) {
                    expected += sizes[(int) batchId++];
                }
                if (expected != rows || rows < lastAppendRows) {
                    failure.set("append scan read " + rows + " rows, not a whole number of batches");
                }
                lastAppendRows = rows;
                List<Batch> completed = scan(complete.table());
                List<Object[]> values = new ArrayList<>();
                completed.forEach(b -> values.addAll(b.rows()));
                if (!values.isEmpty()) {
                    long id = (Long) values.get(0)[1];
                    if (values.size() != sizes[(int) id] || values.stream().anyMatch(v -> (Long) v[1] != id)) {
                        failure.set("complete scan mixed batches: " + values.size() + " rows, first of batch " + id);
                    }
                }
            }
        });
        reader.start();
        for (int id = 0; id < sizes.length; id++) {
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r < sizes[id]; r++) {
                rows.add(row("k" + r, (long) id));
            }
            Batch batch = batch(SCHEMA, rows);
            append.addBatch(append(
                    id,
                    SCHEMA,
                    batch.slice(0, batch.rowCount() / 2),
                    batch.slice(batch.rowCount() / 2, batch.rowCount() - batch.rowCount() / 2)));
            complete.addBatch(sinkBatch(id, OutputMode.COMPLETE, SCHEMA, batch));
        }
        done.set(true);
        reader.join();

        assertThat(failure.get()).as("seed " + seed).isNull();
        assertThat(append.rows()).hasSize(java.util.Arrays.stream(sizes).sum());
        assertThat(complete.rows()).hasSize(sizes[sizes.length - 1]);
    }
}
