package io.freshet.expr.window;

import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.types.DataType;

import static java.util.Objects.requireNonNull;

/**
 * {@code lag(input[, offset[, default]])} and {@code lead(…)}: the input of the row {@code offset} rows
 * before (lag) or after (lead) in the partition, else the default (argument 2, evaluated on the
 * current row) or null. With {@code IGNORE NULLS}, rows whose input is null are not counted.
 */
public record OffsetFunction(boolean lead, long offset, DataType resultType, boolean ignoreNulls)
        implements WindowFunction {
    public OffsetFunction {
        requireNonNull(resultType, "resultType is null");
    }

    @Override
    public String name() {
        return lead ? "lead" : "lag";
    }

    @Override
    public boolean requiresOrder() {
        return true;
    }

    @Override
    public void evaluate(WindowPartition partition, VectorBuilder result) {
        Vector input = partition.argument(0);
        Vector defaults = partition.argumentCount() > 2 ? partition.argument(2) : null;
        // lag(x, -n) is lead(x, n).
        long step = lead == (offset >= 0) ? 1 : -1;
        long distance = Math.abs(offset);
        for (int row = partition.start(); row < partition.end(); row++) {
            int target = target(partition, input, row, step, distance);
            if (target >= 0) {
                result.appendFrom(input, target);
            } else if (defaults != null) {
                result.append(defaults.get(row));
            } else {
                result.appendNull();
            }
        }
    }

    /** The row {@code distance} (counted) rows away in direction {@code step}, or -1 outside the partition. */
    private int target(WindowPartition partition, Vector input, int row, long step, long distance) {
        if (!ignoreNulls || distance == 0) {
            long target = row + step * distance;
            return target >= partition.start() && target < partition.end() ? (int) target : -1;
        }
        long remaining = distance;
        for (int at = row + (int) step; at >= partition.start() && at < partition.end(); at += (int) step) {
            if (!input.isNull(at) && --remaining == 0) {
                return at;
            }
        }
        return -1;
    }
}
