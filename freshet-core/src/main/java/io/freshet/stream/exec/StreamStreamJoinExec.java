package io.freshet.stream.exec;

import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.physical.ExtensionExec;
import io.freshet.plan.physical.JoinKind;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.types.Schema;
import java.util.List;
import java.util.function.Function;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A join of two streams on equality keys (a symmetric hash join): each micro-batch, the new rows of each
 * side are joined with the other side's state and new rows, then kept in state until the watermark shows
 * they can match no future row of the other side. Outer joins emit a row without a match, padded with
 * nulls, when it leaves the state; a left semi join emits a left row at its first match.
 *
 * @param operatorId the operator's stable id, naming its state in the checkpoint
 */
record StreamStreamJoinExec(
        PhysicalNode left,
        PhysicalNode right,
        JoinKind kind,
        StreamJoinConditions conditions,
        Schema schema,
        int operatorId,
        int partitionCount)
        implements ExtensionExec {
    StreamStreamJoinExec {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(conditions, "conditions is null");
        checkArgument(conditions.keys().hasKeys(), "a stream-stream join needs equality keys");
        checkArgument(kind != JoinKind.LEFT_ANTI, "left anti joins of two streams are not supported");
        requireNonNull(schema, "schema is null");
        checkArgument(partitionCount >= 1, "partitionCount must be positive: %s", partitionCount);
    }

    /** The join of two streams {@code join}, whose inputs are planned by {@code planChild}. */
    static StreamStreamJoinExec of(
            Join join, Function<LogicalPlan, PhysicalNode> planChild, int operatorId, int partitionCount) {
        JoinKind kind =
                switch (join.type()) {
                    case INNER, CROSS -> JoinKind.INNER;
                    case LEFT -> JoinKind.LEFT;
                    case RIGHT -> JoinKind.RIGHT;
                    case FULL -> JoinKind.FULL;
                    case LEFT_SEMI -> JoinKind.LEFT_SEMI;
                    case LEFT_ANTI -> JoinKind.LEFT_ANTI;
                };
        return new StreamStreamJoinExec(
                planChild.apply(join.left()),
                planChild.apply(join.right()),
                kind,
                StreamJoinConditions.of(join),
                join.schema(),
                operatorId,
                partitionCount);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(left, right);
    }

    @Override
    public String details() {
        return "id=" + operatorId + " " + kind + " keys=" + conditions.keys().leftKeys() + "="
                + conditions.keys().rightKeys()
                + (conditions.keys().residual() == null
                        ? ""
                        : " residual=" + conditions.keys().residual())
                + " leftState=" + evicted(conditions.leftBounds()) + " rightState="
                + evicted(conditions.rightBounds());
    }

    private static String evicted(List<StreamJoinConditions.JoinStateBound> bounds) {
        return bounds.isEmpty() ? "kept" : "evicted when " + bounds;
    }
}
