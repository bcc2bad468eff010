package io.freshet.plan.physical;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * What the physical planner needs to know about where the plan runs.
 *
 * @param parallelism the number of partitions to aim for (scans use at most one per split; hash stages
 *     use exactly this many)
 * @param strategy plans the nodes it knows before the batch planner does (streaming state)
 */
public record PlannerOptions(int parallelism, PlannerStrategy strategy) {
    public PlannerOptions {
        checkArgument(parallelism >= 1, "parallelism must be positive: %s", parallelism);
        requireNonNull(strategy, "strategy is null");
    }

    public PlannerOptions(int parallelism) {
        this(parallelism, PlannerStrategy.NONE);
    }

    public PlannerOptions withStrategy(PlannerStrategy strategy) {
        return new PlannerOptions(parallelism, strategy);
    }

    /** One partition per available processor. */
    public static PlannerOptions defaults() {
        return new PlannerOptions(Runtime.getRuntime().availableProcessors());
    }
}
