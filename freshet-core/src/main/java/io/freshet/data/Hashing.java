package io.freshet.data;

/** Fast, well-mixed 64-bit hashes for hash tables and partitioning (not for persistence). */
public final class Hashing {
    private Hashing() {}

    /** A finalizer that spreads all input bits over the output (Stafford's Mix13 of SplitMix64). */
    public static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long hashLong(long value) {
        return mix(value);
    }

    public static long hashDouble(double value) {
        // -0.0 and 0.0 are equal in SQL, and every NaN is equal to every other NaN.
        if (value == 0.0) {
            return mix(0L);
        }
        if (Double.isNaN(value)) {
            return mix(0x7ff8000000000000L);
        }
        return mix(Double.doubleToLongBits(value));
    }

    public static long hashBytes(byte[] bytes, int offset, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = offset;
        int end = offset + length;
        while (i + 8 <= end) {
            long word = (bytes[i] & 0xFFL)
                    | (bytes[i + 1] & 0xFFL) << 8
                    | (bytes[i + 2] & 0xFFL) << 16
                    | (bytes[i + 3] & 0xFFL) << 24
                    | (bytes[i + 4] & 0xFFL) << 32
                    | (bytes[i + 5] & 0xFFL) << 40
                    | (bytes[i + 6] & 0xFFL) << 48
                    | (bytes[i + 7] & 0xFFL) << 56;
            h = Long.rotateLeft(h ^ mix(word), 27) * 0x9E3779B97F4A7C15L;
            i += 8;
        }
        long tail = 0;
        int shift = 0;
        while (i < end) {
            tail |= (bytes[i] & 0xFFL) << shift;
            shift += 8;
            i++;
        }
        return mix(h ^ mix(tail ^ length));
    }

    /** Combines a running row hash with the hash of the next column. */
    public static long combine(long seed, long hash) {
        return Long.rotateLeft(seed, 31) * 0x9E3779B97F4A7C15L + hash;
    }
}
