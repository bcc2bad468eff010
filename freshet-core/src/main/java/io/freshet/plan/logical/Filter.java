package io.freshet.plan.logical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Keeps the rows for which the boolean {@code condition} is true (not false, not null). */
public record Filter(LogicalPlan input, Expr condition) implements LogicalPlan {
    public Filter {
        requireNonNull(input, "input is null");
        requireNonNull(condition, "condition is null");
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
        return new Filter(inputs.get(0), condition);
    }
}
