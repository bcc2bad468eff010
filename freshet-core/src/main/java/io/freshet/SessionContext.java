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
}
