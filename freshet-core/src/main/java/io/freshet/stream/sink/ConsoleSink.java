package io.freshet.stream.sink;

import io.freshet.ResultPrinter;
import io.freshet.Row;
import io.freshet.data.Batch;
import io.freshet.types.Schema;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Prints each micro-batch as Spark's console sink does: a banner naming the batch, then its first rows as the
 * table {@code DataFrame.show()} prints. For debugging: printing cannot be taken back, so a re-run batch is
 * printed again (at-least-once).
 *
 * <pre>
 * -------------------------------------------
 * Batch: 3
 * -------------------------------------------
 * +------+---+
 * |region|  n|
 * +------+---+
 * |    eu|  2|
 * +------+---+
 * </pre>
 */
public final class ConsoleSink implements StreamSink {
    private static final String RULE = "-------------------------------------------\n";
    private static final int TRUNCATE_AT = 20;

    private final PrintStream out;
    private final int numRows;
    private final boolean truncate;
    private final ZoneId zone;

    /** Prints to {@code out}, timestamps in the JVM's default time zone (as Spark's default session zone). */
    public ConsoleSink(PrintStream out, int numRows, boolean truncate) {
        this(out, numRows, truncate, ZoneId.systemDefault());
    }

    /**
     * Prints at most {@code numRows} rows of each batch to {@code out}, cutting cells to 20 characters when
     * {@code truncate}, timestamps in {@code zone}.
     */
    public ConsoleSink(PrintStream out, int numRows, boolean truncate, ZoneId zone) {
        this.out = requireNonNull(out, "out is null");
        checkArgument(numRows >= 0, "numRows must be non-negative: %s", numRows);
        this.numRows = numRows;
        this.truncate = truncate;
        this.zone = requireNonNull(zone, "zone is null");
    }

    @Override
    public String describe() {
        return "ConsoleSink[numRows=" + numRows + ", truncate=" + truncate + "]";
    }

    @Override
    public void addBatch(SinkBatch batch) {
        requireNonNull(batch, "batch is null");
        Schema schema = batch.schema();
        List<Row> rows = firstRows(schema, batch.batches(), numRows);
        long total = batch.rowCount();
        StringBuilder text = new StringBuilder(RULE)
                .append("Batch: ")
                .append(batch.batchId())
                .append('\n')
                .append(RULE)
                .append(ResultPrinter.table(schema, rows, truncate ? TRUNCATE_AT : 0, zone));
        if (total > numRows) {
            text.append("only showing top ")
                    .append(numRows)
                    .append(" row")
                    .append(numRows == 1 ? "" : "s")
                    .append('\n');
        }
        // One print call, so that batches of queries sharing a stream do not interleave line by line.
        out.print(text);
        out.flush();
    }

    private static List<Row> firstRows(Schema schema, List<Batch> batches, int limit) {
        List<Row> rows = new ArrayList<>();
        for (Batch batch : batches) {
            for (int row = 0; row < batch.rowCount() && rows.size() < limit; row++) {
                rows.add(Row.fromInternal(schema, batch.row(row)));
            }
        }
        return rows;
    }
}
