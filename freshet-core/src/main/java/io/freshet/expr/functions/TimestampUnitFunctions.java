package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.Temporal;
import io.freshet.types.BigintType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.freshet.expr.functions.RowFunctions.checkArity;
import static io.freshet.expr.functions.RowFunctions.coerce;
import static io.freshet.expr.functions.RowFunctions.rowCall;

/**
 * Timestamp arithmetic in named units and time-zone shifts: {@code timestampadd(unit, quantity, ts)}
 * ({@code dateadd} and {@code date_add} with three arguments), {@code timestampdiff(unit, start, end)}
 * ({@code datediff} and {@code date_diff} with three arguments), {@code from_utc_timestamp} and
 * {@code to_utc_timestamp}. Units of a day or more count on the local calendar of the session time zone.
 */
public final class TimestampUnitFunctions {
    private TimestampUnitFunctions() {}

    /** A unit of {@code timestampadd} and {@code timestampdiff}. */
    enum Unit {
        MICROSECOND(ChronoUnit.MICROS, 1L),
        MILLISECOND(ChronoUnit.MILLIS, 1_000L),
        SECOND(ChronoUnit.SECONDS, Temporal.MICROS_PER_SECOND),
        MINUTE(ChronoUnit.MINUTES, DateCalendar.MICROS_PER_MINUTE),
        HOUR(ChronoUnit.HOURS, DateCalendar.MICROS_PER_HOUR),
        DAY(ChronoUnit.DAYS, 0L),
        DAYOFYEAR(ChronoUnit.DAYS, 0L),
        WEEK(ChronoUnit.WEEKS, 0L),
        MONTH(ChronoUnit.MONTHS, 0L),
        QUARTER(ChronoUnit.MONTHS, 0L),
        YEAR(ChronoUnit.YEARS, 0L);

        private final ChronoUnit chronoUnit;
        /** Microseconds in one unit for the units below a day, else 0. */
        private final long micros;

        Unit(ChronoUnit chronoUnit, long micros) {
            this.chronoUnit = chronoUnit;
            this.micros = micros;
        }

        static Unit parse(String text) {
            for (Unit unit : values()) {
                if (unit.name().equalsIgnoreCase(text.trim())) {
                    return unit;
                }
            }
            return null;
        }
    }

    public static void register(FunctionRegistry.Builder registry) {
        registry.scalar("timestampadd", args -> bindAdd("timestampadd", args));
        registry.scalar("timestampdiff", args -> bindDiff("timestampdiff", args));
        registry.scalar("date_diff", args -> bindDiff("date_diff", args));
        registry.scalar("from_utc_timestamp", args -> bindZoneShift("from_utc_timestamp", args, true));
        registry.scalar("to_utc_timestamp", args -> bindZoneShift("to_utc_timestamp", args, false));
    }

    // ---------------------------------------------------------------- timestampadd

    /** {@code name(unit, quantity, timestamp)}: the timestamp moved by {@code quantity} units. */
    static Expr bindAdd(String name, List<Expr> args) {
        checkArity(name, args, 3, 3, "unit, quantity, timestamp");
        Unit unit = unit(name, args.get(0));
        List<Expr> bound = List.of(
                coerce(name, 2, args.get(1), BigintType.BIGINT), coerce(name, 3, args.get(2), TimestampType.TIMESTAMP));
        return rowCall(name, TimestampType.TIMESTAMP, bound, (values, context) -> {
            try {
                return add(unit, (Long) values[0], (Long) values[1], context.timeZone());
            } catch (ArithmeticException | DateTimeException e) {
                throw new FreshetException(
                        ErrorCode.ARITHMETIC_OVERFLOW,
                        name + " overflows the timestamp range adding " + values[0] + " " + unit
                                + "; use a smaller quantity");
            }
        });
    }

    /**
     * The timestamp plus {@code quantity} units: units below a day add whole days on the local calendar and
     * the rest as elapsed time (as Spark adds a day-time interval); days, weeks, months, quarters and years
     * move the local date and keep the local time, ending on the last day of a shorter month.
     */
    static long add(Unit unit, long quantity, long micros, ZoneId zone) {
        ZonedDateTime start = Temporal.toInstant(micros).atZone(zone);
        ZonedDateTime result =
                switch (unit) {
                    case MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR -> {
                        long total = Math.multiplyExact(quantity, unit.micros);
                        long days = total / Temporal.MICROS_PER_DAY;
                        long rest = total - days * Temporal.MICROS_PER_DAY;
                        yield start.plusDays(days).plus(rest, ChronoUnit.MICROS);
                    }
                    case DAY, DAYOFYEAR -> start.plusDays(quantity);
                    case WEEK -> start.plusDays(Math.multiplyExact(quantity, 7L));
                    case MONTH -> start.plusMonths(quantity);
                    case QUARTER -> start.plusMonths(Math.multiplyExact(quantity, 3L));
                    case YEAR -> start.plusMonths(Math.multiplyExact(quantity, 12L));
                };
        return Temporal.toMicros(result.toInstant());
    }

