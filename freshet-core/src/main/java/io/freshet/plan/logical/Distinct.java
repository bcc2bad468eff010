package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Removes duplicate rows; nulls compare equal to each other. */
public record Distinct(LogicalPlan input) implements LogicalPlan {
    public Distinct {
        requireNonNull(input, "input is null");
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
        return new Distinct(inputs.get(0));
    }
}
