package io.freshet.expr.functions;

import io.freshet.data.Bits;
import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.data.Vectors;
import io.freshet.types.DataType;

/** Small whole-vector helpers shared by the operator, conditional and cast kernels. */
final class VectorOps {
    private VectorOps() {}

    /** A vector of {@code size} nulls of {@code type}. */
    static Vector allNull(DataType type, int size) {
        return Vectors.constant(type, null, size);
    }

    /** A bitmap with every one of {@code size} positions set. */
    static long[] allSet(int size) {
        long[] bits = Bits.allocate(size);
        for (int i = 0; i < size; i++) {
            Bits.set(bits, i);
        }
        return bits;
    }

    /** A copy of a bitmap sized for {@code size} positions, so that bits can be added to it. */
    static long[] mutableCopy(long[] bits, int size) {
        long[] copy = Bits.allocate(size);
        if (bits != null) {
            System.arraycopy(bits, 0, copy, 0, Math.min(bits.length, copy.length));
        }
        return copy;
    }

    /** The same values with the positions of {@code extraNulls} also null. */
    static Vector withNulls(Vector vector, long[] extraNulls) {
        if (!Bits.any(extraNulls)) {
            return vector;
        }
        int size = vector.size();
        long[] nulls = Bits.or(vector.nulls(), extraNulls);
        return switch (vector) {
            case BooleanVector v -> new BooleanVector(v.type(), v.values(), nulls, size);
            case IntVector v -> new IntVector(v.type(), v.values(), nulls, size);
            case LongVector v -> new LongVector(v.type(), v.values(), nulls, size);
            case DoubleVector v -> new DoubleVector(v.type(), v.values(), nulls, size);
            case StringVector v ->
                v.isDictionary()
                        ? StringVector.dictionary(v.dictionaryValues(), v.ids(), nulls, size)
                        : StringVector.flat(v.bytes(), v.offsets(), nulls, size);
            case ObjectVector v -> {
                Object[] values = new Object[size];
                for (int i = 0; i < size; i++) {
                    values[i] = Bits.get(nulls, i) ? null : v.get(i);
                }
                yield new ObjectVector(v.type(), values, size);
            }
        };
    }

    /**
     * The values a per-dictionary-entry result gives a dictionary-encoded vector: position {@code i} is
     * {@code perEntry[ids[i]]}, null where {@code nulls} says so.
     */
    static Vector gather(Vector perEntry, int[] ids, long[] nulls, int size) {
        if (perEntry.size() == 0) {
            return allNull(perEntry.type(), size);
        }
        int[] positions = ids;
        if (nulls != null) {
            // a null row's id may be anything; read entry 0 there and let the bitmap hide it
            positions = new int[size];
            for (int i = 0; i < size; i++) {
                positions[i] = Bits.get(nulls, i) ? 0 : ids[i];
            }
        }
        return withNulls(perEntry.select(positions, size), nulls);
    }
}
