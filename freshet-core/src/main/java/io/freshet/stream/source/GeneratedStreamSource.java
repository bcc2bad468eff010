package io.freshet.stream.source;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.TableSource;
import io.freshet.expr.Temporal;
import io.freshet.types.Schema;
import java.time.InstantSource;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The stream of a generator (a {@link GeneratorStreamTable} or the rate source): offsets count rows ({@code
 * {"rows":N}}), and rows are a function of their index, so any range replays identically.
 *
 * <p>Rows available: all {@code totalRows} at once when there is no rate, else those due by the clock, {@code
 * floor(seconds since clockStart * rowsPerSecond)}, capped at {@code totalRows} when that is set.
 */
final class GeneratedStreamSource implements StreamSource {
    static final String OFFSET_NAME = "rows";

    private final String description;
    private final List<GeneratedColumn> columns;
    private final Schema schema;
    private final long rowsPerSecond;
    private final long clockStartMicros;
    private final InstantSource clock;
    private final long totalRows;
    private final long maxRowsPerTrigger;
    private final int partitions;
    private final int batchRows;
    private long availableNowEnd = -1;

    /**
     * @param rowsPerSecond 0 for no rate (then {@code totalRows} must be set)
     * @param totalRows -1 for an unbounded stream
     * @param maxRowsPerTrigger 0 for no limit
     */
    GeneratedStreamSource(
            String description,
            List<GeneratedColumn> columns,
            long rowsPerSecond,
            long clockStartMicros,
            InstantSource clock,
            long totalRows,
            long maxRowsPerTrigger,
            int partitions,
            int batchRows) {
        this.description = requireNonNull(description, "description is null");
        this.columns = List.copyOf(columns);
        this.schema = GeneratedRange.schemaOf(columns);
        this.rowsPerSecond = rowsPerSecond;
        this.clockStartMicros = clockStartMicros;
        this.clock = requireNonNull(clock, "clock is null");
        this.totalRows = totalRows;
        this.maxRowsPerTrigger = maxRowsPerTrigger;
        this.partitions = partitions;
        this.batchRows = batchRows;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Offset latestOffset(Offset start, boolean limited) {
        long from = position(start);
        long end = availableNowEnd >= 0 ? availableNowEnd : available();
        if (limited && maxRowsPerTrigger > 0 && end - from > maxRowsPerTrigger) {
            end = from + maxRowsPerTrigger;
        }
        return end <= from ? start : CounterOffsets.of(OFFSET_NAME, end);
    }

    @Override
    public void prepareForAvailableNow() {
        availableNowEnd = available();
    }

    @Override
    public TableSource read(Offset start, Offset end) {
        long from = position(start);
        long to = position(end);
        if (from > to || (totalRows >= 0 && to > totalRows)) {
            throw new FreshetException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Cannot read " + description + " from " + start + " to " + end + ": not a range of its rows");
        }
        return new GeneratedRange(description, columns, from, to, partitions, batchRows);
    }

    /** The rows available now. */
    long available() {
        long available = totalRows >= 0 ? totalRows : Long.MAX_VALUE;
        if (rowsPerSecond > 0) {
            available = Math.min(available, rowsDue(Temporal.toMicros(clock.instant()) - clockStartMicros));
        }
        return available;
    }

    /** {@code floor(elapsed seconds * rowsPerSecond)}, without overflow. */
    private long rowsDue(long elapsedMicros) {
        if (elapsedMicros <= 0) {
            return 0;
        }
        long whole = elapsedMicros / 1_000_000L;
        long fraction = elapsedMicros % 1_000_000L;
        try {
            return Math.addExact(Math.multiplyExact(whole, rowsPerSecond), fraction * rowsPerSecond / 1_000_000L);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private long position(Offset offset) {
        return CounterOffsets.value(offset, OFFSET_NAME, 0, description);
    }
}
