package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.IntVector;
import io.freshet.data.Vector;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.ScalarFunction;
import io.freshet.expr.Temporal;
import io.freshet.expr.functions.DateKernels.DateDiff;
import io.freshet.expr.functions.DateKernels.DateField;
import io.freshet.expr.functions.DateKernels.DateShift;
import io.freshet.expr.functions.DateKernels.DateTrunc;
import io.freshet.expr.functions.DateKernels.Field;
import io.freshet.expr.functions.DateKernels.TruncUnit;
import io.freshet.expr.functions.RowFunctions.StatefulKernel;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.freshet.expr.functions.RowFunctions.checkArity;
import static io.freshet.expr.functions.RowFunctions.coerce;
import static io.freshet.expr.functions.RowFunctions.rowCall;
import static java.util.Objects.requireNonNull;

/**
 * Built-in date and time functions with Spark SQL's semantics: dates are days since 1970-01-01,
 * timestamps are microseconds since the epoch in UTC, and local fields are read in the session time
 * zone ({@link EvalContext#timeZone()}). Parsing failures are errors (ANSI) except in {@code try_*}.
 */
public final class DateTimeFunctions {
    private DateTimeFunctions() {}

    private static final DataType DATE = DateType.DATE;
    private static final DataType TIMESTAMP = TimestampType.TIMESTAMP;
    private static final DataType STRING = StringType.STRING;
    private static final DataType INT = IntType.INT;
    private static final DataType BIGINT = BigintType.BIGINT;
    private static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    public static void register(FunctionRegistry.Builder registry) {
        registerFields(registry);
        registry.scalar("current_date", args -> bindNow("current_date", args, DATE));
        registry.scalar("curdate", args -> bindNow("curdate", args, DATE));
        registry.scalar("current_timestamp", args -> bindNow("current_timestamp", args, TIMESTAMP));
        registry.scalar("now", args -> bindNow("now", args, TIMESTAMP));
        registry.scalar("current_timezone", args -> bindNow("current_timezone", args, STRING));
        registry.scalar("date_trunc", DateTimeFunctions::bindDateTrunc);
        registry.scalar("trunc", DateTimeFunctions::bindTrunc);
        // With three arguments (unit, quantity, timestamp) date_add and dateadd are timestampadd, and
        // datediff (unit, start, end) is timestampdiff, as in Spark.
        registry.scalar(
                "date_add",
                args -> args.size() == 3
                        ? TimestampUnitFunctions.bindAdd("date_add", args)
                        : bindDateShift("date_add", args, false));
        registry.scalar(
                "dateadd",
                args -> args.size() == 3
                        ? TimestampUnitFunctions.bindAdd("dateadd", args)
                        : bindDateShift("dateadd", args, false));
        registry.scalar("date_sub", args -> bindDateShift("date_sub", args, true));
        registry.scalar(
                "datediff",
                args -> args.size() == 3 ? TimestampUnitFunctions.bindDiff("datediff", args) : bindDateDiff(args));
        DatePartFunctions.register(registry);
        TimestampUnitFunctions.register(registry);
        registry.scalar("add_months", DateTimeFunctions::bindAddMonths);
        registry.scalar("months_between", DateTimeFunctions::bindMonthsBetween);
        registry.scalar("last_day", DateTimeFunctions::bindLastDay);
        registry.scalar("next_day", DateTimeFunctions::bindNextDay);
        registry.scalar("to_date", args -> bindParse("to_date", args, DATE, false));
        registry.scalar("to_timestamp", args -> bindParse("to_timestamp", args, TIMESTAMP, false));
        registry.scalar("try_to_timestamp", args -> bindParse("try_to_timestamp", args, TIMESTAMP, true));
        registry.scalar("date_format", DateTimeFunctions::bindDateFormat);
        registry.scalar("from_unixtime", DateTimeFunctions::bindFromUnixtime);
        registry.scalar("unix_timestamp", args -> bindUnixTimestamp("unix_timestamp", args));
        registry.scalar("to_unix_timestamp", args -> bindUnixTimestamp("to_unix_timestamp", args));
        registry.scalar("unix_seconds", args -> bindEpoch("unix_seconds", args, 1_000_000L));
        registry.scalar("unix_millis", args -> bindEpoch("unix_millis", args, 1_000L));
        registry.scalar("unix_micros", args -> bindEpoch("unix_micros", args, 1L));
        registry.scalar("timestamp_seconds", DateTimeFunctions::bindTimestampSeconds);
        registry.scalar("timestamp_millis", args -> bindTimestampFrom("timestamp_millis", args, 1_000L));
        registry.scalar("timestamp_micros", args -> bindTimestampFrom("timestamp_micros", args, 1L));
        registry.scalar("make_date", DateTimeFunctions::bindMakeDate);
        registry.scalar("make_timestamp", DateTimeFunctions::bindMakeTimestamp);
        registry.scalar("date_from_unix_date", DateTimeFunctions::bindDateFromUnixDate);
        registry.scalar("unix_date", DateTimeFunctions::bindUnixDate);
    }