    // ---------------------------------------------------------------- timestampdiff

    /** {@code name(unit, start, end)}: the number of whole units from start to end, as a bigint. */
    static Expr bindDiff(String name, List<Expr> args) {
        checkArity(name, args, 3, 3, "unit, start, end");
        Unit unit = unit(name, args.get(0));
        List<Expr> bound = List.of(
                coerce(name, 2, args.get(1), TimestampType.TIMESTAMP),
                coerce(name, 3, args.get(2), TimestampType.TIMESTAMP));
        return rowCall(
                name,
                BigintType.BIGINT,
                bound,
                (values, context) -> diff(unit, (Long) values[0], (Long) values[1], context.timeZone()));
    }

    /** Whole units between the local date-times of the two instants, truncated toward zero. */
    static long diff(Unit unit, long start, long end, ZoneId zone) {
        LocalDateTime from = Temporal.toLocalDateTime(start, zone);
        LocalDateTime to = Temporal.toLocalDateTime(end, zone);
        long count = unit.chronoUnit.between(from, to);
        // QUARTER counts months, three to a quarter.
        return unit == Unit.QUARTER ? count / 3 : count;
    }

    private static Unit unit(String name, Expr arg) {
        if (!(arg instanceof Literal literal) || !(literal.value() instanceof String text)) {
            throw new AnalysisException(
                    ErrorCode.WRONG_ARGUMENTS,
                    name + " expects a unit as its first argument: YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFYEAR, "
                            + "HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND");
        }
        Unit unit = Unit.parse(text);
        if (unit == null) {
            throw new AnalysisException(
                    ErrorCode.WRONG_ARGUMENTS,
                    name + " does not know the unit '" + text + "'; use YEAR, QUARTER, MONTH, WEEK, DAY, "
                            + "DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND");
        }
        return unit;
    }

    // ---------------------------------------------------------------- time-zone shifts

    private static Expr bindZoneShift(String name, List<Expr> args, boolean fromUtc) {
        checkArity(name, args, 2, 2, "timestamp, timezone");
        List<Expr> bound = List.of(
                coerce(name, 1, args.get(0), TimestampType.TIMESTAMP), coerce(name, 2, args.get(1), StringType.STRING));
        if (bound.get(1) instanceof Literal literal && literal.value() != null) {
            zone(name, (String) literal.value()); // a malformed constant zone fails at planning
        }
        return rowCall(name, TimestampType.TIMESTAMP, bound, (values, context) -> {
            ZoneId zone = zone(name, (String) values[1]);
            long micros = (Long) values[0];
            return fromUtc ? fromUtc(micros, zone) : toUtc(micros, zone);
        });
    }

    /** The UTC wall-clock time of the instant read as the wall-clock time in {@code zone}. */
    static long fromUtc(long micros, ZoneId zone) {
        LocalDateTime local = Temporal.toLocalDateTime(micros, zone);
        return Temporal.toMicros(local.toInstant(ZoneOffset.UTC));
    }

    /** The instant whose wall-clock time in {@code zone} is the UTC wall-clock time of {@code micros}. */
    static long toUtc(long micros, ZoneId zone) {
        LocalDateTime local = Temporal.toLocalDateTime(micros, ZoneOffset.UTC);
        return Temporal.toMicros(local.atZone(zone).toInstant());
    }

    /** A zone ID ({@code Europe/Oslo}), offset ({@code +01:00}, {@code +1:00}) or abbreviation ({@code PST}). */
    static ZoneId zone(String name, String text) {
        // Spark also reads a one-digit hour in an offset, such as +1:00.
        String normalized = text.trim().replaceFirst("^([+-])(\\d):", "$10$2:");
        try {
            if (normalized.equalsIgnoreCase("Z")) {
                return ZoneOffset.UTC;
            }
            return ZoneId.of(normalized, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            throw new FreshetException(
                    ErrorCode.INVALID_ARGUMENT,
                    name + ": '" + text + "' is not a time zone; use a region ID such as 'Europe/Oslo' or an "
                            + "offset such as '+01:00'");
        }
    }
}
