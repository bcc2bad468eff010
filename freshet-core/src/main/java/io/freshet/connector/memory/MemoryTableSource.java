package io.freshet.connector.memory;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.data.Batch;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A table held in memory as a list of batches ({@code CREATE TABLE … USING memory}, tests, demos).
 * Appendable ({@code INSERT INTO}); a scan reads the batches present when it was created (a snapshot),
 * cut into splits of a few batches each. Thread-safe.
 */
public final class MemoryTableSource implements TableSource {
    /** How many batches a split holds unless told otherwise. */
    public static final int DEFAULT_BATCHES_PER_SPLIT = 4;

    private final String name;
    private final Schema schema;
    private final int batchesPerSplit;
    private volatile List<Batch> batches = List.of();

    public MemoryTableSource(String name, Schema schema) {
        this(name, schema, DEFAULT_BATCHES_PER_SPLIT);
    }

    public MemoryTableSource(String name, Schema schema, int batchesPerSplit) {
        this.name = requireNonNull(name, "name is null");
        this.schema = requireNonNull(schema, "schema is null");
        checkArgument(batchesPerSplit >= 1, "batchesPerSplit must be positive: %s", batchesPerSplit);
        this.batchesPerSplit = batchesPerSplit;
    }

    /** A table holding the given batches. */
    public static MemoryTableSource of(String name, Schema schema, List<Batch> batches) {
        MemoryTableSource table = new MemoryTableSource(name, schema);
        table.appendAll(batches);
        return table;
    }

    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "memory " + name;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Appends a batch whose columns match the schema; empty batches are dropped. */
    public void append(Batch batch) {
        appendAll(List.of(batch));
    }

    /** Appends batches atomically: a scan sees all of them or none. */
    public synchronized void appendAll(List<Batch> newBatches) {
        List<Batch> next = new ArrayList<>(batches);
        for (Batch batch : newBatches) {
            check(batch);
            if (batch.rowCount() > 0) {
                next.add(batch);
            }
        }
        batches = Collections.unmodifiableList(next);
    }

    /** Removes all rows ({@code INSERT OVERWRITE}, {@code TRUNCATE}). */
    public synchronized void clear() {
        batches = List.of();
    }

    private void check(Batch batch) {
        if (batch.columnCount() != schema.size()) {
            throw new FreshetException(
                    ErrorCode.INVALID_SCHEMA,
                    "Cannot append " + batch.columnCount() + " columns to table " + name + " of " + schema.size()
                            + " columns (" + schema.toDdl() + ")");
        }
        for (int i = 0; i < schema.size(); i++) {
            if (!batch.column(i).type().equals(schema.type(i))) {
                throw new FreshetException(
                        ErrorCode.INVALID_SCHEMA,
                        "Cannot append a column of type "
                                + batch.column(i).type().sqlName() + " to column "
                                + schema.field(i).name() + " " + schema.type(i).sqlName() + " of table " + name
                                + "; cast it first");
            }
        }
    }

    /** The batches present now. */
    public List<Batch> snapshot() {
        return batches;
    }

    public long rowCount() {
        long count = 0;
        for (Batch batch : batches) {
            count += batch.rowCount();
        }
        return count;
    }

    @Override
    public BatchScan createScan(int[] projection, List<Expr> filters) {
        int[] columns = projection.clone();
        for (int column : columns) {
            checkArgument(column >= 0 && column < schema.size(), "column %s out of %s", column, schema.size());
        }
        List<Batch> snapshot = batches;
        List<MemorySplit> splits = new ArrayList<>();
        for (int from = 0; from < snapshot.size(); from += batchesPerSplit) {
            List<Batch> part = snapshot.subList(from, Math.min(snapshot.size(), from + batchesPerSplit));
            splits.add(new MemorySplit(name, splits.size(), List.copyOf(part), estimateBytes(part, columns)));
        }
        return new MemoryScan(List.copyOf(splits), columns);
    }

    private static long estimateBytes(List<Batch> batches, int[] columns) {
        long bytes = 0;
        for (Batch batch : batches) {
            for (int column : columns) {
                Vector vector = batch.column(column);
                bytes += vector instanceof StringVector strings && !strings.isDictionary()
                        ? strings.offsets()[strings.size()] + 4L * strings.size()
                        : 8L * vector.size();
            }
        }
        return Math.max(bytes, 1);
    }

    /** A group of consecutive batches of a memory table. */
    record MemorySplit(String table, int index, List<Batch> batches, long sizeInBytes) implements BatchScan.Split {
        @Override
        public String describe() {
            return "memory " + table + " split " + index;
        }
    }

    /** A snapshot scan of a memory table. */
    private record MemoryScan(List<MemorySplit> splits, int[] projection) implements BatchScan {
        @Override
        public void read(Split split, EvalContext context, Consumer<Batch> out) {
            for (Batch batch : ((MemorySplit) split).batches()) {
                out.accept(batch.project(projection));
            }
        }
    }
}
