package io.freshet.stream.sink;

import io.freshet.streaming.OutputMode;

/**
 * Where a streaming query's output goes. Exactly-once rests on idempotence: after a failure the engine
 * calls {@link #addBatch} again with the same batch id and the same rows, and the sink must then end up
 * as if it had been called once (skip a batch it already holds, or replace it).
 */
public interface StreamSink extends AutoCloseable {

    /** A short description for progress, e.g. {@code FileSink[/out, csv]}. */
    String describe();

    /**
     * Checks, when a query starts, that this sink accepts output in {@code mode}; by default every mode.
     *
     * @throws io.freshet.AnalysisException with {@code UNSUPPORTED_OUTPUT_MODE} when it does not
     */
    default void checkOutputMode(OutputMode mode) {}

    /** Writes one micro-batch's output durably before returning. */
    void addBatch(SinkBatch batch);

    @Override
    default void close() {}
}
