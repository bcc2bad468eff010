package io.freshet.data;

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
 * Builds a vector of any type by appending values; typed appends avoid boxing. Row-at-a-time
 * producers (file readers, generic functions) use it; vectorized kernels fill arrays directly.
 */
public abstract sealed class VectorBuilder {
    protected final DataType type;
    protected long[] nulls;
    protected int size;

    VectorBuilder(DataType type) {
        this.type = type;
    }

    /** A builder for vectors of {@code type}. */
    public static VectorBuilder forType(DataType type, int expectedSize) {
        int capacity = Math.max(expectedSize, 8);
        return switch (type) {
            case BooleanType t -> new BooleanBuilder(type, capacity);
            case IntType t -> new IntBuilder(type, capacity);
            case DateType t -> new IntBuilder(type, capacity);
            case BigintType t -> new LongBuilder(type, capacity);
            case TimestampType t -> new LongBuilder(type, capacity);
            case IntervalType t -> new LongBuilder(type, capacity);
            case DoubleType t -> new DoubleBuilder(type, capacity);
            case StringType t -> new StringBuilderAdapter(capacity);
            case NullType t -> new ObjectBuilder(type, capacity);
            case DecimalType t -> new ObjectBuilder(type, capacity);
            case StructType t -> new ObjectBuilder(type, capacity);
            case ArrayType t -> new ObjectBuilder(type, capacity);
        };
    }

    public DataType type() {
        return type;
    }

    public int size() {
        return size;
    }

    /** Appends a value in internal representation, or null. */
    public abstract void append(Object value);

    public abstract void appendNull();

    /** Appends the value at {@code position} of {@code vector}, which must be of this builder's type. */
    public abstract void appendFrom(Vector vector, int position);

    public void appendBoolean(boolean value) {
        throw new UnsupportedOperationException("not a boolean builder: " + type);
    }

    public void appendInt(int value) {
        throw new UnsupportedOperationException("not an int builder: " + type);
    }

    public void appendLong(long value) {
        throw new UnsupportedOperationException("not a long builder: " + type);
    }

    public void appendDouble(double value) {
        throw new UnsupportedOperationException("not a double builder: " + type);
    }

    public abstract Vector build();

    protected final void markNull(int capacity) {
        if (nulls == null) {
            nulls = Bits.allocate(capacity);
        } else if (nulls.length * 64 < capacity) {
            nulls = Arrays.copyOf(nulls, (capacity + 63) >>> 6);
        }
        Bits.set(nulls, size);
    }

    protected final long[] finalNulls() {
        return nulls == null ? null : Arrays.copyOf(nulls, (size + 63) >>> 6);
    }

    static final class BooleanBuilder extends VectorBuilder {
        private boolean[] values;

        BooleanBuilder(DataType type, int capacity) {
            super(type);
            values = new boolean[capacity];
        }

        @Override
        public void append(Object value) {
            if (value == null) {
                appendNull();
            } else {
                appendBoolean((Boolean) value);
            }
        }

        @Override
        public void appendBoolean(boolean value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        @Override
        public void appendNull() {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            markNull(values.length);
            size++;
        }

        @Override
        public void appendFrom(Vector vector, int position) {
            if (vector.isNull(position)) {
                appendNull();
            } else {
                appendBoolean(((BooleanVector) vector).getBoolean(position));
            }
        }

        @Override
        public Vector build() {
            return new BooleanVector(type, values, finalNulls(), size);
        }
    }

    static final class IntBuilder extends VectorBuilder {
        private int[] values;

        IntBuilder(DataType type, int capacity) {
            super(type);
            values = new int[capacity];
        }

        @Override
        public void append(Object value) {
            if (value == null) {
                appendNull();
            } else {
                appendInt(((Number) value).intValue());
            }
        }

        @Override
        public void appendInt(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        @Override
        public void appendNull() {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            markNull(values.length);
            size++;
        }

        @Override
        public void appendFrom(Vector vector, int position) {
            if (vector.isNull(position)) {
                appendNull();
            } else {
                appendInt(((IntVector) vector).getInt(position));
            }
        }

        @Override
        public Vector build() {
            return new IntVector(type, values, finalNulls(), size);
        }
    }

    static final class LongBuilder extends VectorBuilder {
        private long[] values;

        LongBuilder(DataType type, int capacity) {
            super(type);
            values = new long[capacity];
        }

        @Override
        public void append(Object value) {
            if (value == null) {
                appendNull();
            } else {
                appendLong(((Number) value).longValue());
            }
        }

        @Override
        public void appendLong(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        @Override
        public void appendNull() {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            markNull(values.length);
            size++;
        }

        @Override
        public void appendFrom(Vector vector, int position) {
            if (vector.isNull(position)) {
                appendNull();
            } else {
                appendLong(((LongVector) vector).getLong(position));
            }
        }

        @Override
        public Vector build() {
            return new LongVector(type, values, finalNulls(), size);
        }
    }

    static final class DoubleBuilder extends VectorBuilder {
        private double[] values;

        DoubleBuilder(DataType type, int capacity) {
            super(type);
            values = new double[capacity];
        }

        @Override
        public void append(Object value) {
            if (value == null) {
                appendNull();
            } else {
                appendDouble(((Number) value).doubleValue());
            }
        }

        @Override
        public void appendDouble(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        @Override
        public void appendNull() {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            markNull(values.length);
            size++;
        }

        @Override
        public void appendFrom(Vector vector, int position) {
            if (vector.isNull(position)) {
                appendNull();
            } else {
                appendDouble(((DoubleVector) vector).getDouble(position));
            }
        }

        @Override
        public Vector build() {
            return new DoubleVector(type, values, finalNulls(), size);
        }
    }

    static final class StringBuilderAdapter extends VectorBuilder {
        private final StringVectorBuilder builder;

        StringBuilderAdapter(int capacity) {
            super(StringType.STRING);
            builder = new StringVectorBuilder(capacity);
        }

        @Override
        public void append(Object value) {
            builder.append((String) value);
            size++;
        }

        @Override
        public void appendNull() {
            builder.appendNull();
            size++;
        }

        @Override
        public void appendFrom(Vector vector, int position) {
            builder.appendFrom((StringVector) vector, position);
            size++;
        }

        @Override
        public Vector build() {
            return builder.build();
        }
    }

    static final class ObjectBuilder extends VectorBuilder {
        private Object[] values;

        ObjectBuilder(DataType type, int capacity) {
            super(type);
            values = new Object[capacity];
        }

        @Override
        public void append(Object value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        @Override
        public void appendNull() {
            append(null);
        }

        @Override
        public void appendFrom(Vector vector, int position) {
            append(vector.get(position));
        }

        @Override
        public Vector build() {
            return new ObjectVector(type, values, size);
        }
    }
}
