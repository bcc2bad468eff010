package io.freshet.exec;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one query run for progress reporting; thread-safe, and readable while the query runs
 * (the CLI polls {@link #snapshot()} to draw a progress line).
 */
public final class QueryMetrics {
    private final AtomicLong splitsTotal = new AtomicLong();
    private final LongAdder splitsRead = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder inputRows = new LongAdder();
    private final LongAdder outputRows = new LongAdder();
    private final AtomicLong startNanos = new AtomicLong();
    private final AtomicLong endNanos = new AtomicLong();

    /** A point-in-time copy of the counters. */
    public record Snapshot(
            long splitsTotal, long splitsRead, long bytesRead, long inputRows, long outputRows, long elapsedNanos) {}

    public void start() {
        startNanos.compareAndSet(0, System.nanoTime());
    }

    public void finish() {
        endNanos.compareAndSet(0, System.nanoTime());
    }

    public void addSplitsTotal(long count) {
        splitsTotal.addAndGet(count);
    }

    /** Counts one split read and the bytes it covers ({@code Split.sizeInBytes()}). */
    public void splitRead(long bytes) {
        splitsRead.increment();
        bytesRead.add(bytes);
    }

    /** Counts rows read from sources (scans and literal rows). */
    public void addInputRows(long rows) {
        inputRows.add(rows);
    }

    /** Counts rows delivered to the caller. */
    public void addOutputRows(long rows) {
        outputRows.add(rows);
    }

    public long splitsTotal() {
        return splitsTotal.get();
    }

    public long splitsRead() {
        return splitsRead.sum();
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    public long inputRows() {
        return inputRows.sum();
    }

    public long outputRows() {
        return outputRows.sum();
    }

    /** Nanoseconds since the run started (until it finished, once it has); 0 before it starts. */
    public long elapsedNanos() {
        long start = startNanos.get();
        if (start == 0) {
            return 0;
        }
        long end = endNanos.get();
        return (end == 0 ? System.nanoTime() : end) - start;
    }

    public Snapshot snapshot() {
        return new Snapshot(splitsTotal(), splitsRead(), bytesRead(), inputRows(), outputRows(), elapsedNanos());
    }
}
