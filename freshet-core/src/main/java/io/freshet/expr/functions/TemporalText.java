package io.freshet.expr.functions;

import io.freshet.expr.Temporal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Parses and prints dates, timestamps and intervals as Spark's casts do. Parsers return a sentinel
 * ({@link #INVALID_DATE}, {@link #INVALID_TIMESTAMP}) instead of throwing, so that TRY_CAST over many
 * malformed rows stays cheap.
 */
final class TemporalText {
    private TemporalText() {}

    /** Returned by {@link #parseDate} for malformed text; no valid date is this many days from 1970. */
    static final int INVALID_DATE = Integer.MIN_VALUE;

    /** Returned by {@link #parseTimestamp} and {@link #parseInterval} for malformed text. */
    static final long INVALID_TIMESTAMP = Long.MIN_VALUE;

    private static final int MAX_YEAR_DIGITS = 6;

    /**
     * Days since the epoch for {@code [+-]yyyy[-[m]m[-[d]d]]}, optionally followed by a space or 'T' and
     * anything (the time part is ignored, as Spark does), surrounded by optional whitespace.
     */
    static int parseDate(String text) {
        Cursor cursor = new Cursor(text.strip());
        int[] date = parseDatePart(cursor);
        if (date == null) {
            return INVALID_DATE;
        }
        if (!cursor.atEnd() && cursor.peek() != ' ' && cursor.peek() != 'T') {
            return INVALID_DATE;
        }
        return (int) LocalDate.of(date[0], date[1], date[2]).toEpochDay();
    }

    /**
     * Microseconds since the epoch for {@code yyyy[-[m]m[-[d]d]][( |T)[h]h[:[m]m[:[s]s[.ffffff]]][zone]]};
     * without a zone the text is a local time in {@code sessionZone}.
     */
    static long parseTimestamp(String text, ZoneId sessionZone) {
        Cursor cursor = new Cursor(text.strip());
        int[] date = parseDatePart(cursor);
        if (date == null) {
            return INVALID_TIMESTAMP;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        ZoneId zone = sessionZone;
        if (!cursor.atEnd()) {
            char separator = cursor.next();
            if (separator != ' ' && separator != 'T') {
                return INVALID_TIMESTAMP;
            }
            if (!cursor.atEnd() && Character.isDigit(cursor.peek())) {
                hour = cursor.digits(1, 2);
                if (hour < 0 || hour > 23) {
                    return INVALID_TIMESTAMP;
                }
                if (cursor.accept(':')) {
                    minute = cursor.digits(1, 2);
                    if (minute < 0 || minute > 59) {
                        return INVALID_TIMESTAMP;
                    }
                    if (cursor.accept(':')) {
                        second = cursor.digits(1, 2);
                        if (second < 0 || second > 59) {
                            return INVALID_TIMESTAMP;
                        }
                        if (cursor.accept('.')) {
                            nanos = cursor.fraction();
                            if (nanos < 0) {
                                return INVALID_TIMESTAMP;
                            }
                        }
                    }
                }
            }
            String rest = cursor.rest().strip();
            if (!rest.isEmpty()) {
                zone = parseZone(rest);
                if (zone == null) {
                    return INVALID_TIMESTAMP;
                }
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(date[0], date[1], date[2], hour, minute, second, nanos);
            return Temporal.toMicros(local.atZone(zone).toInstant());
        } catch (DateTimeException | ArithmeticException e) {
            return INVALID_TIMESTAMP;
        }
    }

    /** A zone such as {@code Z}, {@code +01:00}, {@code UTC}, {@code GMT+1} or {@code Europe/Paris}, or null. */
    static ZoneId parseZone(String text) {
        try {
            if (text.equalsIgnoreCase("Z")) {
                return ZoneOffset.UTC;
            }
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code [year, month, day]} or null; the cursor is left after the day. */
    private static int[] parseDatePart(Cursor cursor) {
        boolean negative = false;
        if (!cursor.atEnd() && (cursor.peek() == '+' || cursor.peek() == '-')) {
            negative = cursor.next() == '-';
        }
        int year = cursor.digits(4, MAX_YEAR_DIGITS);
        if (year < 0) {
            return null;
        }
        int month = 1;
        int day = 1;
        if (cursor.accept('-')) {
            month = cursor.digits(1, 2);
            if (month < 1 || month > 12) {
                return null;
            }
            if (cursor.accept('-')) {
                day = cursor.digits(1, 2);
                if (day < 1) {
                    return null;
                }
            }
        }
        int signedYear = negative ? -year : year;
        if (day > LocalDate.of(signedYear, month, 1).lengthOfMonth()) {
            return null;
        }
        return new int[] {signedYear, month, day};
    }

    /** Formats days since the epoch as {@code yyyy-MM-dd}. */
    static String formatDate(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    /** Formats an interval as Spark does: {@code INTERVAL '[-]d hh:mm:ss[.ffffff]' DAY TO SECOND}. */
    static String formatInterval(long micros) {
        StringBuilder text = new StringBuilder("INTERVAL '");
        if (micros < 0) {
            text.append('-');
        }
        // Long.MIN_VALUE has no positive counterpart; work on the unsigned magnitude.
        long magnitude = micros == Long.MIN_VALUE ? Long.MIN_VALUE : Math.abs(micros);
        long days = Long.divideUnsigned(magnitude, Temporal.MICROS_PER_DAY);
        long rest = Long.remainderUnsigned(magnitude, Temporal.MICROS_PER_DAY);
        long hours = rest / (3600 * Temporal.MICROS_PER_SECOND);
        rest %= 3600 * Temporal.MICROS_PER_SECOND;
        long minutes = rest / (60 * Temporal.MICROS_PER_SECOND);
        rest %= 60 * Temporal.MICROS_PER_SECOND;
        long seconds = rest / Temporal.MICROS_PER_SECOND;
        long fraction = rest % Temporal.MICROS_PER_SECOND;
        text.append(days).append(' ');
        text.append(String.format(Locale.ROOT, "%02d:%02d:%02d", hours, minutes, seconds));
        if (fraction != 0) {
            String digits = String.format(Locale.ROOT, "%06d", fraction);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.append("' DAY TO SECOND").toString();
    }

    /**
     * Microseconds for {@code [+-]d hh:mm:ss[.fffffffff]} (a day-to-second interval), optionally written as
     * the literal {@code INTERVAL '…' DAY TO SECOND}; {@link #INVALID_TIMESTAMP} when malformed.
     */
    static long parseInterval(String text) {
        String body = text.strip();
        String upper = body.toUpperCase(Locale.ROOT);
        if (upper.startsWith("INTERVAL")) {
            body = body.substring("INTERVAL".length()).strip();
            upper = body.toUpperCase(Locale.ROOT);
            if (!upper.endsWith("DAY TO SECOND")) {
                return INVALID_TIMESTAMP;
            }
            body = body.substring(0, body.length() - "DAY TO SECOND".length()).strip();
            if (body.length() < 2 || body.charAt(0) != '\'' || body.charAt(body.length() - 1) != '\'') {
                return INVALID_TIMESTAMP;
            }
            body = body.substring(1, body.length() - 1).strip();
        }
        Cursor cursor = new Cursor(body);
        boolean negative = false;
        if (!cursor.atEnd() && (cursor.peek() == '+' || cursor.peek() == '-')) {
            negative = cursor.next() == '-';
        }
        int days = cursor.digits(1, 9);
        if (days < 0 || !cursor.accept(' ')) {
            return INVALID_TIMESTAMP;
        }
        int hours = cursor.digits(1, 2);
        if (hours < 0 || hours > 23 || !cursor.accept(':')) {
            return INVALID_TIMESTAMP;
        }
        int minutes = cursor.digits(1, 2);
        if (minutes < 0 || minutes > 59 || !cursor.accept(':')) {
            return INVALID_TIMESTAMP;
        }
        int seconds = cursor.digits(1, 2);
        if (seconds < 0 || seconds > 59) {
            return INVALID_TIMESTAMP;
        }
        int nanos = 0;
        if (cursor.accept('.')) {
            nanos = cursor.fraction();
        }
        if (nanos < 0 || !cursor.atEnd()) {
            return INVALID_TIMESTAMP;
        }
        try {
            long micros = Math.addExact(
                    Math.multiplyExact(days, Temporal.MICROS_PER_DAY),
                    ((hours * 60L + minutes) * 60L + seconds) * Temporal.MICROS_PER_SECOND + nanos / 1_000);
            return negative ? -micros : micros;
        } catch (ArithmeticException e) {
            return INVALID_TIMESTAMP;
        }
    }

    /** A position in a string being parsed. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return text.charAt(position);
        }

        char next() {
            return text.charAt(position++);
        }

        boolean accept(char expected) {
            if (!atEnd() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        /** Reads {@code min..max} ASCII digits; -1 when there are fewer or more. */
        int digits(int min, int max) {
            int start = position;
            int value = 0;
            while (!atEnd() && peek() >= '0' && peek() <= '9') {
                if (position - start == max) {
                    return -1;
                }
                value = value * 10 + (next() - '0');
            }
            return position - start < min ? -1 : value;
        }

        /** Reads 1..9 fraction digits as nanoseconds (digits past microseconds kept, then truncated). */
        int fraction() {
            int start = position;
            int value = 0;
            while (!atEnd() && peek() >= '0' && peek() <= '9') {
                if (position - start == 9) {
                    return -1;
                }
                value = value * 10 + (next() - '0');
            }
            int count = position - start;
            if (count == 0) {
                return -1;
            }
            for (int i = count; i < 9; i++) {
                value *= 10;
            }
            return value / 1_000 * 1_000;
        }

        String rest() {
            return text.substring(position);
        }
    }
}
