package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Joins on equal keys: {@code leftKeys[i]} (over the left columns) equals {@code rightKeys[i]} (over the
 * right columns); a null key never matches. {@code residual} (over the left then right columns, null
 * for none) filters the candidate pairs. The {@code buildSide} is materialized once and indexed; the
 * other side's partitions probe it in parallel, so the output has the probe side's partitions.
 */
public record HashJoinExec(
        PhysicalNode left,
        PhysicalNode right,
        JoinKind kind,
        List<Expr> leftKeys,
        List<Expr> rightKeys,
        Expr residual,
        BuildSide buildSide,
        Schema schema)
        implements PhysicalNode {
    public HashJoinExec {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(kind, "kind is null");
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
        checkArgument(
                !leftKeys.isEmpty() && leftKeys.size() == rightKeys.size(),
                "need as many left keys as right keys, at least one: %s, %s",
                leftKeys,
                rightKeys);
        requireNonNull(buildSide, "buildSide is null");
        requireNonNull(schema, "schema is null");
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(left, right);
    }

    @Override
    public int partitionCount() {
        return (buildSide == BuildSide.RIGHT ? left : right).partitionCount();
    }
}
