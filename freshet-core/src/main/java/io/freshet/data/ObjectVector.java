package io.freshet.data;

import io.freshet.types.DataType;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A vector of boxed values in internal representation, for the types without a primitive layout:
 * decimal ({@code BigDecimal}), struct ({@code StructValue}) and array ({@code List}).
 */
public final class ObjectVector implements Vector {
    private final DataType type;
    private final Object[] values;
    private final int size;
    private long[] nulls;

    public ObjectVector(DataType type, Object[] values, int size) {
        this.type = requireNonNull(type, "type is null");
        this.values = requireNonNull(values, "values is null");
        this.size = size;
        long[] bits = null;
        for (int i = 0; i < size; i++) {
            if (values[i] == null) {
                if (bits == null) {
                    bits = Bits.allocate(size);
                }
                Bits.set(bits, i);
            }
        }
        this.nulls = bits;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public int size() {
        return size;
    }

    public Object[] values() {
        return values;
    }

    @Override
    public boolean isNull(int position) {
        return values[position] == null;
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
        return values[position];
    }

    @Override
    public ObjectVector select(int[] positions, int count) {
        Object[] result = new Object[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new ObjectVector(type, result, count);
    }

    @Override
    public ObjectVector slice(int offset, int length) {
        return new ObjectVector(type, Arrays.copyOfRange(values, offset, offset + length), length);
    }

    @Override
    public String toString() {
        return "ObjectVector[" + type + ", size=" + size + "]";
    }
}
