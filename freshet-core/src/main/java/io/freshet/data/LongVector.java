package io.freshet.data;

import io.freshet.types.DataType;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/** A vector of {@code long} values (bigint; timestamp and interval as microseconds). */
public final class LongVector implements Vector {
    private final DataType type;
    private final long[] values;
    private final long[] nulls;
    private final int size;

    /**
     * Wraps {@code values[0..size)}; the arrays are owned by the vector from now on.
     *
     * @param nulls bitmap with a set bit per null position, or null when there are none
     */
    public LongVector(DataType type, long[] values, long[] nulls, int size) {
        this.type = requireNonNull(type, "type is null");
        this.values = requireNonNull(values, "values is null");
        this.nulls = Bits.normalize(nulls);
        this.size = size;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public int size() {
        return size;
    }

    /** The backing array; positions past {@link #size()} are undefined, null positions hold any value. */
    public long[] values() {
        return values;
    }

    public long getLong(int position) {
        return values[position];
    }

    @Override
    public boolean isNull(int position) {
        return nulls != null && Bits.get(nulls, position);
    }

    @Override
    public boolean mayHaveNulls() {
        return nulls != null;
    }

    @Override
    public long[] nulls() {
        return nulls;
    }

    @Override
    public Object get(int position) {
        return isNull(position) ? null : (Long) values[position];
    }

    @Override
    public LongVector select(int[] positions, int count) {
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new LongVector(type, result, Bits.select(nulls, positions, count), count);
    }

    @Override
    public LongVector slice(int offset, int length) {
        return new LongVector(
                type, Arrays.copyOfRange(values, offset, offset + length), Bits.slice(nulls, offset, length), length);
    }

    @Override
    public String toString() {
        return "LongVector[" + type + ", size=" + size + "]";
    }
}
