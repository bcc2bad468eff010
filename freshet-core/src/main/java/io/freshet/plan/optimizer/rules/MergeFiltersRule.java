package io.freshet.plan.optimizer.rules;

import io.freshet.plan.Exprs;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.optimizer.Rule;
import java.util.List;
import java.util.Optional;

/**
 * Merges two stacked filters into one.
 *
 * <pre>
 *   Filter b              =>   Filter (a AND b)
 *     Filter a                   input
 *       input
 * </pre>
 */
public final class MergeFiltersRule implements Rule {
    @Override
    public String name() {
        return "merge_filters";
    }

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan plan) {
        if (!(plan instanceof Filter outer) || !(outer.input() instanceof Filter inner)) {
            return Optional.empty();
        }
        if (!outer.condition().deterministic() || !inner.condition().deterministic()) {
            // rand() < 0.5 twice is not rand() < 0.5 AND rand() < 0.5 evaluated in another order
            return Optional.empty();
        }
        return Optional.of(new Filter(inner.input(), Exprs.conjunction(List.of(inner.condition(), outer.condition()))));
    }
}
