package io.freshet.stream.source;

import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The rows {@code [from, to)} of generated columns as a bounded table, cut into {@code partitions} contiguous
 * splits that produce batches of at most {@code batchRows} rows. Only the projected columns are generated.
 */
final class GeneratedRange implements TableSource {
    private final String description;
    private final List<GeneratedColumn> columns;
    private final Schema schema;
    private final long from;
    private final long to;
    private final int partitions;
    private final int batchRows;

    GeneratedRange(
            String description, List<GeneratedColumn> columns, long from, long to, int partitions, int batchRows) {
        this.description = requireNonNull(description, "description is null");
        this.columns = List.copyOf(columns);
        checkArgument(0 <= from && from <= to, "invalid row range [%s, %s)", from, to);
        checkArgument(partitions >= 1, "partitions must be positive: %s", partitions);
        checkArgument(batchRows >= 1, "batchRows must be positive: %s", batchRows);
        this.from = from;
        this.to = to;
        this.partitions = partitions;
        this.batchRows = batchRows;
        this.schema = schemaOf(columns);
    }

    static Schema schemaOf(List<GeneratedColumn> columns) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (GeneratedColumn column : columns) {
            fields.add(column.field());
        }
        return new Schema(fields);
    }

    @Override
    public String describe() {
        return description + " rows [" + from + ", " + to + ")";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BatchScan createScan(int[] projection, List<Expr> filters) {
        GeneratedColumn[] projected = new GeneratedColumn[projection.length];
        for (int i = 0; i < projection.length; i++) {
            projected[i] = columns.get(projection[i]);
        }
        List<RowRange> splits = new ArrayList<>();
        long rows = to - from;
        long perSplit = Math.max(1, (rows + partitions - 1) / partitions);
        for (long start = from; start < to; start += perSplit) {
            splits.add(new RowRange(description, start, Math.min(to, start + perSplit), 8L * projection.length));
        }
        return new Scan(List.copyOf(splits), projected, batchRows);
    }

    /** Rows {@code [from, to)} of a generated table. */
    record RowRange(String table, long from, long to, long bytesPerRow) implements BatchScan.Split {
        @Override
        public String describe() {
            return table + " rows [" + from + ", " + to + ")";
        }

        @Override
        public long sizeInBytes() {
            return (to - from) * bytesPerRow;
        }
    }

    private record Scan(List<RowRange> splits, GeneratedColumn[] columns, int batchRows) implements BatchScan {
        @Override
        public void read(Split split, EvalContext context, Consumer<Batch> out) {
            RowRange range = (RowRange) split;
            for (long first = range.from(); first < range.to(); first += batchRows) {
                int count = (int) Math.min(batchRows, range.to() - first);
                Vector[] vectors = new Vector[columns.length];
                for (int c = 0; c < columns.length; c++) {
                    vectors[c] = columns[c].generate(first, count);
                }
                out.accept(new Batch(vectors, count));
            }
        }
    }
}
