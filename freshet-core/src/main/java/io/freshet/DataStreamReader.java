package io.freshet;

import io.freshet.catalog.TableSource;
import io.freshet.connector.file.FileFormat;
import io.freshet.connector.file.FileTableSource;
import io.freshet.plan.Relation;
import io.freshet.plan.logical.Scan;
import io.freshet.stream.source.RateStreamTable;
import io.freshet.types.Schema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Reads tables as streams ({@code session.readStream()}), as Spark's {@code DataStreamReader}: a directory
 * of CSV or JSON files is a stream of the files that appear in it; {@code rate} generates rows.
 *
 * <p>File options besides the batch reader's: {@code maxFilesPerTrigger}, {@code maxBytesPerTrigger},
 * {@code minFileAge}. A file is read once, in the order of modification time then name; move finished
 * files into the directory (or set {@code minFileAge}) so none is read while being written.
 */
public final class DataStreamReader {
    private final Freshet session;
    private final Map<String, String> options = new LinkedHashMap<>();
    private Schema schema;
    private String format;

    DataStreamReader(Freshet session) {
        this.session = session;
    }

    /** {@code csv}, {@code json} or {@code rate}. */
    public DataStreamReader format(String name) {
        this.format = name.trim().toLowerCase(Locale.ROOT);
        return this;
    }

    public DataStreamReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataStreamReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    public DataStreamReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataStreamReader options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    public DataStreamReader schema(Schema readSchema) {
        this.schema = requireNonNull(readSchema, "readSchema is null");
        return this;
    }

    /** The schema as DDL, e.g. {@code "ts TIMESTAMP, user_id BIGINT"}. */
    public DataStreamReader schema(String ddl) {
        return schema(io.freshet.sql.SqlParser.parseSchema(ddl));
    }

    /** The CSV files that appear in a directory. */
    public DataFrame csv(String path) {
        return files(FileFormat.CSV, path);
    }

    /** The newline-delimited JSON files that appear in a directory. */
    public DataFrame json(String path) {
        return files(FileFormat.JSON, path);
    }

    /**
     * A stream of the format set with {@link #format} that has no path: {@code rate} (options {@code
     * rowsPerSecond}, {@code numPartitions}; columns {@code timestamp}, {@code value}).
     */
    public DataFrame load() {
        if (!"rate".equals(format)) {
            throw new AnalysisException(
                    ErrorCode.INVALID_OPTION,
                    "load() without a path reads the rate source: call format(\"rate\"), or pass the directory to read");
        }
        return stream("rate", RateStreamTable.create(options));
    }

    /** A stream of the format set with {@link #format}: files under {@code path}. */
    public DataFrame load(String path) {
        if (format == null) {
            throw new AnalysisException(
                    ErrorCode.INVALID_OPTION,
                    "load() needs a format: call format(\"csv\"), format(\"json\") or format(\"rate\")");
        }
        return switch (format) {
            case "csv" -> csv(path);
            case "json" -> json(path);
            case "rate" ->
                throw new AnalysisException(
                        ErrorCode.INVALID_OPTION, "The rate source reads no path: call load() without one");
            default ->
                throw new AnalysisException(
                        ErrorCode.INVALID_OPTION, "Unknown stream format '" + format + "'; use csv, json or rate");
        };
    }

    /** A table of the catalog, read as a stream ({@code FROM STREAM name} in SQL). */
    public DataFrame table(String name) {
        return session.sql("SELECT * FROM STREAM " + name);
    }

    private DataFrame files(FileFormat fileFormat, String path) {
        FileTableSource source = FileTableSource.createStream(
                fileFormat, path, options, session.conf().timeZone(), schema);
        Path fileName = Path.of(path).getFileName();
        return stream(fileName == null ? path : fileName.toString(), source);
    }

    private DataFrame stream(String name, TableSource source) {
        return session.dataFrame(Relation.of(Scan.of(name, source, true), null));
    }
}
