package io.freshet;

import io.freshet.streaming.StreamingQuery;
import io.freshet.streaming.StreamingQueryListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** The streaming queries of a session ({@code session.streams()}), and the listeners of their events. */
public final class StreamingQueryManager {
    private final List<StreamingQuery> queries = new CopyOnWriteArrayList<>();
    private final List<StreamingQueryListener> listeners = new CopyOnWriteArrayList<>();
    private final Object terminations = new Object();

    StreamingQueryManager() {}

    /** The queries that are running. */
    public List<StreamingQuery> active() {
        List<StreamingQuery> running = new ArrayList<>();
        for (StreamingQuery query : queries) {
            if (query.isActive()) {
                running.add(query);
            }
        }
        return running;
    }

    /** The running query with this id (or run id). */
    public Optional<StreamingQuery> get(UUID id) {
        for (StreamingQuery query : active()) {
            if (query.id().equals(id) || query.runId().equals(id)) {
                return Optional.of(query);
            }
        }
        return Optional.empty();
    }

    public void addListener(StreamingQueryListener listener) {
        listeners.add(listener);
    }

    public void removeListener(StreamingQueryListener listener) {
        listeners.remove(listener);
    }

    /** Waits until any query of the session stops; throws its error if it failed. */
    public void awaitAnyTermination() throws InterruptedException {
        synchronized (terminations) {
            while (true) {
                for (StreamingQuery query : queries) {
                    if (!query.isActive()) {
                        query.awaitTermination();
                        queries.remove(query);
                        return;
                    }
                }
                terminations.wait(100);
            }
        }
    }

    /** Stops every running query. */
    public void stopAll() {
        for (StreamingQuery query : active()) {
            query.stop();
        }
    }

    List<StreamingQueryListener> listeners() {
        return List.copyOf(listeners);
    }

    /** Registers a query about to start; refuses a second running query on the same checkpoint. */
    synchronized void starting(StreamingQuery query) {
        for (StreamingQuery other : active()) {
            if (other.id().equals(query.id())) {
                throw new FreshetException(
                        ErrorCode.INVALID_OPTION,
                        "A query with id " + query.id() + " (the same checkpoint) is already running; stop it first");
            }
        }
        queries.removeIf(other -> !other.isActive());
        queries.add(query);
    }

    /** Called by listeners-of-termination to wake {@link #awaitAnyTermination}. */
    void terminated() {
        synchronized (terminations) {
            terminations.notifyAll();
        }
    }
}
