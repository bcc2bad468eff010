package io.freshet.connector.file;

import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.Hashing;
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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable column that file readers parse values straight into, one batch at a time; unlike {@link
 * io.freshet.data.VectorBuilder} it can take back the last rows ({@link #truncate}) when a record turns out to
 * be malformed and is dropped. {@link #build()} hands the arrays to a vector and starts a fresh batch.
 */
abstract sealed class ColumnBuilder {
    final DataType type;
    int size;
    long[] nulls;
    int capacity;

    ColumnBuilder(DataType type, int capacity) {
        this.type = type;
        this.capacity = capacity;
    }

    static ColumnBuilder forType(DataType type, int capacity) {
        int initial = Math.max(capacity, 16);
        return switch (type) {
            case BooleanType t -> new BooleanColumn(type, initial);
            case IntType t -> new IntColumn(type, initial);
            case DateType t -> new IntColumn(type, initial);
            case BigintType t -> new LongColumn(type, initial);
            case TimestampType t -> new LongColumn(type, initial);
            case IntervalType t -> new LongColumn(type, initial);
            case DoubleType t -> new DoubleColumn(type, initial);
            case StringType t -> new StringColumn(initial);
            case NullType t -> new ObjectColumn(type, initial);
            case DecimalType t -> new ObjectColumn(type, initial);
            case StructType t -> new ObjectColumn(type, initial);
            case ArrayType t -> new ObjectColumn(type, initial);
        };
    }

    final int size() {
        return size;
    }

    abstract void appendNull();

    /** Drops the rows from {@code newSize} on. */
    void truncate(int newSize) {
        if (nulls != null) {
            for (int i = newSize; i < size; i++) {
                nulls[i >>> 6] &= ~(1L << i);
            }
        }
        size = newSize;
    }

    /** The column as a vector; the builder then starts empty. */
    abstract Vector build();

    /** Grows the value arrays so that one more row fits. */
    abstract void grow();

    final void markNull() {
        if (nulls == null || nulls.length * 64 <= size) {
            nulls = nulls == null ? new long[(capacity + 63) >>> 6] : Arrays.copyOf(nulls, (capacity + 63) >>> 6);
        }
        nulls[size >>> 6] |= 1L << size;
    }

    final long[] takeNulls() {
        long[] result = null;
        if (nulls != null) {
            for (long word : nulls) {
                if (word != 0) {
                    result = nulls;
                    break;
                }
            }
        }
        nulls = null;
        return result;
    }

    static final class BooleanColumn extends ColumnBuilder {
        boolean[] values;

        BooleanColumn(DataType type, int capacity) {
            super(type, capacity);
            values = new boolean[capacity];
        }

        void append(boolean value) {
            if (size == capacity) {
                grow();
            }
            values[size++] = value;
        }

        @Override
        void appendNull() {
            if (size == capacity) {
                grow();
            }
            markNull();
            values[size++] = false;
        }

        @Override
        void grow() {
            capacity *= 2;
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        Vector build() {
            Vector vector = new BooleanVector(type, values, takeNulls(), size);
            values = new boolean[capacity];
            size = 0;
            return vector;
        }
    }

    static final class IntColumn extends ColumnBuilder {
        int[] values;

        IntColumn(DataType type, int capacity) {
            super(type, capacity);
            values = new int[capacity];
        }

        void append(int value) {
            if (size == capacity) {
                grow();
            }
            values[size++] = value;
        }

        @Override
        void appendNull() {
            if (size == capacity) {
                grow();
            }
            markNull();
            values[size++] = 0;
        }

        @Override
        void grow() {
            capacity *= 2;
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        Vector build() {
            Vector vector = new IntVector(type, values, takeNulls(), size);
            values = new int[capacity];
            size = 0;
            return vector;
        }
    }

    static final class LongColumn extends ColumnBuilder {
        long[] values;

        LongColumn(DataType type, int capacity) {
            super(type, capacity);
            values = new long[capacity];
        }

        void append(long value) {
            if (size == capacity) {
                grow();
            }
            values[size++] = value;
        }

        @Override
        void appendNull() {
            if (size == capacity) {
                grow();
            }
            markNull();
            values[size++] = 0;
        }

        @Override
        void grow() {
            capacity *= 2;
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        Vector build() {
            Vector vector = new LongVector(type, values, takeNulls(), size);
            values = new long[capacity];
            size = 0;
            return vector;
        }
    }

    static final class DoubleColumn extends ColumnBuilder {
        double[] values;

        DoubleColumn(DataType type, int capacity) {
            super(type, capacity);
            values = new double[capacity];
        }

        void append(double value) {
            if (size == capacity) {
                grow();
            }
            values[size++] = value;
        }

        @Override
        void appendNull() {
            if (size == capacity) {
                grow();
            }
            markNull();
            values[size++] = 0;
        }

        @Override
        void grow() {
            capacity *= 2;
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        Vector build() {
            Vector vector = new DoubleVector(type, values, takeNulls(), size);
            values = new double[capacity];
            size = 0;
            return vector;
        }
    }

    static final class ObjectColumn extends ColumnBuilder {
        Object[] values;

        ObjectColumn(DataType type, int capacity) {
            super(type, capacity);
            values = new Object[capacity];
        }

        void append(Object value) {
            if (size == capacity) {
                grow();
            }
            values[size++] = value;
        }

        @Override
        void appendNull() {
            append(null);
        }

        @Override
        void truncate(int newSize) {
            Arrays.fill(values, newSize, size, null);
            super.truncate(newSize);
        }

        @Override
        void grow() {
            capacity *= 2;
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        Vector build() {
            Vector vector = new ObjectVector(type, values, size);
            values = new Object[capacity];
            size = 0;
            return vector;
        }
    }

    /**
     * A string column that starts dictionary-encoded and switches to flat UTF-8 once a batch has more
     * distinct values than a quarter of its capacity, so low-cardinality columns cost one id per row.
     */
    static final class StringColumn extends ColumnBuilder {
        private final int maxDictionarySize;
        private final int[] table;
        private final int mask;

        private boolean dictionaryMode;
        private int[] ids;
        private byte[] dictionaryBytes;
        private int[] dictionaryOffsets;
        private long[] dictionaryHashes;
        private int dictionarySize;

        private byte[] bytes;
        private int[] offsets;

        StringColumn(int capacity) {
            super(StringType.STRING, capacity);
            maxDictionarySize = Math.max(16, capacity / 4);
            int tableSize = Integer.highestOneBit(maxDictionarySize * 2 - 1) << 1;
            table = new int[tableSize];
            mask = tableSize - 1;
            reset();
        }

        private void reset() {
            dictionaryMode = true;
            ids = new int[capacity];
            dictionaryBytes = new byte[Math.max(64, maxDictionarySize * 8)];
            dictionaryOffsets = new int[maxDictionarySize + 1];
            dictionaryHashes = new long[maxDictionarySize];
            dictionarySize = 0;
            Arrays.fill(table, 0);
            bytes = null;
            offsets = null;
            size = 0;
        }

        void append(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            append(utf8, 0, utf8.length);
        }

        void append(byte[] source, int offset, int length) {
            if (size == capacity) {
                grow();
            }
            if (dictionaryMode) {
                long hash = Hashing.hashBytes(source, offset, length);
                int slot = (int) hash & mask;
                while (true) {
                    int entry = table[slot];
                    if (entry == 0) {
                        break;
                    }
                    int id = entry - 1;
                    if (dictionaryHashes[id] == hash) {
                        int start = dictionaryOffsets[id];
                        int end = dictionaryOffsets[id + 1];
                        if (Arrays.equals(dictionaryBytes, start, end, source, offset, offset + length)) {
                            ids[size++] = id;
                            return;
                        }
                    }
                    slot = (slot + 1) & mask;
                }
                if (dictionarySize < maxDictionarySize) {
                    int id = dictionarySize++;
                    int start = dictionaryOffsets[id];
                    if (start + length > dictionaryBytes.length) {
                        dictionaryBytes =
                                Arrays.copyOf(dictionaryBytes, Math.max(dictionaryBytes.length * 2, start + length));
                    }
                    System.arraycopy(source, offset, dictionaryBytes, start, length);
                    dictionaryOffsets[id + 1] = start + length;
                    dictionaryHashes[id] = hash;
                    table[slot] = id + 1;
                    ids[size++] = id;
                    return;
                }
                flatten();
            }
            int start = offsets[size];
            if (start + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + length));
            }
            System.arraycopy(source, offset, bytes, start, length);
            size++;
            offsets[size] = start + length;
        }

        @Override
        void appendNull() {
            if (size == capacity) {
                grow();
            }
            markNull();
            if (dictionaryMode) {
                ids[size++] = 0;
            } else {
                offsets[size + 1] = offsets[size];
                size++;
            }
        }

        /** Switches to flat storage, copying the rows so far out of the dictionary. */
        private void flatten() {
            offsets = new int[capacity + 1];
            int total = 0;
            for (int i = 0; i < size; i++) {
                if (!isNull(i)) {
                    total += dictionaryOffsets[ids[i] + 1] - dictionaryOffsets[ids[i]];
                }
            }
            bytes = new byte[Math.max(total * 2, 1024)];
            int position = 0;
            for (int i = 0; i < size; i++) {
                if (!isNull(i)) {
                    int start = dictionaryOffsets[ids[i]];
                    int length = dictionaryOffsets[ids[i] + 1] - start;
                    System.arraycopy(dictionaryBytes, start, bytes, position, length);
                    position += length;
                }
                offsets[i + 1] = position;
            }
            dictionaryMode = false;
            ids = null;
        }

        private boolean isNull(int position) {
            return nulls != null && (nulls[position >>> 6] & (1L << position)) != 0;
        }

        @Override
        void truncate(int newSize) {
            super.truncate(newSize);
        }

        @Override
        void grow() {
            capacity *= 2;
            if (dictionaryMode) {
                ids = Arrays.copyOf(ids, capacity);
            } else {
                offsets = Arrays.copyOf(offsets, capacity + 1);
            }
        }

        @Override
        Vector build() {
            long[] finalNulls = takeNulls();
            StringVector vector;
            if (dictionaryMode) {
                StringVector dictionary = StringVector.flat(dictionaryBytes, dictionaryOffsets, null, dictionarySize);
                vector = StringVector.dictionary(dictionary, ids, finalNulls, size);
            } else {
                vector = StringVector.flat(bytes, offsets, finalNulls, size);
            }
            reset();
            return vector;
        }
    }
}
