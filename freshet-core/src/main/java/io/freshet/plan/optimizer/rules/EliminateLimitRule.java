package io.freshet.plan.optimizer.rules;

import io.freshet.plan.logical.Limit;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Values;
import io.freshet.plan.optimizer.Rule;
import java.util.List;
import java.util.Optional;

/**
 * Removes a {@link Limit} that cannot change its input, and replaces {@code LIMIT 0} by no rows.
 *
 * <pre>
 *   Limit(skip=0, fetch=none)   =>   input
 *   Limit(fetch=0)              =>   Values (no rows)
 * </pre>
 */
public final class EliminateLimitRule implements Rule {
    @Override
    public String name() {
        return "eliminate_limit";
    }

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan plan) {
        if (!(plan instanceof Limit limit)) {
            return Optional.empty();
        }
        if (limit.fetch().isPresent() && limit.fetch().getAsLong() == 0) {
            return Optional.of(new Values(limit.schema(), List.of()));
        }
        if (limit.skip() != 0 || limit.fetch().isPresent()) {
            // A non-trivial LIMIT or OFFSET changes the result; keep it.
            return Optional.empty();
        }
        return Optional.of(limit.input());
    }
}
