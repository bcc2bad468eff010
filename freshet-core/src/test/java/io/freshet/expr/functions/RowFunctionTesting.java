package io.freshet.expr.functions;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.Vectors;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.types.DataType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Binds built-in functions through the registry and evaluates them over small vectors, for the function tests. */
final class RowFunctionTesting {
    private RowFunctionTesting() {}

    static final EvalContext UTC = new EvalContext(ZoneId.of("UTC"), 0L);

    static Expr lit(Object value, DataType type) {
        return new Literal(value, type);
    }

    static Expr col(int index, DataType type) {
        return new InputRef(index, type, "c" + index);
    }

    static Expr bind(String function, Expr... args) {
        return FunctionRegistry.builtins()
                .scalar(function)
                .orElseThrow(() -> new AssertionError("no function " + function))
                .bind(Arrays.asList(args));
    }

    static List<Object> evaluate(Expr expr, Batch batch, EvalContext context) {
        Vector result = Evaluator.compile(expr).evaluate(batch, context);
        List<Object> values = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
            values.add(result.get(i));
        }
        return values;
    }

    /** Evaluates a call whose arguments are all literals, on one row. */
    static Object evaluateOne(String function, Expr... args) {
        return evaluateOne(UTC, function, args);
    }

    static Object evaluateOne(EvalContext context, String function, Expr... args) {
        return evaluate(bind(function, args), Batch.empty(1), context).get(0);
    }

    /** Evaluates {@code function(column, moreArgs...)} where the column holds {@code values}. */
    static List<Object> evaluateColumn(String function, DataType type, List<?> values, Expr... moreArgs) {
        return evaluateColumn(UTC, function, type, values, moreArgs);
    }

    static List<Object> evaluateColumn(
            EvalContext context, String function, DataType type, List<?> values, Expr... moreArgs) {
        Vector column = Vectors.of(type, values);
        return evaluateVector(context, function, column, moreArgs);
    }

    /** Evaluates {@code function(vector, moreArgs...)}. */
    static List<Object> evaluateVector(EvalContext context, String function, Vector vector, Expr... moreArgs) {
        Expr[] args = new Expr[moreArgs.length + 1];
        args[0] = col(0, vector.type());
        System.arraycopy(moreArgs, 0, args, 1, moreArgs.length);
        return evaluate(bind(function, args), Batch.of(vector), context);
    }

    /** Evaluates {@code function(c0, c1, ...)} over columns given row by row. */
    static List<Object> evaluateRows(String function, List<DataType> types, Object[]... rows) {
        Vector[] columns = new Vector[types.size()];
        Expr[] args = new Expr[types.size()];
        for (int c = 0; c < types.size(); c++) {
            List<Object> values = new ArrayList<>();
            for (Object[] row : rows) {
                values.add(row[c]);
            }
            columns[c] = Vectors.of(types.get(c), values);
            args[c] = col(c, types.get(c));
        }
        return evaluate(bind(function, args), new Batch(columns, rows.length), UTC);
    }

    /** A list that may hold nulls (List.of may not). */
    static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }
}
