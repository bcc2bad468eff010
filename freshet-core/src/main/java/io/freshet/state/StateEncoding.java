package io.freshet.state;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Encodes the values of chosen columns of one row into a compact, deterministic byte string, and decodes it
 * back into {@link VectorBuilder}s: the keys and values that stateful operators keep in a {@link StateStore}.
 * Equal values give equal bytes (so the bytes can be compared and hashed as keys): {@code -0.0} and
 * {@code 0.0} encode alike, every NaN encodes alike, a decimal is encoded at its type's scale, and a
 * dictionary-encoded string like a flat one. Not thread-safe (it reuses a scratch buffer): one per thread.
 *
 * <p>Each value is a marker byte, 0 for null and 1 otherwise, followed for non-null values by: boolean, 1
 * byte; int and date, 4 bytes; bigint, timestamp and interval, 8 bytes; double, 8 bytes; decimal of precision
 * up to 18, the unscaled value in 8 bytes, larger ones a varint length and the unscaled value's two's
 * complement bytes; string, a varint length and the UTF-8 bytes; struct, each field as a value; array, a varint
 * count and each element as a value. Fixed-width numbers are big-endian with the sign bit flipped (doubles
 * in their sortable form), so the bytes of a single numeric column sort like its values. This layout is
 * stored in checkpoints: change it only with a new state format version.
 */
public final class StateEncoding {
    private static final int NULL_MARKER = 0;
    private static final int VALUE_MARKER = 1;

    private static final int KIND_NULL = 0;
    private static final int KIND_BOOLEAN = 1;
    private static final int KIND_INT = 2;
    private static final int KIND_LONG = 3;
    private static final int KIND_DOUBLE = 4;
    private static final int KIND_SMALL_DECIMAL = 5;
    private static final int KIND_LARGE_DECIMAL = 6;
    private static final int KIND_STRING = 7;
    private static final int KIND_STRUCT = 8;
    private static final int KIND_ARRAY = 9;

    private static final int SMALL_DECIMAL_PRECISION = 18;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final List<DataType> types;
    private final int[] kinds;
    private final int[] columns;
    private byte[] scratch = new byte[64];
    private int length;
    private int readPosition;

