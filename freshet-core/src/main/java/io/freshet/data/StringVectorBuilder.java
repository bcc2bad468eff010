package io.freshet.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds a flat {@link StringVector} by appending UTF-8 values. */
public final class StringVectorBuilder {
    private byte[] bytes;
    private int[] offsets;
    private long[] nulls;
    private int size;
    private int byteCount;

    public StringVectorBuilder(int expectedSize) {
        int capacity = Math.max(expectedSize, 4);
        this.bytes = new byte[capacity * 8];
        this.offsets = new int[capacity + 1];
    }

    public int size() {
        return size;
    }

    public StringVectorBuilder append(String value) {
        if (value == null) {
            return appendNull();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return appendBytes(utf8, 0, utf8.length);
    }

    public StringVectorBuilder appendBytes(byte[] source, int offset, int length) {
        ensureRow();
        if (byteCount + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteCount + length));
        }
        System.arraycopy(source, offset, bytes, byteCount, length);
        byteCount += length;
        size++;
        offsets[size] = byteCount;
        return this;
    }

    /** Appends the value at {@code position} of {@code vector}, or a null. */
    public StringVectorBuilder appendFrom(StringVector vector, int position) {
        if (vector.isNull(position)) {
            return appendNull();
        }
        if (vector.isDictionary()) {
            return appendFrom(vector.dictionaryValues(), vector.ids()[position]);
        }
        int start = vector.offsets()[position];
        return appendBytes(vector.bytes(), start, vector.offsets()[position + 1] - start);
    }

    public StringVectorBuilder appendNull() {
        ensureRow();
        if (nulls == null) {
            nulls = Bits.allocate(offsets.length);
        } else if (nulls.length * 64 < offsets.length) {
            nulls = Arrays.copyOf(nulls, (offsets.length + 63) >>> 6);
        }
        Bits.set(nulls, size);
        size++;
        offsets[size] = byteCount;
        return this;
    }

    private void ensureRow() {
        if (size + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
    }

    public StringVector build() {
        long[] finalNulls = nulls == null ? null : Arrays.copyOf(nulls, (size + 63) >>> 6);
        return StringVector.flat(bytes, offsets, finalNulls, size);
    }
}
