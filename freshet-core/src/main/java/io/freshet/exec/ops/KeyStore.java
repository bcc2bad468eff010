package io.freshet.exec.ops;

import io.freshet.data.Bits;
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
import io.freshet.types.TimestampType;
import java.util.Arrays;

/**
 * The key values of the groups of a hash table, one column: appended once per new group, compared
 * against probe rows, and turned back into a vector for output. Nulls are values (equal to each other).
 */
abstract sealed class KeyStore {
    protected final DataType type;
    protected boolean[] nulls = new boolean[16];
    protected int size;

    KeyStore(DataType type) {
        this.type = type;
    }

    static KeyStore forType(DataType type) {
        return switch (type) {
            case BigintType t -> new LongStore(type);
            case TimestampType t -> new LongStore(type);
            case IntervalType t -> new LongStore(type);
            case IntType t -> new IntStore(type);
            case DateType t -> new IntStore(type);
            case DoubleType t -> new DoubleStore(type);
            case BooleanType t -> new BooleanStore(type);
            case StringType t -> new StringStore(type);
            case NullType t -> new ObjectStore(type);
            case DecimalType t -> new ObjectStore(type);
            case StructType t -> new ObjectStore(type);
            case ArrayType t -> new ObjectStore(type);
        };
    }

    final int size() {
        return size;
    }

    /** Appends the value at {@code position} of {@code vector} as the next group's key. */
    final void append(Vector vector, int position) {
        if (size == nulls.length) {
            nulls = Arrays.copyOf(nulls, size * 2);
            grow(size * 2);
        }
        boolean isNull = vector.isNull(position);
        nulls[size] = isNull;
        if (isNull) {
            setNull(size);
        } else {
            set(size, vector, position);
        }
        size++;
    }

    /** Whether group {@code group}'s key equals the value at {@code position} of {@code vector}. */
    final boolean matches(int group, Vector vector, int position) {
        boolean isNull = vector.isNull(position);
        if (nulls[group] || isNull) {
            return nulls[group] && isNull;
        }
        return valueEquals(group, vector, position);
    }

    /** The keys of groups {@code 0..size)} as a vector. */
    abstract Vector build();

    abstract long estimatedBytes();

    protected abstract void grow(int capacity);

    protected abstract void set(int group, Vector vector, int position);

    /** Records a null key for a group; stores with variable-length values keep their layout consistent. */
    protected void setNull(int group) {}

    protected abstract boolean valueEquals(int group, Vector vector, int position);

    protected final long[] nullBits() {
        long[] bits = null;
        for (int i = 0; i < size; i++) {
            if (nulls[i]) {
                if (bits == null) {
                    bits = Bits.allocate(size);
                }
                Bits.set(bits, i);
            }
        }
        return bits;
    }

    static final class LongStore extends KeyStore {
        private long[] values = new long[16];

        LongStore(DataType type) {
            super(type);
        }

        @Override
        protected void grow(int capacity) {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        protected void set(int group, Vector vector, int position) {
            values[group] = ((LongVector) vector).values()[position];
        }

        @Override
        protected boolean valueEquals(int group, Vector vector, int position) {
            return values[group] == ((LongVector) vector).values()[position];
        }

        @Override
        Vector build() {
            return new LongVector(type, Arrays.copyOf(values, size), nullBits(), size);
        }

        @Override
        long estimatedBytes() {
            return values.length * 9L;
        }
    }

    static final class IntStore extends KeyStore {
        private int[] values = new int[16];

        IntStore(DataType type) {
            super(type);
        }

        @Override
        protected void grow(int capacity) {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        protected void set(int group, Vector vector, int position) {
            values[group] = ((IntVector) vector).values()[position];
        }

        @Override
        protected boolean valueEquals(int group, Vector vector, int position) {
            return values[group] == ((IntVector) vector).values()[position];
        }

        @Override
        Vector build() {
            return new IntVector(type, Arrays.copyOf(values, size), nullBits(), size);
        }

        @Override
        long estimatedBytes() {
            return values.length * 5L;
        }
    }

    static final class DoubleStore extends KeyStore {
        private double[] values = new double[16];

        DoubleStore(DataType type) {
            super(type);
        }

