package io.freshet;

import io.freshet.data.Batch;
import io.freshet.exec.ExecContext;
import io.freshet.exec.QueryExecutor;
import io.freshet.expr.EvalContext;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.PlanPrinter;
import io.freshet.plan.optimizer.Rules;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.PhysicalPlanPrinter;
import io.freshet.plan.physical.PhysicalPlanner;
import io.freshet.plan.physical.PlannerOptions;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Runs a logical plan for a session: optimize, plan physically, execute in parallel. */
final class QueryExecution {
    private QueryExecution() {}

    static LogicalPlan optimize(LogicalPlan plan, EvalContext context) {
        return Rules.optimize(plan, context);
    }

    /** Runs the plan and returns its batches, in result order. */
    static List<Batch> collectBatches(Freshet session, LogicalPlan plan) {
        refuseStreaming(plan);
        EvalContext evalContext = session.newEvalContext();
        LogicalPlan optimized = optimize(plan, evalContext);
        RuntimeConfig config = session.conf();
        PhysicalNode physical = PhysicalPlanner.plan(optimized, new PlannerOptions(config.parallelism()));
        ExecContext context = ExecContext.builder()
                .parallelism(config.parallelism())
                .memoryLimitBytes(config.memoryLimitBytes())
                .evalContext(evalContext)
                .build();
        ProgressListener listener = session.progressListener();
        if (listener != null) {
            listener.queryStarted(() -> {
                var metrics = context.metrics();
                return new ProgressListener.Progress(
                        metrics.splitsRead(), metrics.splitsTotal(), metrics.bytesRead(), metrics.inputRows());
            });
        }
        try {
            return QueryExecutor.collect(physical, context);
        } finally {
            if (listener != null) {
                listener.queryFinished();
            }
        }
    }

    /** A streaming plan never ends, so it cannot give an immediate result. */
    static void refuseStreaming(LogicalPlan plan) {
        if (plan.isStreaming()) {
            throw new AnalysisException(
                    ErrorCode.UNSUPPORTED,
                    "Queries with streaming sources must be executed with writeStream().start() (in SQL: CREATE OR"
                            + " REFRESH STREAMING TABLE … AS SELECT … FROM STREAM …, or INSERT INTO … SELECT … FROM"
                            + " STREAM …); remove STREAM to read the table as a batch");
        }
    }

    static List<Row> collectRows(Freshet session, DataFrame frame) {
        Schema schema = frame.schema();
        List<Row> rows = new ArrayList<>();
        for (Batch batch : collectBatches(session, frame.logicalPlan())) {
            for (int i = 0; i < batch.rowCount(); i++) {
                rows.add(Row.fromInternal(schema, batch.row(i)));
            }
        }
        return rows;
    }

    static String explain(Freshet session, LogicalPlan plan, boolean extended) {
        EvalContext evalContext = session.newEvalContext();
        LogicalPlan optimized = optimize(plan, evalContext);
        PhysicalNode physical = PhysicalPlanner.plan(
                optimized, new PlannerOptions(session.conf().parallelism()));
        StringBuilder text = new StringBuilder();
        if (extended) {
            text.append("== Analyzed Logical Plan ==\n").append(PlanPrinter.print(plan));
            text.append("== Optimized Logical Plan ==\n").append(PlanPrinter.print(optimized));
        }
        text.append("== Physical Plan ==\n").append(PhysicalPlanPrinter.print(physical));
        return text.toString();
    }
}
