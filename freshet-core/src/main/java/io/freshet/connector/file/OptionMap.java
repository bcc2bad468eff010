package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Typed, case-insensitive access to data source options; every invalid value becomes an {@code
 * INVALID_OPTION} error naming the option in Spark's spelling. Unknown options are ignored, as Spark does.
 */
final class OptionMap {
    private final Map<String, String> values = new HashMap<>();

    OptionMap(Map<String, String> options) {
        requireNonNull(options, "options is null");
        for (Map.Entry<String, String> entry : options.entrySet()) {
            requireNonNull(entry.getKey(), "option name is null");
            values.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
        }
    }

    /** The value of the first of {@code names} that is set (names are aliases, the first is Spark's). */
    Optional<String> get(String... names) {
        for (String name : names) {
            String value = values.get(name.toLowerCase(Locale.ROOT));
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    String string(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    boolean bool(String name, boolean defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String text = value.get().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(name, "must be true or false, got '" + value.get() + "'");
    }

    double ratio(String name, double defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        double ratio;
        try {
            ratio = Double.parseDouble(value.get().trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a number in (0, 1], got '" + value.get() + "'");
        }
        if (!(ratio > 0 && ratio <= 1)) {
            throw invalid(name, "must be a number in (0, 1], got '" + value.get() + "'");
        }
        return ratio;
    }

    ReadMode mode() {
        Optional<String> value = get("mode");
        if (value.isEmpty()) {
            return ReadMode.PERMISSIVE;
        }
        return switch (value.get().trim().toUpperCase(Locale.ROOT)) {
            case "PERMISSIVE" -> ReadMode.PERMISSIVE;
            case "DROPMALFORMED" -> ReadMode.DROPMALFORMED;
            case "FAILFAST" -> ReadMode.FAILFAST;
            default ->
                throw invalid("mode", "must be one of PERMISSIVE, DROPMALFORMED, FAILFAST, got '" + value.get() + "'");
        };
    }

    Compression compression() {
        Optional<String> value = get("compression", "codec");
        if (value.isEmpty()) {
            return Compression.NONE;
        }
        return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "none", "uncompressed" -> Compression.NONE;
            case "gzip" -> Compression.GZIP;
            default ->
                throw invalid("compression", "must be one of none, uncompressed, gzip, got '" + value.get() + "'");
        };
    }

    /** Checks the {@code encoding} (alias {@code charset}) option: only UTF-8 is supported. */
    void requireUtf8() {
        Optional<String> value = get("encoding", "charset");
        if (value.isPresent()) {
            String normalized =
                    value.get().trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            if (!normalized.equals("utf8")) {
                throw invalid(
                        "encoding", "supports only UTF-8, got '" + value.get() + "'; convert the files to UTF-8 first");
            }
        }
    }

    /**
     * A single-character option such as {@code sep}, {@code quote} or {@code escape}, or -1 when the value is
     * empty and {@code emptyMeansNone}. Accepts the escapes {@code \t}, {@code \\}, {@code \"}, {@code \'} and
     * {@code \}{@code uXXXX}, as Spark does. The character must be ASCII because the parsers work on bytes.
     */
    int character(String displayName, int defaultValue, boolean emptyMeansNone, String... names) {
        Optional<String> value = get(names);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String text = value.get();
        if (text.isEmpty()) {
            if (emptyMeansNone) {
                return -1;
            }
            throw invalid(displayName, "must be a single character, got an empty string");
        }
        int c = unescapeCharacter(text);
        if (c < 0) {
            throw invalid(displayName, "must be a single character, got '" + text + "'");
        }
        if (c == 0 && emptyMeansNone) {
            return -1;
        }
        if (c > 0x7F) {
            throw invalid(displayName, "must be an ASCII character, got '" + text + "'");
        }
        return c;
    }

    private static int unescapeCharacter(String text) {
        if (text.length() == 1) {
            return text.charAt(0);
        }
        if (text.charAt(0) != '\\') {
            return -1;
        }
        if (text.length() == 2) {
            return switch (text.charAt(1)) {
                case 't' -> '\t';
                case '\\' -> '\\';
                case '"' -> '"';
                case '\'' -> '\'';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case '0' -> 0;
                default -> -1;
            };
        }
        if (text.length() == 6 && text.charAt(1) == 'u') {
            try {
                return Integer.parseInt(text.substring(2), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** A Spark datetime pattern option, checked by compiling it. */
    Optional<String> pattern(String name) {
        Optional<String> value = get(name);
        if (value.isPresent()) {
            try {
                DateTimePatterns.compile(value.get());
            } catch (IllegalArgumentException e) {
                throw invalid(name, "is not a valid datetime pattern: '" + value.get() + "' (" + e.getMessage() + ")");
            }
        }
        return value;
    }

    /** A line separator option; null when not set. */
    String lineSeparator(int maxLength) {
        Optional<String> value = get("lineSep");
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get();
        if (text.isEmpty()) {
            throw invalid("lineSep", "must not be empty");
        }
        if (text.length() > maxLength) {
            throw invalid("lineSep", "must be at most " + maxLength + " character(s), got '" + text + "'");
        }
        return text;
    }

    static FreshetException invalid(String name, String problem) {
        return new FreshetException(ErrorCode.INVALID_OPTION, "Option '" + name + "' " + problem);
    }

    /** Compiles a datetime pattern given outside an option map (e.g. to a {@link ValueFormatter}). */
    static DateTimeFormatter compileOrThrow(String name, String pattern) {
        try {
            return DateTimePatterns.compile(pattern);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "is not a valid datetime pattern: '" + pattern + "' (" + e.getMessage() + ")");
        }
    }
}
