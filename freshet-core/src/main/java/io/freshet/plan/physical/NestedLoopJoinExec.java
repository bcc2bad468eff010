package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Joins by testing {@code condition} (over the left then right columns; null for a cross join) on
 * every pair of rows. The {@code buildSide} is materialized once; the other side's partitions stream
 * through it in parallel, so the output has the probe side's partitions.
 */
public record NestedLoopJoinExec(
        PhysicalNode left, PhysicalNode right, JoinKind kind, Expr condition, BuildSide buildSide, Schema schema)
        implements PhysicalNode {
    public NestedLoopJoinExec {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(kind, "kind is null");
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
