/**
 * Parallel, columnar execution of bounded physical plans.
 *
 * <h2>Execution model</h2>
 *
 * <ul>
 *   <li>A physical plan ({@code io.freshet.plan.physical}) is a tree of immutable {@code XxxExec}
 *       records, each with a schema, a {@code boundedness()} and a partition count. Running partition
 *       {@code p} of a node ({@link io.freshet.exec.ExecContext#execute}) yields a {@link
 *       io.freshet.exec.BatchStream}: a pull iterator of {@link io.freshet.data.Batch}es, as DataFusion's
 *       {@code execute(partition)}. The streaming engine can run the same operators over the rows of one
 *       micro-batch (e.g. a {@code ValuesExec} or a memory table scan as the leaf).
 *   <li>Operators ({@code io.freshet.exec.ops}, one per file) are single-threaded per partition and hold
 *       no static mutable state. Scans spread their splits over partitions (contiguous ranges, so a
 *       plan's partitions concatenated keep the table's order); filter, project and expand run inside
 *       each partition.
 *   <li>Pipeline breakers (hash aggregate, hash join build, sort, repartition for distinct, set
 *       operations, window and deduplicate) compute a shared stage once per node ({@link
 *       io.freshet.exec.ExecContext#stage}, memoized) that reads all input partitions in parallel
 *       ({@link io.freshet.exec.ExecContext#parallel}: the calling thread runs the tasks no idle worker
 *       took). Other partitions wait for a stage with {@link
 *       java.util.concurrent.ForkJoinPool#managedBlock}, so the pool adds a spare thread rather than
 *       the waiting worker "helping" with an unrelated queued task: a helping {@code ForkJoinTask.join}
 *       can pick up a task that waits for a stage being computed lower on the same thread's stack, and
 *       then never returns. Stages only wait for stages below them in the plan tree, so the waits form
 *       no cycle and a pool of one thread finishes too. A physical node instance must appear once in a
 *       plan: stages are keyed by node identity.
 *   <li>All work runs on a {@link java.util.concurrent.ForkJoinPool} of {@code parallelism} threads
 *       (default: the available processors), the context's own or one the caller passes in.
 *   <li>Cancellation ({@link io.freshet.exec.ExecContext#cancel}) and the first failure are checked
 *       between batches; an error of any partition fails the query with that first error, wrapped once
 *       with the operator and partition ({@link io.freshet.exec.QueryExecutionException}).
 *   <li>Memory: hash tables, sorts and buffers reserve estimated bytes in the query's {@link
 *       io.freshet.exec.MemoryPool}; passing the limit ({@code freshet.memory.limit-bytes}) fails the
 *       query with {@code MEMORY_LIMIT_EXCEEDED}. Nothing spills.
 *   <li>Progress: {@link io.freshet.exec.QueryMetrics} counts splits, bytes and rows as the query runs.
 * </ul>
 *
 * <p>{@link io.freshet.exec.QueryExecutor} is the entry point: {@code collect} returns all batches in
 * partition order, {@code run} hands them to a consumer one thread at a time.
 */
package io.freshet.exec;
