package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.connector.file.ColumnBuilder.BooleanColumn;
import io.freshet.connector.file.ColumnBuilder.DoubleColumn;
import io.freshet.connector.file.ColumnBuilder.IntColumn;
import io.freshet.connector.file.ColumnBuilder.LongColumn;
import io.freshet.connector.file.ColumnBuilder.ObjectColumn;
import io.freshet.connector.file.ColumnBuilder.StringColumn;
import io.freshet.connector.file.JsonParser.MalformedJsonException;
import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Reads JSON Lines files (one object per line; with {@code multiLine}, one object or array of objects per
 * file) into batches of a given schema, with Freshet's own tokenizer.
 *
 * <p>Columns match object fields by name (exactly); fields not in the schema are ignored and missing ones
 * are null; a repeated field keeps its last value. Nested objects read into struct columns and arrays into
 * array columns; numbers convert to the column's numeric type (an integer column refuses fractions), a string
 * column takes the raw JSON text of a non-string value, a timestamp column takes a timestamp string or a number
 * of seconds since the epoch, and a date column a date string. A line that is not valid JSON, or not an object,
 * is malformed: PERMISSIVE gives a row of nulls with the line in the corrupt-record column (if the schema has
 * it), DROPMALFORMED drops it, FAILFAST fails with {@code MALFORMED_RECORD} naming the file and line. A value
 * of the wrong type makes its field null and the record malformed, keeping the other fields in PERMISSIVE
 * mode. Blank lines are skipped.
 *
 * <p>A reader is immutable and may read several splits at once from several threads.
 */
public final class JsonReader {
    private static final byte K_BOOLEAN = 0;
    private static final byte K_INT = 1;
    private static final byte K_BIGINT = 2;
    private static final byte K_DOUBLE = 3;
    private static final byte K_STRING = 4;
    private static final byte K_DATE = 5;
    private static final byte K_TIMESTAMP = 6;
    private static final byte K_OBJECT = 7;

    private final Schema schema;
    private final JsonOptions options;
    private final ZoneId zone;
    private final int batchRows;
    private final int corruptColumn;
    private final byte[] kinds;
    private final byte[][] names;

    public JsonReader(Schema schema, JsonOptions options, ZoneId zone) {
        this(schema, options, zone, CsvReader.DEFAULT_BATCH_ROWS);
    }

    /**
     * A reader of files with the given schema.
     *
     * @throws FreshetException with {@code UNSUPPORTED} for an interval column, {@code INVALID_SCHEMA} for a
     *     corrupt-record column that is not a string
     */
    public JsonReader(Schema schema, JsonOptions options, ZoneId zone, int batchRows) {
        this.schema = requireNonNull(schema, "schema is null");
        this.options = requireNonNull(options, "options is null");
        this.zone = requireNonNull(zone, "zone is null");
        checkArgument(batchRows > 0, "batchRows must be positive: %s", batchRows);
        this.batchRows = batchRows;
        this.corruptColumn = RecordErrors.corruptColumn(schema, options.columnNameOfCorruptRecord());
        this.kinds = new byte[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            DataType type = schema.type(i);
            if (type instanceof IntervalType) {
                throw new FreshetException(
                        ErrorCode.UNSUPPORTED,
                        "JSON files cannot hold column '" + schema.field(i).name() + "' of type " + type.sqlName()
                                + "; read it as a string and cast it");
            }
            kinds[i] = switch (type) {
                case BooleanType t -> K_BOOLEAN;
                case IntType t -> K_INT;
                case BigintType t -> K_BIGINT;
                case DoubleType t -> K_DOUBLE;
                case StringType t -> K_STRING;
                case DateType t -> K_DATE;
                case TimestampType t -> K_TIMESTAMP;
                default -> K_OBJECT;
            };
        }
        this.names = JsonParser.utf8Names(schema.fields());
    }

    public Schema schema() {
        return schema;
    }

