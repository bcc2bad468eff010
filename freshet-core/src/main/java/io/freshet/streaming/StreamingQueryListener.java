package io.freshet.streaming;

import java.util.UUID;

/**
 * Receives the lifecycle events of a session's streaming queries. Called on the query's own thread:
 * keep the methods quick.
 */
public interface StreamingQueryListener {

    /** A query started (or restarted from its checkpoint). */
    record QueryStartedEvent(UUID id, UUID runId, String name, String timestamp) {}

    /** A micro-batch finished. */
    record QueryProgressEvent(StreamingQueryProgress progress) {}

    /** The query checked its sources and found nothing to do. */
    record QueryIdleEvent(UUID id, UUID runId, String timestamp) {}

    /** A query stopped; {@code exception} is null when it stopped without an error. */
    record QueryTerminatedEvent(UUID id, UUID runId, StreamingQueryException exception) {}

    default void onQueryStarted(QueryStartedEvent event) {}

    default void onQueryProgress(QueryProgressEvent event) {}

    default void onQueryIdle(QueryIdleEvent event) {}

    default void onQueryTerminated(QueryTerminatedEvent event) {}
}
