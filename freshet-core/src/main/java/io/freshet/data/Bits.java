package io.freshet.data;

/** Helpers for null bitmaps: one bit per position, set when the position is null. */
public final class Bits {
    private Bits() {}

    public static long[] allocate(int size) {
        return new long[(size + 63) >>> 6];
    }

    public static boolean get(long[] bits, int position) {
        return bits != null && (bits[position >>> 6] & (1L << position)) != 0;
    }

    public static void set(long[] bits, int position) {
        bits[position >>> 6] |= 1L << position;
    }

    public static boolean any(long[] bits) {
        if (bits == null) {
            return false;
        }
        for (long word : bits) {
            if (word != 0) {
                return true;
            }
        }
        return false;
    }

    /** The bitmap for the given positions of {@code bits}, or null when none of them is null. */
    public static long[] select(long[] bits, int[] positions, int count) {
        if (bits == null) {
            return null;
        }
        long[] result = null;
        for (int i = 0; i < count; i++) {
            if (get(bits, positions[i])) {
                if (result == null) {
                    result = allocate(count);
                }
                set(result, i);
            }
        }
        return result;
    }

    public static long[] slice(long[] bits, int offset, int length) {
        if (bits == null) {
            return null;
        }
        long[] result = null;
        for (int i = 0; i < length; i++) {
            if (get(bits, offset + i)) {
                if (result == null) {
                    result = allocate(length);
                }
                set(result, i);
            }
        }
        return result;
    }

    /** The union of two bitmaps of the same size, either of which may be null. */
    public static long[] or(long[] a, long[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        long[] result = new long[Math.max(a.length, b.length)];
        for (int i = 0; i < result.length; i++) {
            result[i] = (i < a.length ? a[i] : 0) | (i < b.length ? b[i] : 0);
        }
        return result;
    }

    /** Null when the bitmap has no bit set, so vectors can take the no-null fast path. */
    public static long[] normalize(long[] bits) {
        return any(bits) ? bits : null;
    }
}
