package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.List;
import java.util.OptionalLong;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** Skips the first {@code skip} rows ({@code OFFSET}), then passes at most {@code fetch} rows ({@code LIMIT}). */
public record Limit(LogicalPlan input, long skip, OptionalLong fetch) implements LogicalPlan {
    public Limit {
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
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Limit(inputs.get(0), skip, fetch);
    }
}
