package io.freshet;

import java.util.function.Supplier;

/**
 * Observes the queries a session runs, for progress displays such as the command line's progress
 * line. Called on the thread that runs the query; {@code progress} may be polled from any thread.
 */
public interface ProgressListener {

    /** How far a running query got: splits (file ranges) read of all, bytes read, input rows read. */
    record Progress(long splitsRead, long splitsTotal, long bytesRead, long rowsRead) {}

    void queryStarted(Supplier<Progress> progress);

    void queryFinished();
}
