package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Declares {@code eventTimeColumn} of the input as event time with a watermark {@code delayMicros}
 * behind the largest value seen. A no-op for batch queries.
 */
public record WatermarkAssign(LogicalPlan input, int eventTimeColumn, long delayMicros) implements LogicalPlan {
    public WatermarkAssign {
        requireNonNull(input, "input is null");
        checkArgument(delayMicros >= 0, "delay must be non-negative: %s", delayMicros);
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
        return new WatermarkAssign(inputs.get(0), eventTimeColumn, delayMicros);
    }
}
