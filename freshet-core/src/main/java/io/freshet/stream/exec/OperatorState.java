package io.freshet.stream.exec;

import io.freshet.state.KeyGroups;
import io.freshet.state.StateStore;
import java.util.Arrays;

/**
 * The state of one stateful operator for the life of a streaming query: its store, and per key group
 * the smallest event time held (a lower bound), so that a micro-batch whose watermark is below it
 * need not scan the group for windows to emit or evict.
 */
final class OperatorState {
    private static final long UNKNOWN = Long.MIN_VALUE;

    final int operatorId;
    final StateStore store;
    private final long[] minEventTime;

    OperatorState(int operatorId, StateStore store) {
        this.operatorId = operatorId;
        this.store = store;
        this.minEventTime = new long[store.keyGroups()];
        Arrays.fill(minEventTime, UNKNOWN);
    }

    int keyGroupOf(long hash) {
        return KeyGroups.of(hash, store.keyGroups());
    }

    boolean owns(int keyGroup, int partition, int partitions) {
        return KeyGroups.partitionOf(keyGroup, store.keyGroups(), partitions) == partition;
    }

    /** Whether a key group may hold entries with event time at or below {@code watermark}. */
    boolean mayHoldUpTo(int keyGroup, long watermark) {
        long min = minEventTime[keyGroup];
        return min == UNKNOWN || min <= watermark;
    }

    /** Lowers the bound of a key group after an entry with this event time was written. */
    void wrote(int keyGroup, long eventTime) {
        long min = minEventTime[keyGroup];
        if (min != UNKNOWN && eventTime < min) {
            minEventTime[keyGroup] = eventTime;
        }
    }

    /** Sets the bound after a full scan of a key group found this smallest event time. */
    void scanned(int keyGroup, long smallestEventTime) {
        minEventTime[keyGroup] = smallestEventTime == Long.MAX_VALUE ? Long.MAX_VALUE : smallestEventTime;
    }
}
