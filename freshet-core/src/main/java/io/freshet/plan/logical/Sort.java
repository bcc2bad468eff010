package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Orders the rows by the keys, the first key first. */
public record Sort(LogicalPlan input, List<SortKey> keys) implements LogicalPlan {
    public Sort {
        requireNonNull(input, "input is null");
        keys = List.copyOf(keys);
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
        return new Sort(inputs.get(0), keys);
    }
}
