package io.freshet.stream.exec;

/** The event times one watermark node saw in a micro-batch: min, max and average, for the watermark and progress. */
final class EventTimeStats {
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private double sum;
    private long count;

    private long[] samples = new long[0];
    private int sampleCount;

    /** Adds what one partition saw, with a sample of its event times (for latency percentiles). */
    synchronized void add(
            long partitionMin,
            long partitionMax,
            double partitionSum,
            long partitionCount,
            long[] sample,
            int sampled) {
        if (partitionCount == 0) {
            return;
        }
        if (sampleCount + sampled > samples.length) {
            samples = java.util.Arrays.copyOf(samples, Math.max(2 * samples.length, sampleCount + sampled));
        }
        System.arraycopy(sample, 0, samples, sampleCount, sampled);
        sampleCount += sampled;
        min = Math.min(min, partitionMin);
        max = Math.max(max, partitionMax);
        sum += partitionSum;
        count += partitionCount;
    }

    /** The sampled event times, in no order. */
    synchronized long[] samples() {
        return java.util.Arrays.copyOf(samples, sampleCount);
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
