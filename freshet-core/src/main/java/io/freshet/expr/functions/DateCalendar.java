package io.freshet.expr.functions;

import io.freshet.expr.Temporal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Allocation-free proleptic Gregorian calendar arithmetic on days since 1970-01-01 (Howard
 * Hinnant's civil-date algorithms), and {@link LocalClock}, a per-evaluation cache of a time zone's
 * offset that turns UTC microseconds into local microseconds without allocating per row.
 */
final class DateCalendar {
    private DateCalendar() {}

    static final long MICROS_PER_DAY = Temporal.MICROS_PER_DAY;
    static final long MICROS_PER_SECOND = Temporal.MICROS_PER_SECOND;
    static final long MICROS_PER_HOUR = 3_600L * MICROS_PER_SECOND;
    static final long MICROS_PER_MINUTE = 60L * MICROS_PER_SECOND;

    /** The date as {@code year << 9 | month << 5 | day} (year may be negative; use the accessors). */
    static long civil(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year << 9 | month << 5 | day;
    }

    static int year(long civil) {
        return (int) (civil >> 9);
    }

    static int month(long civil) {
        return (int) ((civil >> 5) & 0xF);
    }

    static int day(long civil) {
        return (int) (civil & 0x1F);
    }

    /** Days since 1970-01-01 of a (valid) year, month and day. */
    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static int dayOfYear(long days) {
        long civil = civil(days);
        return (int) (days - daysFromCivil(year(civil), 1, 1)) + 1;
    }

    /** 1 = Sunday … 7 = Saturday, as Spark's {@code dayofweek}. */
    static int dayOfWeekSundayFirst(long days) {
        return (int) Math.floorMod(days + 4, 7) + 1;
    }

    /** 0 = Monday … 6 = Sunday, as Spark's {@code weekday}. */
    static int weekdayMondayZero(long days) {
        return (int) Math.floorMod(days + 3, 7);
    }

    /** The local date (days) of local microseconds. */
    static long localDays(long localMicros) {
        return Math.floorDiv(localMicros, MICROS_PER_DAY);
    }

    /**
     * Converts between UTC and local microseconds in one time zone, caching the offset of the current
     * transition window so that runs of nearby timestamps cost two comparisons each. Not thread-safe:
     * create one per evaluation.
     */
    static final class LocalClock {
        private final ZoneId zone;
        private final ZoneRules rules;
        private final boolean fixed;
        private long windowStart = Long.MAX_VALUE;
        private long windowEnd = Long.MIN_VALUE;
        private long offsetMicros;

        LocalClock(ZoneId zone) {
            this.zone = zone;
            this.rules = zone.getRules();
            this.fixed = rules.isFixedOffset();
            if (fixed) {
                offsetMicros = rules.getOffset(Instant.EPOCH).getTotalSeconds() * MICROS_PER_SECOND;
            }
        }

        ZoneId zone() {
            return zone;
        }

        /** The zone's offset at the UTC instant, in microseconds. */
        long offsetMicros(long utcMicros) {
            if (fixed) {
                return offsetMicros;
            }
            long second = Math.floorDiv(utcMicros, MICROS_PER_SECOND);
            if (second < windowStart || second >= windowEnd) {
                refresh(second);
            }
            return offsetMicros;
        }

        long toLocal(long utcMicros) {
            return utcMicros + offsetMicros(utcMicros);
        }

        private void refresh(long second) {
            Instant instant = Instant.ofEpochSecond(second);
            offsetMicros = rules.getOffset(instant).getTotalSeconds() * MICROS_PER_SECOND;
            ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
            ZoneOffsetTransition next = rules.nextTransition(instant);
            windowStart = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            windowEnd = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }

        /**
         * The UTC microseconds of a local time: with {@code preferredOffsetMicros} when it is valid there
         * (as {@code ZonedDateTime.truncatedTo} keeps the offset), otherwise java.time's resolution (a
         * gap moves forward, an overlap takes the earlier offset).
         */
        long toUtc(long localMicros, long preferredOffsetMicros) {
            long candidate = localMicros - preferredOffsetMicros;
            if (offsetMicros(candidate) == preferredOffsetMicros) {
                return candidate;
            }
            return toUtcResolved(
                    localMicros, ZoneOffset.ofTotalSeconds((int) (preferredOffsetMicros / MICROS_PER_SECOND)));
        }

        /** The UTC microseconds of a local time, resolved as {@code LocalDateTime.atZone} does. */
        long toUtc(long localMicros) {
            if (fixed) {
                return localMicros - offsetMicros;
            }
            long offset = offsetMicros(localMicros - offsetMicros);
            long candidate = localMicros - offset;
            if (offsetMicros(candidate) == offset && !nearTransition(candidate)) {
                return candidate;
            }
            return toUtcResolved(localMicros, null);
        }

        private boolean nearTransition(long utcMicros) {
            // Within a day of a transition the local time may be ambiguous or skipped: let java.time decide.
            long second = Math.floorDiv(utcMicros, MICROS_PER_SECOND);
            return windowStart != Long.MIN_VALUE && second - windowStart < 86_400
                    || windowEnd != Long.MAX_VALUE && windowEnd - second < 86_400;
        }

        private long toUtcResolved(long localMicros, ZoneOffset preferred) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(
                    Math.floorDiv(localMicros, MICROS_PER_SECOND),
                    (int) Math.floorMod(localMicros, MICROS_PER_SECOND) * 1_000,
                    ZoneOffset.UTC);
            return Temporal.toMicros(
                    ZonedDateTime.ofLocal(local, zone, preferred).toInstant());
        }
    }
}
