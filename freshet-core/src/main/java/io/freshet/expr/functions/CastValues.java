package io.freshet.expr.functions;

import io.freshet.expr.Temporal;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Casts one value in internal representation (see {@link DataType}) with Spark's ANSI rules: the
 * row-at-a-time reference that the vectorized cast kernels fall back to for rare type pairs and nested
 * types. Malformed input throws {@code CAST_INVALID_INPUT}, out-of-range values {@code ARITHMETIC_OVERFLOW}.
 */
final class CastValues {
    private CastValues() {}

    private static final double LONG_UPPER_BOUND = 0x1p63; // first double above Long.MAX_VALUE

    /** {@code value} (of {@code source}) as a value of {@code target}; null stays null. */
    static Object convert(Object value, DataType source, DataType target, ZoneId zone) {
        if (value == null || source.equals(target)) {
            return value;
        }
        return switch (target) {
            case BooleanType t -> toBoolean(value, source);
            case IntType t -> toInt(value, source);
            case BigintType t -> toLong(value, source, t);
            case DoubleType t -> toDouble(value, source);
            case DecimalType t -> toDecimal(value, source, t);
            case StringType t -> format(value, source, zone);
            case DateType t -> toDate(value, source, zone);
            case TimestampType t -> toTimestamp(value, source, zone);
            case IntervalType t -> toInterval(value, source);
            case StructType t -> toStruct((StructValue) value, (StructType) source, t, zone);
            case ArrayType t -> toArray((List<?>) value, (ArrayType) source, t, zone);
            case NullType t -> throw unsupported(source, target);
        };
    }

    private static Boolean toBoolean(Object value, DataType source) {
        return switch (value) {
            case Integer i -> i != 0;
            case Long l -> l != 0;
            case Double d -> d != 0;
            case BigDecimal d -> d.signum() != 0;
            case String s -> {
                Boolean parsed = parseBoolean(s);
                if (parsed == null) {
                    throw Errors.castInvalid(s, source, BooleanType.BOOLEAN);
                }
                yield parsed;
            }
            default -> throw unsupported(source, BooleanType.BOOLEAN);
        };
    }

    /** Spark's true and false strings, case-insensitive and trimmed; null for anything else. */
    static Boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "1" -> Boolean.TRUE;
            case "f", "false", "n", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Integer toInt(Object value, DataType source) {
        if (value instanceof Double d) {
            if (!(d > Integer.MIN_VALUE - 1.0 && d < Integer.MAX_VALUE + 1.0)) {
                throw Errors.castOverflow(value, source, IntType.INT);
            }
            return (int) d.doubleValue();
        }
        long result = toLong(value, source, IntType.INT);
        if (result != (int) result) {
            if (source instanceof StringType) {
                throw Errors.castInvalid(value, source, IntType.INT);
            }
            throw Errors.castOverflow(value, source, IntType.INT);
        }
        return (int) result;
    }

    /** As a bigint; {@code target} names the type in errors (int casts go through here too). */
    private static long toLong(Object value, DataType source, DataType target) {
        return switch (source) {
            case BooleanType t -> ((Boolean) value) ? 1L : 0L;
            case IntType t -> (Integer) value;
            case BigintType t -> (Long) value;
            case DoubleType t -> {
                double d = (Double) value;
                if (!(d >= -LONG_UPPER_BOUND && d < LONG_UPPER_BOUND)) {
                    throw Errors.castOverflow(value, source, target);
                }
                yield (long) d;
            }
            case DecimalType t -> {
                BigDecimal d = (BigDecimal) value;
                if (!Decimals.fitsLong(d)) {
                    throw Errors.castOverflow(value, source, target);
                }
                yield d.longValue();
            }
            case StringType t -> {
                LongParser parser = new LongParser();
                long parsed = parser.parse((String) value);
                if (parser.failed) {
                    throw Errors.castInvalid(value, source, target);
                }
                yield parsed;
            }
            case TimestampType t -> Math.floorDiv((Long) value, Temporal.MICROS_PER_SECOND);
            default -> throw unsupported(source, target);
        };
    }

