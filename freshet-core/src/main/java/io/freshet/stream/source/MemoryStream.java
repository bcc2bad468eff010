package io.freshet.stream.source;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.Row;
import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An in-memory stream for tests and demos, as Spark's {@code MemoryStream}: each {@link #addData} call appends
 * one batch of rows and returns the offset that ends it; offsets count the batches added ({@code
 * {"batches":N}}). The data stays in memory, so a query can be restarted from its checkpoint within the same
 * JVM and replays exactly. Thread-safe: tests add data while a query runs.
 *
 * <p>Read as a batch table (without {@code STREAM}), it returns every row added so far.
 */
public final class MemoryStream implements TableSource, StreamableTable {
    private static final String OFFSET_NAME = "batches";

    private final String name;
    private final Schema schema;
    private final List<Batch> batches = new ArrayList<>(); // guarded by this

    public MemoryStream(String name, Schema schema) {
        this.name = requireNonNull(name, "name is null");
        this.schema = requireNonNull(schema, "schema is null");
    }

    /** A stream named {@code memory_stream}. */
    public MemoryStream(Schema schema) {
        this("memory_stream", schema);
    }

    public String name() {
        return name;
    }

    /**
     * Appends one batch of rows (external values as {@link Row} holds them: Long, Integer, Double, BigDecimal,
     * String, LocalDate, Instant, Duration, Row for structs, List for arrays) and returns its end offset.
     *
     * @throws FreshetException with {@code INVALID_SCHEMA} when a row does not fit the schema
     */
    public Offset addData(List<Row> rows) {
        requireNonNull(rows, "rows is null");
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(row.toList().toArray());
        }
        return addBatch(ExternalValues.toBatch(schema, values, describe()));
    }

    /** Appends one batch of rows given as value arrays; see {@link #addData(List)}. */
    public Offset addData(Object[]... rows) {
        return addBatch(ExternalValues.toBatch(schema, List.of(rows), describe()));
    }

    /**
     * Appends one batch in internal representation and returns its end offset.
     *
     * @throws FreshetException with {@code INVALID_SCHEMA} when its columns do not match the schema
     */
    public synchronized Offset addBatch(Batch batch) {
        requireNonNull(batch, "batch is null");
        if (batch.columnCount() != schema.size()) {
            throw new FreshetException(
                    ErrorCode.INVALID_SCHEMA,
                    "Cannot add a batch of " + batch.columnCount() + " columns to " + describe() + " of "
                            + schema.size() + " columns (" + schema.toDdl() + ")");
        }
        for (int i = 0; i < schema.size(); i++) {
            if (!batch.column(i).type().equals(schema.type(i))) {
                throw new FreshetException(
                        ErrorCode.INVALID_SCHEMA,
                        "Cannot add a column of type " + batch.column(i).type().sqlName() + " as column "
                                + schema.field(i).name() + " " + schema.type(i).sqlName() + " of " + describe());
            }
        }
        batches.add(batch);
        return CounterOffsets.of(OFFSET_NAME, batches.size());
    }

    /** The offset after all data added so far, or null when nothing was added. */
    public synchronized Offset currentOffset() {
        return batches.isEmpty() ? null : CounterOffsets.of(OFFSET_NAME, batches.size());
    }

    /** How many batches were added. */
    public synchronized int batchCount() {
        return batches.size();
    }

    private synchronized List<Batch> batches(int from, int to) {
        return List.copyOf(batches.subList(from, to));
    }

    @Override
    public String describe() {
        return "MemoryStream[" + name + "]";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** A batch read: every row added so far. */
    @Override
    public BatchScan createScan(int[] projection, List<Expr> filters) {
        return MemoryTableSource.of(name, schema, batches(0, batchCount())).createScan(projection, filters);
    }

    @Override
    public StreamSource openStream(StreamSourceContext context) {
        requireNonNull(context, "context is null");
        return new Source();
    }

    /** One query's view of the stream. */
    private final class Source implements StreamSource {
        private long availableNowEnd = -1;

        @Override
        public String describe() {
            return MemoryStream.this.describe();
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public Offset latestOffset(Offset start, boolean limited) {
            long end = batchCount();
            if (availableNowEnd >= 0) {
                end = Math.min(end, availableNowEnd);
            }
            long from = position(start);
            if (end == 0 || end <= from) {
                return start;
            }
            return CounterOffsets.of(OFFSET_NAME, end);
        }

        @Override
        public void prepareForAvailableNow() {
            availableNowEnd = batchCount();
        }

        @Override
        public TableSource read(Offset start, Offset end) {
            long from = position(start);
            long to = position(end);
            int count = batchCount();
            if (from > to || to > count) {
                throw new FreshetException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Cannot read " + describe() + " from " + start + " to " + end + ": it holds " + count
                                + " batches; a MemoryStream replays only within the JVM that added its data");
            }
            return MemoryTableSource.of(name, schema, batches((int) from, (int) to));
        }

        private long position(Offset offset) {
            return CounterOffsets.value(offset, OFFSET_NAME, 0, describe());
        }
    }
}
