package io.freshet.connector.file;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Spark datetime patterns ({@code dateFormat}, {@code timestampFormat}) as java.time formatters.
 *
 * <p>Spark's pattern letters are java.time's, except that week-based letters ({@code Y w u e c W}) are
 * refused and {@code y} is the proleptic year; parsing is strict (no 30 February), and fields the pattern
 * lacks default as in Spark: year 1970, month and day 1, time 00:00:00, zone the session time zone.
 */
final class DateTimePatterns {
    private DateTimePatterns() {}

    static DateTimeFormatter compile(String pattern) {
        StringBuilder converted = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                converted.append(c);
            } else if (quoted) {
                converted.append(c);
            } else if (c == 'Y' || c == 'w' || c == 'u' || c == 'e' || c == 'c' || c == 'W') {
                throw new IllegalArgumentException("week-based pattern letter '" + c + "' is not supported");
            } else {
                // 'y' (year of era) needs an era under strict resolution; Spark means the proleptic year.
                converted.append(c == 'y' ? 'u' : c);
            }
        }
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(converted.toString())
                .toFormatter(Locale.US)
                .withChronology(IsoChronology.INSTANCE)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** Parses a date, or throws DateTimeException. */
    static LocalDate parseDate(DateTimeFormatter formatter, CharSequence text) {
        TemporalAccessor parsed = formatter.parse(text);
        return dateOf(parsed);
    }

    /** Parses a timestamp to microseconds since the epoch, or throws DateTimeException. */
    static long parseTimestamp(DateTimeFormatter formatter, CharSequence text, ZoneId sessionZone) {
        TemporalAccessor parsed = formatter.parse(text);
        LocalDate date = dateOf(parsed);
        int hour;
        if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
            hour = parsed.get(ChronoField.HOUR_OF_DAY);
        } else if (parsed.isSupported(ChronoField.HOUR_OF_AMPM)) {
            int ampm = parsed.isSupported(ChronoField.AMPM_OF_DAY) ? parsed.get(ChronoField.AMPM_OF_DAY) : 0;
            hour = parsed.get(ChronoField.HOUR_OF_AMPM) + 12 * ampm;
        } else {
            hour = 0;
        }
        int minute = field(parsed, ChronoField.MINUTE_OF_HOUR, 0);
        int second = field(parsed, ChronoField.SECOND_OF_MINUTE, 0);
        int nano = field(parsed, ChronoField.NANO_OF_SECOND, 0);
        ZoneId zone = parsed.query(TemporalQueries.zone());
        LocalDateTime local = LocalDateTime.of(
                date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second, nano);
        long seconds = local.atZone(zone == null ? sessionZone : zone).toEpochSecond();
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nano / 1_000);
    }

    private static LocalDate dateOf(TemporalAccessor parsed) {
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date != null) {
            return date;
        }
        int year = field(parsed, ChronoField.YEAR, 1970);
        int month = field(parsed, ChronoField.MONTH_OF_YEAR, 1);
        int day = field(parsed, ChronoField.DAY_OF_MONTH, 1);
        if (parsed.isSupported(ChronoField.DAY_OF_YEAR) && !parsed.isSupported(ChronoField.MONTH_OF_YEAR)) {
            return LocalDate.ofYearDay(year, parsed.get(ChronoField.DAY_OF_YEAR));
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new DateTimeException("invalid date: " + e.getMessage());
        }
    }

    private static int field(TemporalAccessor parsed, ChronoField field, int defaultValue) {
        return parsed.isSupported(field) ? parsed.get(field) : defaultValue;
    }
}
