package io.freshet;

import io.freshet.connector.file.FileFormat;
import io.freshet.connector.file.FileTableSource;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.plan.Relation;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.stream.exec.StreamExecution;
import io.freshet.stream.exec.StreamingQuerySpec;
import io.freshet.stream.sink.ConsoleSink;
import io.freshet.stream.sink.FileStreamSink;
import io.freshet.stream.sink.MemorySink;
import io.freshet.stream.sink.MemoryTableSink;
import io.freshet.stream.sink.PerBatchCsvSink;
import io.freshet.stream.sink.SinkBatch;
import io.freshet.stream.sink.StreamSink;
import io.freshet.streaming.OutputMode;
import io.freshet.streaming.StreamingQuery;
import io.freshet.streaming.StreamingQueryListener;
import io.freshet.streaming.Trigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import static java.util.Objects.requireNonNull;

/**
 * Starts a streaming DataFrame as a query ({@code df.writeStream()}), as Spark's {@code
 * DataStreamWriter}: choose the sink with {@link #format} (or {@link #foreachBatch}), the {@link
 * #outputMode}, the {@link #trigger} and the {@code checkpointLocation} option, then {@link #start}.
 *
 * <p>Sinks: {@code console}, {@code memory} (a table named by {@link #queryName}, queryable while the
 * query runs), {@code csv} and {@code json} (a directory, exactly once through a manifest; append mode),
 * {@code batch-csv} (one CSV file per micro-batch: {@code batch-<id>.csv}).
 */
public final class DataStreamWriter {
    /** The configuration key of a directory under which queries without a checkpointLocation keep theirs, by name. */
    public static final String CHECKPOINT_ROOT = "freshet.streaming.checkpoint-location";

    private final Freshet session;
    private final DataFrame frame;
    private final Map<String, String> options = new LinkedHashMap<>();
    private OutputMode mode = OutputMode.APPEND;
    private Trigger trigger = new Trigger.Continuous();
    private String format = "console";
    private String queryName;
    private BiConsumer<DataFrame, Long> foreachBatch;
    private StreamSink customSink;

    DataStreamWriter(Freshet session, DataFrame frame) {
        this.session = session;
        this.frame = frame;
    }

    public DataStreamWriter outputMode(OutputMode outputMode) {
        this.mode = requireNonNull(outputMode, "outputMode is null");
        return this;
    }

    /** {@code append} (the default), {@code update} or {@code complete}. */
    public DataStreamWriter outputMode(String outputMode) {
        return outputMode(OutputMode.parse(outputMode));
    }

    public DataStreamWriter trigger(Trigger trigger) {
        this.trigger = requireNonNull(trigger, "trigger is null");
        return this;
    }

    /** {@code console} (the default), {@code memory}, {@code csv}, {@code json} or {@code batch-csv}. */
    public DataStreamWriter format(String name) {
        this.format = name.trim().toLowerCase(Locale.ROOT);
        return this;
    }

    /** A sink or query option, e.g. {@code checkpointLocation}, {@code path}, {@code numRows}. */
    public DataStreamWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataStreamWriter option(String key, long value) {
        return option(key, Long.toString(value));
    }

    public DataStreamWriter option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataStreamWriter options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    /** The query's name; the memory sink's table takes it. */
    public DataStreamWriter queryName(String name) {
        this.queryName = requireNonNull(name, "name is null");
        return this;
    }

    /**
     * Calls {@code function} with each micro-batch's output as a (batch) DataFrame and the batch id,
     * instead of writing to a sink. After a failure a batch may be passed again with the same id: make
     * the function idempotent by batch id for exactly-once results.
     */
    public DataStreamWriter foreachBatch(BiConsumer<DataFrame, Long> function) {
        this.foreachBatch = requireNonNull(function, "function is null");
        return this;
    }

    /** Starts the query, writing to the {@code path} directory. */
    public StreamingQuery start(String path) {
        options.put("path", path);
        return start();
    }

    /** Starts the query into the file table {@code name} of the catalog (created with {@code CREATE TABLE … USING csv|json LOCATION …}). */
    public StreamingQuery toTable(String name) {
        io.freshet.catalog.TableSource table = session.catalog()
                .find(name)
                .filter(entry -> entry instanceof io.freshet.catalog.Catalog.TableEntry)
                .map(entry -> ((io.freshet.catalog.Catalog.TableEntry) entry).source())
                .orElseThrow(() -> new AnalysisException(
                        ErrorCode.TABLE_NOT_FOUND,
                        "Table " + name + " does not exist; create it first (CREATE TABLE … USING csv LOCATION …)"));
        if (!(table instanceof FileTableSource files) || files.paths().size() != 1) {
            throw new AnalysisException(
                    ErrorCode.UNSUPPORTED,
                    "A stream can be written to a CSV or JSON table with one location; " + name + " is "
                            + table.describe());
        }
        format = files.format() == FileFormat.CSV ? "csv" : "json";
        files.options().forEach(options::putIfAbsent);
        return start(files.paths().get(0));
    }

    /** Starts the query into a sink of the engine's own (e.g. an existing in-memory table). */
    StreamingQuery start(StreamSink sink) {
        this.customSink = requireNonNull(sink, "sink is null");
        return start();
    }

