package io.freshet.stream.sink;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static io.freshet.util.Checks.checkState;
import static java.util.Objects.requireNonNull;

/**
 * Keeps a streaming query's output in memory as a table that can be queried while the query runs, as Spark's
 * memory sink ({@code format("memory").queryName(name)}) does; for tests, demos and notebooks.
 *
 * <p>Append mode appends each batch's rows; complete mode replaces the content with each batch (the whole
 * result table); update mode appends the changed rows, as Spark's memory sink does: the table is then a log of
 * changes, not the current result (no upsert, since a sink has no key to upsert by).
 *
 * <p>Idempotent by (query id, batch id): a batch older than the latest one the query added is skipped, a
 * re-run of the latest batch replaces what that batch added. {@link #table()} is the content as a {@link
 * TableSource} for the session catalog; each scan reads a consistent snapshot (all of a batch or none of it).
 * Thread-safe: the query writes while other threads read.
 */
public final class MemorySink implements StreamSink {
    /** The rows one batch of one query added. */
    private record Entry(String queryId, long batchId, List<Batch> batches) {}

    private final String name;
    private final Table table = new Table();
    private Schema schema;
    /** The entries in the order they were added; replaced, never changed, so a snapshot is one read. */
    private volatile List<Entry> entries = List.of();

    /** A sink that takes its schema from the first batch. */
    public MemorySink(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    /** A sink whose table has {@code schema} from the start, so that it can be registered before the first batch. */
    public MemorySink(String name, Schema schema) {
        this(name);
        this.schema = requireNonNull(schema, "schema is null");
    }

    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "MemorySink[" + name + "]";
    }

    /** The table's schema: given, or that of the first batch. */
    public synchronized Schema schema() {
        checkState(schema != null, "memory sink %s has no schema before its first batch", name);
        return schema;
    }

    /** The content as a table: what the engine registers in the session catalog under {@link #name()}. */
    public TableSource table() {
        return table;
    }

    @Override
    public synchronized void addBatch(SinkBatch batch) {
        requireNonNull(batch, "batch is null");
        checkSchema(batch.schema());
        OptionalLong latest = latestBatchId(batch.queryId());
        if (latest.isPresent() && batch.batchId() < latest.getAsLong()) {
            return; // committed long ago; the rows are here already
        }
        List<Batch> rows = nonEmpty(batch.batches());
        List<Entry> next = new ArrayList<>();
        switch (batch.mode()) {
            case COMPLETE -> {
                // The whole result table: nothing before it stays.
            }
            case APPEND, UPDATE -> {
                for (Entry entry : entries) {
                    // A re-run of the latest batch replaces what its first attempt added.
                    if (!(entry.queryId().equals(batch.queryId()) && entry.batchId() == batch.batchId())) {
                        next.add(entry);
                    }
                }
            }
        }
        next.add(new Entry(batch.queryId(), batch.batchId(), rows));
        entries = List.copyOf(next);
    }

    /** The highest batch id query {@code queryId} added, if any. */
    public OptionalLong latestBatchId(String queryId) {
        long latest = -1;
        for (Entry entry : entries) {
            if (entry.queryId().equals(queryId)) {
                latest = Math.max(latest, entry.batchId());
            }
        }
        return latest < 0 ? OptionalLong.empty() : OptionalLong.of(latest);
    }

    /** The batches of the current content, in the order they were added. */
    public List<Batch> snapshot() {
        List<Entry> current = entries;
        List<Batch> batches = new ArrayList<>();
        for (Entry entry : current) {
            batches.addAll(entry.batches());
        }
        return List.copyOf(batches);
    }

    /** The rows of the current content, in internal representation. */
    public List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (Batch batch : snapshot()) {
            rows.addAll(batch.rows());
        }
        return rows;
    }

    /** Removes all rows and forgets the batch ids. */
    public synchronized void clear() {
        entries = List.of();
    }

    private void checkSchema(Schema batchSchema) {
        if (schema == null) {
            schema = batchSchema;
            return;
        }
        boolean same = schema.size() == batchSchema.size();
        for (int i = 0; same && i < schema.size(); i++) {
            same = schema.type(i).equals(batchSchema.type(i));
        }
        if (!same) {
            throw new FreshetException(
                    ErrorCode.INVALID_SCHEMA,
                    "Memory sink " + name + " holds rows of (" + schema.toDdl() + ") and cannot take rows of ("
                            + batchSchema.toDdl() + "); use a new query name");
        }
    }

    private static List<Batch> nonEmpty(List<Batch> batches) {
        List<Batch> kept = new ArrayList<>();
        for (Batch batch : batches) {
            if (batch.rowCount() > 0) {
                kept.add(batch);
            }
        }
        return List.copyOf(kept);
    }

    /** The sink's content as a table; each scan reads the content at the time it was created. */
    private final class Table implements TableSource {
        @Override
        public String describe() {
            return "memory sink " + name;
        }

        @Override
        public Schema schema() {
            return MemorySink.this.schema();
        }

        @Override
        public BatchScan createScan(int[] projection, List<Expr> filters) {
            return MemoryTableSource.of(name, schema(), snapshot()).createScan(projection, filters);
        }
    }
}
