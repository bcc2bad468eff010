package io.freshet.expr;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses interval strings such as {@code "10 minutes"}, {@code "1 hour 30 minutes"} or {@code "INTERVAL 5 SECONDS"}. */
public final class Intervals {
    private static final Pattern PART = Pattern.compile(
            "\\s*(-?\\d+(?:\\.\\d+)?)\\s*(microseconds?|us|milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|h|days?|d|weeks?|w)\\s*",
            Pattern.CASE_INSENSITIVE);

    private Intervals() {}

    /**
     * Microseconds of a day-time interval string; units from microseconds to weeks (months and years
     * have no fixed length, so they are refused).
     *
     * @throws FreshetException with {@code INVALID_ARGUMENT} naming the text when it cannot be read
     */
    public static long parseMicros(String text) {
        String body = text.trim();
        if (body.toLowerCase(Locale.ROOT).startsWith("interval")) {
            body = body.substring("interval".length());
        }
        body = body.replace("'", " ");
        Matcher matcher = PART.matcher(body);
        long total = 0;
        int position = 0;
        boolean any = false;
        while (position < body.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                if (body.substring(position).isBlank()) {
                    break;
                }
                throw invalid(text);
            }
            java.math.BigDecimal amount = new java.math.BigDecimal(matcher.group(1));
            long unit = unitMicros(matcher.group(2).toLowerCase(Locale.ROOT));
            total = Math.addExact(
                    total, amount.multiply(java.math.BigDecimal.valueOf(unit)).longValueExact());
            position = matcher.end();
            any = true;
        }
        if (!any) {
            throw invalid(text);
        }
        return total;
    }

    private static long unitMicros(String unit) {
        if (unit.startsWith("microsecond") || unit.equals("us")) {
            return 1L;
        }
        if (unit.startsWith("millisecond") || unit.equals("ms")) {
            return 1_000L;
        }
        if (unit.startsWith("sec") || unit.equals("s")) {
            return 1_000_000L;
        }
        if (unit.startsWith("min") || unit.equals("m")) {
            return 60_000_000L;
        }
        if (unit.startsWith("hour") || unit.equals("h")) {
            return 3_600_000_000L;
        }
        if (unit.startsWith("day") || unit.equals("d")) {
            return 86_400_000_000L;
        }
        return 7 * 86_400_000_000L;
    }

    private static FreshetException invalid(String text) {
        return new FreshetException(
                ErrorCode.INVALID_ARGUMENT,
                "Cannot read '" + text
                        + "' as an interval; write it like '10 minutes', '1 hour 30 minutes' or '500 milliseconds'");
    }
}
