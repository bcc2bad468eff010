package io.freshet.plan.physical;

import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** {@code UNION ALL}: the partitions of the first input, then those of the second, and so on. */
public record UnionExec(List<PhysicalNode> inputs, Schema schema) implements PhysicalNode {
    public UnionExec {
        inputs = List.copyOf(inputs);
        checkArgument(!inputs.isEmpty(), "a union needs inputs");
        requireNonNull(schema, "schema is null");
    }

    @Override
    public int partitionCount() {
        int count = 0;
        for (PhysicalNode input : inputs) {
            count += input.partitionCount();
        }
        return count;
    }
}
