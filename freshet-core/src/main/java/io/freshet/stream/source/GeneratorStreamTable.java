package io.freshet.stream.source;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.expr.Expr;
import io.freshet.expr.Temporal;
import io.freshet.types.Schema;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A stream of generated rows for benchmarks and tests: each {@link GeneratedColumn} is a function of the row
 * index, generated a batch at a time into primitive arrays (strings dictionary-encoded over one shared
 * dictionary), so that reading is limited by the engine rather than by the generator. Offsets count rows ({@code
 * {"rows":N}}); any range replays identically, in this or another JVM.
 *
 * <pre>{@code
 * GeneratorStreamTable events = GeneratorStreamTable.builder("events")
 *         .column(GeneratedColumn.timestamps("ts", start, 1_000_000))
 *         .column(GeneratedColumn.pick("region", List.of("eu", "us", "apac"), 1))
 *         .column(GeneratedColumn.uniformLong("user_id", 1_000_000, 2))
 *         .totalRows(100_000_000)
 *         .maxRowsPerTrigger(5_000_000)
 *         .build();
 * }</pre>
 *
 * <p>With a {@code totalRows} bound and no rate, every row is available at once (split across triggers by
 * {@code maxRowsPerTrigger}); with {@code rowsPerSecond}, rows become available as wall-clock time passes from
 * when the stream is opened. A bounded generator can also be read as a batch table (all its rows), so that a
 * query's batch answer can be compared with its streaming one.
 */
public final class GeneratorStreamTable implements TableSource, StreamableTable {
    /** Rows per generated batch unless set. */
    public static final int DEFAULT_BATCH_ROWS = 8192;

    private final String name;
    private final List<GeneratedColumn> columns;
    private final Schema schema;
    private final long rowsPerSecond;
    private final long totalRows;
    private final long maxRowsPerTrigger;
    private final int partitions;
    private final int batchRows;
    private final InstantSource clock;

    private GeneratorStreamTable(Builder builder) {
        this.name = builder.name;
        this.columns = List.copyOf(builder.columns);
        this.schema = GeneratedRange.schemaOf(columns);
        this.rowsPerSecond = builder.rowsPerSecond;
        this.totalRows = builder.totalRows;
        this.maxRowsPerTrigger = builder.maxRowsPerTrigger;
        this.partitions = builder.partitions;
        this.batchRows = builder.batchRows;
        this.clock = builder.clock;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The number of rows of a bounded generator, or -1. */
    public long totalRows() {
        return totalRows;
    }

    @Override
    public String describe() {
        return "Generator[" + name + "]";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** A batch read: all rows of a bounded generator; an unbounded one is refused. */
    @Override
    public BatchScan createScan(int[] projection, List<Expr> filters) {
        if (totalRows < 0) {
            throw new FreshetException(
                    ErrorCode.UNSUPPORTED,
                    describe() + " is unbounded and can only be read as a stream; give it totalRows to read it as"
                            + " a batch table");
        }
        return new GeneratedRange(describe(), columns, 0, totalRows, partitions, batchRows)
                .createScan(projection, filters);
    }

    @Override
    public StreamSource openStream(StreamSourceContext context) {
        requireNonNull(context, "context is null");
        return new GeneratedStreamSource(
                describe(),
                columns,
                rowsPerSecond,
                Temporal.toMicros(clock.instant()),
                clock,
                totalRows,
                maxRowsPerTrigger,
                partitions,
                batchRows);
    }

    /** Configures a {@link GeneratorStreamTable}. */
    public static final class Builder {
        private final String name;
        private final List<GeneratedColumn> columns = new ArrayList<>();
        private long rowsPerSecond;
        private long totalRows = -1;
        private long maxRowsPerTrigger;
        private int partitions = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int batchRows = DEFAULT_BATCH_ROWS;
        private InstantSource clock = InstantSource.system();

        private Builder(String name) {
            this.name = requireNonNull(name, "name is null");
        }

        public Builder column(GeneratedColumn column) {
            columns.add(requireNonNull(column, "column is null"));
            return this;
        }

        /** Rows per second of wall-clock time; 0 (the default) for no rate, which needs {@link #totalRows}. */
        public Builder rowsPerSecond(long rows) {
            checkArgument(rows >= 0 && rows <= 1_000_000_000_000L, "rowsPerSecond must be in [0, 1e12]: %s", rows);
            this.rowsPerSecond = rows;
            return this;
        }

        /** Ends the stream after this many rows; unbounded unless set. */
        public Builder totalRows(long rows) {
            checkArgument(rows >= 0, "totalRows must be non-negative: %s", rows);
            this.totalRows = rows;
            return this;
        }

        /** At most this many rows per micro-batch (not for available-now's fixed end); no limit unless set. */
        public Builder maxRowsPerTrigger(long rows) {
            checkArgument(rows > 0, "maxRowsPerTrigger must be positive: %s", rows);
            this.maxRowsPerTrigger = rows;
            return this;
        }

        /** The splits a micro-batch's rows are cut into, read in parallel; the number of cores unless set. */
        public Builder partitions(int count) {
            checkArgument(count >= 1, "partitions must be positive: %s", count);
            this.partitions = count;
            return this;
        }

        /** Rows per generated batch; {@value #DEFAULT_BATCH_ROWS} unless set. */
        public Builder batchRows(int rows) {
            checkArgument(rows >= 1, "batchRows must be positive: %s", rows);
            this.batchRows = rows;
            return this;
        }

        /** The clock that paces a rate; the system clock unless set (tests). */
        public Builder clock(InstantSource source) {
            this.clock = requireNonNull(source, "clock is null");
            return this;
        }

        public GeneratorStreamTable build() {
            checkArgument(!columns.isEmpty(), "a generator needs at least one column");
            Set<String> names = new HashSet<>();
            for (GeneratedColumn column : columns) {
                checkArgument(
                        names.add(column.field().name().toLowerCase(Locale.ROOT)),
                        "duplicate column name: %s",
                        column.field().name());
            }
            checkArgument(
                    rowsPerSecond > 0 || totalRows >= 0,
                    "an unbounded generator needs rowsPerSecond, or it would offer infinitely many rows at once");
            return new GeneratorStreamTable(this);
        }
    }
}
