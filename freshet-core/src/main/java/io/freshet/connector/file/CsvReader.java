package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.connector.file.ColumnBuilder.BooleanColumn;
import io.freshet.connector.file.ColumnBuilder.DoubleColumn;
import io.freshet.connector.file.ColumnBuilder.IntColumn;
import io.freshet.connector.file.ColumnBuilder.LongColumn;
import io.freshet.connector.file.ColumnBuilder.ObjectColumn;
import io.freshet.connector.file.ColumnBuilder.StringColumn;
import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Reads CSV files into batches of a given schema with a hand-written byte-level parser: fields are found in
 * the raw UTF-8 bytes and numbers, dates and timestamps parsed from them without per-field strings; string
 * columns are dictionary-encoded while a batch has few distinct values.
 *
 * <p>The schema's columns match the file's fields by position, except the corrupt-record column (option
 * {@code columnNameOfCorruptRecord}, a string column), which is filled and not matched. An empty unquoted
 * field and the {@code nullValue} text read as null; a quoted empty field reads as the empty string in a
 * string column (as a null otherwise). Struct and array columns read their field as JSON text. A record with
 * the wrong number of fields, or with a field that does not parse as its column's type, is malformed and
 * handled by the {@code mode} option as Spark does: PERMISSIVE keeps it with nulls for the bad or missing
 * fields and its text in the corrupt-record column, DROPMALFORMED drops it, FAILFAST fails with {@code
 * MALFORMED_RECORD} naming the file and the line. Blank lines and comment lines are skipped.
 *
 * <p>A reader is immutable and may read several splits at once from several threads.
 */
public final class CsvReader {
    /** The number of rows per batch unless given. */
    public static final int DEFAULT_BATCH_ROWS = 8192;

    private static final byte K_BOOLEAN = 0;
    private static final byte K_INT = 1;
    private static final byte K_BIGINT = 2;
    private static final byte K_DOUBLE = 3;
    private static final byte K_DECIMAL = 4;
    private static final byte K_STRING = 5;
    private static final byte K_DATE = 6;
    private static final byte K_TIMESTAMP = 7;
    private static final byte K_NULL = 8;
    private static final byte K_NESTED = 9;

    private final Schema schema;
    private final CsvOptions options;
    private final ZoneId zone;
    private final int batchRows;
    private final int corruptColumn;
    private final int[] dataColumns;
    private final byte[] kinds;

    public CsvReader(Schema schema, CsvOptions options, ZoneId zone) {
        this(schema, options, zone, DEFAULT_BATCH_ROWS);
    }

    /**
     * A reader of files with the given schema.
     *
     * @throws FreshetException with {@code UNSUPPORTED} for an interval column, {@code INVALID_SCHEMA} for a
     *     corrupt-record column that is not a string
     */
    public CsvReader(Schema schema, CsvOptions options, ZoneId zone, int batchRows) {
        this.schema = requireNonNull(schema, "schema is null");
        this.options = requireNonNull(options, "options is null");
        this.zone = requireNonNull(zone, "zone is null");
        checkArgument(batchRows > 0, "batchRows must be positive: %s", batchRows);
        this.batchRows = batchRows;
        this.corruptColumn = RecordErrors.corruptColumn(schema, options.columnNameOfCorruptRecord());
        int dataCount = schema.size() - (corruptColumn >= 0 ? 1 : 0);
        this.dataColumns = new int[dataCount];
        this.kinds = new byte[dataCount];
        int next = 0;
        for (int i = 0; i < schema.size(); i++) {
            if (i != corruptColumn) {
                dataColumns[next] = i;
                kinds[next] = kind(schema.field(i).name(), schema.type(i));
                next++;
            }
        }
    }

    private static byte kind(String name, DataType type) {
        return switch (type) {
            case BooleanType t -> K_BOOLEAN;
            case IntType t -> K_INT;
            case BigintType t -> K_BIGINT;
            case DoubleType t -> K_DOUBLE;
            case DecimalType t -> K_DECIMAL;
            case StringType t -> K_STRING;
            case DateType t -> K_DATE;
            case TimestampType t -> K_TIMESTAMP;
            case NullType t -> K_NULL;
            case StructType t -> K_NESTED;
            case ArrayType t -> K_NESTED;
            case IntervalType t ->
                throw new FreshetException(
                        ErrorCode.UNSUPPORTED,
                        "CSV files cannot hold column '" + name + "' of type " + type.sqlName()
                                + "; read it as a string and cast it");
        };
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
                "a multiLine or custom lineSep CSV read cannot start inside a file: %s",
                split);
        boolean multiLine = options.multiLine();
        try (TextInput input = new TextInput(
                split,
                options.lineSeparator(),
                multiLine ? options.quote() : -1,
                multiLine ? options.escape() : -1,
                multiLine ? options.quoteEscapeEscape() : -1)) {
            new SplitParser(split, input, out).run();
        }
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
        private final TextInput input;
        private final Consumer<Batch> out;
        private final ColumnBuilder[] columns;
        private final ValueParser values;
        private final JsonParser json;
        private final byte[] nullValue;
        private final byte[] emptyValue;
        private final byte[] nanValue;
        private final byte[] positiveInf;
        private final byte[] negativeInf;
        private final int comment;
        private final ReadMode mode;

        private final CsvTokenizer tokenizer;
        private int rows;
        private String problem;

        SplitParser(FileSplit split, TextInput input, Consumer<Batch> out) {
            this.split = split;
            this.input = input;
            this.out = out;
            this.columns = new ColumnBuilder[schema.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = ColumnBuilder.forType(schema.type(i), batchRows);
            }
            this.values = new ValueParser(zone, options.dateFormat(), options.timestampFormat());
            this.json = new JsonParser(true, true, false, values);
            this.nullValue = utf8(options.nullValue());
            this.emptyValue = utf8(options.emptyValue());
            this.nanValue = utf8(options.nanValue());
            this.positiveInf = utf8(options.positiveInf());
            this.negativeInf = utf8(options.negativeInf());
            this.comment = options.comment();
            this.mode = options.mode();
            this.tokenizer = new CsvTokenizer(options);
        }

