package io.freshet.data;

import io.freshet.types.DataType;
import io.freshet.types.StringType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A vector of strings as UTF-8 bytes, either flat ({@code bytes} with {@code size + 1} offsets) or
 * dictionary-encoded ({@code ids} into a flat dictionary vector), which pays when few distinct
 * values repeat: kernels then work once per dictionary entry instead of once per row.
 */
public final class StringVector implements Vector {
    private final byte[] bytes;
    private final int[] offsets;
    private final int[] ids;
    private final StringVector dictionary;
    private final long[] nulls;
    private final int size;

    private StringVector(byte[] bytes, int[] offsets, int[] ids, StringVector dictionary, long[] nulls, int size) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.ids = ids;
        this.dictionary = dictionary;
        this.nulls = Bits.normalize(nulls);
        this.size = size;
    }

    /** A flat vector; value {@code i} is {@code bytes[offsets[i] .. offsets[i + 1])}. */
    public static StringVector flat(byte[] bytes, int[] offsets, long[] nulls, int size) {
        requireNonNull(bytes, "bytes is null");
        requireNonNull(offsets, "offsets is null");
        return new StringVector(bytes, offsets, null, null, nulls, size);
    }

    /** A dictionary-encoded vector; value {@code i} is {@code dictionary[ids[i]]}. */
    public static StringVector dictionary(StringVector dictionary, int[] ids, long[] nulls, int size) {
        requireNonNull(dictionary, "dictionary is null");
        requireNonNull(ids, "ids is null");
        if (dictionary.isDictionary()) {
            int[] flatIds = new int[size];
            for (int i = 0; i < size; i++) {
                flatIds[i] = dictionary.ids[ids[i]];
            }
            return new StringVector(null, null, flatIds, dictionary.dictionary, nulls, size);
        }
        return new StringVector(null, null, ids, dictionary, nulls, size);
    }

    public static StringVector of(String... values) {
        StringVectorBuilder builder = new StringVectorBuilder(values.length);
        for (String value : values) {
            builder.append(value);
        }
        return builder.build();
    }

    @Override
    public DataType type() {
        return StringType.STRING;
    }

    @Override
    public int size() {
        return size;
    }

    public boolean isDictionary() {
        return ids != null;
    }

    /** The dictionary of a dictionary-encoded vector (flat); null for a flat vector. */
    public StringVector dictionaryValues() {
        return dictionary;
    }

    /** The dictionary ids of a dictionary-encoded vector; null for a flat vector. */
    public int[] ids() {
        return ids;
    }

    /** The UTF-8 bytes of a flat vector. */
    public byte[] bytes() {
        return bytes;
    }

    /** The offsets of a flat vector ({@code size + 1} of them). */
    public int[] offsets() {
        return offsets;
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

    /** The number of UTF-8 bytes of the value at a position. */
    public int byteLength(int position) {
        if (ids != null) {
            return dictionary.byteLength(ids[position]);
        }
        return offsets[position + 1] - offsets[position];
    }

    /** The value at a position as a Java string (allocates), or null. */
    public String getString(int position) {
        if (isNull(position)) {
            return null;
        }
        if (ids != null) {
            return dictionary.getString(ids[position]);
        }
        return new String(bytes, offsets[position], offsets[position + 1] - offsets[position], StandardCharsets.UTF_8);
    }

    @Override
    public Object get(int position) {
        return getString(position);
    }

    /** Whether the values at two positions of two vectors are byte-equal (nulls are not compared). */
    public boolean valueEquals(int position, StringVector other, int otherPosition) {
        if (ids != null) {
            if (other.ids != null && other.dictionary == dictionary) {
                return ids[position] == other.ids[otherPosition];
            }
            return dictionary.valueEquals(ids[position], other, otherPosition);
        }
        if (other.ids != null) {
            return valueEquals(position, other.dictionary, other.ids[otherPosition]);
        }
        int start = offsets[position];
        int length = offsets[position + 1] - start;
        int otherStart = other.offsets[otherPosition];
        int otherLength = other.offsets[otherPosition + 1] - otherStart;
        return length == otherLength
                && Arrays.equals(bytes, start, start + length, other.bytes, otherStart, otherStart + length);
    }

    /** Compares values as unsigned UTF-8 bytes, which orders them by code point, as Spark does. */
    public int compareValues(int position, StringVector other, int otherPosition) {
        if (ids != null) {
            return dictionary.compareValues(ids[position], other, otherPosition);
        }
        if (other.ids != null) {
            return compareValues(position, other.dictionary, other.ids[otherPosition]);
        }
        return Arrays.compareUnsigned(
                bytes,
                offsets[position],
                offsets[position + 1],
                other.bytes,
                other.offsets[otherPosition],
                other.offsets[otherPosition + 1]);
    }

    /** A 64-bit hash of the value's bytes (same value, same hash, whatever the encoding). */
    public long hash(int position) {
        if (ids != null) {
            return dictionary.hash(ids[position]);
        }
        return Hashing.hashBytes(bytes, offsets[position], offsets[position + 1] - offsets[position]);
    }

    /** A flat copy of this vector. */
    public StringVector flatten() {
        if (ids == null) {
            return this;
        }
        StringVectorBuilder builder = new StringVectorBuilder(size);
        for (int i = 0; i < size; i++) {
            if (isNull(i)) {
                builder.appendNull();
            } else {
                int id = ids[i];
                builder.appendBytes(dictionary.bytes, dictionary.offsets[id], dictionary.byteLength(id));
            }
        }
        return builder.build();
    }

    @Override
    public StringVector select(int[] positions, int count) {
        long[] selectedNulls = Bits.select(nulls, positions, count);
        if (ids != null) {
            int[] selected = new int[count];
            for (int i = 0; i < count; i++) {
                selected[i] = ids[positions[i]];
            }
            return new StringVector(null, null, selected, dictionary, selectedNulls, count);
        }
        StringVectorBuilder builder = new StringVectorBuilder(count);
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (isNull(p)) {
                builder.appendNull();
            } else {
                builder.appendBytes(bytes, offsets[p], offsets[p + 1] - offsets[p]);
            }
        }
        return builder.build();
    }

    @Override
    public StringVector slice(int offset, int length) {
        int[] positions = new int[length];
        for (int i = 0; i < length; i++) {
            positions[i] = offset + i;
        }
        return select(positions, length);
    }

    @Override
    public String toString() {
        return "StringVector[size=" + size + (ids != null ? ", dictionary=" + dictionary.size : "") + "]";
    }
}
