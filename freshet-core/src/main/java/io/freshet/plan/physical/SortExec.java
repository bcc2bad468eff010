package io.freshet.plan.physical;

import io.freshet.types.Schema;
import java.util.List;
import java.util.OptionalLong;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Sorts all input partitions into one ordered partition: each input partition is sorted in parallel,
 * then the sorted runs are merged. With {@code fetch}, only the first {@code fetch} rows are kept
 * (top-N: each partition keeps a bounded buffer instead of all its rows).
 */
public record SortExec(PhysicalNode input, List<SortExpr> keys, OptionalLong fetch) implements PhysicalNode {
    public SortExec {
        requireNonNull(input, "input is null");
        keys = List.copyOf(keys);
        requireNonNull(fetch, "fetch is null");
        checkArgument(fetch.orElse(0) >= 0, "fetch must be non-negative: %s", fetch);
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
