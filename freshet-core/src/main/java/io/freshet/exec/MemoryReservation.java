package io.freshet.exec;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The bytes one operator holds in its query's {@link MemoryPool}. Owned by one thread; {@link #resize}
 * as the structure grows and {@link #close} when it is gone.
 */
public final class MemoryReservation implements AutoCloseable {
    private final MemoryPool pool;
    private final String operation;
    private final String hint;
    private long bytes;

    MemoryReservation(MemoryPool pool, String operation, String hint) {
        this.pool = pool;
        this.operation = requireNonNull(operation, "operation is null");
        this.hint = requireNonNull(hint, "hint is null");
    }

    String operation() {
        return operation;
    }

    String hint() {
        return hint;
    }

    public long bytes() {
        return bytes;
    }

    /** Sets the reservation to {@code totalBytes}, failing the query when the pool's limit would be passed. */
    public void resize(long totalBytes) {
        checkArgument(totalBytes >= 0, "totalBytes must be non-negative: %s", totalBytes);
        long delta = totalBytes - bytes;
        if (delta > 0) {
            pool.reserve(delta, this);
        } else if (delta < 0) {
            pool.release(-delta);
        }
        bytes = totalBytes;
    }

    /** Adds {@code delta} bytes to the reservation. */
    public void grow(long delta) {
        resize(bytes + delta);
    }

    @Override
    public void close() {
        resize(0);
    }
}
