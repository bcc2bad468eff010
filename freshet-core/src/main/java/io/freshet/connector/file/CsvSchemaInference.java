package io.freshet.connector.file;

import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * Infers the schema of CSV files as Spark does.
 *
 * <p>Column names come from the first record of the first file when option {@code header} is true (an empty
 * name becomes {@code _c<i>}, and names that repeat, ignoring case, get their position appended, e.g. {@code
 * a0}, {@code a3}), else they are {@code _c0, _c1, ...}; the number of columns is that record's field count.
 * Without {@code inferSchema} every column is a string. With it, each column's type is the widest of the
 * types of its values, where a value's type is the first that parses, tried in Spark's order starting from
 * the column's type so far: int, bigint, decimal (integers beyond bigint, up to 38 digits), double, date (when
 * {@code preferDate} and the value matches {@code dateFormat}, by default exactly {@code yyyy-MM-dd}),
 * timestamp, boolean, and otherwise string. Nulls (empty fields and {@code nullValue}) do not count; a column
 * with only nulls is a string. Int, bigint, decimal and double widen to one another; a date with a timestamp
 * becomes a timestamp (a string when {@code timestampFormat} is set); any other mix is a string.
 *
 * <p>Sampling rule: inference reads at most {@value #MAX_RECORDS_PER_FILE} records of each file and {@value
 * #MAX_RECORDS} records in all, files in sorted order; with {@code samplingRatio} below 1 it keeps that
 * fraction of them, chosen by a fixed-seed random generator so the result is repeatable. Values that occur
 * only beyond the sample may then not fit the inferred type and read as malformed.
 */
public final class CsvSchemaInference {
    /** At most this many records of one file are examined. */
    public static final int MAX_RECORDS_PER_FILE = 10_000;
    /** At most this many records in all are examined. */
    public static final int MAX_RECORDS = 100_000;

    private static final long SAMPLING_SEED = 42;

    private CsvSchemaInference() {}

    /** The schema of {@code files} (already expanded, see {@link FilePaths#expand}); empty for no records. */
    public static Schema infer(List<Path> files, CsvOptions options, ZoneId zone) {
        requireNonNull(files, "files is null");
        requireNonNull(options, "options is null");
        requireNonNull(zone, "zone is null");
        return new Inference(options, zone).run(files);
    }

    private static final class Inference {
        private final CsvOptions options;
        private final CsvTokenizer tokenizer;
        private final ValueParser values;
        private final DateTimeFormatter dateFormatter;
        private final byte[] nullValue;
        private final Random random = new Random(SAMPLING_SEED);
        private List<String> names;
        private DataType[] types;
        private int records;

        Inference(CsvOptions options, ZoneId zone) {
            this.options = options;
            this.tokenizer = new CsvTokenizer(options);
            this.values = new ValueParser(zone, options.dateFormat(), options.timestampFormat());
            this.dateFormatter =
                    options.dateFormat().map(DateTimePatterns::compile).orElse(null);
            this.nullValue = options.nullValue().getBytes(StandardCharsets.UTF_8);
        }

        Schema run(List<Path> files) {
            for (Path file : files) {
                if (records >= MAX_RECORDS) {
                    break;
                }
                readFile(FileSplit.wholeFile(file));
            }
            if (names == null) {
                return new Schema(List.of());
            }
            List<Field> fields = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                fields.add(Field.of(names.get(i), InferredTypes.orString(types[i])));
            }
            return new Schema(fields);
        }

        private void readFile(FileSplit split) {
            boolean multiLine = options.multiLine();
            try (TextInput input = new TextInput(
                    split,
                    options.lineSeparator(),
                    multiLine ? options.quote() : -1,
                    multiLine ? options.escape() : -1,
                    multiLine ? options.quoteEscapeEscape() : -1)) {
                boolean first = true;
                int fileRecords = 0;
                while (fileRecords < MAX_RECORDS_PER_FILE && records < MAX_RECORDS && input.next()) {
                    byte[] b = input.buffer();
                    int start = input.start();
                    int end = input.end();
                    if (start == end || (options.comment() >= 0 && b[start] == options.comment())) {
                        continue;
                    }
                    int count = tokenizer.tokenize(b, start, end);
                    if (first) {
                        first = false;
                        if (names == null) {
                            names = columnNames(b, count);
                            types = new DataType[count];
                            Arrays.fill(types, NullType.NULL);
                        }
                        if (options.header()) {
                            continue;
                        }
                    }
                    fileRecords++;
                    records++;
                    if (options.inferSchema()
                            && (options.samplingRatio() >= 1 || random.nextDouble() < options.samplingRatio())) {
                        inferRecord(b, count);
                    }
                }
            }
        }

        private List<String> columnNames(byte[] record, int count) {
            List<String> result = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = options.header() ? tokenizer.text(i, record) : "";
                result.add(name.isEmpty() || name.equals(options.nullValue()) ? "_c" + i : name);
            }
            if (!options.header()) {
                return result;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (String name : result) {
                seen.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            for (int i = 0; i < result.size(); i++) {
                String name = result.get(i);
                if (seen.get(name.toLowerCase(Locale.ROOT)) > 1) {
                    result.set(i, name + i);
                }
            }
            return result;
        }

        private void inferRecord(byte[] record, int count) {
            int columns = Math.min(count, types.length);
            for (int i = 0; i < columns; i++) {
                byte[] b = tokenizer.bytes(i, record);
                int s = tokenizer.fieldStarts[i];
                int e = tokenizer.fieldEnds[i];
                if (s == e || Arrays.equals(b, s, e, nullValue, 0, nullValue.length)) {
                    continue;
                }
                DataType type = inferValue(types[i], b, s, e);
                types[i] = merge(types[i], type);
            }
        }

        /** The type of one value, trying types from {@code soFar} on in Spark's order. */
        private DataType inferValue(DataType soFar, byte[] b, int s, int e) {
            return switch (soFar) {
                case NullType t -> tryInt(b, s, e);
                case IntType t -> tryInt(b, s, e);
                case BigintType t -> tryLong(b, s, e);
                case DecimalType t -> tryDecimal(b, s, e);
                case DoubleType t -> tryDouble(b, s, e);
                case DateType t -> tryDateTime(b, s, e);
                case TimestampType t -> tryTimestamp(b, s, e);
                case BooleanType t -> tryBoolean(b, s, e);
                default -> StringType.STRING;
            };
        }

        private DataType tryInt(byte[] b, int s, int e) {
            return values.parseInt(b, s, e) ? IntType.INT : tryLong(b, s, e);
        }

        private DataType tryLong(byte[] b, int s, int e) {
            return values.parseLong(b, s, e) ? BigintType.BIGINT : tryDecimal(b, s, e);
        }

        private DataType tryDecimal(byte[] b, int s, int e) {
            try {
                BigDecimal value = new BigDecimal(ValueParser.ascii(b, s, e));
                if (value.scale() <= 0) {
                    DecimalType type = InferredTypes.integralDecimal(value);
                    if (type != null) {
                        return type;
                    }
                }
            } catch (NumberFormatException ex) {
                // not a decimal: try the next type
            }
            return tryDouble(b, s, e);
        }

        private DataType tryDouble(byte[] b, int s, int e) {
            String text = ValueParser.utf8(b, s, e);
            if (text.equals(options.nanValue())
                    || text.equals(options.positiveInf())
                    || text.equals(options.negativeInf())
                    || values.parseDouble(b, s, e)) {
                return DoubleType.DOUBLE;
            }
            return tryDateTime(b, s, e);
        }

        private DataType tryDateTime(byte[] b, int s, int e) {
            if (options.preferDate() && isStrictDate(b, s, e)) {
                return DateType.DATE;
            }
            return tryTimestamp(b, s, e);
        }

        private DataType tryTimestamp(byte[] b, int s, int e) {
            return values.parseTimestamp(b, s, e) ? TimestampType.TIMESTAMP : tryBoolean(b, s, e);
        }

        private DataType tryBoolean(byte[] b, int s, int e) {
            return values.parseBoolean(b, s, e) ? BooleanType.BOOLEAN : StringType.STRING;
        }

        /** Whether the value is a date in the {@code dateFormat} pattern, by default exactly {@code yyyy-MM-dd}. */
        private boolean isStrictDate(byte[] b, int s, int e) {
            if (dateFormatter != null) {
                try {
                    DateTimePatterns.parseDate(dateFormatter, ValueParser.utf8(b, s, e));
                    return true;
                } catch (DateTimeException ex) {
                    return false;
                }
            }
            if (e - s != 10 || b[s + 4] != '-' || b[s + 7] != '-') {
                return false;
            }
            for (int i = s; i < e; i++) {
                if (i != s + 4 && i != s + 7 && (b[i] < '0' || b[i] > '9')) {
                    return false;
                }
            }
            return values.parseDate(b, s, e);
        }

        private DataType merge(DataType a, DataType b) {
            if (a.equals(b)) {
                return a;
            }
            if (a instanceof NullType) {
                return b;
            }
            if (b instanceof NullType) {
                return a;
            }
            DataType numeric = InferredTypes.widerNumeric(a, b);
            if (numeric != null) {
                return numeric;
            }
            boolean dateAndTimestamp = (a instanceof DateType && b instanceof TimestampType)
                    || (a instanceof TimestampType && b instanceof DateType);
            if (dateAndTimestamp && options.timestampFormat().isEmpty()) {
                return TimestampType.TIMESTAMP;
            }
            return StringType.STRING;
        }
    }
}
