package io.freshet.util;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A small JSON reader and writer for Freshet's own metadata (checkpoint logs, source logs and offsets), not for
 * data files. The {@link Reader} pulls values one at a time and can hand back a value's exact text ({@link
 * Reader#nextRaw()}), so that opaque JSON embedded in a file (a source's offset) round-trips byte for byte; the
 * {@link Writer} builds compact text. Syntax errors throw {@link IllegalArgumentException} with the position;
 * callers wrap them with the name of the file they read.
 */
public final class Json {
    private Json() {}

    /** The value of {@code text}: Map (insertion-ordered), List, String, Long, BigDecimal, Boolean or null. */
    public static Object parse(String text) {
        Reader reader = new Reader(text);
        Object value = reader.nextValue();
        reader.endDocument();
        return value;
    }

    /** Whether {@code text} is exactly one JSON value with no white space around it. */
    public static boolean isCompactValue(String text) {
        requireNonNull(text, "text is null");
        if (text.isEmpty()
                || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Appends {@code text} as a quoted JSON string. */
    public static void appendString(StringBuilder out, String text) {
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
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The kind of the next token of a {@link Reader}. */
    public enum Token {
        BEGIN_OBJECT,
        END_OBJECT,
        BEGIN_ARRAY,
        END_ARRAY,
        NAME,
        STRING,
        NUMBER,
        BOOLEAN,
        NULL,
        END_DOCUMENT
    }

    /** Builds compact JSON text; names and values are checked to come in a valid order. */
    public static final class Writer {
        private final StringBuilder out = new StringBuilder();
        private final List<Frame> stack = new ArrayList<>();
        private boolean expectingValueAfterName;
        private boolean done;

        /** An open container: whether it is an object, and whether it has a member yet. */
        private static final class Frame {
            final boolean object;
            boolean hasMember;

            Frame(boolean object) {
                this.object = object;
            }
        }

        public Writer beginObject() {
            beforeValue();
            out.append('{');
            stack.add(new Frame(true));
            return this;
        }

        public Writer endObject() {
            close(true, '}');
            return this;
        }

        public Writer beginArray() {
            beforeValue();
            out.append('[');
            stack.add(new Frame(false));
            return this;
        }

        public Writer endArray() {
            close(false, ']');
            return this;
        }

        /** The name of the next member of the current object. */
        public Writer name(String name) {
            requireNonNull(name, "name is null");
            Checks.checkState(
                    !stack.isEmpty() && top().object && !expectingValueAfterName, "a name must be inside an object");
            if (top().hasMember) {
                out.append(',');
            }
            top().hasMember = true;
            appendString(out, name);
            out.append(':');
            expectingValueAfterName = true;
            return this;
        }

        /** A string value, or null. */
        public Writer value(String value) {
            if (value == null) {
                return nullValue();
            }
            beforeValue();
            appendString(out, value);
            return this;
        }

        public Writer value(long value) {
            beforeValue();
            out.append(value);
            return this;
        }

        public Writer value(boolean value) {
            beforeValue();
            out.append(value);
            return this;
        }

        public Writer nullValue() {
            beforeValue();
            out.append("null");
            return this;
        }

        /** A value given as JSON text, written verbatim; it must be one compact JSON value. */
        public Writer rawValue(String json) {
            Checks.checkArgument(isCompactValue(json), "not a compact JSON value: %s", json);
            beforeValue();
            out.append(json);
            return this;
        }

        /** An object of string members, in the map's iteration order. */
        public Writer value(Map<String, String> members) {
            beginObject();
            for (Map.Entry<String, String> entry : members.entrySet()) {
                name(entry.getKey()).value(entry.getValue());
            }
            return endObject();
        }

        /** An array of numbers. */
        public Writer longs(List<Long> values) {
            beginArray();
            for (Long value : values) {
                if (value == null) {
                    nullValue();
                } else {
                    value(value.longValue());
                }
            }
            return endArray();
        }

        /** The text written; the document must be complete. */
        @Override
        public String toString() {
            Checks.checkState(done && stack.isEmpty(), "the JSON document is incomplete: %s", out);
            return out.toString();
        }

        private Frame top() {
            return stack.get(stack.size() - 1);
        }

        private void beforeValue() {
            if (stack.isEmpty()) {
                Checks.checkState(!done, "a JSON document has one top-level value");
                done = true;
                return;
            }
            Frame top = top();
            if (top.object) {
                Checks.checkState(expectingValueAfterName, "an object member needs a name first");
                expectingValueAfterName = false;
            } else {
                if (top.hasMember) {
                    out.append(',');
                }
                top.hasMember = true;
            }
        }

        private void close(boolean object, char bracket) {
            Checks.checkState(
                    !stack.isEmpty() && top().object == object && !expectingValueAfterName, "unbalanced %s", bracket);
            stack.remove(stack.size() - 1);
            out.append(bracket);
        }
    }

    /**
     * Reads JSON text one token at a time. Containers are entered with {@code beginObject}/{@code beginArray}, their
     * members iterated while {@link #hasNext()}, and left with {@code endObject}/{@code endArray}.
     */
    public static final class Reader {
        private final String text;
        private int pos;
        private final List<Frame> stack = new ArrayList<>();
        private boolean afterName;

        /** An open container: whether it is an object, and whether a separator must come before its next member. */
        private static final class Frame {
            final boolean object;
            boolean needsSeparator;

            Frame(boolean object) {
                this.object = object;
            }
        }

        public Reader(String text) {
            this.text = requireNonNull(text, "text is null");
        }

        /** The kind of the next token, without consuming it. */
        public Token peek() {
            skipWhitespace();
            if (stack.isEmpty() && pos >= text.length()) {
                return Token.END_DOCUMENT;
            }
            if (!stack.isEmpty() && !afterName) {
                Frame top = stack.get(stack.size() - 1);
                char c = current();
                if (c == (top.object ? '}' : ']')) {
                    return top.object ? Token.END_OBJECT : Token.END_ARRAY;
                }
                if (top.needsSeparator) {
                    expect(',');
                    skipWhitespace();
                    top.needsSeparator = false;
                }
                if (top.object) {
                    return Token.NAME;
                }
            }
            return switch (current()) {
                case '{' -> Token.BEGIN_OBJECT;
                case '[' -> Token.BEGIN_ARRAY;
                case '"' -> Token.STRING;
                case 't', 'f' -> Token.BOOLEAN;
                case 'n' -> Token.NULL;
                default -> {
                    char c = current();
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield Token.NUMBER;
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        /** Whether the current object or array has another member. */
        public boolean hasNext() {
            Token token = peek();
            return token != Token.END_OBJECT && token != Token.END_ARRAY && token != Token.END_DOCUMENT;
        }

        public void beginObject() {
            expectToken(Token.BEGIN_OBJECT);
            pos++;
            valueConsumed();
            stack.add(new Frame(true));
        }

        public void endObject() {
            expectToken(Token.END_OBJECT);
            pos++;
            stack.remove(stack.size() - 1);
        }

        public void beginArray() {
            expectToken(Token.BEGIN_ARRAY);
            pos++;
            valueConsumed();
            stack.add(new Frame(false));
        }

        public void endArray() {
            expectToken(Token.END_ARRAY);
            pos++;
            stack.remove(stack.size() - 1);
        }

        /** The name of the next member of the current object. */
        public String nextName() {
            expectToken(Token.NAME);
            if (current() != '"') {
                throw error("expected a quoted member name");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            afterName = true;
            return name;
        }

        public String nextString() {
            expectToken(Token.STRING);
            String value = readString();
            valueConsumed();
            return value;
        }

        /** A number that is an integer in the range of {@code long}. */
        public long nextLong() {
            expectToken(Token.NUMBER);
            int start = pos;
            String number = readNumber();
            try {
                long value = Long.parseLong(number);
                valueConsumed();
                return value;
            } catch (NumberFormatException e) {
                pos = start;
                throw error("expected an integer, found " + number);
            }
        }

        public boolean nextBoolean() {
            expectToken(Token.BOOLEAN);
            boolean value;
            if (text.startsWith("true", pos)) {
                pos += 4;
                value = true;
            } else if (text.startsWith("false", pos)) {
                pos += 5;
                value = false;
            } else {
                throw error("expected true or false");
            }
            valueConsumed();
            return value;
        }

        public void nextNull() {
            expectToken(Token.NULL);
            if (!text.startsWith("null", pos)) {
                throw error("expected null");
            }
            pos += 4;
            valueConsumed();
        }

        /** The next value as a tree: Map, List, String, Long, BigDecimal, Boolean or null. */
        public Object nextValue() {
            return switch (peek()) {
                case BEGIN_OBJECT -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    beginObject();
                    while (hasNext()) {
                        String name = nextName();
                        map.put(name, nextValue());
                    }
                    endObject();
                    yield map;
                }
                case BEGIN_ARRAY -> {
                    List<Object> list = new ArrayList<>();
                    beginArray();
                    while (hasNext()) {
                        list.add(nextValue());
                    }
                    endArray();
                    yield list;
                }
                case STRING -> nextString();
                case BOOLEAN -> nextBoolean();
                case NULL -> {
                    nextNull();
                    yield null;
                }
                case NUMBER -> {
                    String number = readNumber();
                    valueConsumed();
                    try {
                        yield Long.parseLong(number);
                    } catch (NumberFormatException e) {
                        yield new BigDecimal(number);
                    }
                }
                case END_OBJECT, END_ARRAY, NAME, END_DOCUMENT -> throw error("expected a value");
            };
        }

        /** The exact text of the next value (checked to be valid JSON), e.g. an embedded offset. */
        public String nextRaw() {
            peek();
            int start = pos;
            nextValue();
            return text.substring(start, pos);
        }

        public void skipValue() {
            nextValue();
        }

        /** Checks that nothing but white space follows the value read. */
        public void endDocument() {
            skipWhitespace();
            if (!stack.isEmpty() || pos < text.length()) {
                throw error("unexpected text after the JSON value");
            }
        }

        private void valueConsumed() {
            afterName = false;
            if (!stack.isEmpty()) {
                stack.get(stack.size() - 1).needsSeparator = true;
            }
        }

        private void expectToken(Token token) {
            Token actual = peek();
            if (actual != token) {
                throw error("expected " + describe(token) + ", found " + describe(actual));
            }
        }

        private static String describe(Token token) {
            return switch (token) {
                case BEGIN_OBJECT -> "an object";
                case END_OBJECT -> "the end of an object";
                case BEGIN_ARRAY -> "an array";
                case END_ARRAY -> "the end of an array";
                case NAME -> "a member name";
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case NULL -> "null";
                case END_DOCUMENT -> "the end of the text";
            };
        }

        private char current() {
            if (pos >= text.length()) {
                throw error("unexpected end of the text");
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (current() != c) {
                throw error("expected '" + c + "', found '" + current() + "'");
            }
            pos++;
        }

        private void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private String readString() {
            pos++; // the opening quote
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = current();
                pos++;
                if (c == '"') {
                    return value.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = current();
                pos++;
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("truncated \\u escape");
                        }
                        try {
                            value.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("invalid \\u escape");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw error("invalid escape \\" + escaped);
                    }
                }
            }
        }

        private String readNumber() {
            int start = pos;
            if (pos < text.length() && text.charAt(pos) == '-') {
                pos++;
            }
            int integerStart = pos;
            skipDigits();
            if (pos == integerStart) {
                throw error("expected a digit");
            }
            if (text.charAt(integerStart) == '0' && pos - integerStart > 1) {
                pos = integerStart;
                throw error("leading zero in a number");
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                int fractionStart = pos;
                skipDigits();
                if (pos == fractionStart) {
                    throw error("expected a digit after the decimal point");
                }
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                int exponentStart = pos;
                skipDigits();
                if (pos == exponentStart) {
                    throw error("expected a digit in the exponent");
                }
            }
            return text.substring(start, pos);
        }

        private void skipDigits() {
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("Invalid JSON at position " + pos + ": " + problem);
        }
    }
}