    /**
     * Reads one split, handing each batch of up to {@code batchRows} rows to {@code out} as it fills.
     *
     * @throws FreshetException with {@code MALFORMED_RECORD} in FAILFAST mode, {@code IO_ERROR} or {@code
     *     PATH_NOT_FOUND} when the file cannot be read
     */
    public void read(FileSplit split, Consumer<Batch> out) {
        requireNonNull(split, "split is null");
        requireNonNull(out, "out is null");
        checkArgument(
                split.start() == 0 || options.splittable(),
                "a multiLine or custom lineSep JSON read cannot start inside a file: %s",
                split);
        SplitParser parser = new SplitParser(split, out);
        if (options.multiLine()) {
            parser.readDocument();
        } else {
            try (TextInput input = new TextInput(split, options.lineSeparator(), -1, -1, -1)) {
                parser.readLines(input);
            }
        }
        parser.finish();
    }

    /** Reads all splits in order into a list of batches (for tests and small inputs). */
    public List<Batch> readAll(List<FileSplit> splits) {
        List<Batch> batches = new ArrayList<>();
        for (FileSplit split : splits) {
            read(split, batches::add);
        }
        return batches;
    }

    /** The state of reading one split. */
    private final class SplitParser {
        private final FileSplit split;
        private final Consumer<Batch> out;
        private final ColumnBuilder[] columns;
        private final ValueParser values;
        private final JsonParser json;
        private final int[] stamps;
        private int generation;
        private int rows;
        private String problem;

        SplitParser(FileSplit split, Consumer<Batch> out) {
            this.split = split;
            this.out = out;
            this.columns = new ColumnBuilder[schema.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = ColumnBuilder.forType(schema.type(i), batchRows);
            }
            this.values = new ValueParser(zone, options.dateFormat(), options.timestampFormat());
            this.json = JsonParser.of(options, values);
            this.stamps = new int[columns.length];
        }

        void readLines(TextInput input) {
            while (input.next()) {
                readRecord(input.buffer(), input.start(), input.end(), input.location());
            }
        }

        void readDocument() {
            byte[] bytes;
            try (InputStream in = TextInput.open(split)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw TextInput.ioError(split, e);
            }
            int start = bytes.length >= 3
                            && (bytes[0] & 0xFF) == 0xEF
                            && (bytes[1] & 0xFF) == 0xBB
                            && (bytes[2] & 0xFF) == 0xBF
                    ? 3
                    : 0;
            readRecord(bytes, start, bytes.length, "line 1");
        }

        void finish() {
            if (rows > 0) {
                flush();
            }
        }

        private void flush() {
            Vector[] vectors = new Vector[columns.length];
            for (int i = 0; i < columns.length; i++) {
                vectors[i] = columns[i].build();
            }
            Batch batch = new Batch(vectors, rows);
            rows = 0;
            // A top-level array can overfill a batch; hand it on in batch-sized slices.
            for (int offset = 0; offset < batch.rowCount(); offset += batchRows) {
                out.accept(batch.slice(offset, Math.min(batchRows, batch.rowCount() - offset)));
            }
        }

        /** Reads one record: an object, or an array of objects (one row each). */
        private void readRecord(byte[] buffer, int start, int end, String location) {
            json.reset(buffer, start, end);
            if (json.atEnd()) {
                return;
            }
            int rowStart = rows;
            problem = null;
            try {
                int token = json.nextToken();
                if (token == JsonParser.OBJECT) {
                    readRow(buffer, start, end);
                } else if (token == JsonParser.ARRAY) {
                    json.enter();
                    boolean first = true;
                    while (json.nextElement(first)) {
                        first = false;
                        if (json.nextToken() != JsonParser.OBJECT) {
                            throw json.malformed("expected an object in the top-level array");
                        }
                        readRow(buffer, start, end);
                    }
                    json.exit();
                } else {
                    throw json.malformed("expected a JSON object");
                }
                if (!json.atEnd()) {
                    throw json.malformed("unexpected text after the record");
                }
            } catch (MalformedJsonException e) {
                truncate(rowStart);
                switch (options.mode()) {
                    case FAILFAST -> throw RecordErrors.malformed("JSON", location, split, e.getMessage());
                    case DROPMALFORMED -> {
                        return;
                    }
                    case PERMISSIVE -> {
                        for (int i = 0; i < columns.length; i++) {
                            if (i == corruptColumn) {
                                ((StringColumn) columns[i]).append(buffer, start, end - start);
                            } else {
                                columns[i].appendNull();
                            }
                        }
                        rows++;
                    }
                }
            }
            if (problem != null) {
                switch (options.mode()) {
                    case FAILFAST -> throw RecordErrors.malformed("JSON", location, split, problem);
                    case DROPMALFORMED -> truncate(rowStart);
                    case PERMISSIVE -> {
                        if (corruptColumn >= 0) {
                            // Every row of the record carries the record's text.
                            StringColumn corrupt = (StringColumn) columns[corruptColumn];
                            corrupt.truncate(rowStart);
                            for (int r = rowStart; r < rows; r++) {
                                corrupt.append(buffer, start, end - start);
                            }
                        }
                    }
                }
            }
            if (rows >= batchRows) {
                flush();
            }
        }

