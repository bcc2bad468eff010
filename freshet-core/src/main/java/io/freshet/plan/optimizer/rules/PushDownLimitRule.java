package io.freshet.plan.optimizer.rules;

import io.freshet.plan.logical.Limit;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.optimizer.Rule;
import java.util.Optional;

/**
 * Moves a limit below a projection, so that fewer rows are projected (and the limit can meet a sort
 * to become a top-N).
 *
 * <pre>
 *   Limit n             =>   Project e
 *     Project e                Limit n
 *       input                    input
 * </pre>
 */
public final class PushDownLimitRule implements Rule {
    @Override
    public String name() {
        return "push_down_limit";
    }

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan plan) {
        if (!(plan instanceof Limit limit) || !(limit.input() instanceof Project project)) {
            return Optional.empty();
        }
        if (!project.exprs().stream().allMatch(e -> e.deterministic())) {
            // A non-deterministic projection must see the same rows as before.
            return Optional.empty();
        }
        return Optional.of(
                new Project(new Limit(project.input(), limit.skip(), limit.fetch()), project.exprs(), project.names()));
    }
}
