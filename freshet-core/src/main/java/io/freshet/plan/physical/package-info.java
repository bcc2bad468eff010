/**
 * Physical plans: immutable {@code XxxExec} records that say how a query runs (which operators, how
 * many partitions, where rows are repartitioned), produced from logical plans by {@link
 * io.freshet.plan.physical.PhysicalPlanner} and run by {@code io.freshet.exec.QueryExecutor}. This
 * package holds data only; nothing here imports the executor.
 */
package io.freshet.plan.physical;
