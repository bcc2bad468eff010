package io.freshet.expr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Conversions between internal temporal values (days, microseconds) and java.time. */
public final class Temporal {
    private Temporal() {}

    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
    }

    public static long toMicros(Instant instant) {
        return Math.addExact(
                Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000L);
    }

    public static LocalDateTime toLocalDateTime(long micros, ZoneId zone) {
        return LocalDateTime.ofInstant(toInstant(micros), zone);
    }

    /** Formats as {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, the fraction without trailing zeros, as Spark prints. */
    public static String formatTimestamp(long micros, ZoneId zone) {
        LocalDateTime time = toLocalDateTime(micros, zone);
        StringBuilder text = new StringBuilder(26);
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            text.append(year);
        } else {
            pad(text, year, 4);
        }
        text.append('-');
        pad(text, time.getMonthValue(), 2);
        text.append('-');
        pad(text, time.getDayOfMonth(), 2);
        text.append(' ');
        pad(text, time.getHour(), 2);
        text.append(':');
        pad(text, time.getMinute(), 2);
        text.append(':');
        pad(text, time.getSecond(), 2);
        int fraction = time.getNano() / 1_000;
        if (fraction != 0) {
            String digits = String.format("%06d", fraction);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.toString();
    }

    private static void pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
