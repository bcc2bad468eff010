package io.freshet.expr.aggregate;

import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Spark's ordering of internal values: numbers by value (NaN above every other double, -0.0 equal
 * to 0.0), strings by code point (the order of their UTF-8 bytes), false before true, arrays and
 * structs element by element with nulls first.
 */
final class ValueOrdering {
    private ValueOrdering() {}

    /** Compares two non-null values of {@code type}. */
    static int compare(DataType type, Object left, Object right) {
        return switch (type) {
            case BooleanType t -> Boolean.compare((Boolean) left, (Boolean) right);
            case IntType t -> Integer.compare((Integer) left, (Integer) right);
            case DateType t -> Integer.compare((Integer) left, (Integer) right);
            case BigintType t -> Long.compare((Long) left, (Long) right);
            case TimestampType t -> Long.compare((Long) left, (Long) right);
            case IntervalType t -> Long.compare((Long) left, (Long) right);
            case DoubleType t -> compareDoubles((Double) left, (Double) right);
            case DecimalType t -> ((BigDecimal) left).compareTo((BigDecimal) right);
            case StringType t -> compareStrings((String) left, (String) right);
            case NullType t -> 0;
            case ArrayType t -> compareLists(t.elementType(), (List<?>) left, (List<?>) right);
            case StructType t -> compareStructs(t, (StructValue) left, (StructValue) right);
        };
    }

    /** Compares doubles with NaN greater than everything (and equal to itself) and -0.0 equal to 0.0. */
    static int compareDoubles(double left, double right) {
        if (left < right) {
            return -1;
        }
        if (left > right) {
            return 1;
        }
        if (left == right) {
            return 0;
        }
        return Boolean.compare(Double.isNaN(left), Double.isNaN(right));
    }

    static int compareStrings(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < left.length(), j < right.length());
    }

    private static int compareLists(DataType elementType, List<?> left, List<?> right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int result = compareNullsFirst(elementType, left.get(i), right.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static int compareStructs(StructType type, StructValue left, StructValue right) {
        for (int i = 0; i < type.fields().size(); i++) {
            int result = compareNullsFirst(type.fields().get(i).type(), left.get(i), right.get(i));
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private static int compareNullsFirst(DataType type, Object left, Object right) {
        if (left == null || right == null) {
            return Boolean.compare(left != null, right != null);
        }
        return compare(type, left, right);
    }
}
