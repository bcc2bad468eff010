package io.freshet.exec.ops;

import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.Hashing;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.StructValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Hashes rows of key columns for hash tables and repartitioning. Values that compare equal as keys
 * hash alike: nulls, NaNs, {@code 0.0} and {@code -0.0}, decimals of different scales, a string
 * whether flat or dictionary-encoded.
 */
final class KeyHashing {
    static final long NULL_HASH = 0x5bd1e9955bd1e995L;

    private KeyHashing() {}

    /** Writes the hash of each row {@code 0..rowCount)} of the key columns into {@code hashes}. */
    static void hashRows(Vector[] keys, int rowCount, long[] hashes) {
        if (keys.length == 0) {
            for (int i = 0; i < rowCount; i++) {
                hashes[i] = NULL_HASH;
            }
            return;
        }
        for (int column = 0; column < keys.length; column++) {
            hashColumn(keys[column], rowCount, hashes, column > 0);
        }
    }

    /** The output partition of a row hash; uses high bits, independent of a hash table's slot bits. */
    static int partitionOf(long hash, int partitionCount) {
        return (int) (((hash >>> 32) * partitionCount) >>> 32);
    }

    private static void hashColumn(Vector vector, int rowCount, long[] hashes, boolean combine) {
        // A null's hash must not depend on the value its slot happens to hold: keep the running hash of
        // null rows so that their combination can be redone with the null hash below.
        long[] before = combine && vector.mayHaveNulls() ? java.util.Arrays.copyOf(hashes, rowCount) : null;
        switch (vector) {
            case LongVector longs -> {
                long[] values = longs.values();
                for (int i = 0; i < rowCount; i++) {
                    set(hashes, i, Hashing.mix(values[i]), combine);
                }
            }
            case IntVector ints -> {
                int[] values = ints.values();
                for (int i = 0; i < rowCount; i++) {
                    set(hashes, i, Hashing.mix(values[i]), combine);
                }
            }
            case DoubleVector doubles -> {
                double[] values = doubles.values();
                for (int i = 0; i < rowCount; i++) {
                    set(hashes, i, Hashing.hashDouble(values[i]), combine);
                }
            }
            case BooleanVector booleans -> {
                boolean[] values = booleans.values();
                for (int i = 0; i < rowCount; i++) {
                    set(hashes, i, Hashing.mix(values[i] ? 1 : 2), combine);
                }
            }
            case StringVector strings -> hashStrings(strings, rowCount, hashes, combine);
            case ObjectVector objects -> {
                Object[] values = objects.values();
                for (int i = 0; i < rowCount; i++) {
                    set(hashes, i, values[i] == null ? NULL_HASH : objectHash(values[i]), combine);
                }
            }
        }
        if (vector.mayHaveNulls()) {
            for (int i = 0; i < rowCount; i++) {
                if (vector.isNull(i)) {
                    hashes[i] = combine ? Hashing.combine(before[i], NULL_HASH) : NULL_HASH;
                }
            }
        }
    }

    private static void hashStrings(StringVector strings, int rowCount, long[] hashes, boolean combine) {
        if (strings.isDictionary() && strings.dictionaryValues().size() == 0) {
            // Every row is null (e.g. a CSV column empty in the whole file): no id points at an entry.
            for (int i = 0; i < rowCount; i++) {
                set(hashes, i, NULL_HASH, combine);
            }
            return;
        }
        if (strings.isDictionary() && strings.dictionaryValues().size() <= rowCount) {
            // Hash each dictionary entry once, then look the rows up.
            StringVector dictionary = strings.dictionaryValues();
            long[] entryHashes = new long[dictionary.size()];
            for (int d = 0; d < entryHashes.length; d++) {
                entryHashes[d] = dictionary.hash(d);
            }
            int[] ids = strings.ids();
            for (int i = 0; i < rowCount; i++) {
                set(hashes, i, entryHashes[ids[i]], combine);
            }
            return;
        }
        for (int i = 0; i < rowCount; i++) {
            set(hashes, i, strings.hash(i), combine);
        }
    }

    private static void set(long[] hashes, int i, long hash, boolean combine) {
        hashes[i] = combine ? Hashing.combine(hashes[i], hash) : hash;
    }

    /** The hash of one value in internal representation (null allowed). */
    static long valueHash(Object value) {
        return switch (value) {
            case null -> NULL_HASH;
            case Long l -> Hashing.mix(l);
            case Integer i -> Hashing.mix(i);
            case Double d -> Hashing.hashDouble(d);
            case Boolean b -> Hashing.mix(b ? 1 : 2);
            default -> objectHash(value);
        };
    }

    static long objectHash(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Hashing.mix(decimal.stripTrailingZeros().hashCode());
        }
        if (value instanceof StructValue struct) {
            long hash = 17;
            for (Object field : struct.values()) {
                hash = Hashing.combine(hash, valueHash(field));
            }
            return hash;
        }
        if (value instanceof List<?> list) {
            long hash = 31;
            for (Object element : list) {
                hash = Hashing.combine(hash, valueHash(element));
            }
            return hash;
        }
        if (value instanceof String string) {
            byte[] bytes = string.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return Hashing.hashBytes(bytes, 0, bytes.length);
        }
        return Hashing.mix(value.hashCode());
    }

    /** Key equality of two values in internal representation: nulls and NaNs equal, decimals by value. */
    static boolean valueEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof Double x && b instanceof Double y) {
            double u = x;
            double v = y;
            return u == v || (Double.isNaN(u) && Double.isNaN(v));
        }
        if (a instanceof StructValue x && b instanceof StructValue y) {
            return elementsEqual(Arrays.asList(x.values()), Arrays.asList(y.values()));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return elementsEqual(x, y);
        }
        return a.equals(b);
    }

    private static boolean elementsEqual(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!valueEquals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
