package io.freshet.connector.file;

import io.freshet.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Parses field text, given as UTF-8 bytes, into internal values without creating strings on the common
 * paths (integers, plain decimals, default date and timestamp forms). Each method returns false when the text
 * is not a value of the type, and leaves the result in a field ({@link #longValue}, ...). Not thread-safe.
 *
 * <p>Default forms, as Spark's fallback parsers: a date is {@code yyyy}, {@code yyyy-[m]m} or {@code
 * yyyy-[m]m-[d]d}, optionally followed by {@code T} or a space and anything; a timestamp is such a date
 * optionally followed by {@code T} or a space, {@code [h]h:[m]m[:[s]s[.fraction]]} and a zone ({@code Z},
 * {@code +hh:mm}, {@code +hhmm}, {@code +hh}, or a region such as {@code UTC} or {@code Europe/Paris}, with or
 * without a space before it); without a zone the session time zone applies. Fractions beyond microseconds
 * are truncated.
 */
final class ValueParser {
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };
    private static final double[] EXACT_POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private final ZoneId zone;
    private final int fixedOffsetSeconds;
    private final boolean fixedZone;
    private final DateTimeFormatter dateFormatter;
    private final DateTimeFormatter timestampFormatter;

    long longValue;
    int intValue;
    double doubleValue;
    boolean booleanValue;
    Object objectValue;

    ValueParser(ZoneId zone, Optional<String> dateFormat, Optional<String> timestampFormat) {
        this.zone = zone;
        this.fixedZone = zone.getRules().isFixedOffset();
        this.fixedOffsetSeconds =
                fixedZone ? zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
        this.dateFormatter = dateFormat.map(DateTimePatterns::compile).orElse(null);
        this.timestampFormatter = timestampFormat.map(DateTimePatterns::compile).orElse(null);
    }

    /** A 32-bit integer: optional sign and decimal digits. */
    boolean parseInt(byte[] b, int s, int e) {
        if (!parseLong(b, s, e) || longValue < Integer.MIN_VALUE || longValue > Integer.MAX_VALUE) {
            return false;
        }
        intValue = (int) longValue;
        return true;
    }

    /** A 64-bit integer: optional sign and decimal digits. */
    boolean parseLong(byte[] b, int s, int e) {
        if (s >= e) {
            return false;
        }
        boolean negative = false;
        int i = s;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
            if (i == e) {
                return false;
            }
        }
        // Accumulate negatively so that Long.MIN_VALUE parses.
        long result = 0;
        for (; i < e; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (result < Long.MIN_VALUE / 10) {
                return false;
            }
            result *= 10;
            if (result < Long.MIN_VALUE + digit) {
                return false;
            }
            result -= digit;
        }
        if (!negative) {
            if (result == Long.MIN_VALUE) {
                return false;
            }
            result = -result;
        }
        longValue = result;
        return true;
    }

    /**
     * A double in Java's syntax ({@code Double.parseDouble}); the common plain form ({@code -12.345}, at most 15 significant
     * digits) is computed exactly from the digits without a string.
     */
    boolean parseDouble(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significantDigits = 0;
        int anyDigits = 0;
        int fractionDigits = 0;
        boolean seenDot = false;
        boolean simple = true;
        for (; i < e; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                anyDigits++;
                if (mantissa != 0 || c != '0') {
                    if (++significantDigits > 15) {
                        simple = false;
                        break;
                    }
                }
                mantissa = mantissa * 10 + (c - '0');
                if (seenDot) {
                    fractionDigits++;
                }
            } else if (c == '.' && !seenDot) {
                seenDot = true;
            } else {
                simple = false;
                break;
            }
        }
        if (simple && anyDigits > 0 && fractionDigits <= 22) {
            // At most 15 significant digits and 10^k for k <= 22 are exact doubles, so one division rounds
            // correctly (the classic fast path of decimal-to-binary conversion).
            double value = fractionDigits == 0 ? (double) mantissa : mantissa / EXACT_POWERS[fractionDigits];
            doubleValue = negative ? -value : value;
            return true;
        }
        try {
            doubleValue = Double.parseDouble(ascii(b, s, e));
            return true;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    /** {@code true} or {@code false}, ignoring case. */
    boolean parseBoolean(byte[] b, int s, int e) {
        int length = e - s;
        if (length == 4
                && lower(b[s]) == 't'
                && lower(b[s + 1]) == 'r'
                && lower(b[s + 2]) == 'u'
                && lower(b[s + 3]) == 'e') {
            booleanValue = true;
            return true;
        }
        if (length == 5
                && lower(b[s]) == 'f'
                && lower(b[s + 1]) == 'a'
                && lower(b[s + 2]) == 'l'
                && lower(b[s + 3]) == 's'
                && lower(b[s + 4]) == 'e') {
            booleanValue = false;
            return true;
        }
        return false;
    }

    /** A decimal rounded half-up to the type's scale; false when it does not fit the precision. */
    boolean parseDecimal(byte[] b, int s, int e, DecimalType type) {
        BigDecimal value;
        try {
            value = new BigDecimal(ascii(b, s, e));
        } catch (NumberFormatException ex) {
            return false;
        }
        return fitDecimal(value, type);
    }

    boolean fitDecimal(BigDecimal value, DecimalType type) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            return false;
        }
        objectValue = scaled;
        return true;
    }

    /** A date as days since 1970-01-01 in {@link #intValue}. */
    boolean parseDate(byte[] b, int s, int e) {
        if (dateFormatter != null) {
            try {
                intValue = Math.toIntExact(
                        DateTimePatterns.parseDate(dateFormatter, utf8(b, s, e)).toEpochDay());
                return true;
            } catch (DateTimeException | ArithmeticException ex) {
                return false;
            }
        }
        s = trimStart(b, s, e);
        e = trimEnd(b, s, e);
        int end = parseDatePart(b, s, e);
        if (end < 0) {
            return false;
        }
        if (end < e && b[end] != ' ' && b[end] != 'T') {
            return false;
        }
        intValue = (int) daysFromCivil(year, month, day);
        return true;
    }

    // Scratch of parseDatePart and parseTimePart.
    private int year;
    private int month;
    private int day;

    /** Parses {@code yyyy[-[m]m[-[d]d]]} into year/month/day; returns the end of the date, or -1. */
    private int parseDatePart(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int start = i;
        int value = 0;
        while (i < e && isDigit(b[i]) && i - start < 7) {
            value = value * 10 + (b[i] - '0');
            i++;
        }
        if (i - start < 4) {
            return -1;
        }
        year = negative ? -value : value;
        month = 1;
        day = 1;
        if (i < e && b[i] == '-') {
            i++;
            int monthStart = i;
            month = 0;
            while (i < e && isDigit(b[i]) && i - monthStart < 2) {
                month = month * 10 + (b[i] - '0');
                i++;
            }
            if (i == monthStart) {
                return -1;
            }
            if (i < e && b[i] == '-') {
                i++;
                int dayStart = i;
                day = 0;
                while (i < e && isDigit(b[i]) && i - dayStart < 2) {
                    day = day * 10 + (b[i] - '0');
                    i++;
                }
                if (i == dayStart) {
                    return -1;
                }
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return -1;
        }
        return i;
    }

    /** A timestamp as microseconds since the epoch in {@link #longValue}. */
    boolean parseTimestamp(byte[] b, int s, int e) {
        if (timestampFormatter != null) {
            try {
                longValue = DateTimePatterns.parseTimestamp(timestampFormatter, utf8(b, s, e), zone);
                return true;
            } catch (DateTimeException | ArithmeticException ex) {
                return false;
            }
        }
        s = trimStart(b, s, e);
        e = trimEnd(b, s, e);
        int i = parseDatePart(b, s, e);
        if (i < 0) {
            return false;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        if (i < e && (b[i] == 'T' || b[i] == ' ') && i + 1 < e && isDigit(b[i + 1])) {
            i++;
            int[] cursor = {i};
            hour = twoDigits(b, cursor, e);
            if (hour < 0 || hour > 23 || cursor[0] >= e || b[cursor[0]] != ':') {
                return false;
            }
            cursor[0]++;
            minute = twoDigits(b, cursor, e);
            if (minute < 0 || minute > 59) {
                return false;
            }
            if (cursor[0] < e && b[cursor[0]] == ':') {
                cursor[0]++;
                second = twoDigits(b, cursor, e);
                if (second < 0 || second > 59) {
                    return false;
                }
                if (cursor[0] < e && b[cursor[0]] == '.') {
                    cursor[0]++;
                    int fractionStart = cursor[0];
                    int digits = 0;
                    while (cursor[0] < e && isDigit(b[cursor[0]])) {
                        if (digits < 6) {
                            micros = micros * 10 + (b[cursor[0]] - '0');
                            digits++;
                        }
                        cursor[0]++;
                    }
                    if (cursor[0] == fractionStart || cursor[0] - fractionStart > 9) {
                        return false;
                    }
                    micros *= (int) POWERS_OF_TEN[6 - digits];
                }
            }
            i = cursor[0];
        } else if (i < e && b[i] == 'T' && i + 1 == e) {
            i++;
        }
        long localSeconds = daysFromCivil(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        long epochSeconds;
        if (i == e) {
            epochSeconds = toEpochSeconds(localSeconds, hour, minute, second, zone, fixedZone, fixedOffsetSeconds);
        } else {
            ZoneId explicit = parseZone(b, i, e);
            if (explicit == null) {
                return false;
            }
            boolean fixed = explicit instanceof ZoneOffset;
            int offset = fixed ? ((ZoneOffset) explicit).getTotalSeconds() : 0;
            epochSeconds = toEpochSeconds(localSeconds, hour, minute, second, explicit, fixed, offset);
        }
        longValue = epochSeconds * 1_000_000L + micros;
        return true;
    }

    private long toEpochSeconds(
            long localSeconds, int hour, int minute, int second, ZoneId zoneId, boolean fixed, int offsetSeconds) {
        if (fixed) {
            return localSeconds - offsetSeconds;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
        return local.atZone(zoneId).toEpochSecond();
    }

    /** The zone at {@code [s, e)}: {@code Z}, {@code [+-]hh[:mm]}, {@code [+-]hhmm}, or a region id; else null. */
    private static ZoneId parseZone(byte[] b, int s, int e) {
        if (b[s] == ' ') {
            s++;
            if (s == e) {
                return null;
            }
        }
        if (e - s == 1 && (b[s] == 'Z' || b[s] == 'z')) {
            return ZoneOffset.UTC;
        }
        if (b[s] == '+' || b[s] == '-') {
            int sign = b[s] == '-' ? -1 : 1;
            int length = e - s - 1;
            int hours;
            int minutes = 0;
            int i = s + 1;
            if (length == 1 && isDigit(b[i])) {
                hours = b[i] - '0';
            } else if (length >= 2 && isDigit(b[i]) && isDigit(b[i + 1])) {
                hours = (b[i] - '0') * 10 + (b[i + 1] - '0');
                if (length == 5 && b[i + 2] == ':' && isDigit(b[i + 3]) && isDigit(b[i + 4])) {
                    minutes = (b[i + 3] - '0') * 10 + (b[i + 4] - '0');
                } else if (length == 4 && isDigit(b[i + 2]) && isDigit(b[i + 3])) {
                    minutes = (b[i + 2] - '0') * 10 + (b[i + 3] - '0');
                } else if (length != 2) {
                    return null;
                }
            } else {
                return null;
            }
            if (hours > 18 || minutes > 59) {
                return null;
            }
            return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
        }
        try {
            return ZoneId.of(utf8(b, s, e));
        } catch (DateTimeException ex) {
            return null;
        }
    }

    private static int twoDigits(byte[] b, int[] cursor, int e) {
        int i = cursor[0];
        if (i >= e || !isDigit(b[i])) {
            return -1;
        }
        int value = b[i] - '0';
        i++;
        if (i < e && isDigit(b[i])) {
            value = value * 10 + (b[i] - '0');
            i++;
        }
        cursor[0] = i;
        return value;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1L : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int trimStart(byte[] b, int s, int e) {
        while (s < e && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        return s;
    }

    private static int trimEnd(byte[] b, int s, int e) {
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
            e--;
        }
        return e;
    }

    static String ascii(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    static String utf8(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    // String conveniences for schema inference (not on the per-row read path).

    boolean parseInt(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parseInt(b, 0, b.length);
    }

    boolean parseLong(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parseLong(b, 0, b.length);
    }

    boolean parseDouble(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parseDouble(b, 0, b.length);
    }

    boolean parseBoolean(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parseBoolean(b, 0, b.length);
    }

    boolean parseTimestamp(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parseTimestamp(b, 0, b.length);
    }
}
