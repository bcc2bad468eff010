package io.freshet.plan;

import io.freshet.data.BooleanVector;
import io.freshet.data.Vector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code x IN (subquery)} as a value, with SQL's null rules: true when the subquery holds x; otherwise
 * null when x is null (and the subquery has rows) or the subquery holds a null; otherwise false.
 * Arguments: x, the subquery's distinct non-null values (an array), its row count, its non-null count.
 */
record InSubqueryValue() implements ScalarFunction {
    @Override
    public String name() {
        return "in_subquery";
    }

    @Override
    public DataType returnType() {
        return BooleanType.BOOLEAN;
    }

    @Override
    public String format(List<String> args) {
        return "(" + args.get(0) + " IN (listquery()))";
    }

    @Override
    public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
        boolean[] values = new boolean[rowCount];
        long[] nulls = io.freshet.data.Bits.allocate(rowCount);
        Set<Object> set = null;
        for (int i = 0; i < rowCount; i++) {
            Object array = args[1].get(i);
            long total = args[2].isNull(i) ? 0 : ((Number) args[2].get(i)).longValue();
            long nonNull = args[3].isNull(i) ? 0 : ((Number) args[3].get(i)).longValue();
            if (total == 0) {
                continue; // x IN (empty) is false, even for a null x
            }
            Object x = args[0].get(i);
            if (set == null) {
                set = new HashSet<>(array == null ? List.of() : (List<?>) array);
            }
            if (x != null && set.contains(x)) {
                values[i] = true;
            } else if (x == null || nonNull < total) {
                io.freshet.data.Bits.set(nulls, i);
            }
        }
        return new BooleanVector(BooleanType.BOOLEAN, values, nulls, rowCount);
    }
}