    private static void registerFields(FunctionRegistry.Builder registry) {
        registerField(registry, "year", Field.YEAR);
        registerField(registry, "quarter", Field.QUARTER);
        registerField(registry, "month", Field.MONTH);
        registerField(registry, "day", Field.DAY);
        registerField(registry, "dayofmonth", Field.DAY);
        registerField(registry, "dayofweek", Field.DAY_OF_WEEK);
        registerField(registry, "weekday", Field.WEEKDAY);
        registerField(registry, "dayofyear", Field.DAY_OF_YEAR);
        registerField(registry, "weekofyear", Field.WEEK_OF_YEAR);
        registerField(registry, "hour", Field.HOUR);
        registerField(registry, "minute", Field.MINUTE);
        registerField(registry, "second", Field.SECOND);
    }

    private static void registerField(FunctionRegistry.Builder registry, String name, Field field) {
        registry.scalar(name, args -> {
            String argument = field.isTimeOfDay() ? "timestamp" : "date";
            checkArity(name, args, 1, 1, argument);
            Expr arg = args.get(0);
            // Dates and timestamps are read natively; anything else is cast as Spark would.
            boolean readNatively =
                    arg.type() instanceof TimestampType || !field.isTimeOfDay() && arg.type() instanceof DateType;
            Expr bound = readNatively ? arg : coerce(name, 1, arg, field.isTimeOfDay() ? TIMESTAMP : DATE);
            return new Call(new DateField(name, field), bound);
        });
    }

    // ---------------------------------------------------------------- argument helpers

    /** A date or timestamp argument as it is, anything else coerced to {@code fallback}. */
    private static Expr temporal(String name, int position, Expr arg, DataType fallback) {
        if (arg.type() instanceof DateType || arg.type() instanceof TimestampType) {
            return arg;
        }
        return coerce(name, position, arg, fallback);
    }

