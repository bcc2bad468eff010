package io.freshet.sql;

import io.freshet.sql.Literals.LiteralException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Computes the microseconds of day-time interval literals ({@code INTERVAL 5 MINUTES}, {@code
 * INTERVAL '1' HOUR 30 MINUTES}, {@code INTERVAL '1 02:03:04' DAY TO SECOND}, {@code INTERVAL '10
 * minutes'}). Year-month intervals are refused: Freshet's interval type has no months, whose length
 * varies.
 */
final class Intervals {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Intervals() {}

    /** A unit of a day-time interval, with its length in microseconds. */
    enum Unit {
        WEEK(7L * 86_400_000_000L),
        DAY(86_400_000_000L),
        HOUR(3_600_000_000L),
        MINUTE(60_000_000L),
        SECOND(1_000_000L),
        MILLISECOND(1_000L),
        MICROSECOND(1L);

        final long micros;

        Unit(long micros) {
            this.micros = micros;
        }
    }

    /** The unit a name stands for, singular or plural, case-insensitive. */
    static Unit unit(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String singular = upper.endsWith("S") ? upper.substring(0, upper.length() - 1) : upper;
        return switch (singular) {
            case "WEEK" -> Unit.WEEK;
            case "DAY" -> Unit.DAY;
            case "HOUR" -> Unit.HOUR;
            case "MINUTE" -> Unit.MINUTE;
            case "SECOND" -> Unit.SECOND;
            case "MILLISECOND" -> Unit.MILLISECOND;
            case "MICROSECOND" -> Unit.MICROSECOND;
            case "YEAR", "MONTH" ->
                throw new LiteralException("Year-month intervals are not supported ('" + name
                        + "'): months and years have no fixed length; use days, e.g. INTERVAL 30 DAYS");
            default ->
                throw new LiteralException("Unknown interval unit '" + name
                        + "'; use WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND");
        };
    }

    /** The microseconds of {@code value unit}; the value may have a fraction, e.g. {@code 1.5 HOURS}. */
    static long micros(String value, Unit unit) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new LiteralException(
                    "Cannot parse the interval value '" + value + "' for unit " + unit + "; write a number");
        }
        BigDecimal micros = number.multiply(BigDecimal.valueOf(unit.micros));
        try {
            return micros.toBigIntegerExact().longValueExact();
        } catch (ArithmeticException e) {
            throw new LiteralException(
                    micros.stripTrailingZeros().scale() > 0
                            ? "Interval '" + value + " " + unit + "' is finer than a microsecond"
                            : "Interval '" + value + " " + unit + "' is out of range");
        }
    }

    static long add(long left, long right) {
        try {
            return Math.addExact(left, right);
        } catch (ArithmeticException e) {
            throw new LiteralException("Interval is out of range");
        }
    }

    /** The microseconds of a unit-string interval such as {@code '10 minutes'} or {@code '1 day 2 hours'}. */
    static long parseUnitString(String text) {
        String[] words = WHITESPACE.split(text.strip());
        int start = words.length > 0 && words[0].equalsIgnoreCase("interval") ? 1 : 0;
        if (words.length - start < 2 || (words.length - start) % 2 != 0) {
            throw new LiteralException("Cannot parse the INTERVAL value '" + text
                    + "'; write it as '<number> <unit> ...', e.g. '10 minutes' or '1 day 2 hours'");
        }
        long total = 0;
        for (int i = start; i < words.length; i += 2) {
            total = add(total, micros(words[i], unit(words[i + 1])));
        }
        return total;
    }

    /**
     * The microseconds of a {@code from TO to} interval string: {@code 'd h:m:s.f'} for {@code DAY TO
     * SECOND}, {@code 'h:m'} for {@code HOUR TO MINUTE} and so on, with an optional sign.
     */
    static long parseRange(String text, Unit from, Unit to) {
        List<Unit> fields = List.of(Unit.DAY, Unit.HOUR, Unit.MINUTE, Unit.SECOND);
        int first = fields.indexOf(from);
        int last = fields.indexOf(to);
        if (first < 0 || last < 0 || first >= last) {
            throw new LiteralException("Intervals FROM " + from + " TO " + to
                    + " are not supported; use DAY TO HOUR|MINUTE|SECOND, HOUR TO MINUTE|SECOND or MINUTE TO SECOND");
        }
        String value = text.strip();
        boolean negative = value.startsWith("-");
        if (negative || value.startsWith("+")) {
            value = value.substring(1);
        }
        String[] parts = splitRange(value, from == Unit.DAY, last - first + 1, text, from, to);
        long total = 0;
        for (int i = 0; i < parts.length; i++) {
            Unit unit = fields.get(first + i);
            checkFieldRange(parts[i], unit, i == 0, text);
            total = add(total, micros(parts[i], unit));
        }
        return negative ? -total : total;
    }

    private static String[] splitRange(String value, boolean withDays, int count, String text, Unit from, Unit to) {
        String[] parts;
        if (withDays) {
            String[] dayAndTime = WHITESPACE.split(value, 2);
            String[] time = dayAndTime.length == 2 ? dayAndTime[1].split(":", -1) : new String[0];
            parts = new String[1 + time.length];
            parts[0] = dayAndTime[0];
            System.arraycopy(time, 0, parts, 1, time.length);
        } else {
            parts = value.split(":", -1);
        }
        if (parts.length != count || !validNumbers(parts)) {
            throw new LiteralException("Cannot parse the INTERVAL value '" + text + "' as " + from + " TO " + to
                    + "; write it as " + rangeExample(from, to));
        }
        return parts;
    }

    private static boolean validNumbers(String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            boolean fraction = i == parts.length - 1;
            if (!parts[i].matches(fraction ? "\\d+(\\.\\d+)?" : "\\d+")) {
                return false;
            }
        }
        return true;
    }

    private static void checkFieldRange(String part, Unit unit, boolean leading, String text) {
        if (leading) {
            return;
        }
        BigDecimal value = new BigDecimal(part);
        int limit = unit == Unit.HOUR ? 24 : 60;
        if (value.compareTo(BigDecimal.valueOf(limit)) >= 0) {
            throw new LiteralException(
                    "The " + unit + " field of the INTERVAL value '" + text + "' must be less than " + limit);
        }
    }

    private static String rangeExample(Unit from, Unit to) {
        String full = "d h:m:s.ffffff";
        return switch (from) {
            case DAY -> to == Unit.HOUR ? "'d h'" : to == Unit.MINUTE ? "'d h:m'" : "'" + full + "'";
            case HOUR -> to == Unit.MINUTE ? "'h:m'" : "'h:m:s.ffffff'";
            default -> "'m:s.ffffff'";
        };
    }
}
