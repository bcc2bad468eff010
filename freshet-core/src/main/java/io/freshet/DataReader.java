package io.freshet;

import io.freshet.connector.file.FileFormat;
import io.freshet.connector.file.FileTableSource;
import io.freshet.plan.Relation;
import io.freshet.types.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Reads files and tables into DataFrames, as Spark's {@code DataFrameReader}: {@code
 * freshet.read().option("header", "true").csv("sales.csv")}. Options are Spark's, case-insensitive.
 */
public final class DataReader {
    private final Freshet session;
    private final Map<String, String> options = new LinkedHashMap<>();
    private Schema schema;
    private String format;

    DataReader(Freshet session) {
        this.session = requireNonNull(session, "session is null");
    }

    public DataReader format(String name) {
        this.format = name.toLowerCase(Locale.ROOT);
        return this;
    }

    public DataReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    public DataReader options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    /** The schema to read with, instead of inferring one. */
    public DataReader schema(Schema readSchema) {
        this.schema = requireNonNull(readSchema, "schema is null");
        return this;
    }

    /** The schema as DDL: {@code "ts TIMESTAMP, user_id BIGINT"}. */
    public DataReader schema(String ddl) {
        return schema(io.freshet.sql.SqlParser.parseSchema(ddl));
    }

    /** CSV files: a file, a directory, or a glob. */
    public DataFrame csv(String... paths) {
        return load(FileFormat.CSV, paths);
    }

    /** Newline-delimited JSON files. */
    public DataFrame json(String... paths) {
        return load(FileFormat.JSON, paths);
    }

    /** Files of the format set with {@link #format}. */
    public DataFrame load(String... paths) {
        if (format == null) {
            throw new FreshetException(
                    ErrorCode.INVALID_OPTION, "load() needs a format: call format(\"csv\") or format(\"json\") first");
        }
        return switch (format) {
            case "csv" -> csv(paths);
            case "json" -> json(paths);
            default ->
                throw new FreshetException(
                        ErrorCode.INVALID_OPTION, "Unknown format '" + format + "'; use csv or json");
        };
    }

    public DataFrame table(String name) {
        return session.table(name);
    }

    private DataFrame load(FileFormat fileFormat, String... paths) {
        FileTableSource source = FileTableSource.create(
                fileFormat, List.of(paths), options, session.conf().timeZone(), schema);
        String name = java.nio.file.Path.of(paths[0]).getFileName().toString();
        return session.dataFrame(Relation.of(io.freshet.plan.logical.Scan.of(name, source, false), null));
    }
}