    private static Double toDouble(Object value, DataType source) {
        return switch (source) {
            case BooleanType t -> ((Boolean) value) ? 1.0 : 0.0;
            case IntType t -> (double) (Integer) value;
            case BigintType t -> (double) (Long) value;
            case DecimalType t -> ((BigDecimal) value).doubleValue();
            case StringType t -> {
                double parsed = parseDouble((String) value);
                if (Double.isNaN(parsed) && !isNaNText((String) value)) {
                    throw Errors.castInvalid(value, source, DoubleType.DOUBLE);
                }
                yield parsed;
            }
            case TimestampType t -> (Long) value / (double) Temporal.MICROS_PER_SECOND;
            default -> throw unsupported(source, DoubleType.DOUBLE);
        };
    }

    /**
     * A double from text as Spark parses it (Java's syntax plus case-insensitive {@code inf},
     * {@code infinity} and {@code nan}); NaN also for malformed text, which {@link #isNaNText} tells apart.
     */
    static double parseDouble(String text) {
        String trimmed = text.trim();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        if (trimmed.isEmpty() || !isPlainNumberText(trimmed)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static boolean isNaNText(String text) {
        return text.trim().equalsIgnoreCase("nan");
    }

    /** Rejects Java-only spellings (hex floats, "NaN"/"Infinity" handled above) that Spark refuses. */
    private static boolean isPlainNumberText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '+'
                    || c == '-'
                    || c == 'e'
                    || c == 'E'
                    || c == 'd'
                    || c == 'D'
                    || c == 'f'
                    || c == 'F';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal toDecimal(Object value, DataType source, DecimalType target) {
        BigDecimal exact =
                switch (source) {
                    case BooleanType t -> ((Boolean) value) ? BigDecimal.ONE : BigDecimal.ZERO;
                    case IntType t -> BigDecimal.valueOf((Integer) value);
                    case BigintType t -> BigDecimal.valueOf((Long) value);
                    case DoubleType t -> {
                        double d = (Double) value;
                        if (Double.isNaN(d) || Double.isInfinite(d)) {
                            throw Errors.castOverflow(value, source, target);
                        }
                        yield BigDecimal.valueOf(d);
                    }
                    case DecimalType t -> (BigDecimal) value;
                    case StringType t -> {
                        BigDecimal parsed = parseDecimal((String) value);
                        if (parsed == null) {
                            throw Errors.castInvalid(value, source, target);
                        }
                        yield parsed;
                    }
                    case TimestampType t -> BigDecimal.valueOf((Long) value, 6);
                    default -> throw unsupported(source, target);
                };
        BigDecimal fitted = Decimals.fit(exact, target);
        if (fitted == null) {
            throw Errors.castOverflow(value, source, target);
        }
        return fitted;
    }

    /** A decimal from trimmed text ({@code 1}, {@code -1.5}, {@code 1e3}), or null. */
    static BigDecimal parseDecimal(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c > 127) {
                return null; // BigDecimal would accept non-ASCII digits; Spark does not
            }
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Formats a value as Spark's cast to string does; nested nulls print as {@code null}. */
    static String format(Object value, DataType type, ZoneId zone) {
        return switch (type) {
            case BooleanType t -> value.toString();
            case IntType t -> value.toString();
            case BigintType t -> value.toString();
            case DoubleType t -> Double.toString((Double) value);
            case DecimalType t -> ((BigDecimal) value).toPlainString();
            case StringType t -> (String) value;
            case DateType t -> TemporalText.formatDate((Integer) value);
            case TimestampType t -> Temporal.formatTimestamp((Long) value, zone);
            case IntervalType t -> TemporalText.formatInterval((Long) value);
            case StructType t -> {
                StructValue struct = (StructValue) value;
                StringBuilder text = new StringBuilder("{");
                for (int i = 0; i < t.fields().size(); i++) {
                    if (i > 0) {
                        text.append(", ");
                    }
                    Object field = struct.get(i);
                    text.append(
                            field == null
                                    ? "null"
                                    : format(field, t.fields().get(i).type(), zone));
                }
                yield text.append('}').toString();
            }
            case ArrayType t -> {
                StringBuilder text = new StringBuilder("[");
                List<?> list = (List<?>) value;
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        text.append(", ");
                    }
                    Object element = list.get(i);
                    text.append(element == null ? "null" : format(element, t.elementType(), zone));
                }
                yield text.append(']').toString();
            }
            case NullType t -> "null";
        };
    }

