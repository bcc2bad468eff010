package io.freshet.expr.aggregate;

import java.util.Arrays;

/** Growth helpers for the per-group state arrays of accumulators (amortized doubling). */
final class GroupArrays {
    private GroupArrays() {}

    /** The new length for an array of {@code current} slots that must hold {@code needed}. */
    static int grownLength(int current, int needed) {
        if (needed <= current) {
            return current;
        }
        long doubled = Math.max(16L, (long) current * 2);
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(doubled, needed));
    }

    static long[] grow(long[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, grownLength(array.length, needed));
    }

    static int[] grow(int[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, grownLength(array.length, needed));
    }

    static double[] grow(double[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, grownLength(array.length, needed));
    }

    static boolean[] grow(boolean[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, grownLength(array.length, needed));
    }

    static byte[] grow(byte[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, grownLength(array.length, needed));
    }

    static <T> T[] grow(T[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, grownLength(array.length, needed));
    }

    /** Whether bit {@code position} of a null bitmap is set; the bitmap must not be null. */
    static boolean isNull(long[] nulls, int position) {
        return (nulls[position >>> 6] & (1L << position)) != 0;
    }

    /** One more than the largest target group of a merge mapping, or 0. */
    static int mappedGroupCount(int[] groupMapping, int otherGroupCount) {
        int max = -1;
        for (int g = 0; g < otherGroupCount; g++) {
            max = Math.max(max, groupMapping[g]);
        }
        return max + 1;
    }
}
