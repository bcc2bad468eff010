package io.freshet.expr.aggregate;

import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.Vector;
import java.math.BigDecimal;

/** Reads numeric argument vectors as doubles, the way Spark's statistical aggregates cast their input. */
final class NumericInputs {
    private NumericInputs() {}

    /**
     * The first {@code rowCount} values as doubles: the backing array of a double vector, otherwise a
     * converted copy (one array per batch, never per row). Null positions hold arbitrary values.
     */
    static double[] toDoubles(Vector vector, int rowCount) {
        return switch (vector) {
            case DoubleVector v -> v.values();
            case LongVector v -> {
                double[] result = new double[rowCount];
                long[] values = v.values();
                for (int i = 0; i < rowCount; i++) {
                    result[i] = values[i];
                }
                yield result;
            }
            case IntVector v -> {
                double[] result = new double[rowCount];
                int[] values = v.values();
                for (int i = 0; i < rowCount; i++) {
                    result[i] = values[i];
                }
                yield result;
            }
            case ObjectVector v -> {
                double[] result = new double[rowCount];
                Object[] values = v.values();
                for (int i = 0; i < rowCount; i++) {
                    if (values[i] instanceof BigDecimal decimal) {
                        result[i] = decimal.doubleValue();
                    }
                }
                yield result;
            }
            default -> throw new IllegalArgumentException("not a numeric vector: " + vector);
        };
    }
}
