package io.freshet.expr.functions;

import io.freshet.data.Bits;
import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.BooleanType;
import java.util.Arrays;

/**
 * Vectorized comparisons of two vectors of the same physical kind, producing a {@link BooleanVector}
 * whose nulls are the union of the inputs' nulls ({@code <=>} has none). Primitive kinds are tight loops
 * that compare every row, null or not, and let the bitmap hide the null rows; a dictionary-encoded
 * string compared with a constant is compared once per dictionary entry.
 */
final class ComparisonKernels {
    private ComparisonKernels() {}

    static BooleanVector compare(ComparisonOp op, Vector left, Vector right) {
        if (op == ComparisonOp.GREATER_THAN || op == ComparisonOp.GREATER_THAN_OR_EQUAL) {
            return compare(op.swapped(), right, left);
        }
        int size = left.size();
        boolean nullSafe = op == ComparisonOp.NULL_SAFE_EQUAL;
        ComparisonOp kernel = nullSafe ? ComparisonOp.EQUAL : op;
        long[] nulls = Bits.or(left.nulls(), right.nulls());
        boolean[] result =
                switch (left) {
                    case IntVector a -> ints(kernel, a.values(), ((IntVector) right).values(), size);
                    case LongVector a -> longs(kernel, a.values(), ((LongVector) right).values(), size);
                    case DoubleVector a -> doubles(kernel, a.values(), ((DoubleVector) right).values(), size);
                    case BooleanVector a -> booleans(kernel, a.values(), ((BooleanVector) right).values(), size);
                    case StringVector a -> strings(kernel, a, (StringVector) right, size, nulls);
                    case ObjectVector a -> objects(kernel, a, right, size);
                };
        if (nullSafe) {
            if (nulls != null) {
                for (int i = 0; i < size; i++) {
                    boolean leftNull = left.isNull(i);
                    boolean rightNull = right.isNull(i);
                    if (leftNull || rightNull) {
                        result[i] = leftNull && rightNull;
                    }
                }
            }
            nulls = null;
        }
        return new BooleanVector(BooleanType.BOOLEAN, result, nulls, size);
    }

    private static boolean[] ints(ComparisonOp op, int[] a, int[] b, int size) {
        boolean[] result = new boolean[size];
        switch (op) {
            case EQUAL -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] == b[i];
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] != b[i];
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] < b[i];
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] <= b[i];
                }
            }
            default -> throw new IllegalStateException("unexpected kernel operator " + op);
        }
        return result;
    }

    private static boolean[] longs(ComparisonOp op, long[] a, long[] b, int size) {
        boolean[] result = new boolean[size];
        switch (op) {
            case EQUAL -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] == b[i];
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] != b[i];
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] < b[i];
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] <= b[i];
                }
            }
            default -> throw new IllegalStateException("unexpected kernel operator " + op);
        }
        return result;
    }

    /** NaN equals NaN and is above every other double, -0.0 equals 0.0 (Spark's ordering). */
    private static boolean[] doubles(ComparisonOp op, double[] a, double[] b, int size) {
        boolean[] result = new boolean[size];
        switch (op) {
            case EQUAL -> {
                for (int i = 0; i < size; i++) {
                    double x = a[i];
                    double y = b[i];
                    result[i] = x == y || (x != x && y != y);
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < size; i++) {
                    double x = a[i];
                    double y = b[i];
                    result[i] = !(x == y || (x != x && y != y));
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < size; i++) {
                    double x = a[i];
                    double y = b[i];
                    result[i] = x < y || (y != y && x == x);
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < size; i++) {
                    double x = a[i];
                    double y = b[i];
                    result[i] = x <= y || y != y;
                }
            }
            default -> throw new IllegalStateException("unexpected kernel operator " + op);
        }
        return result;
    }

    private static boolean[] booleans(ComparisonOp op, boolean[] a, boolean[] b, int size) {
        boolean[] result = new boolean[size];
        switch (op) {
            case EQUAL -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] == b[i];
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < size; i++) {
                    result[i] = a[i] != b[i];
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < size; i++) {
                    result[i] = !a[i] & b[i];
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < size; i++) {
                    result[i] = !a[i] | b[i];
                }
            }
            default -> throw new IllegalStateException("unexpected kernel operator " + op);
        }
        return result;
    }

    private static boolean[] strings(ComparisonOp op, StringVector a, StringVector b, int size, long[] nulls) {
        if (a.isDictionary() && isConstant(b, size)) {
            return dictionaryVersusConstant(op, a, b, size);
        }
        if (b.isDictionary() && isConstant(a, size)) {
            return dictionaryVersusConstant(op.swapped(), b, a, size);
        }
        boolean[] result = new boolean[size];
        boolean equality = op == ComparisonOp.EQUAL || op == ComparisonOp.NOT_EQUAL;
        boolean wantEqual = op == ComparisonOp.EQUAL;
        for (int i = 0; i < size; i++) {
            if (Bits.get(nulls, i)) {
                continue;
            }
            result[i] = equality ? a.valueEquals(i, b, i) == wantEqual : op.test(a.compareValues(i, b, i));
        }
        return result;
    }

    /** Compares each dictionary entry with the constant once, then looks the answers up by id. */
    private static boolean[] dictionaryVersusConstant(
            ComparisonOp op, StringVector a, StringVector constant, int size) {
        StringVector dictionary = a.dictionaryValues();
        int entries = dictionary.size();
        boolean[] perEntry = new boolean[entries];
        for (int e = 0; e < entries; e++) {
            if (!dictionary.isNull(e)) {
                perEntry[e] = op.test(dictionary.compareValues(e, constant, 0));
            }
        }
        int[] ids = a.ids();
        long[] nulls = a.nulls();
        boolean[] result = new boolean[size];
        if (nulls == null) {
            for (int i = 0; i < size; i++) {
                result[i] = perEntry[ids[i]];
            }
        } else {
            for (int i = 0; i < size; i++) {
                result[i] = !Bits.get(nulls, i) && perEntry[ids[i]];
            }
        }
        return result;
    }

    /** Whether every row holds the same non-null value (as a literal's vector does); stops at the first difference. */
    static boolean isConstant(StringVector vector, int size) {
        if (size == 0 || vector.mayHaveNulls()) {
            return false;
        }
        if (vector.isDictionary()) {
            int[] ids = vector.ids();
            int first = ids[0];
            for (int i = 1; i < size; i++) {
                if (ids[i] != first) {
                    return false;
                }
            }
            return true;
        }
        byte[] bytes = vector.bytes();
        int[] offsets = vector.offsets();
        int start = offsets[0];
        int length = offsets[1] - start;
        for (int i = 1; i < size; i++) {
            int from = offsets[i];
            if (offsets[i + 1] - from != length
                    || !Arrays.equals(bytes, start, start + length, bytes, from, from + length)) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] objects(ComparisonOp op, ObjectVector a, Vector b, int size) {
        Object[] left = a.values();
        Object[] right = ((ObjectVector) b).values();
        boolean[] result = new boolean[size];
        for (int i = 0; i < size; i++) {
            Object x = left[i];
            Object y = right[i];
            if (x != null && y != null) {
                result[i] = op.test(ValueComparator.compare(x, y));
            }
        }
        return result;
    }
}
