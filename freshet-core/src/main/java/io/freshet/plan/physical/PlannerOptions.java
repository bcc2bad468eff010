package io.freshet.plan.physical;

import static io.freshet.util.Checks.checkArgument;

/**
 * What the physical planner needs to know about where the plan runs.
 *
 * @param parallelism the number of partitions to aim for (scans use at most one per split; hash stages
 *     use exactly this many)
 */
public record PlannerOptions(int parallelism) {
    public PlannerOptions {
        checkArgument(parallelism >= 1, "parallelism must be positive: %s", parallelism);
    }

    /** One partition per available processor. */
    public static PlannerOptions defaults() {
        return new PlannerOptions(Runtime.getRuntime().availableProcessors());
    }
}