        @Override
        protected void grow(int capacity) {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        protected void set(int group, Vector vector, int position) {
            values[group] = ((DoubleVector) vector).values()[position];
        }

        @Override
        protected boolean valueEquals(int group, Vector vector, int position) {
            double a = values[group];
            double b = ((DoubleVector) vector).values()[position];
            // 0.0 equals -0.0, and NaN equals NaN, as grouping keys.
            return a == b || (a != a && b != b);
        }

        @Override
        Vector build() {
            return new DoubleVector(type, Arrays.copyOf(values, size), nullBits(), size);
        }

        @Override
        long estimatedBytes() {
            return values.length * 9L;
        }
    }

    static final class BooleanStore extends KeyStore {
        private boolean[] values = new boolean[16];

        BooleanStore(DataType type) {
            super(type);
        }

        @Override
        protected void grow(int capacity) {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        protected void set(int group, Vector vector, int position) {
            values[group] = ((BooleanVector) vector).values()[position];
        }

        @Override
        protected boolean valueEquals(int group, Vector vector, int position) {
            return values[group] == ((BooleanVector) vector).values()[position];
        }

        @Override
        Vector build() {
            return new BooleanVector(type, Arrays.copyOf(values, size), nullBits(), size);
        }

        @Override
        long estimatedBytes() {
            return values.length * 2L;
        }
    }

    static final class StringStore extends KeyStore {
        private byte[] bytes = new byte[128];
        private int[] offsets = new int[17];

        StringStore(DataType type) {
            super(type);
        }

        @Override
        protected void grow(int capacity) {
            offsets = Arrays.copyOf(offsets, capacity + 1);
        }

        @Override
        protected void set(int group, Vector vector, int position) {
            StringVector strings = (StringVector) vector;
            byte[] source;
            int start;
            int length;
            if (strings.isDictionary()) {
                StringVector dictionary = strings.dictionaryValues();
                int id = strings.ids()[position];
                source = dictionary.bytes();
                start = dictionary.offsets()[id];
                length = dictionary.offsets()[id + 1] - start;
            } else {
                source = strings.bytes();
                start = strings.offsets()[position];
                length = strings.offsets()[position + 1] - start;
            }
            int end = offsets[group];
            if (end + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + length));
            }
            System.arraycopy(source, start, bytes, end, length);
            offsets[group + 1] = end + length;
        }

        @Override
        protected boolean valueEquals(int group, Vector vector, int position) {
            StringVector strings = (StringVector) vector;
            int start = offsets[group];
            int end = offsets[group + 1];
            if (strings.isDictionary()) {
                StringVector dictionary = strings.dictionaryValues();
                int id = strings.ids()[position];
                int[] dictionaryOffsets = dictionary.offsets();
                return Arrays.equals(
                        bytes, start, end, dictionary.bytes(), dictionaryOffsets[id], dictionaryOffsets[id + 1]);
            }
            int[] vectorOffsets = strings.offsets();
            return Arrays.equals(
                    bytes, start, end, strings.bytes(), vectorOffsets[position], vectorOffsets[position + 1]);
        }

        @Override
        Vector build() {
            return StringVector.flat(
                    Arrays.copyOf(bytes, offsets[size]), Arrays.copyOf(offsets, size + 1), nullBits(), size);
        }

        @Override
        long estimatedBytes() {
            return bytes.length + offsets.length * 5L;
        }

        @Override
        protected void setNull(int group) {
            // A null group's byte range is empty, so the next group starts where the previous ended.
            offsets[group + 1] = offsets[group];
        }
    }

    static final class ObjectStore extends KeyStore {
        private Object[] values = new Object[16];

        ObjectStore(DataType type) {
            super(type);
        }

        @Override
        protected void grow(int capacity) {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        protected void set(int group, Vector vector, int position) {
            values[group] = vector.get(position);
        }

        @Override
        protected boolean valueEquals(int group, Vector vector, int position) {
            return KeyHashing.valueEquals(values[group], vector.get(position));
        }

        @Override
        Vector build() {
            return new ObjectVector(type, Arrays.copyOf(values, size), size);
        }

        @Override
        long estimatedBytes() {
            return values.length * 48L;
        }
    }
}
