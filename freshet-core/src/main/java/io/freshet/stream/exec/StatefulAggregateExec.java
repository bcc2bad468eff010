package io.freshet.stream.exec;

import io.freshet.expr.Expr;
import io.freshet.expr.functions.TimeWindowFunctions;
import io.freshet.plan.physical.AggregateExpr;
import io.freshet.plan.physical.ExtensionExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A streaming aggregation: each micro-batch's rows are aggregated per group, merged into the groups'
 * state, and emitted as the output mode says (update: the changed groups; complete: all groups;
 * append: the groups the watermark has closed, which are then evicted).
 *
 * @param operatorId the operator's stable id, naming its state in the checkpoint
 * @param eventTimeKey the group key carrying event time (a timestamp or a window), or -1
 * @param eventTimeIsWindow whether that key is a window struct, whose end is its event time
 * @param tumblingWindow when the event-time key is {@code window(ts, size)} of a column, its parameters:
 *     the operator then groups by the window's start as a timestamp and builds the struct only for output
 */
record StatefulAggregateExec(
        PhysicalNode input,
        List<Expr> groupKeys,
        List<AggregateExpr> aggregates,
        Schema schema,
        int operatorId,
        int eventTimeKey,
        boolean eventTimeIsWindow,
        TimeWindowFunctions.WindowSpec tumblingWindow,
        int partitionCount)
        implements ExtensionExec {
    StatefulAggregateExec {
        requireNonNull(input, "input is null");
        groupKeys = List.copyOf(groupKeys);
        aggregates = List.copyOf(aggregates);
        requireNonNull(schema, "schema is null");
        checkArgument(partitionCount >= 1, "partitionCount must be positive: %s", partitionCount);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }

    @Override
    public String details() {
        return "id=" + operatorId + " keys=" + groupKeys.size() + " aggregates=" + aggregates;
    }
}
