package io.freshet.plan.physical;

import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the first row (in input order) of each distinct combination of {@code keyColumns}, in each
 * partition; the input must be partitioned by those columns.
 */
public record DeduplicateExec(PhysicalNode input, List<Integer> keyColumns) implements PhysicalNode {
    public DeduplicateExec {
        requireNonNull(input, "input is null");
        keyColumns = List.copyOf(keyColumns);
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
        return input.partitionCount();
    }
}
