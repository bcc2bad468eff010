package io.freshet.stream.source;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.expr.Expr;
import io.freshet.expr.Temporal;
import io.freshet.stream.checkpoint.CheckpointFiles;
import io.freshet.types.BigintType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.TimestampType;
import io.freshet.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Spark's {@code rate} source: a stream of rows {@code (timestamp TIMESTAMP, value BIGINT)} at {@code
 * rowsPerSecond}. Row {@code i} has value {@code i} and timestamp {@code start + i / rowsPerSecond} seconds, where
 * {@code start} is the time the query first opened the stream, recorded in the source's metadata directory so
 * that a restarted query replays the same rows and carries on from where it was. The offset is the row count
 * ({@code {"rows":N}}); the latest offset is {@code floor(seconds since start * rowsPerSecond)}, so a query that
 * was down catches up in its next batch.
 *
 * <p>Options: {@code rowsPerSecond} (default 1), {@code numPartitions} (the splits of a micro-batch; default the
 * number of cores). {@code rampUpTime} is accepted and ignored: rows flow at the full rate from the start.
 * Changing {@code rowsPerSecond} for an existing checkpoint is refused, because the replayed timestamps would
 * change. A rate table is a stream only: reading it as a batch table is refused.
 */
public final class RateStreamTable implements TableSource, StreamableTable {
    /** The format name ({@code readStream().format("rate")}, {@code USING rate}). */
    public static final String FORMAT = "rate";

    /** The columns every rate stream has. */
    public static final Schema SCHEMA = Schema.of(
            new Field("timestamp", TimestampType.TIMESTAMP, false), new Field("value", BigintType.BIGINT, false));

    /** The file of the source's metadata directory that records the start time. */
    static final String START_FILE = "rate-start";

    private static final long MAX_ROWS_PER_SECOND = 1_000_000_000_000L;

    private final long rowsPerSecond;
    private final int numPartitions;
    private final InstantSource clock;

    private RateStreamTable(long rowsPerSecond, int numPartitions, InstantSource clock) {
        this.rowsPerSecond = rowsPerSecond;
        this.numPartitions = numPartitions;
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * A rate table with the given options, on the system clock.
     *
     * @throws FreshetException with {@code INVALID_OPTION} naming an invalid option
     */
    public static RateStreamTable create(Map<String, String> options) {
        return create(options, InstantSource.system());
    }

    /** A rate table on the given clock (tests). */
    public static RateStreamTable create(Map<String, String> options, InstantSource clock) {
        SourceOptions parsed = new SourceOptions(options);
        long rowsPerSecond = parsed.positiveLong("rowsPerSecond", 1);
        if (rowsPerSecond > MAX_ROWS_PER_SECOND) {
            throw SourceOptions.invalid(
                    "rowsPerSecond", "must be at most " + MAX_ROWS_PER_SECOND + ", got " + rowsPerSecond);
        }
        long partitions = parsed.positiveLong(
                "numPartitions", Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (partitions > 10_000) {
            throw SourceOptions.invalid("numPartitions", "must be at most 10000, got " + partitions);
        }
        parsed.durationMicros("rampUpTime", 0); // validated, then ignored (see the class comment)
        return new RateStreamTable(rowsPerSecond, (int) partitions, clock);
    }

    public long rowsPerSecond() {
        return rowsPerSecond;
    }

    public int numPartitions() {
        return numPartitions;
    }

    @Override
    public String describe() {
        return "RateStream[rowsPerSecond=" + rowsPerSecond + ", numPartitions=" + numPartitions + "]";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public BatchScan createScan(int[] projection, List<Expr> filters) {
        throw new FreshetException(
                ErrorCode.UNSUPPORTED,
                "The rate source is a stream and cannot be read as a batch table; read it with readStream()"
                        + " or FROM STREAM");
    }

    @Override
    public StreamSource openStream(StreamSourceContext context) {
        requireNonNull(context, "context is null");
        long startMicros = recordedStart(context.metadataDirectory());
        List<GeneratedColumn> columns = List.of(
                GeneratedColumn.timestamps("timestamp", startMicros, rowsPerSecond), GeneratedColumn.sequence("value"));
        return new GeneratedStreamSource(
                describe(),
                columns,
                rowsPerSecond,
                startMicros,
                clock,
                -1,
                0,
                numPartitions,
                GeneratorStreamTable.DEFAULT_BATCH_ROWS);
    }

    /** The start time recorded by the first run of the query, recording now when there is none. */
    private long recordedStart(Path metadataDirectory) {
        Path file = metadataDirectory.resolve(START_FILE);
        if (!Files.exists(file)) {
            long now = Temporal.toMicros(clock.instant());
            CheckpointFiles.writeVersioned(
                    file,
                    new Json.Writer()
                            .beginObject()
                            .name("startTimeMicros")
                            .value(now)
                            .name("rowsPerSecond")
                            .value(rowsPerSecond)
                            .endObject()
                            .toString());
            return now;
        }
        long start = Long.MIN_VALUE;
        long recordedRate = -1;
        try {
            Json.Reader reader = new Json.Reader(CheckpointFiles.readVersioned(file));
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "startTimeMicros" -> start = reader.nextLong();
                    case "rowsPerSecond" -> recordedRate = reader.nextLong();
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            reader.endDocument();
        } catch (IllegalArgumentException e) {
            throw CheckpointFiles.corrupt(file, e.getMessage());
        }
        if (start == Long.MIN_VALUE || recordedRate <= 0) {
            throw CheckpointFiles.corrupt(file, "it needs startTimeMicros and rowsPerSecond");
        }
        if (recordedRate != rowsPerSecond) {
            throw new FreshetException(
                    ErrorCode.INVALID_OPTION,
                    "Option 'rowsPerSecond' is " + rowsPerSecond + " but the checkpoint's rate source was started with "
                            + recordedRate + " (" + file + "); changing it would change the rows a restart replays."
                            + " Keep rowsPerSecond=" + recordedRate + ", or start the query with a new checkpoint");
        }
        return start;
    }
}
