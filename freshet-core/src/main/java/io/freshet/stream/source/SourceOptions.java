package io.freshet.stream.source;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.Intervals;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Typed, case-insensitive access to a stream source's options (Spark's names); an invalid value is an {@code
 * INVALID_OPTION} error naming the option. Unknown options are ignored, as Spark does.
 */
public final class SourceOptions {
    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*((?:[kmgt]i?)?)b?", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> values = new HashMap<>();

    public SourceOptions(Map<String, String> options) {
        requireNonNull(options, "options is null");
        for (Map.Entry<String, String> entry : options.entrySet()) {
            values.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
        }
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A whole number at least 1, or {@code defaultValue} when the option is not set. */
    public long positiveLong(String name, long defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.get().trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw invalid(name, "must be a positive whole number, got '" + value.get() + "'");
    }

    /** A size in bytes: a positive number with an optional unit {@code k}, {@code m}, {@code g} (1024-based). */
    public long positiveBytes(String name, long defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Matcher matcher = SIZE.matcher(value.get().trim());
        if (matcher.matches()) {
            String unit = matcher.group(2).toLowerCase(Locale.ROOT);
            int shift = unit.isEmpty() ? 0 : 10 * ("kmgt".indexOf(unit.charAt(0)) + 1);
            try {
                long parsed = Math.multiplyExact(Long.parseLong(matcher.group(1)), 1L << shift);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // Reported below.
            }
        }
        throw invalid(name, "must be a positive size such as 1048576, 512k or 64m, got '" + value.get() + "'");
    }

    /** A non-negative duration such as {@code '2 seconds'} or {@code '500 ms'}, in microseconds. */
    public long durationMicros(String name, long defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        long micros;
        try {
            String text = value.get().trim();
            micros = text.matches("[0-9]+") ? Long.parseLong(text) * 1_000_000L : Intervals.parseMicros(text);
        } catch (FreshetException | ArithmeticException e) {
            throw invalid(
                    name, "must be a duration such as '2 seconds' or '500 milliseconds', got '" + value.get() + "'");
        }
        if (micros < 0) {
            throw invalid(name, "must not be negative, got '" + value.get() + "'");
        }
        return micros;
    }

    public static FreshetException invalid(String name, String problem) {
        return new FreshetException(ErrorCode.INVALID_OPTION, "Option '" + name + "' " + problem);
    }
}
