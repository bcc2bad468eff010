package io.freshet.expr.functions;

import io.freshet.FreshetException;
import io.freshet.data.Bits;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.StringVectorBuilder;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Temporal;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Vectorized casts: tight loops for the common type pairs (between int, bigint and double, numbers to
 * and from strings, dates and timestamps), once per dictionary entry for dictionary-encoded strings, and
 * {@link CastValues} row at a time for the rest.
 */
final class CastKernels {
    private CastKernels() {}

    static Vector cast(Vector input, DataType source, DataType target, boolean tryCast, EvalContext context) {
        int size = input.size();
        if (source instanceof NullType) {
            return VectorOps.allNull(target, size);
        }
        if (input instanceof StringVector strings && strings.isDictionary()) {
            return castDictionary(strings, target, tryCast, context);
        }
        Vector fast = fastPath(input, source, target, tryCast, context.timeZone());
        return fast != null ? fast : rowAtATime(input, source, target, tryCast, context.timeZone());
    }

    private static Vector fastPath(Vector input, DataType source, DataType target, boolean tryCast, ZoneId zone) {
        return switch (input) {
            case IntVector v
            when source instanceof IntType -> {
                if (target instanceof BigintType) {
                    yield intToLong(v, target);
                } else if (target instanceof DoubleType) {
                    yield intToDouble(v);
                } else if (target instanceof StringType) {
                    yield integersToText(null, v.values(), v.nulls(), v.size());
                }
                yield null;
            }
            case LongVector v
            when source instanceof BigintType -> {
                if (target instanceof IntType) {
                    yield longToInt(v, tryCast);
                } else if (target instanceof DoubleType) {
                    yield longToDouble(v);
                } else if (target instanceof StringType) {
                    yield integersToText(v.values(), null, v.nulls(), v.size());
                }
                yield null;
            }
            case DoubleVector v
            when target instanceof BigintType || target instanceof IntType -> doubleToIntegral(v, target, tryCast);
            case StringVector v
            when target instanceof BigintType || target instanceof IntType -> textToIntegral(v, target, tryCast);
            case IntVector v
            when source instanceof DateType && target instanceof TimestampType ->
                fixedOffset(zone) == null ? null : dateToTimestamp(v, fixedOffset(zone));
            case LongVector v
            when source instanceof TimestampType && target instanceof DateType ->
                fixedOffset(zone) == null ? null : timestampToDate(v, fixedOffset(zone));
            default -> null;
        };
    }

    private static Vector rowAtATime(Vector input, DataType source, DataType target, boolean tryCast, ZoneId zone) {
        int size = input.size();
        VectorBuilder builder = VectorBuilder.forType(target, size);
        for (int i = 0; i < size; i++) {
            Object value = input.get(i);
            if (value == null) {
                builder.appendNull();
                continue;
            }
            Object converted;
            try {
                converted = CastValues.convert(value, source, target, zone);
            } catch (FreshetException e) {
                if (!tryCast) {
                    throw e;
                }
                converted = null;
            }
            builder.append(converted);
        }
        return builder.build();
    }

    /** Casts each dictionary entry once, then spreads the results over the rows. */
    private static Vector castDictionary(StringVector input, DataType target, boolean tryCast, EvalContext context) {
        Vector perEntry = cast(input.dictionaryValues(), StringType.STRING, target, true, context);
        Vector result = VectorOps.gather(perEntry, input.ids(), input.nulls(), input.size());
        if (!tryCast && result.mayHaveNulls()) {
            // An entry that failed is an error only if a non-null row uses it: cast that row strictly to throw.
            for (int i = 0; i < input.size(); i++) {
                if (result.isNull(i) && !input.isNull(i)) {
                    CastValues.convert(input.getString(i), StringType.STRING, target, context.timeZone());
                }
            }
        }
        return result;
    }

    private static Vector intToLong(IntVector input, DataType target) {
        int size = input.size();
        int[] values = input.values();
        long[] result = new long[size];
        for (int i = 0; i < size; i++) {
            result[i] = values[i];
        }
        return new LongVector(target, result, input.nulls(), size);
    }

    private static Vector intToDouble(IntVector input) {
        int size = input.size();
        int[] values = input.values();
        double[] result = new double[size];
        for (int i = 0; i < size; i++) {
            result[i] = values[i];
        }
        return new DoubleVector(DoubleType.DOUBLE, result, input.nulls(), size);
    }

    private static Vector longToDouble(LongVector input) {
        int size = input.size();
        long[] values = input.values();
        double[] result = new double[size];
        for (int i = 0; i < size; i++) {
            result[i] = values[i];
        }
        return new DoubleVector(DoubleType.DOUBLE, result, input.nulls(), size);
    }

    private static Vector longToInt(LongVector input, boolean tryCast) {
        int size = input.size();
        long[] values = input.values();
        int[] result = new int[size];
        boolean overflow = false;
        for (int i = 0; i < size; i++) {
            long value = values[i];
            result[i] = (int) value;
            overflow |= value != (int) value;
        }
        long[] nulls = input.nulls();
        if (overflow) {
            for (int i = 0; i < size; i++) {
                if (values[i] != result[i] && !Bits.get(nulls, i)) {
                    if (!tryCast) {
                        throw Errors.castOverflow(values[i], BigintType.BIGINT, IntType.INT);
                    }
                    nulls = setNull(nulls, input.nulls(), i, size);
                }
            }
        }
        return new IntVector(IntType.INT, result, nulls, size);
    }

