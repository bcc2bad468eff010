package io.freshet.exec;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static io.freshet.util.Checks.checkArgument;

/**
 * The memory budget of one query: operators reserve bytes as their hash tables, sorts and buffers
 * grow, and a reservation past the limit fails the query with {@code MEMORY_LIMIT_EXCEEDED} instead
 * of an {@link OutOfMemoryError}. Thread-safe. Estimates, not exact heap usage; nothing spills.
 */
public final class MemoryPool {
    /** The configuration key of the limit, named in the error message. */
    public static final String LIMIT_KEY = "freshet.memory.limit-bytes";

    private final long limitBytes;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public MemoryPool(long limitBytes) {
        checkArgument(limitBytes > 0, "limitBytes must be positive: %s", limitBytes);
        this.limitBytes = limitBytes;
    }

    /**
     * A new, empty reservation for one operator.
     *
     * @param operation what reserves, as the error message names it, e.g. {@code hash aggregate}
     * @param hint what else than raising the limit helps, e.g. {@code reduce the number of groups}
     */
    public MemoryReservation newReservation(String operation, String hint) {
        return new MemoryReservation(this, operation, hint);
    }

    void reserve(long bytes, MemoryReservation reservation) {
        while (true) {
            long current = reserved.get();
            long next = current + bytes;
            if (next > limitBytes) {
                throw new FreshetException(
                        ErrorCode.MEMORY_LIMIT_EXCEEDED,
                        String.format(
                                Locale.ROOT,
                                "Query exceeded its memory limit of %s in %s (%s requested while the query held %s);"
                                        + " raise %s or %s",
                                formatBytes(limitBytes),
                                reservation.operation(),
                                formatBytes(bytes),
                                formatBytes(current),
                                LIMIT_KEY,
                                reservation.hint()));
            }
            if (reserved.compareAndSet(current, next)) {
                peak.accumulateAndGet(next, Math::max);
                return;
            }
        }
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    public long limitBytes() {
        return limitBytes;
    }

    public long reservedBytes() {
        return reserved.get();
    }

    public long peakBytes() {
        return peak.get();
    }

    /** A size for people: {@code 512 bytes}, {@code 1.5 KB}, {@code 2.0 GB} (binary units). */
    public static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
