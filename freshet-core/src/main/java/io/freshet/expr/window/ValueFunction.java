package io.freshet.expr.window;

import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.types.DataType;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The functions that pick a row of the frame: {@code first_value}, {@code last_value} and {@code
 * nth_value(input, n)} (the n-th row, from 1). Null when the frame has no such row; with {@code IGNORE
 * NULLS}, only rows whose input is not null count.
 */
public record ValueFunction(Kind kind, long n, DataType resultType, boolean ignoreNulls) implements WindowFunction {
    /** Which row of the frame. */
    public enum Kind {
        FIRST_VALUE,
        LAST_VALUE,
        NTH_VALUE
    }

    public ValueFunction {
        requireNonNull(kind, "kind is null");
        requireNonNull(resultType, "resultType is null");
        checkArgument(n >= 1, "n must be positive: %s", n);
    }

    @Override
    public String name() {
        return switch (kind) {
            case FIRST_VALUE -> "first_value";
            case LAST_VALUE -> "last_value";
            case NTH_VALUE -> "nth_value";
        };
    }

    @Override
    public boolean requiresOrder() {
        return false;
    }

    @Override
    public boolean usesFrame() {
        return true;
    }

    @Override
    public void evaluate(WindowPartition partition, VectorBuilder result) {
        Vector input = partition.argument(0);
        for (int row = partition.start(); row < partition.end(); row++) {
            int picked = pick(input, partition.frameStart(row), partition.frameEnd(row));
            if (picked >= 0) {
                result.appendFrom(input, picked);
            } else {
                result.appendNull();
            }
        }
    }

    private int pick(Vector input, int from, int to) {
        if (from >= to) {
            return -1;
        }
        if (kind == Kind.LAST_VALUE) {
            for (int at = to - 1; at >= from; at--) {
                if (!ignoreNulls || !input.isNull(at)) {
                    return at;
                }
            }
            return -1;
        }
        long wanted = kind == Kind.FIRST_VALUE ? 1 : n;
        for (int at = from; at < to; at++) {
            if (!ignoreNulls || !input.isNull(at)) {
                if (--wanted == 0) {
                    return at;
                }
            }
        }
        return -1;
    }
}
