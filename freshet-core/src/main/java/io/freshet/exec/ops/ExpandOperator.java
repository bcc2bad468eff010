package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.plan.physical.ExpandExec;
import java.util.List;

/** Emits, for each input batch, one projected batch per projection (grouping sets). */
final class ExpandOperator implements BatchStream {
    private final BatchStream input;
    private final Evaluator[][] projections;
    private final ExecContext context;
    private Batch current;
    private int nextProjection;

    ExpandOperator(ExpandExec node, BatchStream input, ExecContext context) {
        this.input = input;
        List<List<Expr>> list = node.projections();
        this.projections = new Evaluator[list.size()][];
        for (int p = 0; p < projections.length; p++) {
            List<Expr> exprs = list.get(p);
            projections[p] = new Evaluator[exprs.size()];
            for (int i = 0; i < exprs.size(); i++) {
                projections[p][i] = Evaluator.compile(exprs.get(i));
            }
        }
        this.context = context;
    }

    @Override
    public Batch next() {
        if (projections.length == 0) {
            return null;
        }
        if (current == null || nextProjection == projections.length) {
            current = input.next();
            nextProjection = 0;
            if (current == null) {
                return null;
            }
        }
        return ProjectOperator.project(projections[nextProjection++], current, context);
    }

    @Override
    public void close() {
        input.close();
    }
}
