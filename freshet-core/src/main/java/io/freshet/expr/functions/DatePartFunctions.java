package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.functions.DateKernels.DateField;
import io.freshet.expr.functions.DateKernels.Field;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;

import static io.freshet.expr.functions.RowFunctions.checkArity;
import static io.freshet.expr.functions.RowFunctions.coerce;
import static io.freshet.expr.functions.RowFunctions.rowCall;

/**
 * {@code date_part(field, source)} and its alias {@code datepart}; the parser turns
 * {@code EXTRACT(field FROM source)} into {@code date_part}. The field is a constant name with Spark's
 * abbreviations; fields of dates and timestamps are ints except {@code SECOND}, a {@code decimal(8,6)}
 * with the fraction, and an interval has the fields DAY, HOUR, MINUTE and SECOND.
 */
public final class DatePartFunctions {
    private DatePartFunctions() {}

    /** A field that {@code date_part} extracts. */
    enum Part {
        YEAR,
        YEAR_OF_WEEK,
        QUARTER,
        MONTH,
        WEEK,
        DAY,
        DAY_OF_WEEK,
        DAY_OF_WEEK_ISO,
        DAY_OF_YEAR,
        HOUR,
        MINUTE,
        SECOND;

        /** Spark's names and abbreviations (case-insensitive); null for an unknown name. */
        static Part parse(String text) {
            return switch (text.trim().toUpperCase(Locale.ROOT)) {
                case "YEAR", "Y", "YEARS", "YR", "YRS" -> YEAR;
                case "YEAROFWEEK" -> YEAR_OF_WEEK;
                case "QUARTER", "QTR" -> QUARTER;
                case "MONTH", "MON", "MONS", "MONTHS" -> MONTH;
                case "WEEK", "W", "WEEKS" -> WEEK;
                case "DAY", "D", "DAYS" -> DAY;
                case "DAYOFWEEK", "DOW" -> DAY_OF_WEEK;
                case "DAYOFWEEK_ISO", "DOW_ISO" -> DAY_OF_WEEK_ISO;
                case "DOY" -> DAY_OF_YEAR;
                case "HOUR", "H", "HOURS", "HR", "HRS" -> HOUR;
                case "MINUTE", "M", "MIN", "MINS", "MINUTES" -> MINUTE;
                case "SECOND", "S", "SEC", "SECONDS", "SECS" -> SECOND;
                default -> null;
            };
        }

        boolean isTimeOfDay() {
            return this == HOUR || this == MINUTE || this == SECOND;
        }
    }

    private static final DecimalType SECONDS = new DecimalType(8, 6);

    public static void register(FunctionRegistry.Builder registry) {
        registry.scalar("date_part", args -> bind("date_part", args));
        registry.scalar("datepart", args -> bind("datepart", args));
    }

