package io.freshet.exec;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.exec.ops.Operators;
import io.freshet.expr.EvalContext;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.PhysicalPlanPrinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Everything one run of a physical plan shares: the thread pool, the memory pool, the metrics, the
 * evaluation context, the cancellation flag and first failure, and the memoized shared stages of
 * pipeline breakers. One context per query run; thread-safe.
 */
public final class ExecContext implements AutoCloseable {
    /** The configuration key of the number of threads (and partitions) a query uses. */
    public static final String PARALLELISM_KEY = "freshet.parallelism";
    /** The default memory limit of a query: 2 GB, well under the default heap of a large machine. */
    public static final long DEFAULT_MEMORY_LIMIT_BYTES = 2L << 30;
    /** The default number of rows operators aim for in the batches they build. */
    public static final int DEFAULT_BATCH_SIZE = 8192;

    private final int parallelism;
    private final ForkJoinPool pool;
    private final boolean ownsPool;
    private final EvalContext evalContext;
    private final MemoryPool memory;
    private final QueryMetrics metrics = new QueryMetrics();
    private final int batchSize;
    private final ExtensionOperators extensions;
    private final Map<PhysicalNode, Map<String, Completion<?>>> stages = new IdentityHashMap<>();
    private final AtomicReference<QueryExecutionException> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    private ExecContext(Builder builder) {
        this.parallelism = builder.parallelism;
        this.evalContext = builder.evalContext == null ? EvalContext.utcNow() : builder.evalContext;
        this.memory = new MemoryPool(builder.memoryLimitBytes);
        this.batchSize = builder.batchSize;
        this.extensions = builder.extensions;
        if (builder.pool != null) {
            this.pool = builder.pool;
            this.ownsPool = false;
        } else {
            this.pool = new ForkJoinPool(parallelism, new WorkerFactory(), null, false);
            this.ownsPool = true;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int parallelism() {
        return parallelism;
    }

    public EvalContext evalContext() {
        return evalContext;
    }

    public MemoryPool memory() {
        return memory;
    }

    public QueryMetrics metrics() {
        return metrics;
    }

    /** The number of rows operators aim for in the batches they build (joins, expansions, sorts). */
    public int batchSize() {
        return batchSize;
    }

    /** Creates the operators of nodes planned outside the batch planner (the streaming engine's). */
    public ExtensionOperators extensions() {
        return extensions;
    }

    /** Asks the query to stop; running partitions notice between batches and fail with {@code CANCELLED}. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** The first error of the run, if one happened. */
    public QueryExecutionException failure() {
        return failure.get();
    }

    /**
     * Starts one partition of a node: a stream whose errors are wrapped once with the node and
     * partition, and which stops between batches once the query is cancelled or has failed.
     */
    public BatchStream execute(PhysicalNode node, int partition) {
        requireNonNull(node, "node is null");
        checkArgument(
                partition >= 0 && partition < node.partitionCount(),
                "partition %s out of %s",
                partition,
                node.partitionCount());
        try {
            return new GuardedStream(Operators.create(node, partition, this), node, partition, this);
        } catch (RuntimeException e) {
            throw fail(e, node, partition);
        }
    }

    /** Throws the query's first failure, or a cancellation, if there is one. */
    public void checkActive() {
        QueryExecutionException first = failure.get();
        if (first != null) {
            throw first;
        }
        if (cancelled) {
            throw fail(new FreshetException(ErrorCode.CANCELLED, "The query was cancelled"), null, -1);
        }
    }

    /**
     * Records an error of a partition and returns what to throw: the query's first failure, which is
     * this error wrapped once with the node and partition unless an earlier one won.
     */
    public RuntimeException fail(Throwable error, PhysicalNode node, int partition) {
        QueryExecutionException wrapped = findWrapped(error);
        if (wrapped == null) {
            String operator = node == null ? "query" : PhysicalPlanPrinter.describe(node);
            wrapped = QueryExecutionException.wrap(error, operator, partition);
        }
        failure.compareAndSet(null, wrapped);
        return failure.get();
    }

    private static QueryExecutionException findWrapped(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryExecutionException wrapped) {
                return wrapped;
            }
        }
        return null;
    }

    /**
     * The result of a stage shared by all partitions of a node (a hash table, sorted runs), computed
     * once by the first caller while the others wait (see {@link Completion} for why waiting never
     * runs other tasks).
     */
    @SuppressWarnings("unchecked")
    public <T> T stage(PhysicalNode node, String name, Supplier<T> computation) {
        Completion<T> completion;
        boolean owner = false;
        synchronized (stages) {
            Map<String, Completion<?>> byName = stages.computeIfAbsent(node, key -> new HashMap<>());
            completion = (Completion<T>) byName.get(name);
            if (completion == null) {
                completion = new Completion<>();
                byName.put(name, completion);
                owner = true;
            }
        }
        if (owner) {
            try {
                completion.complete(computation.get());
            } catch (RuntimeException e) {
                completion.fail(e);
            }
        }
        return completion.await();
    }

