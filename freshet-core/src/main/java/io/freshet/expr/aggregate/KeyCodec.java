package io.freshet.expr.aggregate;

import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Encodes a row of key columns into bytes such that two rows encode to the same bytes exactly when
 * SQL considers them equal (doubles normalized so -0.0 equals 0.0 and all NaNs are one value,
 * decimals at their type's scale), and decodes the bytes back to values. Each column starts with a
 * null flag; strings and nested values carry their lengths. Not a persistent format.
 */
final class KeyCodec {
    private final List<DataType> types;
    private byte[] buffer = new byte[64];
    private int length;

    KeyCodec(List<DataType> types) {
        this.types = List.copyOf(types);
    }

    /** Whether values of the type map one-to-one onto a long (see {@link #toLongKey}). */
    static boolean isLongKey(DataType type) {
        return switch (type) {
            case BooleanType t -> true;
            case IntType t -> true;
            case DateType t -> true;
            case BigintType t -> true;
            case TimestampType t -> true;
            case IntervalType t -> true;
            case DoubleType t -> true;
            default -> false;
        };
    }

    /** A double's key: equal for -0.0 and 0.0, and for every NaN. */
    static long doubleKey(double value) {
        if (value == 0.0) {
            return 0L;
        }
        if (value != value) {
            return 0x7ff8000000000000L;
        }
        return Double.doubleToRawLongBits(value);
    }

    /** The internal value of a long key of a type for which {@link #isLongKey} holds. */
    static Object fromLongKey(DataType type, long key) {
        return switch (type) {
            case BooleanType t -> key != 0;
            case IntType t -> (int) key;
            case DateType t -> (int) key;
            case DoubleType t -> Double.longBitsToDouble(key);
            default -> key;
        };
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** Encodes row {@code position} of the key vectors into {@link #buffer()}{@code [0, length())}. */
    void encode(Vector[] keys, int position) {
        length = 0;
        for (int k = 0; k < types.size(); k++) {
            Vector vector = keys[k];
            if (vector.isNull(position)) {
                writeByte(0);
                continue;
            }
            writeByte(1);
            switch (vector) {
                case BooleanVector v -> writeByte(v.values()[position] ? 1 : 0);
                case IntVector v -> writeInt(v.values()[position]);
                case LongVector v -> writeLong(v.values()[position]);
                case DoubleVector v -> writeLong(doubleKey(v.values()[position]));
                case StringVector v -> {
                    StringVector flat = v.isDictionary() ? v.dictionaryValues() : v;
                    int p = v.isDictionary() ? v.ids()[position] : position;
                    int start = flat.offsets()[p];
                    writeBytes(flat.bytes(), start, flat.offsets()[p + 1] - start);
                }
                case ObjectVector v -> writeValue(types.get(k), v.values()[position]);
            }
        }
    }

    private void writeValue(DataType type, Object value) {
        switch (type) {
            case BooleanType t -> writeByte((Boolean) value ? 1 : 0);
            case IntType t -> writeInt((Integer) value);
            case DateType t -> writeInt((Integer) value);
            case BigintType t -> writeLong((Long) value);
            case TimestampType t -> writeLong((Long) value);
            case IntervalType t -> writeLong((Long) value);
            case DoubleType t -> writeLong(doubleKey((Double) value));
            case StringType t -> {
                byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
                writeBytes(utf8, 0, utf8.length);
            }
            case DecimalType t -> {
                byte[] unscaled = ((BigDecimal) value)
                        .setScale(t.scale(), RoundingMode.HALF_UP)
                        .unscaledValue()
                        .toByteArray();
                writeBytes(unscaled, 0, unscaled.length);
            }
            case NullType t -> {}
            case ArrayType t -> {
                List<?> list = (List<?>) value;
                writeInt(list.size());
                for (Object element : list) {
                    writeNullable(t.elementType(), element);
                }
            }
            case StructType t -> {
                StructValue struct = (StructValue) value;
                for (int i = 0; i < t.fields().size(); i++) {
                    writeNullable(t.fields().get(i).type(), struct.get(i));
                }
            }
        }
    }

    private void writeNullable(DataType type, Object value) {
        writeByte(value == null ? 0 : 1);
        if (value != null) {
            writeValue(type, value);
        }
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }

    private void writeByte(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
    }

    private void writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void writeBytes(byte[] source, int offset, int count) {
        writeInt(count);
        ensure(count);
        System.arraycopy(source, offset, buffer, length, count);
        length += count;
    }

    /** Decodes an encoded row into its column values (internal representation, null allowed). */
    Object[] decode(byte[] bytes, int offset) {
        Reader reader = new Reader(bytes, offset);
        Object[] values = new Object[types.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = reader.readNullable(types.get(k));
        }
        return values;
    }

    /** Reads values back from an encoded key. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        Object readNullable(DataType type) {
            return bytes[position++] == 0 ? null : read(type);
        }

        Object read(DataType type) {
            return switch (type) {
                case BooleanType t -> bytes[position++] != 0;
                case IntType t -> readInt();
                case DateType t -> readInt();
                case BigintType t -> readLong();
                case TimestampType t -> readLong();
                case IntervalType t -> readLong();
                case DoubleType t -> Double.longBitsToDouble(readLong());
                case StringType t -> new String(readBytes(), StandardCharsets.UTF_8);
                case DecimalType t -> new BigDecimal(new BigInteger(readBytes()), t.scale());
                case NullType t -> null;
                case ArrayType t -> {
                    int size = readInt();
                    List<Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(readNullable(t.elementType()));
                    }
                    yield Collections.unmodifiableList(list);
                }
                case StructType t -> {
                    Object[] values = new Object[t.fields().size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = readNullable(t.fields().get(i).type());
                    }
                    yield new StructValue(values);
                }
            };
        }

        private int readInt() {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        private long readLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        private byte[] readBytes() {
            int count = readInt();
            byte[] result = Arrays.copyOfRange(bytes, position, position + count);
            position += count;
            return result;
        }
    }
}