        private void truncate(int rowCount) {
            for (ColumnBuilder column : columns) {
                if (column.size() > rowCount) {
                    column.truncate(rowCount);
                }
            }
            rows = rowCount;
        }

        /** Reads the fields of an object whose '{' was read, as one row. */
        private void readRow(byte[] buffer, int recordStart, int recordEnd) {
            json.enter();
            generation++;
            boolean first = true;
            int expected = 0;
            while (json.nextField(first)) {
                first = false;
                int index = json.findField(names, expected);
                if (index < 0) {
                    json.skipRest(json.nextToken());
                    continue;
                }
                if (stamps[index] == generation) {
                    columns[index].truncate(rows);
                }
                stamps[index] = generation;
                readField(index);
                expected = index + 1;
            }
            json.exit();
            for (int i = 0; i < columns.length; i++) {
                if (stamps[i] != generation) {
                    columns[i].appendNull();
                }
            }
            rows++;
        }

        private void readField(int index) {
            int token = json.nextToken();
            ColumnBuilder column = columns[index];
            if (token == JsonParser.NULL) {
                column.appendNull();
                return;
            }
            int valueStart = json.tokenStart;
            boolean ok =
                    switch (kinds[index]) {
                        case K_STRING -> {
                            StringColumn strings = (StringColumn) column;
                            if (token == JsonParser.STRING) {
                                strings.append(json.stringBytes, json.stringStart, json.stringEnd - json.stringStart);
                            } else {
                                json.skipRest(token);
                                strings.append(json.bytes(), valueStart, json.position() - valueStart);
                            }
                            yield true;
                        }
                        case K_INT -> {
                            boolean fits = token == JsonParser.NUMBER
                                    && json.numberToLong()
                                    && values.longValue == (int) values.longValue;
                            if (fits) {
                                ((IntColumn) column).append((int) values.longValue);
                            }
                            yield fits;
                        }
                        case K_BIGINT -> {
                            boolean fits = token == JsonParser.NUMBER && json.numberToLong();
                            if (fits) {
                                ((LongColumn) column).append(values.longValue);
                            }
                            yield fits;
                        }
                        case K_DOUBLE -> {
                            boolean fits = json.tokenToDouble(token);
                            if (fits) {
                                ((DoubleColumn) column).append(values.doubleValue);
                            }
                            yield fits;
                        }
                        case K_BOOLEAN -> {
                            boolean fits = token == JsonParser.TRUE || token == JsonParser.FALSE;
                            if (fits) {
                                ((BooleanColumn) column).append(token == JsonParser.TRUE);
                            }
                            yield fits;
                        }
                        case K_DATE -> {
                            boolean fits = token == JsonParser.STRING
                                    && values.parseDate(json.stringBytes, json.stringStart, json.stringEnd);
                            if (fits) {
                                ((IntColumn) column).append(values.intValue);
                            }
                            yield fits;
                        }
                        case K_TIMESTAMP -> {
                            boolean fits = json.readTimestamp(token);
                            if (fits) {
                                ((LongColumn) column).append(values.longValue);
                            }
                            yield fits;
                        }
                        default -> {
                            json.mismatch = false;
                            Object value = json.readValueAfter(token, column.type);
                            boolean fits = !json.mismatch;
                            ((ObjectColumn) column).append(fits ? value : null);
                            yield fits;
                        }
                    };
            if (!ok) {
                if (kinds[index] != K_OBJECT) {
                    json.skipRest(token);
                    column.appendNull();
                }
                if (problem == null) {
                    String text = ValueParser.utf8(json.bytes(), valueStart, json.position());
                    problem = "cannot convert " + RecordErrors.quote(text) + " of field '"
                            + schema.field(index).name() + "' to "
                            + schema.type(index).sqlName();
                }
            }
        }
    }
}
