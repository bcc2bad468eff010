package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.plan.physical.ProjectExec;
import java.util.List;

/** Computes the output columns of each batch; column references pass vectors through without a copy. */
final class ProjectOperator implements BatchStream {
    private final BatchStream input;
    private final Evaluator[] exprs;
    private final ExecContext context;

    ProjectOperator(ProjectExec node, BatchStream input, ExecContext context) {
        this.input = input;
        List<Expr> list = node.exprs();
        this.exprs = new Evaluator[list.size()];
        for (int i = 0; i < exprs.length; i++) {
            exprs[i] = Evaluator.compile(list.get(i));
        }
        this.context = context;
    }

    @Override
    public Batch next() {
        Batch batch = input.next();
        if (batch == null) {
            return null;
        }
        return project(exprs, batch, context);
    }

    static Batch project(Evaluator[] exprs, Batch batch, ExecContext context) {
        Vector[] columns = new Vector[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            columns[i] = exprs[i].evaluate(batch, context.evalContext());
        }
        return new Batch(columns, batch.rowCount());
    }

    @Override
    public void close() {
        input.close();
    }
}
