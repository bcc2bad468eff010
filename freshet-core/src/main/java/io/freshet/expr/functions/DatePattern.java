package io.freshet.expr.functions;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.Temporal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * A Spark datetime pattern (e.g. {@code yyyy-MM-dd HH:mm:ss.SSS}) compiled to java.time formatters
 * the way Spark does: {@code y} becomes {@code u} so negative years work, parsing is
 * case-insensitive and strict, a run of {@code S} accepts 1 to that many fraction digits, and the
 * week-based letters Spark rejects are rejected. Equal when the pattern text is equal.
 */
final class DatePattern {
    private final String pattern;
    private final DateTimeFormatter parser;
    private final DateTimeFormatter formatter;

    private DatePattern(String pattern, DateTimeFormatter parser, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.parser = parser;
        this.formatter = formatter;
    }

    /**
     * Compiles a pattern.
     *
     * @throws FreshetException with INVALID_ARGUMENT when the pattern is malformed or uses a letter
     *     Spark does not support
     */
    static DatePattern of(String pattern) {
        try {
            String converted = convert(pattern);
            DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                    .appendPattern(converted)
                    .toFormatter(Locale.US)
                    .withChronology(IsoChronology.INSTANCE)
                    .withResolverStyle(ResolverStyle.STRICT);
            return new DatePattern(pattern, parserFor(converted), formatter);
        } catch (IllegalArgumentException e) {
            throw new FreshetException(
                    ErrorCode.INVALID_ARGUMENT,
                    "invalid datetime pattern '" + pattern + "': " + e.getMessage()
                            + "; see Spark's datetime patterns (e.g. 'yyyy-MM-dd HH:mm:ss')",
                    e);
        }
    }

    String pattern() {
        return pattern;
    }

    /** Replaces {@code y} with {@code u} outside quotes (when there is no era) and rejects unsupported letters. */
    private static String convert(String pattern) {
        boolean era = false;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == 'G') {
                era = true;
            }
        }
        StringBuilder result = new StringBuilder(pattern.length());
        quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted) {
                if ("YWwuec".indexOf(c) >= 0) {
                    throw new IllegalArgumentException(
                            "week-based pattern letter '" + c + "' is unsupported; use extract() or weekofyear()");
                }
                if ("ABnNp".indexOf(c) >= 0) {
                    throw new IllegalArgumentException("illegal pattern character '" + c + "'");
                }
                if (c == 'y' && !era) {
                    c = 'u';
                }
            }
            result.append(c);
        }
        return result.toString();
    }

    /** A parser where each run of {@code S} outside quotes accepts 1 to that many digits. */
    private static DateTimeFormatter parserFor(String converted) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
        StringBuilder pending = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < converted.length()) {
            char c = converted.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && c == 'S') {
                int end = i;
                while (end < converted.length() && converted.charAt(end) == 'S') {
                    end++;
                }
                if (!pending.isEmpty()) {
                    builder.appendPattern(pending.toString());
                    pending.setLength(0);
                }
                builder.appendFraction(ChronoField.NANO_OF_SECOND, 1, Math.min(end - i, 9), false);
                i = end;
                continue;
            }
            pending.append(c);
            i++;
        }
        if (!pending.isEmpty()) {
            builder.appendPattern(pending.toString());
        }
        return builder.toFormatter(Locale.US)
                .withChronology(IsoChronology.INSTANCE)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Parses {@code text} to UTC microseconds; missing fields default as in Spark (1970, January, the
     * 1st, midnight) and a text without a zone is in {@code zone}.
     *
     * @throws DateTimeException when the text does not match
     */
    long parseMicros(String text, ZoneId zone) {
        TemporalAccessor parsed = parser.parse(text);
        ZoneId parsedZone = parsed.query(TemporalQueries.zone());
        int year = parsed.isSupported(ChronoField.YEAR) ? parsed.get(ChronoField.YEAR) : 1970;
        int month = parsed.isSupported(ChronoField.MONTH_OF_YEAR) ? parsed.get(ChronoField.MONTH_OF_YEAR) : 1;
        int day = parsed.isSupported(ChronoField.DAY_OF_MONTH) ? parsed.get(ChronoField.DAY_OF_MONTH) : 1;
        int hour = 0;
        if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
            hour = parsed.get(ChronoField.HOUR_OF_DAY);
        } else if (parsed.isSupported(ChronoField.HOUR_OF_AMPM)) {
            hour = parsed.get(ChronoField.HOUR_OF_AMPM)
                    + (parsed.isSupported(ChronoField.AMPM_OF_DAY) ? 12 * parsed.get(ChronoField.AMPM_OF_DAY) : 0);
        } else if (parsed.isSupported(ChronoField.CLOCK_HOUR_OF_AMPM)) {
            hour = parsed.get(ChronoField.CLOCK_HOUR_OF_AMPM) % 12
                    + (parsed.isSupported(ChronoField.AMPM_OF_DAY) ? 12 * parsed.get(ChronoField.AMPM_OF_DAY) : 0);
        }
        int minute = parsed.isSupported(ChronoField.MINUTE_OF_HOUR) ? parsed.get(ChronoField.MINUTE_OF_HOUR) : 0;
        int second = parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0;
        int nano = parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0;
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
        return Temporal.toMicros(
                ZonedDateTime.of(local, parsedZone == null ? zone : parsedZone).toInstant());
    }

    /** Formats UTC microseconds as local time in {@code zone}. */
    String format(long micros, ZoneId zone) {
        return formatter.format(ZonedDateTime.ofInstant(Temporal.toInstant(micros), zone));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatePattern that && pattern.equals(that.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
