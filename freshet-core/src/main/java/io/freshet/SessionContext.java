package io.freshet;

import io.freshet.catalog.Catalog;
import io.freshet.catalog.TableSource;
import io.freshet.connector.file.FileFormat;
import io.freshet.connector.file.FileTableSource;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.plan.PlanBuilder;
import io.freshet.plan.Relation;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.sql.SqlSession;
import io.freshet.types.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What the SQL layer sees of a {@link Freshet} session. */
final class SessionContext implements SqlSession.Host {
    /** The output mode of streaming queries started from SQL, unless the table's properties set {@code outputMode}. */
    static final String OUTPUT_MODE = "freshet.streaming.output-mode";
    /** The trigger of streaming queries started from SQL ({@code freshet run --trigger}), unless the table sets one. */
    static final String TRIGGER = "freshet.streaming.trigger";

    private final Freshet session;

    SessionContext(Freshet session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public Catalog catalog() {
        return session.catalog();
    }

    @Override
    public PlanBuilder planBuilder() {
        return session.planBuilder();
    }

    @Override
    public RuntimeConfig config() {
        return session.conf();
    }

    @Override
    public DataFrame dataFrame(Relation relation) {
        return session.dataFrame(relation);
    }

    @Override
    public TableSource createTableSource(
            String name, String format, Map<String, String> options, String location, Schema schema) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "memory" -> {
                if (schema == null) {
                    throw new AnalysisException(
                            ErrorCode.INVALID_SCHEMA,
                            "A memory table needs columns: CREATE TABLE " + name + " (id BIGINT, …) USING memory");
                }
                yield new MemoryTableSource(name, schema);
            }
            case "csv", "json" -> {
                if (location == null) {
                    throw new AnalysisException(
                            ErrorCode.INVALID_OPTION,
                            "A " + format + " table needs LOCATION 'path' (a file, a directory or a glob)");
                }
                FileFormat fileFormat = format.equalsIgnoreCase("csv") ? FileFormat.CSV : FileFormat.JSON;
                yield FileTableSource.create(fileFormat, List.of(location), options, config().timeZone(), schema);
            }
            default ->
                throw new AnalysisException(
                        ErrorCode.INVALID_OPTION, "Unknown table format '" + format + "'; use memory, csv or json");
        };
    }

    @Override
    public void insert(Catalog.TableEntry table, Relation rows, boolean overwrite) {
        List<Batch> batches = QueryExecution.collectBatches(session, rows.plan());
        switch (table.source()) {
            case MemoryTableSource memory -> {
                if (overwrite) {
                    memory.clear();
                }
                memory.appendAll(batches);
            }
            case FileTableSource files ->
                DataWriter.writeFiles(
                        files.format(),
                        files.paths().get(0),
                        rows.schema(),
                        batches,
                        overwrite ? SaveMode.OVERWRITE : SaveMode.APPEND,
                        files.options(),
                        config().timeZone());
            default ->
                throw new AnalysisException(
                        ErrorCode.UNSUPPORTED,
                        "Cannot insert into '" + table.name() + "' ("
                                + table.source().describe() + ")");
        }
    }

    @Override
    public String explain(LogicalPlan plan, boolean extended) {
        return QueryExecution.explain(session, plan, extended);
    }

    @Override
    public void startStream(String name, Catalog.TableEntry target, Relation rows, Map<String, String> properties) {
        Map<String, String> props = new java.util.HashMap<>();
        properties.forEach((key, value) -> props.put(key.toLowerCase(Locale.ROOT), value));
        RuntimeConfig config = session.conf();
        DataStreamWriter writer = session.dataFrame(rows).writeStream().queryName(name);
        String mode = props.getOrDefault("outputmode", config.get(OUTPUT_MODE));
        writer.outputMode(mode == null ? "append" : mode);
        String trigger = props.getOrDefault("trigger", config.get(TRIGGER));
        if (trigger != null) {
            writer.trigger(io.freshet.streaming.Trigger.parse(trigger));
        }
        String checkpoint = props.get("checkpointlocation");
        if (checkpoint == null
                && config.get(DataStreamWriter.CHECKPOINT_ROOT) == null
                && target != null
                && target.location() != null) {
            checkpoint = java.nio.file.Path.of(target.location())
                    .resolve("_freshet_checkpoint")
                    .toString();
        }
        if (checkpoint != null) {
            writer.option("checkpointLocation", checkpoint);
        }
        String lateRows = props.get("late_rows");
        if (lateRows != null) {
            writer.option("lateRows", lateRows);
        }
        if (target == null) {
            writer.format("memory").start();
        } else if (target.source() instanceof FileTableSource) {
            writer.toTable(name);
        } else if (target.source() instanceof MemoryTableSource memory) {
            writer.start(new io.freshet.stream.sink.MemoryTableSink(memory));
        } else {
            throw new AnalysisException(
                    ErrorCode.UNSUPPORTED,
                    "A stream can be written to a memory, CSV or JSON table; " + name + " is "
                            + target.source().describe());
        }
    }
}
