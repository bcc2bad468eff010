package io.freshet.connector.file;

import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.expr.Temporal;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Formats internal values as text: the text of a CSV field and the text of a JSON value, for any {@link
 * DataType}. The file writers and the command-line tool's result printing share these rules.
 *
 * <p>Text rules: booleans {@code true}/{@code false}; integers in decimal; doubles as {@link
 * Double#toString(double)} (the shortest form that reads back to the same double, e.g. {@code 0.1}, {@code
 * 1.0E10}, {@code NaN}, {@code Infinity}); decimals plain ({@link BigDecimal#toPlainString()}); dates {@code
 * yyyy-MM-dd}; timestamps {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in the session time zone (the fraction without
 * trailing zeros); intervals as Spark prints them ({@code INTERVAL '1 02:03:04.5' DAY TO SECOND}); structs and
 * arrays as JSON. The {@code dateFormat} and {@code timestampFormat} patterns replace the date and timestamp
 * forms when given.
 *
 * <p>JSON rules: strings, dates, timestamps and intervals are JSON strings; NaN and infinities are the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (as Spark writes them); struct fields that are null
 * are omitted when {@code omitNullFields} (Spark's {@code ignoreNullFields}, on by default); nulls inside
 * arrays are {@code null}.
 */
public final class ValueFormatter {
    private final ZoneId zone;
    private final DateTimeFormatter dateFormatter;
    private final DateTimeFormatter timestampFormatter;
    private final boolean omitNullFields;

    /** The default forms in {@code zone}, omitting null struct fields in JSON. */
    public ValueFormatter(ZoneId zone) {
        this(zone, Optional.empty(), Optional.empty(), true);
    }

    /**
     * Formats with optional Spark datetime patterns.
     *
     * @throws io.freshet.FreshetException with {@code INVALID_OPTION} for an invalid pattern
     */
    public ValueFormatter(
            ZoneId zone, Optional<String> dateFormat, Optional<String> timestampFormat, boolean omitNullFields) {
        this.zone = requireNonNull(zone, "zone is null");
        this.dateFormatter =
                dateFormat.map(p -> OptionMap.compileOrThrow("dateFormat", p)).orElse(null);
        this.timestampFormatter = timestampFormat
                .map(p -> OptionMap.compileOrThrow("timestampFormat", p))
                .orElse(null);
        this.omitNullFields = omitNullFields;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The text of a value, or null for null. */
    public String text(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        appendText(out, value, type);
        return out.toString();
    }

    /** Appends the text of a non-null value. */
    public void appendText(StringBuilder out, Object value, DataType type) {
        switch (type) {
            case BooleanType t -> out.append(((Boolean) value).booleanValue());
            case IntType t -> out.append(((Number) value).intValue());
            case BigintType t -> out.append(((Number) value).longValue());
            case DoubleType t -> out.append(((Number) value).doubleValue());
            case DecimalType t -> out.append(((BigDecimal) value).toPlainString());
            case StringType t -> out.append((String) value);
            case DateType t -> appendDate(out, ((Number) value).intValue());
            case TimestampType t -> appendTimestamp(out, ((Number) value).longValue());
            case IntervalType t -> appendInterval(out, ((Number) value).longValue());
            case StructType t -> appendJson(out, value, type);
            case ArrayType t -> appendJson(out, value, type);
            case NullType t -> out.append("null");
        }
    }

    /** Appends the text of the non-null value at {@code position} of {@code vector}, without boxing primitives. */
    public void appendText(StringBuilder out, Vector vector, int position) {
        switch (vector) {
            case BooleanVector v -> out.append(v.getBoolean(position));
            case IntVector v -> {
                if (v.type() instanceof DateType) {
                    appendDate(out, v.getInt(position));
                } else {
                    out.append(v.getInt(position));
                }
            }
            case LongVector v -> {
                switch (v.type()) {
                    case TimestampType t -> appendTimestamp(out, v.getLong(position));
                    case IntervalType t -> appendInterval(out, v.getLong(position));
                    default -> out.append(v.getLong(position));
                }
            }
            case DoubleVector v -> out.append(v.getDouble(position));
            case StringVector v -> out.append(v.getString(position));
            case ObjectVector v -> appendText(out, v.get(position), v.type());
        }
    }

    /** The JSON text of a value ({@code null} for null). */
    public String json(Object value, DataType type) {
        StringBuilder out = new StringBuilder();
        appendJson(out, value, type);
        return out.toString();
    }

    /** Appends the JSON text of a value ({@code null} for null). */
    public void appendJson(StringBuilder out, Object value, DataType type) {
        if (value == null) {
            out.append("null");
            return;
        }
        switch (type) {
            case BooleanType t -> out.append(((Boolean) value).booleanValue());
            case IntType t -> out.append(((Number) value).intValue());
            case BigintType t -> out.append(((Number) value).longValue());
            case DoubleType t -> appendJsonDouble(out, ((Number) value).doubleValue());
            case DecimalType t -> out.append(((BigDecimal) value).toPlainString());
            case StringType t -> appendJsonString(out, (String) value);
            case DateType t -> appendJsonText(out, value, type);
            case TimestampType t -> appendJsonText(out, value, type);
            case IntervalType t -> appendJsonText(out, value, type);
            case StructType struct -> appendJsonStruct(out, (StructValue) value, struct.fields());
            case ArrayType array -> {
                out.append('[');
                List<?> elements = (List<?>) value;
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendJson(out, elements.get(i), array.elementType());
                }
                out.append(']');
            }
            case NullType t -> out.append("null");
        }
    }

    private void appendJsonText(StringBuilder out, Object value, DataType type) {
        StringBuilder text = new StringBuilder();
        appendText(text, value, type);
        appendJsonString(out, text);
    }

    /** Appends the JSON text of the non-null value at {@code position}, without boxing primitives. */
    public void appendJson(StringBuilder out, Vector vector, int position) {
        switch (vector) {
            case BooleanVector v -> out.append(v.getBoolean(position));
            case IntVector v -> {
                if (v.type() instanceof DateType) {
                    out.append('"');
                    appendDate(out, v.getInt(position));
                    out.append('"');
                } else {
                    out.append(v.getInt(position));
                }
            }
            case LongVector v -> {
                switch (v.type()) {
                    case TimestampType t -> {
                        StringBuilder text = new StringBuilder(26);
                        appendTimestamp(text, v.getLong(position));
                        appendJsonString(out, text);
                    }
                    case IntervalType t -> {
                        StringBuilder text = new StringBuilder(40);
                        appendInterval(text, v.getLong(position));
                        appendJsonString(out, text);
                    }
                    default -> out.append(v.getLong(position));
                }
            }
            case DoubleVector v -> appendJsonDouble(out, v.getDouble(position));
            case StringVector v -> appendJsonString(out, v.getString(position));
            case ObjectVector v -> appendJson(out, v.get(position), v.type());
        }
    }

    /**
     * Appends a JSON object of a row's fields; null fields are omitted when {@code omitNullFields}, else written
     * as {@code null}.
     */
    void appendJsonStruct(StringBuilder out, StructValue value, List<Field> fields) {
        out.append('{');
        boolean first = true;
        for (int i = 0; i < fields.size(); i++) {
            Object fieldValue = value.get(i);
            if (fieldValue == null && omitNullFields) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            appendJsonString(out, fields.get(i).name());
            out.append(':');
            appendJson(out, fieldValue, fields.get(i).type());
        }
        out.append('}');
    }

    boolean omitNullFields() {
        return omitNullFields;
    }

    private static void appendJsonDouble(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("\"NaN\"");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        } else {
            out.append(value);
        }
    }

    /** Appends {@code text} as a JSON string: quoted, with quotes, backslashes and control characters escaped. */
    public static void appendJsonString(StringBuilder out, CharSequence text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void appendDate(StringBuilder out, int days) {
        LocalDate date = LocalDate.ofEpochDay(days);
        if (dateFormatter != null) {
            out.append(dateFormatter.format(date));
        } else {
            out.append(date);
        }
    }

    private void appendTimestamp(StringBuilder out, long micros) {
        if (timestampFormatter != null) {
            out.append(timestampFormatter.format(Temporal.toInstant(micros).atZone(zone)));
        } else {
            out.append(Temporal.formatTimestamp(micros, zone));
        }
    }

    /** As Spark prints a day-time interval: {@code INTERVAL '[-]d hh:mm:ss[.ffffff]' DAY TO SECOND}. */
    private static void appendInterval(StringBuilder out, long micros) {
        out.append("INTERVAL '");
        if (micros < 0) {
            out.append('-');
        }
        // Math.abs(Long.MIN_VALUE) overflows; work with the unsigned magnitude via negative arithmetic.
        long magnitude = micros < 0 ? -(micros + 1) + 1 : micros;
        long days = Long.divideUnsigned(magnitude, Temporal.MICROS_PER_DAY);
        long rest = Long.remainderUnsigned(magnitude, Temporal.MICROS_PER_DAY);
        long seconds = rest / Temporal.MICROS_PER_SECOND;
        long fraction = rest % Temporal.MICROS_PER_SECOND;
        out.append(Long.toUnsignedString(days)).append(' ');
        twoDigits(out, seconds / 3600);
        out.append(':');
        twoDigits(out, seconds / 60 % 60);
        out.append(':');
        twoDigits(out, seconds % 60);
        if (fraction != 0) {
            String digits = Long.toString(fraction + 1_000_000L).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
        out.append("' DAY TO SECOND");
    }

    private static void twoDigits(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }

    /**
     * Appends {@code text} as a CSV field: quoted when it contains the delimiter, the quote, a line break or the
     * comment character, starts with the quote, or is empty, or always with {@code quoteAll}. Quotes inside
     * are doubled (RFC 4180); the escape character before a quote or at the end is itself escaped, so that
     * Spark's default reader settings ({@code escape} {@code \}) read the text back unchanged.
     */
    public static void appendCsvField(StringBuilder out, CharSequence text, CsvOptions options) {
        int quote = options.quote();
        if (quote < 0 || !(options.quoteAll() || needsQuotes(text, options))) {
            out.append(text);
            return;
        }
        int escape = options.escape();
        int escapeEscape = options.quoteEscapeEscape() >= 0 ? options.quoteEscapeEscape() : escape;
        out.append((char) quote);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == quote) {
                out.append(c).append(c);
            } else if (c == escape && escape != quote && (i + 1 == length || text.charAt(i + 1) == quote)) {
                out.append((char) escapeEscape).append(c);
            } else {
                out.append(c);
            }
        }
        out.append((char) quote);
    }

    private static boolean needsQuotes(CharSequence text, CsvOptions options) {
        int length = text.length();
        if (length == 0) {
            return true;
        }
        int delimiter = options.delimiter();
        int quote = options.quote();
        int comment = options.comment();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == quote || c == '\n' || c == '\r' || c == comment) {
                return true;
            }
        }
        return false;
    }
}
