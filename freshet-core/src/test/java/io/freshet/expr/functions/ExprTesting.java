package io.freshet.expr.functions;

import io.freshet.data.Batch;
import io.freshet.data.StringVector;
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

/** Builds, binds and evaluates expressions over small vectors for the function tests. */
final class ExprTesting {
    private ExprTesting() {}

    static final EvalContext UTC = new EvalContext(ZoneId.of("UTC"), 0L);

    static Expr col(int index, DataType type) {
        return new InputRef(index, type, "c" + index);
    }

    static Expr lit(Object value, DataType type) {
        return new Literal(value, type);
    }

    static Expr call(String name, Expr... args) {
        return FunctionRegistry.builtins()
                .scalar(name)
                .orElseThrow(() -> new AssertionError("no function " + name))
                .bind(List.of(args));
    }

    static Vector vector(DataType type, Object... values) {
        return Vectors.of(type, Arrays.asList(values));
    }

    /** A dictionary-encoded string vector; null values become null rows. */
    static StringVector dictionary(String... values) {
        List<String> entries = new ArrayList<>();
        int[] ids = new int[values.length];
        long[] nulls = io.freshet.data.Bits.allocate(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                io.freshet.data.Bits.set(nulls, i);
                continue;
            }
            int id = entries.indexOf(values[i]);
            if (id < 0) {
                id = entries.size();
                entries.add(values[i]);
            }
            ids[i] = id;
        }
        StringVector dictionary = StringVector.of(entries.toArray(new String[0]));
        return StringVector.dictionary(dictionary, ids, nulls, values.length);
    }

    static Vector eval(Expr expr, Vector... columns) {
        Batch batch = columns.length == 0 ? Batch.empty(1) : Batch.of(columns);
        return Evaluator.compile(expr).evaluate(batch, UTC);
    }

    static Vector eval(Expr expr, EvalContext context, Vector... columns) {
        Batch batch = columns.length == 0 ? Batch.empty(1) : Batch.of(columns);
        return Evaluator.compile(expr).evaluate(batch, context);
    }

    static List<Object> values(Vector vector) {
        List<Object> values = new ArrayList<>(vector.size());
        for (int i = 0; i < vector.size(); i++) {
            values.add(vector.get(i));
        }
        return values;
    }

    /** The values of evaluating {@code expr} over the columns. */
    static List<Object> evalValues(Expr expr, Vector... columns) {
        return values(eval(expr, columns));
    }

    /** The single value of a constant expression evaluated on one row. */
    static Object evalConstant(Expr expr) {
        return eval(expr).get(0);
    }
}
