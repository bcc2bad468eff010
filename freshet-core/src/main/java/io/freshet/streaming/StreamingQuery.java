package io.freshet.streaming;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The handle of a running streaming query, as returned by {@code writeStream().start()}. */
public interface StreamingQuery {

    /** The query's id, stable across restarts from the same checkpoint. */
    UUID id();

    /** The id of this run, new at every start. */
    UUID runId();

    /** The name given with {@code queryName(…)}, or null. */
    String name();

    boolean isActive();

    StreamingQueryStatus status();

    /** The progress of the last micro-batch, or null before the first. */
    StreamingQueryProgress lastProgress();

    /** The progress of the recent micro-batches (up to {@code freshet.streaming.num-recent-progress}, 100), oldest first. */
    List<StreamingQueryProgress> recentProgress();

    /** Waits until the query stops; throws its {@link StreamingQueryException} if it failed. */
    void awaitTermination() throws InterruptedException;

    /** Waits up to {@code timeoutMillis}; returns whether the query stopped. Throws if it failed. */
    boolean awaitTermination(long timeoutMillis) throws InterruptedException;

    /**
     * Blocks until everything the sources held when this was called has been processed and committed
     * (for tests). Throws if the query fails meanwhile.
     */
    void processAllAvailable();

    /** Stops the query after the running micro-batch and waits for it; idempotent. */
    void stop();

    /** The error that stopped the query, if one did. */
    Optional<StreamingQueryException> exception();

    /** The logical and physical plans of the last micro-batch. */
    String explain();
}