    /**
     * Runs {@code body} for {@code 0..count)} in parallel on the pool and returns the results in order.
     * Errors are wrapped with {@code node} and the index; the first one fails the query.
     */
    public <T> List<T> parallel(PhysicalNode node, int count, IntFunction<T> body) {
        List<Completion<T>> completions = new ArrayList<>(count);
        List<ForkJoinTask<?>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            Completion<T> completion = new Completion<>();
            completions.add(completion);
            tasks.add(ForkJoinTask.adapt(() -> {
                try {
                    completion.complete(guarded(node, index, body));
                } catch (RuntimeException e) {
                    completion.fail(e);
                }
            }));
        }
        boolean inPool = inThisPool();
        // Task 0 runs here; the others are offered to idle workers, and any not taken yet run here too.
        for (int i = count - 1; i >= 1; i--) {
            if (inPool) {
                tasks.get(i).fork();
            } else {
                pool.execute(tasks.get(i));
            }
        }
        if (count > 0) {
            tasks.get(0).invoke();
        }
        for (int i = 1; i < count; i++) {
            if (inPool && tasks.get(i).tryUnfork()) {
                tasks.get(i).invoke();
            }
        }
        List<T> results = new ArrayList<>(count);
        RuntimeException error = null;
        for (Completion<T> completion : completions) {
            try {
                results.add(completion.await());
            } catch (RuntimeException e) {
                error = error == null ? e : error;
            }
        }
        if (error != null) {
            QueryExecutionException first = failure.get();
            throw first != null ? first : error;
        }
        return results;
    }

    private <T> T guarded(PhysicalNode node, int index, IntFunction<T> body) {
        try {
            checkActive();
            return body.apply(index);
        } catch (RuntimeException e) {
            throw fail(e, node, index);
        }
    }

    private boolean inThisPool() {
        return ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool;
    }

    /** Runs {@code work} on this context's pool (directly when already on one of its threads) and waits. */
    public <T> T inPool(Supplier<T> work) {
        if (inThisPool()) {
            return work.get();
        }
        Completion<T> completion = new Completion<>();
        pool.execute(() -> {
            try {
                completion.complete(work.get());
            } catch (RuntimeException e) {
                completion.fail(e);
            }
        });
        return completion.await();
    }

    /** Ends the run: stops the clock and shuts down the pool if this context created it. Idempotent. */
    @Override
    public void close() {
        metrics.finish();
        if (ownsPool) {
            pool.shutdown();
        }
    }

    /** Configures a context; every setting has a default. */
    public static final class Builder {
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private long memoryLimitBytes = DEFAULT_MEMORY_LIMIT_BYTES;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private EvalContext evalContext;
        private ForkJoinPool pool;
        private ExtensionOperators extensions = ExtensionOperators.NONE;

        private Builder() {}

        /** Runs the plan's {@code ExtensionExec} nodes (the streaming engine's stateful operators). */
        public Builder extensions(ExtensionOperators extensions) {
            this.extensions = requireNonNull(extensions, "extensions is null");
            return this;
        }

        /** The number of worker threads of the context's own pool (default: available processors). */
        public Builder parallelism(int parallelism) {
            checkArgument(parallelism >= 1, "parallelism must be positive: %s", parallelism);
            this.parallelism = parallelism;
            return this;
        }

        /** The query's memory limit ({@code freshet.memory.limit-bytes}, default 2 GB). */
        public Builder memoryLimitBytes(long memoryLimitBytes) {
            checkArgument(memoryLimitBytes > 0, "memoryLimitBytes must be positive: %s", memoryLimitBytes);
            this.memoryLimitBytes = memoryLimitBytes;
            return this;
        }

        public Builder batchSize(int batchSize) {
            checkArgument(batchSize >= 1, "batchSize must be positive: %s", batchSize);
            this.batchSize = batchSize;
            return this;
        }

        public Builder evalContext(EvalContext evalContext) {
            this.evalContext = requireNonNull(evalContext, "evalContext is null");
            return this;
        }

        /** Runs on a pool owned by the caller (e.g. the session's) instead of a pool of its own. */
        public Builder pool(ForkJoinPool pool) {
            this.pool = requireNonNull(pool, "pool is null");
            return this;
        }

        public ExecContext build() {
            return new ExecContext(this);
        }
    }

    /** Names the worker threads so that thread dumps show which belong to query execution. */
    private static final class WorkerFactory implements ForkJoinPool.ForkJoinWorkerThreadFactory {
        private final AtomicInteger counter = new AtomicInteger();

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("freshet-exec-" + counter.incrementAndGet());
            return thread;
        }
    }
}
