package io.freshet.data;

import io.freshet.types.DataType;

/**
 * A column of values of one type, stored in primitive arrays with a null bitmap.
 *
 * <p>Vectors are immutable once built. Values read through {@link #get(int)} are in the internal
 * representation described on {@link DataType}; hot paths read the typed arrays directly.
 */
public sealed interface Vector permits BooleanVector, IntVector, LongVector, DoubleVector, StringVector, ObjectVector {

    DataType type();

    int size();

    boolean isNull(int position);

    /** False when no position is null (a fast path for kernels); true does not promise a null. */
    boolean mayHaveNulls();

    /** The value at a position in internal representation, or null. Not for per-row hot paths. */
    Object get(int position);

    /** A new vector of the values at {@code positions[0..count)}, in that order. */
    Vector select(int[] positions, int count);

    /** A new vector of the values at {@code [offset, offset + length)}. */
    Vector slice(int offset, int length);

    /** The null bitmap (bit set = null), or null when there are no nulls. Do not modify. */
    long[] nulls();
}