    private static Vector doubleToIntegral(DoubleVector input, DataType target, boolean tryCast) {
        int size = input.size();
        double[] values = input.values();
        boolean toInt = target instanceof IntType;
        double lower = toInt ? Integer.MIN_VALUE - 1.0 : Math.nextDown(-0x1p63);
        double upper = toInt ? Integer.MAX_VALUE + 1.0 : 0x1p63;
        boolean outOfRange = false;
        for (int i = 0; i < size; i++) {
            double value = values[i];
            outOfRange |= !(value > lower && value < upper);
        }
        long[] nulls = input.nulls();
        if (outOfRange) {
            for (int i = 0; i < size; i++) {
                double value = values[i];
                if (!(value > lower && value < upper) && !Bits.get(nulls, i)) {
                    if (!tryCast) {
                        throw Errors.castOverflow(value, DoubleType.DOUBLE, target);
                    }
                    nulls = setNull(nulls, input.nulls(), i, size);
                }
            }
        }
        if (toInt) {
            int[] result = new int[size];
            for (int i = 0; i < size; i++) {
                result[i] = (int) values[i];
            }
            return new IntVector(target, result, nulls, size);
        }
        long[] result = new long[size];
        for (int i = 0; i < size; i++) {
            result[i] = (long) values[i];
        }
        return new LongVector(target, result, nulls, size);
    }

    private static Vector textToIntegral(StringVector input, DataType target, boolean tryCast) {
        int size = input.size();
        byte[] bytes = input.bytes();
        int[] offsets = input.offsets();
        boolean toInt = target instanceof IntType;
        long[] inputNulls = input.nulls();
        long[] nulls = inputNulls;
        long[] result = new long[size];
        LongParser parser = new LongParser();
        for (int i = 0; i < size; i++) {
            if (Bits.get(inputNulls, i)) {
                continue;
            }
            long value = parser.parse(bytes, offsets[i], offsets[i + 1]);
            if (parser.failed || (toInt && value != (int) value)) {
                if (!tryCast) {
                    throw Errors.castInvalid(input.getString(i), StringType.STRING, target);
                }
                nulls = setNull(nulls, inputNulls, i, size);
            }
            result[i] = value;
        }
        if (toInt) {
            int[] narrowed = new int[size];
            for (int i = 0; i < size; i++) {
                narrowed[i] = (int) result[i];
            }
            return new IntVector(target, narrowed, nulls, size);
        }
        return new LongVector(target, result, nulls, size);
    }

    /** Formats ints or longs (one of the arrays is non-null) as decimal digits without a String per row. */
    private static Vector integersToText(long[] longs, int[] ints, long[] nulls, int size) {
        StringVectorBuilder builder = new StringVectorBuilder(size);
        byte[] digits = new byte[20];
        for (int i = 0; i < size; i++) {
            if (Bits.get(nulls, i)) {
                builder.appendNull();
                continue;
            }
            long value = longs != null ? longs[i] : ints[i];
            int start = formatLong(value, digits);
            builder.appendBytes(digits, start, digits.length - start);
        }
        return builder.build();
    }

    /** Writes {@code value}'s digits at the end of {@code digits} (20 bytes); returns where they start. */
    private static int formatLong(long value, byte[] digits) {
        int position = digits.length;
        // work with the negative value so that Long.MIN_VALUE needs no special case
        long negative = value < 0 ? value : -value;
        do {
            digits[--position] = (byte) ('0' - (negative % 10));
            negative /= 10;
        } while (negative != 0);
        if (value < 0) {
            digits[--position] = '-';
        }
        return position;
    }

    private static Vector dateToTimestamp(IntVector input, ZoneOffset offset) {
        int size = input.size();
        int[] values = input.values();
        long shift = offset.getTotalSeconds() * Temporal.MICROS_PER_SECOND;
        long[] result = new long[size];
        for (int i = 0; i < size; i++) {
            result[i] = values[i] * Temporal.MICROS_PER_DAY - shift;
        }
        return new LongVector(TimestampType.TIMESTAMP, result, input.nulls(), size);
    }

    private static Vector timestampToDate(LongVector input, ZoneOffset offset) {
        int size = input.size();
        long[] values = input.values();
        long shift = offset.getTotalSeconds() * Temporal.MICROS_PER_SECOND;
        int[] result = new int[size];
        for (int i = 0; i < size; i++) {
            result[i] = (int) Math.floorDiv(values[i] + shift, Temporal.MICROS_PER_DAY);
        }
        return new IntVector(DateType.DATE, result, input.nulls(), size);
    }

    /** The zone's offset when it never changes (UTC, fixed offsets), else null. */
    private static ZoneOffset fixedOffset(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset;
        }
        return zone.getRules().isFixedOffset() ? zone.getRules().getOffset(java.time.Instant.EPOCH) : null;
    }

    /** Marks a position null, copying the input's bitmap the first time so that the input is never changed. */
    static long[] setNull(long[] current, long[] original, int position, int size) {
        long[] bits = current == original ? VectorOps.mutableCopy(original, size) : current;
        Bits.set(bits, position);
        return bits;
    }
}
