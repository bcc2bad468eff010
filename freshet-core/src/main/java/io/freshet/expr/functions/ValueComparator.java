package io.freshet.expr.functions;

import io.freshet.types.StructValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * Spark's ordering of non-null internal values of one type: numbers by value with NaN above every other
 * double and -0.0 equal to 0.0, strings by code point (the order of their UTF-8 bytes), false before
 * true, structs field by field and arrays element by element, nested nulls first.
 */
final class ValueComparator {
    private ValueComparator() {}

    static int compare(Object left, Object right) {
        return switch (left) {
            case Integer a -> Integer.compare(a, (Integer) right);
            case Long a -> Long.compare(a, (Long) right);
            case Double a -> compareDoubles(a, (Double) right);
            case BigDecimal a -> a.compareTo((BigDecimal) right);
            case String a -> compareStrings(a, (String) right);
            case Boolean a -> Boolean.compare(a, (Boolean) right);
            case StructValue a -> compareStructs(a, (StructValue) right);
            case List<?> a -> compareLists(a, (List<?>) right);
            default ->
                throw new IllegalArgumentException(
                        "not comparable: " + left.getClass().getSimpleName());
        };
    }

    static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0; // also -0.0 and 0.0
        }
        boolean aNaN = Double.isNaN(a);
        boolean bNaN = Double.isNaN(b);
        return aNaN == bNaN ? 0 : aNaN ? 1 : -1;
    }

    /** Compares by code point, which is the order of the strings' UTF-8 bytes. */
    static int compareStrings(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // UTF-16 order differs from code point order only where one side is a surrogate
                boolean xSurrogate = Character.isSurrogate(x);
                boolean ySurrogate = Character.isSurrogate(y);
                if (xSurrogate != ySurrogate) {
                    return xSurrogate ? 1 : -1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareStructs(StructValue a, StructValue b) {
        int length = Math.min(a.values().length, b.values().length);
        for (int i = 0; i < length; i++) {
            int result = compareNullable(a.get(i), b.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.values().length, b.values().length);
    }

    private static int compareLists(List<?> a, List<?> b) {
        int length = Math.min(a.size(), b.size());
        for (int i = 0; i < length; i++) {
            int result = compareNullable(a.get(i), b.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Nulls first; used inside structs and arrays, where two nulls are equal as in Spark. */
    static int compareNullable(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compare(a, b);
    }
}
