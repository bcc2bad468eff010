package io.freshet.expr.functions;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Bits;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.ScalarFunction;
import io.freshet.expr.functions.DateCalendar.LocalClock;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.IntType;
import io.freshet.types.TimestampType;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** The vectorized datetime functions: field extraction, {@code date_trunc}, {@code date_add} and {@code datediff}. */
final class DateKernels {
    private DateKernels() {}

    /** A field that {@link DateField} extracts. */
    enum Field {
        YEAR,
        QUARTER,
        MONTH,
        DAY,
        DAY_OF_WEEK,
        WEEKDAY,
        DAY_OF_YEAR,
        WEEK_OF_YEAR,
        HOUR,
        MINUTE,
        SECOND;

        boolean isTimeOfDay() {
            return this == HOUR || this == MINUTE || this == SECOND;
        }

        /** The field of a local date (days since the epoch). */
        int ofDays(long days) {
            long civil = DateCalendar.civil(days);
            return switch (this) {
                case YEAR -> DateCalendar.year(civil);
                case QUARTER -> (DateCalendar.month(civil) - 1) / 3 + 1;
                case MONTH -> DateCalendar.month(civil);
                case DAY -> DateCalendar.day(civil);
                case DAY_OF_WEEK -> DateCalendar.dayOfWeekSundayFirst(days);
                case WEEKDAY -> DateCalendar.weekdayMondayZero(days);
                case DAY_OF_YEAR -> DateCalendar.dayOfYear(days);
                case WEEK_OF_YEAR -> LocalDate.ofEpochDay(days).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                case HOUR, MINUTE, SECOND -> 0;
            };
        }

        /** The field of local microseconds. */
        int ofLocalMicros(long local) {
            long ofDay = Math.floorMod(local, DateCalendar.MICROS_PER_DAY);
            return switch (this) {
                case HOUR -> (int) (ofDay / DateCalendar.MICROS_PER_HOUR);
                case MINUTE -> (int) (ofDay / DateCalendar.MICROS_PER_MINUTE % 60);
                case SECOND -> (int) (ofDay / DateCalendar.MICROS_PER_SECOND % 60);
                case YEAR, QUARTER, MONTH, DAY, DAY_OF_WEEK, WEEKDAY, DAY_OF_YEAR, WEEK_OF_YEAR ->
                    ofDays(DateCalendar.localDays(local));
            };
        }
    }

    /** Extracts a field of a date, or of a timestamp in the session time zone. */
    record DateField(String name, Field field) implements ScalarFunction {
        DateField {
            requireNonNull(name, "name is null");
            requireNonNull(field, "field is null");
        }

