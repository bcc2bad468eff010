package io.freshet.expr.window;

import io.freshet.data.VectorBuilder;
import io.freshet.types.DataType;
import io.freshet.types.IntType;

/** {@code row_number()}: 1, 2, 3, … in the window's order, ties broken arbitrarily. */
public record RowNumberFunction() implements WindowFunction {
    @Override
    public String name() {
        return "row_number";
    }

    @Override
    public DataType resultType() {
        return IntType.INT;
    }

    @Override
    public boolean requiresOrder() {
        return true;
    }

    @Override
    public void evaluate(WindowPartition partition, VectorBuilder result) {
        for (int i = 0; i < partition.size(); i++) {
            result.appendInt(i + 1);
        }
    }
}
