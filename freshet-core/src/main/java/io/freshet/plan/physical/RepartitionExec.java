package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Redistributes rows so that rows with equal {@code keys} land in the same output partition (by key
 * hash; nulls are equal). Without keys, all rows go to one partition. Reads all input partitions in
 * parallel and buffers their rows (a pipeline breaker).
 */
public record RepartitionExec(PhysicalNode input, List<Expr> keys, int partitionCount) implements PhysicalNode {
    public RepartitionExec {
        requireNonNull(input, "input is null");
        keys = List.copyOf(keys);
        checkArgument(partitionCount >= 1, "partitionCount must be positive: %s", partitionCount);
        checkArgument(!keys.isEmpty() || partitionCount == 1, "without keys, rows go to one partition");
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
