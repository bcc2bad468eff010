package io.freshet.stream.exec;

import java.util.concurrent.atomic.AtomicLong;

/** What one stateful operator did in a micro-batch, counted by all its partitions. */
final class OperatorCounters {
    final AtomicLong rowsDroppedByWatermark = new AtomicLong();
    final AtomicLong rowsUpdated = new AtomicLong();
    final AtomicLong rowsRemoved = new AtomicLong();
    final AtomicLong rowsOutput = new AtomicLong();
}
