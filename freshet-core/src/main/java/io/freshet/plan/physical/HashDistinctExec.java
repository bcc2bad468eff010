package io.freshet.plan.physical;

import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Removes duplicate rows (nulls equal) in each partition, keeping first occurrences in input order; the
 * input must be partitioned by all columns (a {@link RepartitionExec}) for the result to be global.
 */
public record HashDistinctExec(PhysicalNode input) implements PhysicalNode {
    public HashDistinctExec {
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
        return input.partitionCount();
    }
}