        void run() {
            boolean skipHeader = options.header() && split.start() == 0;
            while (input.next()) {
                byte[] buffer = input.buffer();
                int start = input.start();
                int end = input.end();
                if (start == end || (comment >= 0 && buffer[start] == comment)) {
                    continue;
                }
                if (skipHeader) {
                    skipHeader = false;
                    continue;
                }
                readRecord(buffer, start, end);
                if (rows == batchRows) {
                    flush();
                }
            }
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
            out.accept(batch);
        }

        private void readRecord(byte[] buffer, int start, int end) {
            int fieldCount = tokenizer.tokenize(buffer, start, end);
            problem = null;
            if (fieldCount != dataColumns.length) {
                problem = "expected " + dataColumns.length + " fields, found " + fieldCount;
                if (mode == ReadMode.FAILFAST) {
                    throw RecordErrors.malformed("CSV", input, split, problem);
                }
            }
            for (int c = 0; c < dataColumns.length; c++) {
                ColumnBuilder column = columns[dataColumns[c]];
                if (c >= fieldCount) {
                    column.appendNull();
                } else if (!readField(c, buffer, column)) {
                    column.appendNull();
                    if (problem == null) {
                        problem = "cannot parse " + RecordErrors.quote(fieldText(c, buffer)) + " as "
                                + schema.type(dataColumns[c]).sqlName() + " for column '"
                                + schema.field(dataColumns[c]).name() + "'";
                    }
                    if (mode == ReadMode.FAILFAST) {
                        throw RecordErrors.malformed("CSV", input, split, problem);
                    }
                }
            }
            if (problem != null && mode == ReadMode.DROPMALFORMED) {
                for (ColumnBuilder column : columns) {
                    column.truncate(rows);
                }
                return;
            }
            if (corruptColumn >= 0) {
                StringColumn corrupt = (StringColumn) columns[corruptColumn];
                if (problem != null) {
                    corrupt.append(buffer, start, end - start);
                } else {
                    corrupt.appendNull();
                }
            }
            rows++;
        }

        /** Parses field {@code c} into its column; false when the text is not a value of the column's type. */
        private boolean readField(int c, byte[] buffer, ColumnBuilder column) {
            byte[] b = tokenizer.bytes(c, buffer);
            int s = tokenizer.fieldStarts[c];
            int e = tokenizer.fieldEnds[c];
            boolean quoted = tokenizer.fieldQuoted[c];
            byte kind = kinds[c];
            if (s == e) {
                if (quoted && kind == K_STRING) {
                    ((StringColumn) column).append(emptyValue, 0, emptyValue.length);
                } else {
                    column.appendNull();
                }
                return true;
            }
            if (nullValue.length > 0 && sameBytes(b, s, e, nullValue)) {
                column.appendNull();
                return true;
            }
            switch (kind) {
                case K_STRING -> ((StringColumn) column).append(b, s, e - s);
                case K_INT -> {
                    if (!values.parseInt(b, s, e)) {
                        return false;
                    }
                    ((IntColumn) column).append(values.intValue);
                }
                case K_BIGINT -> {
                    if (!values.parseLong(b, s, e)) {
                        return false;
                    }
                    ((LongColumn) column).append(values.longValue);
                }
                case K_DOUBLE -> {
                    double value;
                    if (sameBytes(b, s, e, nanValue)) {
                        value = Double.NaN;
                    } else if (sameBytes(b, s, e, positiveInf)) {
                        value = Double.POSITIVE_INFINITY;
                    } else if (sameBytes(b, s, e, negativeInf)) {
                        value = Double.NEGATIVE_INFINITY;
                    } else if (values.parseDouble(b, s, e)) {
                        value = values.doubleValue;
                    } else {
                        return false;
                    }
                    ((DoubleColumn) column).append(value);
                }
                case K_BOOLEAN -> {
                    if (!values.parseBoolean(b, s, e)) {
                        return false;
                    }
                    ((BooleanColumn) column).append(values.booleanValue);
                }
                case K_DATE -> {
                    if (!values.parseDate(b, s, e)) {
                        return false;
                    }
                    ((IntColumn) column).append(values.intValue);
                }
                case K_TIMESTAMP -> {
                    if (!values.parseTimestamp(b, s, e)) {
                        return false;
                    }
                    ((LongColumn) column).append(values.longValue);
                }
                case K_DECIMAL -> {
                    if (!values.parseDecimal(b, s, e, (DecimalType) column.type)) {
                        return false;
                    }
                    ((ObjectColumn) column).append(values.objectValue);
                }
                case K_NESTED -> {
                    Object value = parseJson(b, s, e, column.type);
                    if (value == null) {
                        return false;
                    }
                    ((ObjectColumn) column).append(value);
                }
                default -> column.appendNull();
            }
            return true;
        }

        private Object parseJson(byte[] b, int s, int e, DataType type) {
            json.reset(b, s, e);
            try {
                Object value = json.readValue(type);
                return json.mismatch || !json.atEnd() ? null : value;
            } catch (JsonParser.MalformedJsonException ex) {
                return null;
            }
        }

        private String fieldText(int c, byte[] buffer) {
            return tokenizer.text(c, buffer);
        }
    }

    private static boolean sameBytes(byte[] b, int s, int e, byte[] text) {
        return e - s == text.length && Arrays.equals(b, s, e, text, 0, text.length);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
