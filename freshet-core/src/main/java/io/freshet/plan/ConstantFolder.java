package io.freshet.plan;

import io.freshet.data.Batch;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;

/** Evaluates expressions that read no column (literals, casts of literals, constant calls). */
public final class ConstantFolder {
    private ConstantFolder() {}

    /** The value of a column-free expression, in internal representation. */
    public static Object evaluate(Expr expr) {
        return evaluate(expr, EvalContext.utcNow());
    }

    public static Object evaluate(Expr expr, EvalContext context) {
        return Evaluator.compile(expr).evaluate(Batch.empty(1), context).get(0);
    }
}
