package io.freshet.stream.exec;

/** The event times one watermark node saw in a micro-batch: min, max and average, for the watermark and progress. */
final class EventTimeStats {
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private double sum;
    private long count;

    /** Adds what one partition saw. */
    synchronized void add(long partitionMin, long partitionMax, double partitionSum, long partitionCount) {
        if (partitionCount == 0) {
            return;
        }
        min = Math.min(min, partitionMin);
        max = Math.max(max, partitionMax);
        sum += partitionSum;
        count += partitionCount;
    }

    synchronized long count() {
        return count;
    }

    synchronized long min() {
        return min;
    }

    /** The largest event time seen, or {@code Long.MIN_VALUE} when none. */
    synchronized long max() {
        return max;
    }

    synchronized long average() {
        return count == 0 ? Long.MIN_VALUE : (long) (sum / count);
    }
}
