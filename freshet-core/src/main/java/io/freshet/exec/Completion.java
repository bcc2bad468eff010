package io.freshet.exec;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.util.concurrent.ForkJoinPool;

/**
 * The outcome of a piece of work other threads wait for. Waiting blocks through {@link
 * ForkJoinPool#managedBlock}, so the pool adds a spare thread instead of the waiting worker running
 * unrelated queued tasks (a helping {@code join} could run a task that waits for work suspended lower
 * on the same thread's stack, which never finishes).
 */
final class Completion<T> implements ForkJoinPool.ManagedBlocker {
    private volatile boolean done;
    private T value;
    private RuntimeException error;

    synchronized void complete(T result) {
        value = result;
        done = true;
        notifyAll();
    }

    synchronized void fail(RuntimeException failure) {
        error = failure;
        done = true;
        notifyAll();
    }

    @Override
    public boolean isReleasable() {
        return done;
    }

    @Override
    public synchronized boolean block() throws InterruptedException {
        while (!done) {
            wait();
        }
        return true;
    }

    /** Waits for the outcome: the value, or the very exception the work failed with. */
    T await() {
        if (!done) {
            try {
                ForkJoinPool.managedBlock(this);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FreshetException(ErrorCode.CANCELLED, "The query was interrupted", e);
            }
        }
        synchronized (this) {
            if (error != null) {
                throw error;
            }
            return value;
        }
    }
}
