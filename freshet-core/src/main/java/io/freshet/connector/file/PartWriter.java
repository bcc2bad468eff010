package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.types.Schema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static io.freshet.util.Checks.checkState;

/**
 * Writes batches to one part file of a {@link FileWriteJob}, under its temporary name; the job moves it into
 * place on commit. One thread writes a part; several parts may be written at once.
 */
public abstract sealed class PartWriter implements AutoCloseable
        permits PartWriter.CsvPartWriter, PartWriter.JsonPartWriter {
    private static final int BUFFER_SIZE = 1 << 16;

    final Path temporaryPath;
    final String fileName;
    final Schema schema;
    final ValueFormatter formatter;
    private final Writer writer;
    private final String lineSeparator;
    final StringBuilder line = new StringBuilder(256);
    private long rows;
    private boolean closed;

    PartWriter(
            Path temporaryPath,
            String fileName,
            Schema schema,
            ValueFormatter formatter,
            Compression compression,
            String lineSeparator) {
        this.temporaryPath = temporaryPath;
        this.fileName = fileName;
        this.schema = schema;
        this.formatter = formatter;
        this.lineSeparator = lineSeparator;
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporaryPath), BUFFER_SIZE);
            if (compression == Compression.GZIP) {
                out = new GZIPOutputStream(out, BUFFER_SIZE);
            }
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    /** The file name the part gets when the job commits. */
    public String fileName() {
        return fileName;
    }

    public long rowCount() {
        return rows;
    }

    /** Writes the rows of a batch whose columns follow the job's schema. */
    public void write(Batch batch) {
        checkState(!closed, "part %s is closed", fileName);
        Vector[] columns = batch.columns();
        if (columns.length != schema.size()) {
            throw new IllegalArgumentException(
                    "batch has " + columns.length + " columns but the schema has " + schema.size());
        }
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                line.setLength(0);
                formatRow(columns, row);
                line.append(lineSeparator);
                writer.append(line);
            }
        } catch (IOException e) {
            throw ioError(e);
        }
        rows += batch.rowCount();
    }

    /** Appends one row's text to {@link #line}, without the line separator. */
    abstract void formatRow(Vector[] columns, int row);

    void writeLine(CharSequence text) {
        try {
            writer.append(text).append(lineSeparator);
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    /** Flushes and closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    boolean isClosed() {
        return closed;
    }

    private FreshetException ioError(IOException e) {
        return new FreshetException(ErrorCode.IO_ERROR, "Cannot write " + temporaryPath + ": " + e.getMessage(), e);
    }

    /** Writes CSV lines, with a header line first when option {@code header} is true. */
    static final class CsvPartWriter extends PartWriter {
        private final CsvOptions options;
        private final StringBuilder field = new StringBuilder(64);

        CsvPartWriter(
                Path temporaryPath, String fileName, Schema schema, ValueFormatter formatter, CsvOptions options) {
            super(
                    temporaryPath,
                    fileName,
                    schema,
                    formatter,
                    options.compression(),
                    separator(options.lineSeparator()));
            this.options = options;
            if (options.header()) {
                StringBuilder header = new StringBuilder();
                for (int i = 0; i < schema.size(); i++) {
                    if (i > 0) {
                        header.append((char) options.delimiter());
                    }
                    ValueFormatter.appendCsvField(header, schema.field(i).name(), options);
                }
                writeLine(header);
            }
        }

        @Override
        void formatRow(Vector[] columns, int row) {
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) {
                    line.append((char) options.delimiter());
                }
                Vector column = columns[c];
                if (column.isNull(row)) {
                    line.append(options.nullValue());
                    continue;
                }
                field.setLength(0);
                formatter.appendText(field, column, row);
                if (field.isEmpty() && !options.emptyValue().isEmpty()) {
                    line.append(options.emptyValue());
                } else {
                    ValueFormatter.appendCsvField(line, field, options);
                }
            }
        }
    }

    /** Writes one JSON object per line, omitting null fields unless {@code ignoreNullFields} is false. */
    static final class JsonPartWriter extends PartWriter {
        private final String[] quotedNames;
        private final boolean omitNulls;

        JsonPartWriter(
                Path temporaryPath, String fileName, Schema schema, ValueFormatter formatter, JsonOptions options) {
            super(
                    temporaryPath,
                    fileName,
                    schema,
                    formatter,
                    options.compression(),
                    separator(options.lineSeparator()));
            this.omitNulls = options.ignoreNullFields();
            this.quotedNames = new String[schema.size()];
            for (int i = 0; i < quotedNames.length; i++) {
                StringBuilder name = new StringBuilder();
                ValueFormatter.appendJsonString(name, schema.field(i).name());
                quotedNames[i] = name.append(':').toString();
            }
        }

        @Override
        void formatRow(Vector[] columns, int row) {
            line.append('{');
            boolean first = true;
            for (int c = 0; c < columns.length; c++) {
                Vector column = columns[c];
                boolean isNull = column.isNull(row);
                if (isNull && omitNulls) {
                    continue;
                }
                if (!first) {
                    line.append(',');
                }
                first = false;
                line.append(quotedNames[c]);
                if (isNull) {
                    line.append("null");
                } else {
                    formatter.appendJson(line, column, row);
                }
            }
            line.append('}');
        }
    }

    private static String separator(String lineSeparator) {
        return lineSeparator == null ? "\n" : lineSeparator;
    }
}
