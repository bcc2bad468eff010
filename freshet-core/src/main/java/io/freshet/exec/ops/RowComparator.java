package io.freshet.exec.ops;

import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
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
 * Compares rows by sort keys, as Spark orders values: numbers by value ({@code -0.0 = 0.0}, NaN above
 * every other double), strings by UTF-8 bytes, false before true, structs field by field and arrays
 * element by element (nested nulls first); each key ascending or descending, nulls first or last.
 */
final class RowComparator {
    private final ColumnOrder[] orders;
    private final boolean[] ascending;
    private final boolean[] nullsFirst;

    RowComparator(List<DataType> types, boolean[] ascending, boolean[] nullsFirst) {
        this.orders = new ColumnOrder[types.size()];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = ColumnOrder.forType(types.get(i));
        }
        this.ascending = ascending.clone();
        this.nullsFirst = nullsFirst.clone();
    }

    int keyCount() {
        return orders.length;
    }

    /** Compares row {@code i} of key columns {@code a} with row {@code j} of key columns {@code b}. */
    int compare(Vector[] a, int i, Vector[] b, int j) {
        for (int k = 0; k < orders.length; k++) {
            int result = compareKey(k, a[k], i, b[k], j);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    /** Compares one key of two rows, with its direction and null placement. */
    int compareKey(int k, Vector a, int i, Vector b, int j) {
        boolean aNull = a.isNull(i);
        boolean bNull = b.isNull(j);
        if (aNull || bNull) {
            if (aNull && bNull) {
                return 0;
            }
            return aNull == nullsFirst[k] ? -1 : 1;
        }
        int result = orders[k].compare(a, i, b, j);
        return ascending[k] ? result : -result;
    }

    /** The ascending order of non-null values of one column type. */
    abstract static sealed class ColumnOrder {
        abstract int compare(Vector a, int i, Vector b, int j);

        static ColumnOrder forType(DataType type) {
            return switch (type) {
                case BigintType t -> new LongOrder();
                case TimestampType t -> new LongOrder();
                case IntervalType t -> new LongOrder();
                case IntType t -> new IntOrder();
                case DateType t -> new IntOrder();
                case DoubleType t -> new DoubleOrder();
                case BooleanType t -> new BooleanOrder();
                case StringType t -> new StringOrder();
                case NullType t -> new ObjectOrder();
                case DecimalType t -> new ObjectOrder();
                case StructType t -> new ObjectOrder();
                case ArrayType t -> new ObjectOrder();
            };
        }
    }

    static final class LongOrder extends ColumnOrder {
        @Override
        int compare(Vector a, int i, Vector b, int j) {
            return Long.compare(((LongVector) a).values()[i], ((LongVector) b).values()[j]);
        }
    }

    static final class IntOrder extends ColumnOrder {
        @Override
        int compare(Vector a, int i, Vector b, int j) {
            return Integer.compare(((IntVector) a).values()[i], ((IntVector) b).values()[j]);
        }
    }

    static final class DoubleOrder extends ColumnOrder {
        @Override
        int compare(Vector a, int i, Vector b, int j) {
            return compareDoubles(((DoubleVector) a).values()[i], ((DoubleVector) b).values()[j]);
        }
    }

    static final class BooleanOrder extends ColumnOrder {
        @Override
        int compare(Vector a, int i, Vector b, int j) {
            return Boolean.compare(((BooleanVector) a).values()[i], ((BooleanVector) b).values()[j]);
        }
    }

    static final class StringOrder extends ColumnOrder {
        @Override
        int compare(Vector a, int i, Vector b, int j) {
            return ((StringVector) a).compareValues(i, (StringVector) b, j);
        }
    }

    static final class ObjectOrder extends ColumnOrder {
        @Override
        int compare(Vector a, int i, Vector b, int j) {
            return compareValues(a.get(i), b.get(j));
        }
    }

    static int compareDoubles(double x, double y) {
        return x == y ? 0 : Double.compare(x, y);
    }

    /** Compares two values in internal representation of one type; nulls first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return compareDoubles(x, y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return java.util.Arrays.compareUnsigned(
                    x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    y.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (a instanceof StructValue x && b instanceof StructValue y) {
            return compareLists(java.util.Arrays.asList(x.values()), java.util.Arrays.asList(y.values()));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return compareLists(x, y);
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int compareLists(List<?> a, List<?> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int result = compareValues(a.get(i), b.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
