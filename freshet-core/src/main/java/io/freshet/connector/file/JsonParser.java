package io.freshet.connector.file;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small pull tokenizer and typed reader for JSON text given as UTF-8 bytes (Freshet's core has no JSON
 * library). Syntax errors throw {@link MalformedJsonException}; a well-formed value of the wrong type for
 * the requested column sets {@link #mismatch} and reads as null, so that the caller can keep the other fields
 * of the record, as Spark's PERMISSIVE mode does. Not thread-safe.
 */
final class JsonParser {
    static final int OBJECT = 1;
    static final int ARRAY = 2;
    static final int STRING = 3;
    static final int NUMBER = 4;
    static final int TRUE = 5;
    static final int FALSE = 6;
    static final int NULL = 7;
    static final int NON_NUMERIC = 8;

    private static final int MAX_DEPTH = 1000;

    /** A syntax error in JSON text; cheap (no stack trace) because malformed records are expected input. */
    static final class MalformedJsonException extends RuntimeException {
        MalformedJsonException(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowSingleQuotes;
    private final boolean allowNonNumericNumbers;
    private final boolean allowNumericLeadingZeros;
    private final ValueParser values;
    private final Map<StructType, byte[][]> fieldNames = new IdentityHashMap<>();

    private byte[] b;
    private int pos;
    private int end;
    private int depth;
    private int inputStart;

    /** The first byte of the current token (for the raw text of a value). */
    int tokenStart;
    /** For STRING tokens and object keys: the decoded UTF-8 bytes {@code stringBytes[stringStart, stringEnd)}. */
    byte[] stringBytes;

    int stringStart;
    int stringEnd;
    /** For NUMBER tokens: the text {@code [numberStart, numberEnd)} and whether it has a fraction or exponent. */
    int numberStart;

    int numberEnd;
    boolean numberIsFloat;
    /** For NON_NUMERIC tokens: NaN or an infinity. */
    double nonNumericValue;
    /** Set when a value did not have the requested type; cleared by the caller. */
    boolean mismatch;

    private byte[] scratch = new byte[256];

    JsonParser(
            boolean allowSingleQuotes,
            boolean allowNonNumericNumbers,
            boolean allowNumericLeadingZeros,
            ValueParser values) {
        this.allowSingleQuotes = allowSingleQuotes;
        this.allowNonNumericNumbers = allowNonNumericNumbers;
        this.allowNumericLeadingZeros = allowNumericLeadingZeros;
        this.values = values;
    }

    static JsonParser of(JsonOptions options, ValueParser values) {
        return new JsonParser(
                options.allowSingleQuotes(),
                options.allowNonNumericNumbers(),
                options.allowNumericLeadingZeros(),
                values);
    }

    void reset(byte[] bytes, int start, int limit) {
        b = bytes;
        pos = start;
        inputStart = start;
        end = limit;
        depth = 0;
        mismatch = false;
    }

    int position() {
        return pos;
    }

    /** Whether only white space is left. */
    boolean atEnd() {
        skipWhitespace();
        return pos >= end;
    }

    /** Reads the next value's first token; for OBJECT and ARRAY the caller reads the contents. */
    int nextToken() {
        skipWhitespace();
        if (pos >= end) {
            throw new MalformedJsonException("unexpected end of input");
        }
        tokenStart = pos;
        byte c = b[pos];
        switch (c) {
            case '{' -> {
                pos++;
                return OBJECT;
            }
            case '[' -> {
                pos++;
                return ARRAY;
            }
            case '"' -> {
                readString((byte) '"');
                return STRING;
            }
            case '\'' -> {
                if (!allowSingleQuotes) {
                    throw malformed("single-quoted strings are not allowed");
                }
                readString((byte) '\'');
                return STRING;
            }
            case 't' -> {
                literal("true");
                return TRUE;
            }
            case 'f' -> {
                literal("false");
                return FALSE;
            }
            case 'n' -> {
                literal("null");
                return NULL;
            }
            case 'N' -> {
                nonNumeric("NaN", Double.NaN);
                return NON_NUMERIC;
            }
            case 'I' -> {
                nonNumeric("Infinity", Double.POSITIVE_INFINITY);
                return NON_NUMERIC;
            }
            case '+' -> {
                nonNumeric("+Infinity", Double.POSITIVE_INFINITY);
                return NON_NUMERIC;
            }
            default -> {
                if (c == '-' && pos + 1 < end && b[pos + 1] == 'I') {
                    nonNumeric("-Infinity", Double.NEGATIVE_INFINITY);
                    return NON_NUMERIC;
                }
                if (c == '-' || (c >= '0' && c <= '9')) {
                    readNumber();
                    return NUMBER;
                }
                throw malformed("unexpected character '" + (char) (c & 0xFF) + "'");
            }
        }
    }

    /**
     * Advances inside an object whose '{' was read: false at its '}', else reads the next key (into the string
     * fields) and the ':' after it.
     */
    boolean nextField(boolean first) {
        skipWhitespace();
        if (pos >= end) {
            throw malformed("unclosed object");
        }
        if (b[pos] == '}') {
            pos++;
            return false;
        }
        if (!first) {
            if (b[pos] != ',') {
                throw malformed("expected ',' or '}'");
            }
            pos++;
            skipWhitespace();
        }
        if (pos < end && b[pos] == '"') {
            readString((byte) '"');
        } else if (pos < end && b[pos] == '\'' && allowSingleQuotes) {
            readString((byte) '\'');
        } else {
            throw malformed("expected a field name");
        }
        skipWhitespace();
        if (pos >= end || b[pos] != ':') {
            throw malformed("expected ':'");
        }
        pos++;
        return true;
    }

    /** Advances inside an array whose '[' was read: false at its ']', else true before the next element. */
    boolean nextElement(boolean first) {
        skipWhitespace();
        if (pos >= end) {
            throw malformed("unclosed array");
        }
        if (b[pos] == ']') {
            pos++;
            return false;
        }
        if (!first) {
            if (b[pos] != ',') {
                throw malformed("expected ',' or ']'");
            }
            pos++;
        }
        return true;
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw malformed("nesting deeper than " + MAX_DEPTH);
        }
    }

    void exit() {
        depth--;
    }

    /** Skips the rest of a value whose first token was just read. */
    void skipRest(int token) {
        if (token == OBJECT) {
            enter();
            boolean first = true;
            while (nextField(first)) {
                first = false;
                skipRest(nextToken());
            }
            exit();
        } else if (token == ARRAY) {
            enter();
            boolean first = true;
            while (nextElement(first)) {
                first = false;
                skipRest(nextToken());
            }
            exit();
        }
    }

    /** Whether the current string (key or STRING token) equals the given UTF-8 bytes. */
    boolean stringEquals(byte[] name) {
        return Arrays.equals(stringBytes, stringStart, stringEnd, name, 0, name.length);
    }

    String string() {
        return new String(stringBytes, stringStart, stringEnd - stringStart, StandardCharsets.UTF_8);
    }

    String numberText() {
        return ValueParser.ascii(b, numberStart, numberEnd);
    }

    /** The raw text of the value from {@link #tokenStart} (taken before reading it) to the current position. */
    String rawText(int from) {
        return new String(b, from, pos - from, StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return b;
    }

    // ---- typed conversion of the current token ----

    /** Converts a NUMBER token to a long in {@code values.longValue}; false when not an integer in range. */
    boolean numberToLong() {
        return !numberIsFloat && values.parseLong(b, numberStart, numberEnd);
    }

    /** Converts a NUMBER, NON_NUMERIC or STRING token to a double in {@code values.doubleValue}. */
    boolean tokenToDouble(int token) {
        return switch (token) {
            case NUMBER -> values.parseDouble(b, numberStart, numberEnd);
            case NON_NUMERIC -> {
                values.doubleValue = nonNumericValue;
                yield true;
            }
            case STRING -> {
                // Spark accepts quoted NaN and infinities for double columns.
                String text = string();
                double special =
                        switch (text) {
                            case "NaN" -> Double.NaN;
                            case "Infinity", "+Infinity", "INF", "+INF", "Inf", "+Inf" -> Double.POSITIVE_INFINITY;
                            case "-Infinity", "-INF", "-Inf" -> Double.NEGATIVE_INFINITY;
                            default -> 0;
                        };
                if (special == 0) {
                    yield false;
                }
                values.doubleValue = special;
                yield true;
            }
            default -> false;
        };
    }

    /**
     * Reads a whole value as the internal value of {@code type} (boxed; for nested values and decimals), or
     * null for JSON null or a mismatch (then {@link #mismatch} is set).
     */
    Object readValue(DataType type) {
        return readValueAfter(nextToken(), type);
    }

    /** As {@link #readValue} for a value whose first token was just read. */
    Object readValueAfter(int token, DataType type) {
        if (token == NULL) {
            return null;
        }
        int start = tokenStart;
        Object value =
                switch (type) {
                    case StructType struct -> token == OBJECT ? readStruct(struct) : null;
                    case ArrayType array -> token == ARRAY ? readArray(array) : null;
                    case StringType t -> readStringValue(token, start);
                    case BooleanType t -> token == TRUE ? Boolean.TRUE : token == FALSE ? Boolean.FALSE : null;
                    case IntType t ->
                        token == NUMBER && numberToLong() && values.longValue == (int) values.longValue
                                ? (Object) (int) values.longValue
                                : null;
                    case BigintType t -> token == NUMBER && numberToLong() ? (Object) values.longValue : null;
                    case DoubleType t -> tokenToDouble(token) ? (Object) values.doubleValue : null;
                    case DecimalType decimal -> readDecimal(token, decimal);
                    case DateType t ->
                        token == STRING && values.parseDate(stringBytes, stringStart, stringEnd)
                                ? (Object) values.intValue
                                : null;
                    case TimestampType t -> readTimestamp(token) ? (Object) values.longValue : null;
                    case NullType t -> null;
                    case IntervalType t -> null;
                };
        if (value == null) {
            if (!(type instanceof NullType)) {
                mismatch = true;
            }
            if (token == OBJECT || token == ARRAY) {
                skipRest(token);
            }
        }
        return value;
    }

    /** For a timestamp column: a STRING in a timestamp form, or a NUMBER of seconds since the epoch (as Spark). */
    boolean readTimestamp(int token) {
        if (token == STRING) {
            return values.parseTimestamp(stringBytes, stringStart, stringEnd);
        }
        if (token == NUMBER && numberToLong()) {
            long seconds = values.longValue;
            if (Math.abs(seconds) > Long.MAX_VALUE / 1_000_000L) {
                return false;
            }
            values.longValue = seconds * 1_000_000L;
            return true;
        }
        return false;
    }

    private Object readDecimal(int token, DecimalType type) {
        if (token == NUMBER) {
            return values.parseDecimal(b, numberStart, numberEnd, type) ? values.objectValue : null;
        }
        if (token == STRING) {
            return values.parseDecimal(stringBytes, stringStart, stringEnd, type) ? values.objectValue : null;
        }
        return null;
    }

    /** A string column takes any value: strings as their text, anything else as its raw JSON text (as Spark). */
    private Object readStringValue(int token, int start) {
        if (token == STRING) {
            return string();
        }
        skipRest(token);
        return rawText(start);
    }

    private StructValue readStruct(StructType type) {
        enter();
        byte[][] names = fieldNames.computeIfAbsent(type, JsonParser::utf8Names);
        Object[] fields = new Object[names.length];
        boolean first = true;
        int expected = 0;
        while (nextField(first)) {
            first = false;
            int index = findField(names, expected);
            if (index < 0) {
                skipRest(nextToken());
                continue;
            }
            fields[index] = readValue(type.fields().get(index).type());
            expected = index + 1;
        }
        exit();
        return new StructValue(fields);
    }

    private List<Object> readArray(ArrayType type) {
        enter();
        List<Object> elements = new ArrayList<>();
        boolean first = true;
        while (nextElement(first)) {
            first = false;
            elements.add(readValue(type.elementType()));
        }
        exit();
        return elements;
    }

    /** The index of the field named by the current key, trying {@code expected} first; -1 if none. */
    int findField(byte[][] names, int expected) {
        if (expected < names.length && stringEquals(names[expected])) {
            return expected;
        }
        for (int i = 0; i < names.length; i++) {
            if (stringEquals(names[i])) {
                return i;
            }
        }
        return -1;
    }

    static byte[][] utf8Names(StructType type) {
        return utf8Names(type.fields());
    }

    static byte[][] utf8Names(List<Field> fields) {
        byte[][] names = new byte[fields.size()][];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).name().getBytes(StandardCharsets.UTF_8);
        }
        return names;
    }

    /** The number of the current NUMBER token as a BigDecimal, or null if it has no finite decimal value. */
    BigDecimal numberAsDecimal() {
        try {
            return new BigDecimal(numberText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- lexing ----

    private void skipWhitespace() {
        while (pos < end) {
            byte c = b[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    private void literal(String word) {
        int length = word.length();
        if (pos + length > end) {
            throw malformed("unexpected token");
        }
        for (int i = 0; i < length; i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw malformed("unexpected token");
            }
        }
        pos += length;
        checkDelimiter();
    }

    private void nonNumeric(String word, double value) {
        if (!allowNonNumericNumbers) {
            throw malformed("non-numeric numbers are not allowed");
        }
        literal(word);
        nonNumericValue = value;
    }

    /** A literal or number must be followed by a delimiter, so {@code truex} or {@code 12ab} is an error. */
    private void checkDelimiter() {
        if (pos < end) {
            byte c = b[pos];
            if (!(c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':')) {
                throw malformed("unexpected character after a value");
            }
        }
    }

    private void readNumber() {
        int start = pos;
        boolean isFloat = false;
        if (b[pos] == '-') {
            pos++;
        }
        int intStart = pos;
        while (pos < end && isDigit(b[pos])) {
            pos++;
        }
        if (pos == intStart) {
            throw malformed("invalid number");
        }
        if (!allowNumericLeadingZeros && b[intStart] == '0' && pos - intStart > 1) {
            throw malformed("leading zeros are not allowed in numbers");
        }
        if (pos < end && b[pos] == '.') {
            isFloat = true;
            pos++;
            int fractionStart = pos;
            while (pos < end && isDigit(b[pos])) {
                pos++;
            }
            if (pos == fractionStart) {
                throw malformed("invalid number");
            }
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            isFloat = true;
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            int exponentStart = pos;
            while (pos < end && isDigit(b[pos])) {
                pos++;
            }
            if (pos == exponentStart) {
                throw malformed("invalid number");
            }
        }
        numberStart = start;
        numberEnd = pos;
        numberIsFloat = isFloat;
        checkDelimiter();
    }

    private void readString(byte quote) {
        int start = ++pos;
        while (pos < end) {
            byte c = b[pos];
            if (c == quote) {
                stringBytes = b;
                stringStart = start;
                stringEnd = pos;
                pos++;
                return;
            }
            if (c == '\\') {
                readEscapedString(quote, start);
                return;
            }
            if (c >= 0 && c < 0x20) {
                throw malformed("control character in a string");
            }
            pos++;
        }
        throw malformed("unclosed string");
    }

    /** The slow path of a string with escapes: decodes into the scratch buffer. */
    private void readEscapedString(byte quote, int start) {
        int length = pos - start;
        ensureScratch(length + 16);
        System.arraycopy(b, start, scratch, 0, length);
        while (pos < end) {
            byte c = b[pos];
            if (c == quote) {
                stringBytes = scratch;
                stringStart = 0;
                stringEnd = length;
                pos++;
                return;
            }
            ensureScratch(length + 4);
            if (c == '\\') {
                if (pos + 1 >= end) {
                    break;
                }
                byte escaped = b[pos + 1];
                pos += 2;
                switch (escaped) {
                    case '"', '\\', '/', '\'' -> scratch[length++] = escaped;
                    case 'b' -> scratch[length++] = '\b';
                    case 'f' -> scratch[length++] = '\f';
                    case 'n' -> scratch[length++] = '\n';
                    case 'r' -> scratch[length++] = '\r';
                    case 't' -> scratch[length++] = '\t';
                    case 'u' -> {
                        int codePoint = hex4();
                        if (Character.isHighSurrogate((char) codePoint)
                                && pos + 1 < end
                                && b[pos] == '\\'
                                && b[pos + 1] == 'u') {
                            int save = pos;
                            pos += 2;
                            int low = hex4();
                            if (Character.isLowSurrogate((char) low)) {
                                codePoint = Character.toCodePoint((char) codePoint, (char) low);
                            } else {
                                pos = save;
                            }
                        }
                        length = appendUtf8(codePoint, length);
                    }
                    default -> throw malformed("invalid escape '\\" + (char) (escaped & 0xFF) + "'");
                }
            } else if (c >= 0 && c < 0x20) {
                throw malformed("control character in a string");
            } else {
                scratch[length++] = c;
                pos++;
            }
        }
        throw malformed("unclosed string");
    }

    private int hex4() {
        if (pos + 4 > end) {
            throw malformed("invalid \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(b[pos + i], 16);
            if (digit < 0) {
                throw malformed("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return value;
    }

    private int appendUtf8(int codePoint, int length) {
        if (Character.isSurrogate((char) codePoint) && codePoint < 0x10000) {
            codePoint = 0xFFFD; // a lone surrogate has no UTF-8 form
        }
        if (codePoint < 0x80) {
            scratch[length++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            scratch[length++] = (byte) (0xC0 | (codePoint >> 6));
            scratch[length++] = (byte) (0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            scratch[length++] = (byte) (0xE0 | (codePoint >> 12));
            scratch[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            scratch[length++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
            scratch[length++] = (byte) (0xF0 | (codePoint >> 18));
            scratch[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            scratch[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            scratch[length++] = (byte) (0x80 | (codePoint & 0x3F));
        }
        return length;
    }

    private void ensureScratch(int needed) {
        if (needed > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(needed, scratch.length * 2));
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    MalformedJsonException malformed(String problem) {
        return new MalformedJsonException(problem + " at byte " + (pos - inputStart) + " of the record");
    }
}
