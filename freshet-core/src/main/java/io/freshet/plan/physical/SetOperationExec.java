package io.freshet.plan.physical;

import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * {@code INTERSECT} or {@code EXCEPT} (with {@code all}: counting duplicates) of two inputs partitioned
 * alike by all columns: partition {@code p} combines partition {@code p} of both. Nulls are equal.
 */
public record SetOperationExec(PhysicalNode left, PhysicalNode right, Kind kind, boolean all) implements PhysicalNode {
    /** The set operation. */
    public enum Kind {
        INTERSECT,
        EXCEPT
    }

    public SetOperationExec {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(kind, "kind is null");
        checkArgument(
                left.partitionCount() == right.partitionCount(),
                "inputs must have the same partitions: %s and %s",
                left.partitionCount(),
                right.partitionCount());
    }

    @Override
    public Schema schema() {
        return left.schema();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(left, right);
    }

    @Override
    public int partitionCount() {
        return left.partitionCount();
    }
}