    /** Checks the query, recovers from its checkpoint, and starts it on its own thread. */
    public StreamingQuery start() {
        LogicalPlan plan = frame.logicalPlan();
        if (!frame.isStreaming()) {
            throw new AnalysisException(
                    ErrorCode.UNSUPPORTED,
                    "writeStream() needs a streaming DataFrame (read with readStream() or FROM STREAM); use write() for a batch");
        }
        RuntimeConfig config = session.conf();
        LogicalPlan optimized = QueryExecution.optimize(plan, session.newEvalContext());
        StreamSink sink = customSink != null
                ? customSink
                : foreachBatch != null ? new ForeachBatchSink(session, foreachBatch) : sink();
        List<StreamingQueryListener> listeners =
                new ArrayList<>(session.streams().listeners());
        StreamingQueryManager manager = session.streams();
        listeners.add(new StreamingQueryListener() {
            @Override
            public void onQueryTerminated(QueryTerminatedEvent event) {
                manager.terminated();
            }
        });
        StreamingQuerySpec spec = new StreamingQuerySpec(
                queryName,
                optimized,
                mode,
                trigger,
                checkpoint(),
                sink,
                lateRowsSink(),
                config.getAll(),
                config.timeZone(),
                null,
                config.parallelism(),
                config.memoryLimitBytes(),
                listeners);
        StreamExecution execution = StreamExecution.create(spec);
        try {
            manager.starting(execution);
        } catch (RuntimeException e) {
            execution.discard();
            throw e;
        }
        execution.start();
        return execution;
    }

    /**
     * The late-rows side table ({@code lateRows} option), given the schema of the late rows: rows a
     * stateful operator drops as late are appended to this table (a new in-memory table unless a memory,
     * CSV or JSON table of that name exists), in the same micro-batch commit as the main output.
     */
    private java.util.function.Function<io.freshet.types.Schema, StreamSink> lateRowsSink() {
        String table = options.get("lateRows");
        if (table == null) {
            return null;
        }
        return schema -> {
            java.util.Optional<io.freshet.catalog.Catalog.CatalogEntry> entry =
                    session.catalog().find(table);
            if (entry.isPresent() && entry.get() instanceof io.freshet.catalog.Catalog.TableEntry existing) {
                if (existing.source() instanceof FileTableSource files
                        && files.paths().size() == 1) {
                    return new FileStreamSink(
                            Path.of(files.paths().get(0)),
                            files.format(),
                            files.options(),
                            session.conf().timeZone());
                }
                if (existing.source() instanceof MemoryTableSource memory) {
                    return new MemoryTableSink(memory);
                }
                throw new AnalysisException(
                        ErrorCode.UNSUPPORTED,
                        "The late-rows table " + table + " must be a memory, CSV or JSON table; it is "
                                + existing.source().describe());
            }
            MemorySink memory = new MemorySink(table, schema);
            session.registerTable(table, memory.table());
            return memory;
        };
    }

    private Path checkpoint() {
        String location = options.get("checkpointLocation");
        if (location != null) {
            return Path.of(location);
        }
        String root = session.conf().get(CHECKPOINT_ROOT);
        if (root != null && queryName != null) {
            return Path.of(root, queryName);
        }
        if (foreachBatch == null
                && customSink == null
                && (format.equals("csv") || format.equals("json") || format.equals("batch-csv"))) {
            throw new AnalysisException(
                    ErrorCode.INVALID_OPTION,
                    "The " + format
                            + " sink needs a checkpoint for exactly-once output: set option(\"checkpointLocation\", dir)"
                            + " or the configuration " + CHECKPOINT_ROOT + " and a queryName");
        }
        try {
            Path temporary = Files.createTempDirectory("freshet-checkpoint-");
            temporary.toFile().deleteOnExit();
            return temporary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StreamSink sink() {
        return switch (format) {
            case "console" ->
                new ConsoleSink(
                        System.out,
                        Integer.parseInt(options.getOrDefault("numRows", "20")),
                        Boolean.parseBoolean(options.getOrDefault("truncate", "true")),
                        session.conf().timeZone());
            case "memory" -> {
                if (queryName == null) {
                    throw new AnalysisException(
                            ErrorCode.INVALID_OPTION, "The memory sink needs a queryName: it names the table to query");
                }
                MemorySink memory = new MemorySink(queryName, frame.schema());
                session.registerTable(queryName, memory.table());
                yield memory;
            }
            case "csv", "json" -> {
                if (mode != OutputMode.APPEND) {
                    throw new AnalysisException(
                            ErrorCode.UNSUPPORTED_OUTPUT_MODE,
                            "The " + format + " file sink supports append output mode only (files cannot be updated);"
                                    + " use append, or the memory or foreachBatch sink");
                }
                Map<String, String> sinkOptions = new LinkedHashMap<>(options);
                sinkOptions.remove("checkpointLocation");
                sinkOptions.remove("path");
                yield new FileStreamSink(
                        Path.of(path()),
                        format.equals("csv") ? FileFormat.CSV : FileFormat.JSON,
                        sinkOptions,
                        session.conf().timeZone());
            }
            case "batch-csv" ->
                new PerBatchCsvSink(Path.of(path()), session.conf().timeZone());
            default ->
                throw new AnalysisException(
                        ErrorCode.INVALID_OPTION,
                        "Unknown streaming sink format '" + format + "': use console, memory, csv, json or batch-csv");
        };
    }

    private String path() {
        String path = options.get("path");
        if (path == null) {
            throw new AnalysisException(
                    ErrorCode.INVALID_OPTION,
                    "The " + format + " sink needs a path: start(path) or option(\"path\", dir)");
        }
        return path;
    }

    /** Passes each micro-batch to a user function as a DataFrame over its rows. */
    private record ForeachBatchSink(Freshet session, BiConsumer<DataFrame, Long> function) implements StreamSink {
        @Override
        public String describe() {
            return "ForeachBatchSink";
        }

        @Override
        public void addBatch(SinkBatch batch) {
            MemoryTableSource rows = MemoryTableSource.of("batch_" + batch.batchId(), batch.schema(), batch.batches());
            DataFrame frame = session.dataFrame(Relation.of(Scan.of("batch_" + batch.batchId(), rows, false), null));
            function.accept(frame, batch.batchId());
        }
    }
}
