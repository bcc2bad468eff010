package io.freshet.plan.physical;

import io.freshet.types.Schema;
import java.util.List;
import java.util.OptionalLong;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Skips {@code skip} rows then passes at most {@code fetch} rows, in each partition on its own (a
 * global limit runs over a single partition, e.g. a {@link CoalesceExec}); stops pulling its input
 * once the limit is reached.
 */
public record LimitExec(PhysicalNode input, long skip, OptionalLong fetch) implements PhysicalNode {
    public LimitExec {
        requireNonNull(input, "input is null");
        checkArgument(skip >= 0, "skip must be non-negative: %s", skip);
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
        return input.partitionCount();
    }
}