    /** UTC microseconds of an internal date (local midnight in {@code zone}) or timestamp value. */
    static long toMicros(Object value, ZoneId zone) {
        if (value instanceof Integer days) {
            return Temporal.toMicros(
                    LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
        }
        return (Long) value;
    }

    /** The local date (days) in {@code zone} of an internal date or timestamp value. */
    static int toDays(Object value, ZoneId zone) {
        if (value instanceof Integer days) {
            return days;
        }
        return (int) Temporal.toLocalDateTime((Long) value, zone).toLocalDate().toEpochDay();
    }

    private static DatePattern constantPattern(String name, Expr pattern) {
        if (pattern instanceof Literal literal && literal.value() != null) {
            try {
                return DatePattern.of((String) literal.value());
            } catch (FreshetException e) {
                throw new AnalysisException(ErrorCode.WRONG_ARGUMENTS, name + ": " + e.getMessage());
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- current time

    /** {@code current_date()}, {@code current_timestamp()}, {@code current_timezone()} from the query's context. */
    record CurrentTime(String name, DataType returnType) implements ScalarFunction {
        CurrentTime {
            requireNonNull(name, "name is null");
            requireNonNull(returnType, "returnType is null");
        }

        /** False so that plan-time constant folding cannot freeze a value that each query (or micro-batch) sets. */
        @Override
        public boolean deterministic() {
            return false;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            long now = context.currentTimestampMicros();
            Object value;
            if (returnType instanceof DateType) {
                value = (int) DateCalendar.localDays(new DateCalendar.LocalClock(context.timeZone()).toLocal(now));
            } else if (returnType instanceof TimestampType) {
                value = now;
            } else {
                value = context.timeZone().getId();
            }
            return io.freshet.data.Vectors.constant(returnType, value, rowCount);
        }
    }

    private static Expr bindNow(String name, List<Expr> args, DataType type) {
        checkArity(name, args, 0, 0, "");
        return new Call(new CurrentTime(name, type), List.of());
    }

    // ---------------------------------------------------------------- truncation and arithmetic

    private static Expr bindDateTrunc(List<Expr> args) {
        String name = "date_trunc";
        checkArity(name, args, 2, 2, "unit, timestamp");
        Expr unit = coerce(name, 1, args.get(0), STRING);
        Expr timestamp = coerce(name, 2, args.get(1), TIMESTAMP);
        if (unit instanceof Literal literal) {
            TruncUnit parsed = literal.value() == null ? null : TruncUnit.parse((String) literal.value());
            return new Call(new DateTrunc(name, parsed), unit, timestamp);
        }
        return rowCall(name, TIMESTAMP, List.of(unit, timestamp), (values, context) -> {
            TruncUnit parsed = TruncUnit.parse((String) values[0]);
            return parsed == null
                    ? null
                    : parsed.truncateMicros((Long) values[1], new DateCalendar.LocalClock(context.timeZone()));
        });
    }

    private static Expr bindTrunc(List<Expr> args) {
        String name = "trunc";
        checkArity(name, args, 2, 2, "date, unit");
        List<Expr> bound = List.of(coerce(name, 1, args.get(0), DATE), coerce(name, 2, args.get(1), STRING));
        return rowCall(name, DATE, bound, (values, context) -> {
            TruncUnit unit = TruncUnit.parse((String) values[1]);
            // trunc only truncates to a week or coarser; a finer or unknown unit gives null, as in Spark.
            return unit == null || !unit.isDateLevel() ? null : (int) unit.truncateDays((Integer) values[0]);
        });
    }

    private static Expr bindDateShift(String name, List<Expr> args, boolean subtract) {
        checkArity(name, args, 2, 2, "start_date, num_days");
        return new Call(
                new DateShift(name, subtract), coerce(name, 1, args.get(0), DATE), coerce(name, 2, args.get(1), INT));
    }

    private static Expr bindDateDiff(List<Expr> args) {
        checkArity("datediff", args, 2, 2, "endDate, startDate");
        return new Call(
                new DateDiff("datediff"),
                coerce("datediff", 1, args.get(0), DATE),
                coerce("datediff", 2, args.get(1), DATE));
    }

    private static Expr bindAddMonths(List<Expr> args) {
        checkArity("add_months", args, 2, 2, "start_date, num_months");
        List<Expr> bound =
                List.of(coerce("add_months", 1, args.get(0), DATE), coerce("add_months", 2, args.get(1), INT));
        return rowCall("add_months", DATE, bound, (values, context) -> {
            LocalDate date = LocalDate.ofEpochDay((Integer) values[0]).plusMonths((Integer) values[1]);
            return checkedDays("add_months", date.toEpochDay());
        });
    }

    private static int checkedDays(String name, long days) {
        if (days != (int) days) {
            throw new FreshetException(ErrorCode.ARITHMETIC_OVERFLOW, name + " overflows the date range");
        }
        return (int) days;
    }

    private static Expr bindMonthsBetween(List<Expr> args) {
        String name = "months_between";
        checkArity(name, args, 2, 3, "timestamp1, timestamp2[, roundOff]");
        List<Expr> bound = new ArrayList<>();
        bound.add(temporal(name, 1, args.get(0), TIMESTAMP));
        bound.add(temporal(name, 2, args.get(1), TIMESTAMP));
        bound.add(
                args.size() == 3
                        ? coerce(name, 3, args.get(2), BooleanType.BOOLEAN)
                        : new Literal(true, BooleanType.BOOLEAN));
        return rowCall(
                name,
                DoubleType.DOUBLE,
                bound,
                (values, context) -> monthsBetween(
                        toMicros(values[0], context.timeZone()),
                        toMicros(values[1], context.timeZone()),
                        (Boolean) values[2],
                        context.timeZone()));
    }

    /**
     * Spark's {@code months_between}: whole months when the days of month match or both are month
     * ends, otherwise the difference counts 31-day months, rounded to 8 digits if asked.
     */
    static double monthsBetween(long micros1, long micros2, boolean roundOff, ZoneId zone) {
        DateCalendar.LocalClock clock = new DateCalendar.LocalClock(zone);
        long local1 = clock.toLocal(micros1);
        long local2 = clock.toLocal(micros2);
        long days1 = DateCalendar.localDays(local1);
        long days2 = DateCalendar.localDays(local2);
        long civil1 = DateCalendar.civil(days1);
        long civil2 = DateCalendar.civil(days2);
        int year1 = DateCalendar.year(civil1);
        int year2 = DateCalendar.year(civil2);
        int month1 = DateCalendar.month(civil1);
        int month2 = DateCalendar.month(civil2);
        int day1 = DateCalendar.day(civil1);
        int day2 = DateCalendar.day(civil2);
        long monthDiff = (year1 - year2) * 12L + (month1 - month2);
        boolean lastDays =
                day1 == DateCalendar.daysInMonth(year1, month1) && day2 == DateCalendar.daysInMonth(year2, month2);
        if (day1 == day2 || lastDays) {
            return monthDiff;
        }
        long seconds1 = Math.floorMod(local1, DateCalendar.MICROS_PER_DAY) / DateCalendar.MICROS_PER_SECOND;
        long seconds2 = Math.floorMod(local2, DateCalendar.MICROS_PER_DAY) / DateCalendar.MICROS_PER_SECOND;
        long secondsDiff = (day1 - day2) * 86_400L + seconds1 - seconds2;
        double diff = monthDiff + secondsDiff / (31 * 86_400.0);
        return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
    }

    private static Expr bindLastDay(List<Expr> args) {
        checkArity("last_day", args, 1, 1, "date");
        return rowCall("last_day", DATE, List.of(coerce("last_day", 1, args.get(0), DATE)), (values, context) -> {
            long civil = DateCalendar.civil((Integer) values[0]);
            int year = DateCalendar.year(civil);
            int month = DateCalendar.month(civil);
            return (int) DateCalendar.daysFromCivil(year, month, DateCalendar.daysInMonth(year, month));
        });
    }

    private static Expr bindNextDay(List<Expr> args) {
        checkArity("next_day", args, 2, 2, "start_date, day_of_week");
        List<Expr> bound =
                List.of(coerce("next_day", 1, args.get(0), DATE), coerce("next_day", 2, args.get(1), STRING));
        return rowCall("next_day", DATE, bound, (values, context) -> {
            DayOfWeek target = parseDayOfWeek((String) values[1]);
            int days = (Integer) values[0];
            int current = DateCalendar.weekdayMondayZero(days);
            int ahead = Math.floorMod(target.ordinal() - current - 1, 7) + 1;
            return checkedDays("next_day", (long) days + ahead);
        });
    }

    /** Spark's day-of-week names: two letters, three letters or the full English name, any case. */
    static DayOfWeek parseDayOfWeek(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name();
            if (upper.equals(full) || upper.equals(full.substring(0, 2)) || upper.equals(full.substring(0, 3))) {
                return day;
            }
        }
        throw new FreshetException(
                ErrorCode.INVALID_ARGUMENT,
                "next_day: illegal input for day of week: '" + text + "'; use a name like 'MO', 'Mon' or 'Monday'");
    }

    // ---------------------------------------------------------------- parsing and formatting

    /** How a parsing call works: the pattern (null when it comes from data) and what it produces. */
    record ParseSpec(DatePattern pattern, boolean toDate, boolean lenient, String function) {}

    private static Expr bindParse(String name, List<Expr> args, DataType target, boolean lenient) {
        checkArity(name, args, 1, 2, "str[, fmt]");
        Expr arg = args.get(0);
        if (args.size() == 1) {
            // Without a pattern the value is cast, which accepts Spark's usual ISO-like forms.
            if (arg.type().equals(target)) {
                return arg;
            }
            if (arg.type() instanceof NullType && arg instanceof Literal) {
                return new Literal(null, target);
            }
            return Casts.cast(arg, target, lenient);
        }
        Expr text = coerce(name, 1, arg, STRING);
        Expr pattern = coerce(name, 2, args.get(1), STRING);
        ParseSpec spec = new ParseSpec(constantPattern(name, pattern), target instanceof DateType, lenient, name);
        return rowCall(
                name,
                target,
                List.of(text, pattern),
                new StatefulKernel<>(spec, (state, values, context) -> parse(state, values, context)));
    }

    private static Object parse(ParseSpec spec, Object[] values, EvalContext context) {
        String text = (String) values[0];
        String patternText = (String) values[1];
        DatePattern pattern = spec.pattern() != null ? spec.pattern() : DatePattern.of(patternText);
        Long micros = parseOrNull(text, pattern, context.timeZone(), spec.lenient(), spec.function());
        if (micros == null) {
            return null;
        }
        return spec.toDate() ? toDays(micros, context.timeZone()) : micros;
    }

    /** Parses with the pattern; a failure is null when {@code lenient}, else an error that suggests the try_ variant. */
    static Long parseOrNull(String text, DatePattern pattern, ZoneId zone, boolean lenient, String function) {
        try {
            return pattern.parseMicros(text, zone);
        } catch (DateTimeException | ArithmeticException e) {
            if (lenient) {
                return null;
            }
            throw new FreshetException(
                    ErrorCode.CAST_INVALID_INPUT,
                    function + ": cannot parse '" + text + "' with the datetime pattern '" + pattern.pattern() + "': "
                            + e.getMessage() + ". Use `try_to_timestamp` to tolerate invalid input and return NULL"
                            + " instead.",
                    e);
        }
    }

    private static Expr bindDateFormat(List<Expr> args) {
        String name = "date_format";
        checkArity(name, args, 2, 2, "timestamp, fmt");
        Expr value = temporal(name, 1, args.get(0), TIMESTAMP);
        Expr pattern = coerce(name, 2, args.get(1), STRING);
        return rowCall(
                name,
                STRING,
                List.of(value, pattern),
                new StatefulKernel<>(
                        java.util.Optional.ofNullable(constantPattern(name, pattern)),
                        (state, values, context) -> state.orElseGet(() -> DatePattern.of((String) values[1]))
                                .format(toMicros(values[0], context.timeZone()), context.timeZone())));
    }

    private static Expr bindFromUnixtime(List<Expr> args) {
        String name = "from_unixtime";
        checkArity(name, args, 1, 2, "unix_time[, fmt]");
        Expr seconds = coerce(name, 1, args.get(0), BIGINT);
        Expr pattern = args.size() == 2 ? coerce(name, 2, args.get(1), STRING) : new Literal(DEFAULT_PATTERN, STRING);
        return rowCall(
                name,
                STRING,
                List.of(seconds, pattern),
                new StatefulKernel<>(
                        java.util.Optional.ofNullable(constantPattern(name, pattern)),
                        (state, values, context) -> state.orElseGet(() -> DatePattern.of((String) values[1]))
                                .format(
                                        Math.multiplyExact((Long) values[0], DateCalendar.MICROS_PER_SECOND),
                                        context.timeZone())));
    }

    private static Expr bindUnixTimestamp(String name, List<Expr> args) {
        checkArity(name, args, name.equals("unix_timestamp") ? 0 : 1, 2, "timeExp[, fmt]");
        if (args.isEmpty()) {
            return rowCall(
                    name,
                    BIGINT,
                    List.of(new Call(new CurrentTime("current_timestamp", TIMESTAMP), List.of())),
                    (values, context) -> Math.floorDiv((Long) values[0], DateCalendar.MICROS_PER_SECOND));
        }
        Expr arg = args.get(0);
        Expr value = arg.type() instanceof DateType || arg.type() instanceof TimestampType
                ? arg
                : coerce(name, 1, arg, STRING);
        Expr pattern = args.size() == 2 ? coerce(name, 2, args.get(1), STRING) : new Literal(DEFAULT_PATTERN, STRING);
        ParseSpec spec = new ParseSpec(constantPattern(name, pattern), false, false, name);
        return rowCall(name, BIGINT, List.of(value, pattern), new StatefulKernel<>(spec, (state, values, context) -> {
            long micros;
            if (values[0] instanceof String text) {
                DatePattern compiled = state.pattern() != null ? state.pattern() : DatePattern.of((String) values[1]);
                micros = parseOrNull(text, compiled, context.timeZone(), false, state.function());
            } else {
                micros = toMicros(values[0], context.timeZone());
            }
            return Math.floorDiv(micros, DateCalendar.MICROS_PER_SECOND);
        }));
    }

    // ---------------------------------------------------------------- epoch conversions

    private static Expr bindEpoch(String name, List<Expr> args, long unitMicros) {
        checkArity(name, args, 1, 1, "timestamp");
        List<Expr> bound = List.of(coerce(name, 1, args.get(0), TIMESTAMP), new Literal(unitMicros, BIGINT));
        return rowCall(name, BIGINT, bound, (values, context) -> Math.floorDiv((Long) values[0], (Long) values[1]));
    }

    private static Expr bindTimestampFrom(String name, List<Expr> args, long unitMicros) {
        checkArity(name, args, 1, 1, "n");
        List<Expr> bound = List.of(coerce(name, 1, args.get(0), BIGINT), new Literal(unitMicros, BIGINT));
        return rowCall(name, TIMESTAMP, bound, (values, context) -> {
            try {
                return Math.multiplyExact((Long) values[0], (Long) values[1]);
            } catch (ArithmeticException e) {
                throw new FreshetException(
                        ErrorCode.ARITHMETIC_OVERFLOW,
                        "timestamp overflow converting " + values[0] + " to a timestamp");
            }
        });
    }

    private static Expr bindTimestampSeconds(List<Expr> args) {
        String name = "timestamp_seconds";
        checkArity(name, args, 1, 1, "seconds");
        Expr arg = args.get(0);
        if (arg.type() instanceof DoubleType || arg.type() instanceof DecimalType) {
            return rowCall(name, TIMESTAMP, args, (values, context) -> {
                if (values[0] instanceof Double seconds) {
                    // NaN and infinities have no timestamp: null, as in Spark.
                    return seconds.isNaN() || seconds.isInfinite() ? null : (long) (seconds * 1e6);
                }
                try {
                    return ((BigDecimal) values[0]).movePointRight(6).longValueExact();
                } catch (ArithmeticException e) {
                    throw new FreshetException(
                            ErrorCode.ARITHMETIC_OVERFLOW, "timestamp overflow converting " + values[0] + " seconds");
                }
            });
        }
        return bindTimestampFrom(name, args, DateCalendar.MICROS_PER_SECOND);
    }

    private static Expr bindMakeDate(List<Expr> args) {
        String name = "make_date";
        checkArity(name, args, 3, 3, "year, month, day");
        List<Expr> bound = List.of(
                coerce(name, 1, args.get(0), INT),
                coerce(name, 2, args.get(1), INT),
                coerce(name, 3, args.get(2), INT));
        return rowCall(name, DATE, bound, (values, context) -> {
            try {
                return checkedDays(
                        name,
                        LocalDate.of((Integer) values[0], (Integer) values[1], (Integer) values[2])
                                .toEpochDay());
            } catch (DateTimeException e) {
                throw invalidField(name, e);
            }
        });
    }

    private static FreshetException invalidField(String name, DateTimeException e) {
        return new FreshetException(
                ErrorCode.INVALID_ARGUMENT,
                name + ": " + e.getMessage() + ". Use try_" + name
                        + " if available, or check the fields before the call, to get NULL for invalid values");
    }

    private static Expr bindMakeTimestamp(List<Expr> args) {
        String name = "make_timestamp";
        checkArity(name, args, 6, 7, "year, month, day, hour, min, sec[, timezone]");
        List<Expr> bound = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bound.add(coerce(name, i + 1, args.get(i), INT));
        }
        Expr seconds = args.get(5);
        if (!seconds.type().isNumeric()) {
            seconds = coerce(name, 6, seconds, new DecimalType(16, 6));
        }
        bound.add(seconds);
        if (args.size() == 7) {
            bound.add(coerce(name, 7, args.get(6), STRING));
        }
        return rowCall(name, TIMESTAMP, bound, (values, context) -> makeTimestamp(values, context));
    }

    private static Object makeTimestamp(Object[] values, EvalContext context) {
        BigDecimal seconds = values[5] instanceof BigDecimal decimal ? decimal : new BigDecimal(values[5].toString());
        try {
            if (seconds.scale() > 6) {
                throw new DateTimeException("seconds may have at most 6 fractional digits: " + seconds);
            }
            int wholeSeconds = seconds.intValue();
            int nanos = seconds.subtract(BigDecimal.valueOf(wholeSeconds))
                    .movePointRight(9)
                    .intValueExact();
            LocalDateTime local;
            if (wholeSeconds == 60 && nanos == 0) {
                // 60 seconds with no fraction means the start of the next minute, as in Spark.
                local = LocalDateTime.of(
                                (Integer) values[0],
                                (Integer) values[1],
                                (Integer) values[2],
                                (Integer) values[3],
                                (Integer) values[4],
                                0)
                        .plusMinutes(1);
            } else {
                local = LocalDateTime.of(
                        (Integer) values[0],
                        (Integer) values[1],
                        (Integer) values[2],
                        (Integer) values[3],
                        (Integer) values[4],
                        wholeSeconds,
                        nanos);
            }
            ZoneId zone = values.length > 6 ? ZoneId.of((String) values[6]) : context.timeZone();
            return Temporal.toMicros(ZonedDateTime.of(local, zone).toInstant());
        } catch (DateTimeException | ArithmeticException e) {
            throw invalidField(
                    "make_timestamp", e instanceof DateTimeException d ? d : new DateTimeException(e.getMessage()));
        }
    }

    private static Expr bindDateFromUnixDate(List<Expr> args) {
        checkArity("date_from_unix_date", args, 1, 1, "days");
        Expr arg = coerce("date_from_unix_date", 1, args.get(0), INT);
        return new Call(new DayCast("date_from_unix_date", DATE), arg);
    }

    private static Expr bindUnixDate(List<Expr> args) {
        checkArity("unix_date", args, 1, 1, "date");
        Expr arg = coerce("unix_date", 1, args.get(0), DATE);
        return new Call(new DayCast("unix_date", INT), arg);
    }

    /** Reinterprets days since the epoch as a date or as an int (the same values, another type). */
    record DayCast(String name, DataType returnType) implements ScalarFunction {
        DayCast {
            requireNonNull(name, "name is null");
            requireNonNull(returnType, "returnType is null");
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            IntVector input = (IntVector) args[0];
            return new IntVector(returnType, input.values(), input.nulls(), rowCount);
        }
    }
}
