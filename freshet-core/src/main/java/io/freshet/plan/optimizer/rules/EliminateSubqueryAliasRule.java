package io.freshet.plan.optimizer.rules;

import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.SubqueryAlias;
import io.freshet.plan.optimizer.Rule;
import java.util.Optional;

/**
 * Removes aliases, which only matter for resolving names.
 *
 * <pre>
 *   Alias t          =>   input
 *     input
 * </pre>
 */
public final class EliminateSubqueryAliasRule implements Rule {
    @Override
    public String name() {
        return "eliminate_subquery_alias";
    }

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan plan) {
        if (plan instanceof SubqueryAlias alias) {
            return Optional.of(alias.input());
        }
        return Optional.empty();
    }
}
