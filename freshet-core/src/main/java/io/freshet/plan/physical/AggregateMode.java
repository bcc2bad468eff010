package io.freshet.plan.physical;

/** How a {@link HashAggregateExec} spreads its work over partitions. */
public enum AggregateMode {
    /**
     * Each input partition aggregates into its own partial table; output partition {@code p} then merges
     * the partial groups whose key hash falls into {@code p}.
     */
    TWO_PHASE,
    /**
     * The input is already hash-partitioned by the group keys (a {@link RepartitionExec}); each partition
     * aggregates on its own. Used for {@code DISTINCT} aggregates, which cannot be merged from partials.
     */
    SINGLE
}