        @Override
        public DataType returnType() {
            return IntType.INT;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            int[] result = new int[rowCount];
            if (args[0] instanceof IntVector dates) {
                int[] days = dates.values();
                if (field == Field.YEAR) {
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = DateCalendar.year(DateCalendar.civil(days[row]));
                    }
                } else if (field == Field.MONTH) {
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = DateCalendar.month(DateCalendar.civil(days[row]));
                    }
                } else if (field == Field.DAY) {
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = DateCalendar.day(DateCalendar.civil(days[row]));
                    }
                } else {
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = field.ofDays(days[row]);
                    }
                }
                return new IntVector(IntType.INT, result, dates.nulls(), rowCount);
            }
            LongVector timestamps = (LongVector) args[0];
            long[] micros = timestamps.values();
            LocalClock clock = new LocalClock(context.timeZone());
            for (int row = 0; row < rowCount; row++) {
                result[row] = field.ofLocalMicros(clock.toLocal(micros[row]));
            }
            return new IntVector(IntType.INT, result, timestamps.nulls(), rowCount);
        }
    }

    /** A truncation level of {@code date_trunc} and {@code trunc}, finest first. */
    enum TruncUnit {
        MICROSECOND,
        MILLISECOND,
        SECOND,
        MINUTE,
        HOUR,
        DAY,
        WEEK,
        MONTH,
        QUARTER,
        YEAR;

        /** Parses Spark's unit names (case-insensitive); null for an unknown unit, as Spark returns null. */
        static TruncUnit parse(String text) {
            return switch (text.toUpperCase(Locale.ROOT)) {
                case "MICROSECOND" -> MICROSECOND;
                case "MILLISECOND" -> MILLISECOND;
                case "SECOND" -> SECOND;
                case "MINUTE" -> MINUTE;
                case "HOUR" -> HOUR;
                case "DAY", "DD" -> DAY;
                case "WEEK" -> WEEK;
                case "MONTH", "MON", "MM" -> MONTH;
                case "QUARTER" -> QUARTER;
                case "YEAR", "YYYY", "YY" -> YEAR;
                default -> null;
            };
        }

        boolean isDateLevel() {
            return compareTo(WEEK) >= 0;
        }

        /** Truncates a local date (days) to the start of its week (Monday), month, quarter or year. */
        long truncateDays(long days) {
            long civil = DateCalendar.civil(days);
            int year = DateCalendar.year(civil);
            return switch (this) {
                case WEEK -> days - DateCalendar.weekdayMondayZero(days);
                case MONTH -> DateCalendar.daysFromCivil(year, DateCalendar.month(civil), 1);
                case QUARTER -> DateCalendar.daysFromCivil(year, (DateCalendar.month(civil) - 1) / 3 * 3 + 1, 1);
                case YEAR -> DateCalendar.daysFromCivil(year, 1, 1);
                case MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY -> days;
            };
        }

        /** Truncates UTC microseconds in the clock's time zone, as Spark's {@code date_trunc}. */
        long truncateMicros(long micros, LocalClock clock) {
            return switch (this) {
                case MICROSECOND -> micros;
                case MILLISECOND -> micros - Math.floorMod(micros, 1_000L);
                case SECOND -> micros - Math.floorMod(micros, DateCalendar.MICROS_PER_SECOND);
                case MINUTE -> truncateLocal(micros, DateCalendar.MICROS_PER_MINUTE, clock);
                case HOUR -> truncateLocal(micros, DateCalendar.MICROS_PER_HOUR, clock);
                case DAY -> truncateLocal(micros, DateCalendar.MICROS_PER_DAY, clock);
                case WEEK, MONTH, QUARTER, YEAR -> {
                    long days = DateCalendar.localDays(clock.toLocal(micros));
                    yield clock.toUtc(truncateDays(days) * DateCalendar.MICROS_PER_DAY);
                }
            };
        }

        private static long truncateLocal(long micros, long unit, LocalClock clock) {
            long offset = clock.offsetMicros(micros);
            long local = micros + offset;
            return clock.toUtc(local - Math.floorMod(local, unit), offset);
        }
    }

    /** {@code date_trunc(unit, ts)} with a literal unit; an unknown unit gives null. */
    record DateTrunc(String name, TruncUnit unit) implements ScalarFunction {
        DateTrunc {
            requireNonNull(name, "name is null");
        }

        @Override
        public DataType returnType() {
            return TimestampType.TIMESTAMP;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            LongVector input = (LongVector) args[1];
            long[] result = new long[rowCount];
            if (unit == null) {
                return RowFunctions.withNulls(
                        new LongVector(TimestampType.TIMESTAMP, result, null, rowCount), allNulls(rowCount));
            }
            long[] micros = input.values();
            LocalClock clock = new LocalClock(context.timeZone());
            long[] unitNulls = args[0].nulls();
            long[] nulls = unitNulls == null ? input.nulls() : RowFunctions.unionNulls(rowCount, input, args[0]);
            if (unit.isDateLevel()) {
                // Rows of one day share a result: remember the last day's.
                long lastDays = Long.MIN_VALUE;
                long lastResult = 0;
                for (int row = 0; row < rowCount; row++) {
                    if (MathKernels.anyNull(nulls, row)) {
                        continue;
                    }
                    long days = DateCalendar.localDays(clock.toLocal(micros[row]));
                    if (days != lastDays) {
                        lastDays = days;
                        lastResult = clock.toUtc(unit.truncateDays(days) * DateCalendar.MICROS_PER_DAY);
                    }
                    result[row] = lastResult;
                }
            } else {
                for (int row = 0; row < rowCount; row++) {
                    // A null row's slot may hold any value; skip it rather than resolve it in java.time.
                    if (!MathKernels.anyNull(nulls, row)) {
                        result[row] = unit.truncateMicros(micros[row], clock);
                    }
                }
            }
            return new LongVector(TimestampType.TIMESTAMP, result, nulls, rowCount);
        }
    }

    static long[] allNulls(int size) {
        long[] nulls = Bits.allocate(size);
        for (int i = 0; i < size; i++) {
            Bits.set(nulls, i);
        }
        return nulls;
    }

    /** {@code date_add(date, days)} and {@code date_sub(date, days)}; a result beyond the int range is an error. */
    record DateShift(String name, boolean subtract) implements ScalarFunction {
        DateShift {
            requireNonNull(name, "name is null");
        }

        @Override
        public DataType returnType() {
            return DateType.DATE;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            IntVector dates = (IntVector) args[0];
            IntVector amounts = (IntVector) args[1];
            long[] nulls = RowFunctions.unionNulls(rowCount, dates, amounts);
            int[] days = dates.values();
            int[] delta = amounts.values();
            int[] result = new int[rowCount];
            for (int row = 0; row < rowCount; row++) {
                long shifted = subtract ? (long) days[row] - delta[row] : (long) days[row] + delta[row];
                if (shifted != (int) shifted && !MathKernels.anyNull(nulls, row)) {
                    throw new FreshetException(
                            ErrorCode.ARITHMETIC_OVERFLOW,
                            name + " overflows the date range: " + days[row] + " days " + (subtract ? "- " : "+ ")
                                    + delta[row]);
                }
                result[row] = (int) shifted;
            }
            return new IntVector(DateType.DATE, result, nulls, rowCount);
        }
    }

    /** {@code datediff(end, start)}: the number of days from start to end. */
    record DateDiff(String name) implements ScalarFunction {
        DateDiff {
            requireNonNull(name, "name is null");
        }

        @Override
        public DataType returnType() {
            return IntType.INT;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            IntVector end = (IntVector) args[0];
            IntVector start = (IntVector) args[1];
            int[] endDays = end.values();
            int[] startDays = start.values();
            int[] result = new int[rowCount];
            for (int row = 0; row < rowCount; row++) {
                result[row] = endDays[row] - startDays[row];
            }
            return new IntVector(IntType.INT, result, RowFunctions.unionNulls(rowCount, end, start), rowCount);
        }
    }
}
