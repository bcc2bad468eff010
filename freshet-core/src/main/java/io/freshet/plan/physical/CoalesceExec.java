package io.freshet.plan.physical;

import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Concatenates its input's partitions into one, pulling them one after the other (lazily). */
public record CoalesceExec(PhysicalNode input) implements PhysicalNode {
    public CoalesceExec {
        requireNonNull(input, "input is null");
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }

    @Override
    public int partitionCount() {
        return 1;
    }
}
