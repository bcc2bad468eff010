package io.freshet.stream.exec;

import io.freshet.expr.Expr;
import io.freshet.plan.physical.AggregateExpr;
import io.freshet.plan.physical.ExtensionExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A streaming aggregation grouped by other keys and a {@code session_window(time, gap)}: each
 * micro-batch's rows are aggregated per (keys, row session), merged with the open sessions of their
 * keys in state (a row that bridges two sessions merges them), and emitted as the output mode says
 * (append: the sessions the watermark has closed, which are then evicted; complete: all sessions).
 *
 * @param keys the grouping keys other than the session
 * @param sessionKey where the session column goes among the output's key columns
 * @param time the session's event time, a timestamp
 * @param gap the session gap, an interval (constant or per row)
 * @param operatorId the operator's stable id, naming its state in the checkpoint
 * @param eventTime whether {@code time} carries a watermark: then late rows are dropped and append mode
 *     emits and evicts closed sessions
 */
record StreamingSessionAggregateExec(
        PhysicalNode input,
        List<Expr> keys,
        int sessionKey,
        Expr time,
        Expr gap,
        List<AggregateExpr> aggregates,
        Schema schema,
        int operatorId,
        boolean eventTime,
        int partitionCount)
        implements ExtensionExec {
    StreamingSessionAggregateExec {
        requireNonNull(input, "input is null");
        keys = List.copyOf(keys);
        checkArgument(sessionKey >= 0 && sessionKey <= keys.size(), "sessionKey out of range: %s", sessionKey);
        requireNonNull(time, "time is null");
        requireNonNull(gap, "gap is null");
        aggregates = List.copyOf(aggregates);
        requireNonNull(schema, "schema is null");
        checkArgument(
                schema.size() == keys.size() + 1 + aggregates.size(),
                "schema %s does not fit %s keys, the session and %s aggregates",
                schema,
                keys.size(),
                aggregates.size());
        checkArgument(partitionCount >= 1, "partitionCount must be positive: %s", partitionCount);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }

    @Override
    public String details() {
        return "id=" + operatorId + " keys=" + keys.size() + " session=" + sessionKey + " aggregates=" + aggregates;
    }
}