    /**
     * An encoding of the columns {@code columns[i]} of a row, of types {@code types.get(i)}.
     *
     * @param columns indexes into the {@code Vector[]} rows passed to {@link #encode}
     */
    public StateEncoding(List<DataType> types, int[] columns) {
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        requireNonNull(columns, "columns is null");
        checkArgument(columns.length == types.size(), "%s columns for %s types", columns.length, types.size());
        this.columns = columns.clone();
        this.kinds = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            checkArgument(columns[i] >= 0, "column index must be non-negative: %s", columns[i]);
            kinds[i] = kindOf(this.types.get(i));
        }
    }

    /** An encoding of the columns {@code 0 .. types.size() - 1} of a row. */
    public static StateEncoding of(List<DataType> types) {
        int[] columns = new int[types.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        return new StateEncoding(types, columns);
    }

    public List<DataType> types() {
        return types;
    }

    /** The bytes of row {@code position} of the chosen columns of {@code row}, in a new array. */
    public byte[] encode(Vector[] row, int position) {
        int size = encodeToScratch(row, position);
        return Arrays.copyOf(scratch, size);
    }

    /**
     * Encodes row {@code position} into the scratch buffer without allocating (except to grow the buffer, and
     * for decimals); returns the length. The bytes are {@code scratch()[0 .. length)} until the next call.
     */
    public int encodeToScratch(Vector[] row, int position) {
        length = 0;
        for (int i = 0; i < kinds.length; i++) {
            Vector vector = row[columns[i]];
            if (vector.isNull(position)) {
                ensure(1);
                scratch[length++] = NULL_MARKER;
                continue;
            }
            switch (kinds[i]) {
                case KIND_BOOLEAN -> {
                    ensure(2);
                    scratch[length++] = VALUE_MARKER;
                    scratch[length++] = (byte) (((BooleanVector) vector).getBoolean(position) ? 1 : 0);
                }
                case KIND_INT -> writeInt(((IntVector) vector).getInt(position));
                case KIND_LONG -> writeLong(((LongVector) vector).getLong(position));
                case KIND_DOUBLE -> writeDouble(((DoubleVector) vector).getDouble(position));
                case KIND_STRING -> writeString((StringVector) vector, position);
                default -> writeValue(types.get(i), kinds[i], vector.get(position));
            }
        }
        return length;
    }

    /** The scratch buffer that {@link #encodeToScratch} writes into. */
    public byte[] scratch() {
        return scratch;
    }

    /** The bytes of {@code values} (internal representation, one per column, null allowed), in a new array. */
    public byte[] encodeValues(Object... values) {
        checkArgument(values.length == kinds.length, "%s values for %s columns", values.length, kinds.length);
        length = 0;
        for (int i = 0; i < kinds.length; i++) {
            writeValue(types.get(i), kinds[i], values[i]);
        }
        return Arrays.copyOf(scratch, length);
    }

    /** Decodes {@code bytes} (one encoded row) and appends one value to each of {@code builders}. */
    public void decode(byte[] bytes, VectorBuilder[] builders) {
        int end = decode(bytes, 0, builders);
        if (end != bytes.length) {
            throw undecodable(bytes.length - end + " bytes are left after the last column");
        }
    }

    /**
     * Decodes one encoded row starting at {@code offset} of {@code bytes}, appending one value to each of
     * {@code builders}; returns the offset after the row.
     */
    public int decode(byte[] bytes, int offset, VectorBuilder[] builders) {
        checkArgument(builders.length == kinds.length, "%s builders for %s columns", builders.length, kinds.length);
        readPosition = offset;
        try {
            for (int i = 0; i < kinds.length; i++) {
                VectorBuilder builder = builders[i];
                if (bytes[readPosition++] == NULL_MARKER) {
                    builder.appendNull();
                    continue;
                }
                switch (kinds[i]) {
                    case KIND_BOOLEAN -> builder.appendBoolean(bytes[readPosition++] != 0);
                    case KIND_INT -> builder.appendInt(readInt(bytes));
                    case KIND_LONG -> builder.appendLong(readLong(bytes));
                    case KIND_DOUBLE -> builder.appendDouble(readDouble(bytes));
                    default -> builder.append(readPresentValue(bytes, types.get(i), kinds[i]));
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw undecodable("it ends in the middle of a value");
        }
        return readPosition;
    }

    /** Decodes one encoded row into its values in internal representation. */
    public Object[] decodeValues(byte[] bytes) {
        Object[] values = new Object[kinds.length];
        readPosition = 0;
        try {
            for (int i = 0; i < kinds.length; i++) {
                values[i] = readValue(bytes, types.get(i), kinds[i]);
            }
        } catch (IndexOutOfBoundsException e) {
            throw undecodable("it ends in the middle of a value");
        }
        if (readPosition != bytes.length) {
            throw undecodable(bytes.length - readPosition + " bytes are left after the last column");
        }
        return values;
    }

    /**
     * A 64-bit hash of encoded bytes, for {@link KeyGroups#of}. It decides which key group holds a key in a
     * checkpoint, so it is part of the state format and never changes.
     */
    public static long hash(byte[] bytes) {
        return hash(bytes, 0, bytes.length);
    }

    /** {@link #hash(byte[])} of {@code bytes[offset .. offset + length)}. */
    public static long hash(byte[] bytes, int offset, int length) {
        long h = 0x27D4EB2F165667C5L ^ (length * 0x9E3779B97F4A7C15L);
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            long word = (long) LONGS.get(bytes, i);
            h = Long.rotateLeft(h ^ (word * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = Long.rotateLeft(h ^ (tail * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
        // MurmurHash3's 64-bit finalizer: every input bit reaches every output bit
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    private static int kindOf(DataType type) {
        return switch (type) {
            case NullType t -> KIND_NULL;
            case BooleanType t -> KIND_BOOLEAN;
            case IntType t -> KIND_INT;
            case DateType t -> KIND_INT;
            case BigintType t -> KIND_LONG;
            case TimestampType t -> KIND_LONG;
            case IntervalType t -> KIND_LONG;
            case DoubleType t -> KIND_DOUBLE;
            case DecimalType t -> t.precision() <= SMALL_DECIMAL_PRECISION ? KIND_SMALL_DECIMAL : KIND_LARGE_DECIMAL;
            case StringType t -> KIND_STRING;
            case StructType t -> KIND_STRUCT;
            case ArrayType t -> KIND_ARRAY;
        };
    }

    private void writeValue(DataType type, int kind, Object value) {
        if (value == null) {
            ensure(1);
            scratch[length++] = NULL_MARKER;
            return;
        }
        switch (kind) {
            case KIND_NULL -> throw new IllegalArgumentException("a value of type void must be null: " + value);
            case KIND_BOOLEAN -> {
                ensure(2);
                scratch[length++] = VALUE_MARKER;
                scratch[length++] = (byte) (((Boolean) value) ? 1 : 0);
            }
            case KIND_INT -> writeInt(((Number) value).intValue());
            case KIND_LONG -> writeLong(((Number) value).longValue());
            case KIND_DOUBLE -> writeDouble(((Number) value).doubleValue());
            case KIND_SMALL_DECIMAL ->
                writeLong(unscaled((DecimalType) type, (BigDecimal) value).longValueExact());
            case KIND_LARGE_DECIMAL -> {
                byte[] bytes = unscaled((DecimalType) type, (BigDecimal) value).toByteArray();
                ensure(1 + 5 + bytes.length);
                scratch[length++] = VALUE_MARKER;
                length = BytesHashTable.writeVarint(scratch, length, bytes.length);
                System.arraycopy(bytes, 0, scratch, length, bytes.length);
                length += bytes.length;
            }
            case KIND_STRING -> writeUtf8((String) value);
            case KIND_STRUCT -> {
                ensure(1);
                scratch[length++] = VALUE_MARKER;
                List<Field> fields = ((StructType) type).fields();
                Object[] fieldValues = ((StructValue) value).values();
                for (int f = 0; f < fields.size(); f++) {
                    DataType fieldType = fields.get(f).type();
                    writeValue(fieldType, kindOf(fieldType), fieldValues[f]);
                }
            }
            case KIND_ARRAY -> {
                List<?> elements = (List<?>) value;
                ensure(1 + 5);
                scratch[length++] = VALUE_MARKER;
                length = BytesHashTable.writeVarint(scratch, length, elements.size());
                DataType elementType = ((ArrayType) type).elementType();
                int elementKind = kindOf(elementType);
                for (int e = 0; e < elements.size(); e++) {
                    writeValue(elementType, elementKind, elements.get(e));
                }
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private static BigInteger unscaled(DecimalType type, BigDecimal value) {
        try {
            return value.setScale(type.scale(), RoundingMode.UNNECESSARY).unscaledValue();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("decimal " + value + " does not fit " + type.sqlName(), e);
        }
    }

    private void writeInt(int value) {
        ensure(5);
        int sortable = value ^ Integer.MIN_VALUE;
        scratch[length] = VALUE_MARKER;
        scratch[length + 1] = (byte) (sortable >>> 24);
        scratch[length + 2] = (byte) (sortable >>> 16);
        scratch[length + 3] = (byte) (sortable >>> 8);
        scratch[length + 4] = (byte) sortable;
        length += 5;
    }

    private void writeLong(long value) {
        ensure(9);
        long sortable = value ^ Long.MIN_VALUE;
        scratch[length] = VALUE_MARKER;
        for (int b = 0; b < 8; b++) {
            scratch[length + 1 + b] = (byte) (sortable >>> (56 - 8 * b));
        }
        length += 9;
    }

    private void writeDouble(double value) {
        // one encoding for 0.0 and -0.0, and one for every NaN, as SQL grouping treats them as equal
        double canonical = value == 0.0 ? 0.0 : Double.isNaN(value) ? Double.NaN : value;
        long bits = Double.doubleToRawLongBits(canonical);
        // the sortable form: negative numbers have all bits flipped, positive ones only the sign bit
        writeLong((bits < 0 ? ~bits : bits ^ Long.MIN_VALUE) ^ Long.MIN_VALUE);
    }

    private void writeString(StringVector vector, int position) {
        StringVector flat = vector;
        int index = position;
        if (vector.isDictionary()) {
            flat = vector.dictionaryValues();
            index = vector.ids()[position];
        }
        int start = flat.offsets()[index];
        int size = flat.offsets()[index + 1] - start;
        ensure(1 + 5 + size);
        scratch[length++] = VALUE_MARKER;
        length = BytesHashTable.writeVarint(scratch, length, size);
        System.arraycopy(flat.bytes(), start, scratch, length, size);
        length += size;
    }

    /** Writes a Java string as a varint length and UTF-8 bytes (unpaired surrogates as '?', as String.getBytes). */
    private void writeUtf8(String value) {
        int chars = value.length();
        int bytes = 0;
        for (int c = 0; c < chars; c++) {
            char ch = value.charAt(c);
            if (ch < 0x80) {
                bytes++;
            } else if (ch < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(ch)
                    && c + 1 < chars
                    && Character.isLowSurrogate(value.charAt(c + 1))) {
                bytes += 4;
                c++;
            } else {
                bytes += Character.isSurrogate(ch) ? 1 : 3;
            }
        }
        ensure(1 + 5 + bytes);
        scratch[length++] = VALUE_MARKER;
        length = BytesHashTable.writeVarint(scratch, length, bytes);
        for (int c = 0; c < chars; c++) {
            char ch = value.charAt(c);
            if (ch < 0x80) {
                scratch[length++] = (byte) ch;
            } else if (ch < 0x800) {
                scratch[length++] = (byte) (0xC0 | (ch >> 6));
                scratch[length++] = (byte) (0x80 | (ch & 0x3F));
            } else if (Character.isHighSurrogate(ch)
                    && c + 1 < chars
                    && Character.isLowSurrogate(value.charAt(c + 1))) {
                int codePoint = Character.toCodePoint(ch, value.charAt(++c));
                scratch[length++] = (byte) (0xF0 | (codePoint >> 18));
                scratch[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                scratch[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                scratch[length++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                scratch[length++] = '?';
            } else {
                scratch[length++] = (byte) (0xE0 | (ch >> 12));
                scratch[length++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                scratch[length++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
    }

    private void ensure(int bytes) {
        if (length + bytes > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(length + bytes, scratch.length * 2));
        }
    }

    private Object readValue(byte[] bytes, DataType type, int kind) {
        if (bytes[readPosition++] == NULL_MARKER) {
            return null;
        }
        return switch (kind) {
            case KIND_BOOLEAN -> bytes[readPosition++] != 0;
            case KIND_INT -> readInt(bytes);
            case KIND_LONG -> readLong(bytes);
            case KIND_DOUBLE -> readDouble(bytes);
            default -> readPresentValue(bytes, type, kind);
        };
    }

    /** Reads a non-null value of a kind without a primitive append (its marker already read). */
    private Object readPresentValue(byte[] bytes, DataType type, int kind) {
        return switch (kind) {
            case KIND_NULL -> throw undecodable("a value of type void is not null");
            case KIND_BOOLEAN -> bytes[readPosition++] != 0;
            case KIND_INT -> readInt(bytes);
            case KIND_LONG -> readLong(bytes);
            case KIND_DOUBLE -> readDouble(bytes);
            case KIND_SMALL_DECIMAL -> BigDecimal.valueOf(readLong(bytes), ((DecimalType) type).scale());
            case KIND_LARGE_DECIMAL -> {
                int size = readVarint(bytes);
                BigInteger unscaled = new BigInteger(bytes, readPosition, size);
                readPosition += size;
                yield new BigDecimal(unscaled, ((DecimalType) type).scale());
            }
            case KIND_STRING -> {
                int size = readVarint(bytes);
                if (readPosition + size > bytes.length) {
                    throw new IndexOutOfBoundsException();
                }
                String text = new String(bytes, readPosition, size, StandardCharsets.UTF_8);
                readPosition += size;
                yield text;
            }
            case KIND_STRUCT -> {
                List<Field> fields = ((StructType) type).fields();
                Object[] values = new Object[fields.size()];
                for (int f = 0; f < values.length; f++) {
                    DataType fieldType = fields.get(f).type();
                    values[f] = readValue(bytes, fieldType, kindOf(fieldType));
                }
                yield new StructValue(values);
            }
            case KIND_ARRAY -> {
                int count = readVarint(bytes);
                DataType elementType = ((ArrayType) type).elementType();
                int elementKind = kindOf(elementType);
                List<Object> elements = new ArrayList<>(Math.min(count, 1024));
                for (int e = 0; e < count; e++) {
                    elements.add(readValue(bytes, elementType, elementKind));
                }
                yield elements;
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        };
    }

    private int readInt(byte[] bytes) {
        int p = readPosition;
        int sortable = (bytes[p] & 0xFF) << 24
                | (bytes[p + 1] & 0xFF) << 16
                | (bytes[p + 2] & 0xFF) << 8
                | (bytes[p + 3] & 0xFF);
        readPosition = p + 4;
        return sortable ^ Integer.MIN_VALUE;
    }

    private long readLong(byte[] bytes) {
        int p = readPosition;
        if (p + 8 > bytes.length) {
            throw new IndexOutOfBoundsException();
        }
        long sortable = 0;
        for (int b = 0; b < 8; b++) {
            sortable = sortable << 8 | (bytes[p + b] & 0xFF);
        }
        readPosition = p + 8;
        return sortable ^ Long.MIN_VALUE;
    }

    private double readDouble(byte[] bytes) {
        long sortable = readLong(bytes) ^ Long.MIN_VALUE;
        long bits = sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable;
        return Double.longBitsToDouble(bits);
    }

    private int readVarint(byte[] bytes) {
        int value = 0;
        for (int shift = 0; shift <= 28; shift += 7) {
            byte b = bytes[readPosition++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (value < 0) {
                    break;
                }
                return value;
            }
        }
        throw undecodable("a length is not a valid varint");
    }

    private FreshetException undecodable(String why) {
        return new FreshetException(
                ErrorCode.INTERNAL_ERROR,
                "Cannot decode state bytes as "
                        + types.stream().map(DataType::sqlName).toList() + ": " + why
                        + "; the state was written for other column types");
    }
}
