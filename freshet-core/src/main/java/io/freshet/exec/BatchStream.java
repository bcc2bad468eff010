package io.freshet.exec;

import io.freshet.data.Batch;

/**
 * The output of one partition of a running physical node: a pull iterator of batches, as DataFusion's
 * {@code execute(partition)}. Single-threaded: one thread at a time calls {@link #next()}.
 */
public interface BatchStream extends AutoCloseable {

    /** The next batch (never empty of columns when the schema has columns), or null at the end. */
    Batch next();

    /** Releases what the stream holds (memory reservations, input streams); idempotent. */
    @Override
    default void close() {}
}