    private static Integer toDate(Object value, DataType source, ZoneId zone) {
        return switch (source) {
            case StringType t -> {
                int days = TemporalText.parseDate((String) value);
                if (days == TemporalText.INVALID_DATE) {
                    throw Errors.castInvalid(value, source, DateType.DATE);
                }
                yield days;
            }
            case TimestampType t -> timestampToDate((Long) value, zone);
            default -> throw unsupported(source, DateType.DATE);
        };
    }

    /** The date of a timestamp in {@code zone}. */
    static int timestampToDate(long micros, ZoneId zone) {
        long seconds = Math.floorDiv(micros, Temporal.MICROS_PER_SECOND);
        int offset = zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        return (int) Math.floorDiv(seconds + offset, 86_400L);
    }

    /** The first instant of a date in {@code zone}. */
    static long dateToTimestamp(int days, ZoneId zone) {
        return Temporal.toMicros(LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
    }

    private static Long toTimestamp(Object value, DataType source, ZoneId zone) {
        DataType target = TimestampType.TIMESTAMP;
        return switch (source) {
            case StringType t -> {
                long micros = TemporalText.parseTimestamp((String) value, zone);
                if (micros == TemporalText.INVALID_TIMESTAMP) {
                    throw Errors.castInvalid(value, source, target);
                }
                yield micros;
            }
            case DateType t -> dateToTimestamp((Integer) value, zone);
            case IntType t -> (long) (Integer) value * Temporal.MICROS_PER_SECOND;
            case BigintType t -> {
                long seconds = (Long) value;
                long micros = seconds * Temporal.MICROS_PER_SECOND;
                if (Math.multiplyHigh(seconds, Temporal.MICROS_PER_SECOND) != (micros >> 63)) {
                    throw Errors.castOverflow(value, source, target);
                }
                yield micros;
            }
            case DoubleType t -> {
                double micros = (Double) value * Temporal.MICROS_PER_SECOND;
                if (!(micros >= -LONG_UPPER_BOUND && micros < LONG_UPPER_BOUND)) {
                    throw Errors.castOverflow(value, source, target);
                }
                yield (long) micros;
            }
            case DecimalType t -> {
                BigDecimal micros = ((BigDecimal) value).movePointRight(6);
                if (!Decimals.fitsLong(micros)) {
                    throw Errors.castOverflow(value, source, target);
                }
                yield micros.longValue();
            }
            default -> throw unsupported(source, target);
        };
    }

    private static Long toInterval(Object value, DataType source) {
        if (!(source instanceof StringType)) {
            throw unsupported(source, IntervalType.INTERVAL);
        }
        long micros = TemporalText.parseInterval((String) value);
        if (micros == TemporalText.INVALID_TIMESTAMP) {
            throw Errors.castInvalid(value, source, IntervalType.INTERVAL);
        }
        return micros;
    }

    private static StructValue toStruct(StructValue value, StructType source, StructType target, ZoneId zone) {
        List<Field> from = source.fields();
        List<Field> to = target.fields();
        Object[] values = new Object[to.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = convert(value.get(i), from.get(i).type(), to.get(i).type(), zone);
        }
        return new StructValue(values);
    }

    private static List<Object> toArray(List<?> value, ArrayType source, ArrayType target, ZoneId zone) {
        List<Object> result = new ArrayList<>(value.size());
        for (Object element : value) {
            result.add(convert(element, source.elementType(), target.elementType(), zone));
        }
        // elements may be null, which List.copyOf refuses
        return java.util.Collections.unmodifiableList(result);
    }

    private static IllegalStateException unsupported(DataType source, DataType target) {
        return new IllegalStateException("no cast from " + source + " to " + target);
    }
}
