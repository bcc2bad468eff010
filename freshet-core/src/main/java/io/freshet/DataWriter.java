package io.freshet;

import io.freshet.connector.file.CsvOptions;
import io.freshet.connector.file.FileFormat;
import io.freshet.connector.file.FileWriteJob;
import io.freshet.connector.file.JsonOptions;
import io.freshet.data.Batch;
import io.freshet.types.Schema;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Writes a DataFrame out, as Spark's {@code DataFrameWriter}: a directory of part files written under
 * temporary names and renamed into place, then a {@code _SUCCESS} marker.
 */
public final class DataWriter {
    private final DataFrame frame;
    private final Map<String, String> options = new LinkedHashMap<>();
    private SaveMode mode = SaveMode.ERROR_IF_EXISTS;
    private String format;

    DataWriter(DataFrame frame) {
        this.frame = requireNonNull(frame, "frame is null");
    }

    /** What to do when the target exists: {@code error} (default), {@code append}, {@code overwrite}, {@code ignore}. */
    public DataWriter mode(String saveMode) {
        this.mode = SaveMode.parse(saveMode);
        return this;
    }

    public DataWriter mode(SaveMode saveMode) {
        this.mode = requireNonNull(saveMode, "saveMode is null");
        return this;
    }

    public DataWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataWriter option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataWriter format(String name) {
        this.format = name.toLowerCase(Locale.ROOT);
        return this;
    }

    public void csv(String path) {
        write(FileFormat.CSV, path);
    }

    public void json(String path) {
        write(FileFormat.JSON, path);
    }

    public void save(String path) {
        if (format == null || !(format.equals("csv") || format.equals("json"))) {
            throw new FreshetException(ErrorCode.INVALID_OPTION, "save() needs format(\"csv\") or format(\"json\")");
        }
        write(format.equals("csv") ? FileFormat.CSV : FileFormat.JSON, path);
    }

    /** Appends (or with mode overwrite, replaces) the rows of a registered table. */
    public void insertInto(String table) {
        Freshet session = frame.session();
        frame.createOrReplaceTempView("__insert_source");
        try {
            session.sql("INSERT " + (mode == SaveMode.OVERWRITE ? "OVERWRITE" : "INTO") + " `"
                    + table.replace("`", "``") + "` SELECT * FROM __insert_source");
        } finally {
            session.catalog().drop("__insert_source");
        }
    }

    private void write(FileFormat fileFormat, String path) {
        Freshet session = frame.session();
        List<Batch> batches = QueryExecution.collectBatches(session, frame.logicalPlan());
        writeFiles(
                fileFormat,
                path,
                frame.schema(),
                batches,
                mode,
                options,
                session.conf().timeZone());
    }

    static void writeFiles(
            FileFormat fileFormat,
            String path,
            Schema schema,
            List<Batch> batches,
            SaveMode mode,
            Map<String, String> options,
            ZoneId zone) {
        if (fileFormat == FileFormat.CSV) {
            FileWriteJob.writeAll(Path.of(path), schema, CsvOptions.parse(options), mode, zone, batches);
        } else {
            FileWriteJob.writeAll(Path.of(path), schema, JsonOptions.parse(options), mode, zone, batches);
        }
    }
}
