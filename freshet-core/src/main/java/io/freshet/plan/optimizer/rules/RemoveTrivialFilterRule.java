package io.freshet.plan.optimizer.rules;

import io.freshet.expr.Literal;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Values;
import io.freshet.plan.optimizer.Rule;
import java.util.List;
import java.util.Optional;

/**
 * Removes a filter whose condition is a constant.
 *
 * <pre>
 *   Filter true      =>   input
 *   Filter false     =>   Values (no rows)
 * </pre>
 */
public final class RemoveTrivialFilterRule implements Rule {
    @Override
    public String name() {
        return "remove_trivial_filter";
    }

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan plan) {
        if (!(plan instanceof Filter filter) || !(filter.condition() instanceof Literal literal)) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(literal.value())) {
            return Optional.of(filter.input());
        }
        // false and null both keep no row
        return Optional.of(new Values(filter.schema(), List.of()));
    }
}