    private static Expr bind(String name, List<Expr> args) {
        checkArity(name, args, 2, 2, "field, source");
        Expr fieldArg = args.get(0);
        if (!(fieldArg instanceof Literal literal)
                || !(literal.type() instanceof StringType)
                || literal.value() == null) {
            throw new AnalysisException(
                    ErrorCode.WRONG_ARGUMENTS,
                    name + " expects a constant string field name as its first argument, such as 'YEAR' or 'HOUR'");
        }
        String fieldName = (String) literal.value();
        Expr source = args.get(1);
        Part part = Part.parse(fieldName);
        if (source.type() instanceof IntervalType) {
            return bindInterval(name, fieldName, part, source);
        }
        if (part == null) {
            throw invalidField(fieldName, source.type());
        }
        Expr bound = source(name, part, source);
        return switch (part) {
            case YEAR -> field(name, Field.YEAR, bound);
            case QUARTER -> field(name, Field.QUARTER, bound);
            case MONTH -> field(name, Field.MONTH, bound);
            case WEEK -> field(name, Field.WEEK_OF_YEAR, bound);
            case DAY -> field(name, Field.DAY, bound);
            case DAY_OF_WEEK -> field(name, Field.DAY_OF_WEEK, bound);
            case DAY_OF_YEAR -> field(name, Field.DAY_OF_YEAR, bound);
            case HOUR -> field(name, Field.HOUR, bound);
            case MINUTE -> field(name, Field.MINUTE, bound);
            case YEAR_OF_WEEK ->
                rowCall(name, IntType.INT, List.of(bound), (values, context) -> LocalDate.ofEpochDay(
                                DateTimeFunctions.toDays(values[0], context.timeZone()))
                        .get(IsoFields.WEEK_BASED_YEAR));
            case DAY_OF_WEEK_ISO ->
                rowCall(
                        name,
                        IntType.INT,
                        List.of(bound),
                        (values, context) ->
                                DateCalendar.weekdayMondayZero(DateTimeFunctions.toDays(values[0], context.timeZone()))
                                        + 1);
            case SECOND ->
                rowCall(name, SECONDS, List.of(bound), (values, context) -> {
                    long local = new DateCalendar.LocalClock(context.timeZone()).toLocal((Long) values[0]);
                    return secondsWithFraction(Math.floorMod(local, DateCalendar.MICROS_PER_MINUTE));
                });
        };
    }

    /** Dates are read as dates for date fields; time-of-day fields read a timestamp (a date is its midnight). */
    private static Expr source(String name, Part part, Expr source) {
        DataType type = source.type();
        if (part.isTimeOfDay()) {
            return coerce(name, 2, source, TimestampType.TIMESTAMP);
        }
        if (type instanceof DateType || type instanceof TimestampType) {
            return source;
        }
        if (type instanceof NullType || type instanceof StringType) {
            return coerce(name, 2, source, DateType.DATE);
        }
        throw RowFunctions.typeMismatch(name, 2, "date, timestamp or interval", type);
    }

    private static Expr field(String name, Field field, Expr source) {
        return new Call(new DateField(name, field), source);
    }

    private static Expr bindInterval(String name, String fieldName, Part part, Expr source) {
        if (part == null) {
            throw invalidField(fieldName, source.type());
        }
        return switch (part) {
            case DAY ->
                rowCall(name, IntType.INT, List.of(source), (values, context) ->
                        (int) ((Long) values[0] / DateCalendar.MICROS_PER_DAY));
            case HOUR ->
                rowCall(name, IntType.INT, List.of(source), (values, context) ->
                        (int) ((Long) values[0] % DateCalendar.MICROS_PER_DAY / DateCalendar.MICROS_PER_HOUR));
            case MINUTE ->
                rowCall(name, IntType.INT, List.of(source), (values, context) ->
                        (int) ((Long) values[0] % DateCalendar.MICROS_PER_HOUR / DateCalendar.MICROS_PER_MINUTE));
            case SECOND ->
                rowCall(
                        name,
                        SECONDS,
                        List.of(source),
                        (values, context) -> secondsWithFraction((Long) values[0] % DateCalendar.MICROS_PER_MINUTE));
            case YEAR, YEAR_OF_WEEK, QUARTER, MONTH, WEEK, DAY_OF_WEEK, DAY_OF_WEEK_ISO, DAY_OF_YEAR ->
                throw invalidField(fieldName, source.type());
        };
    }

    /** Microseconds within a minute as seconds with six decimals, e.g. 45.500000. */
    static BigDecimal secondsWithFraction(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }

    private static AnalysisException invalidField(String field, DataType source) {
        return new AnalysisException(
                ErrorCode.WRONG_ARGUMENTS,
                "Cannot extract " + field + " from a " + source.sqlName() + " value; the fields are YEAR, "
                        + "YEAROFWEEK, QUARTER, MONTH, WEEK, DAY, DAYOFWEEK, DAYOFWEEK_ISO, DOY, HOUR, MINUTE and "
                        + "SECOND (DAY, HOUR, MINUTE and SECOND for an interval)");
    }
}
