package io.freshet.expr.aggregate;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A mergeable quantile summary in the style of Greenwald and Khanna: sorted samples, each with
 * {@code g} (how many values it stands for) and {@code delta} (the uncertainty of its rank), so that
 * any quantile is answered with a rank error of about {@code relativeError * count}. New values wait
 * in an unsorted buffer and are inserted in sorted batches; a summary that never needed compressing
 * is exact.
 */
final class QuantileSummary {
    private static final int BUFFER_LIMIT = 8192;

    private final double relativeError;
    private double[] buffer = new double[8];
    private int bufferSize;
    private double[] values = new double[0];
    private long[] gs = new long[0];
    private long[] deltas = new long[0];
    private int sampleCount;
    private long count;

    QuantileSummary(double relativeError) {
        this.relativeError = relativeError;
    }

    long count() {
        return count;
    }

    int sampleCount() {
        flush();
        return sampleCount;
    }

    void add(double value) {
        if (bufferSize == buffer.length) {
            if (bufferSize >= BUFFER_LIMIT) {
                flush();
            } else {
                buffer = Arrays.copyOf(buffer, bufferSize * 2);
            }
        }
        buffer[bufferSize++] = value;
        count++;
    }

    /** Inserts the buffered values into the samples, then compresses. */
    private void flush() {
        if (bufferSize == 0) {
            return;
        }
        Arrays.sort(buffer, 0, bufferSize);
        int total = sampleCount + bufferSize;
        double[] newValues = new double[total];
        long[] newGs = new long[total];
        long[] newDeltas = new long[total];
        long seen = count - bufferSize;
        int i = 0;
        int out = 0;
        for (int j = 0; j < bufferSize; j++) {
            double value = buffer[j];
            while (i < sampleCount && values[i] <= value) {
                newValues[out] = values[i];
                newGs[out] = gs[i];
                newDeltas[out++] = deltas[i++];
            }
            boolean newMinimum = out == 0;
            boolean newMaximum = i == sampleCount && j == bufferSize - 1;
            newValues[out] = value;
            newGs[out] = 1;
            newDeltas[out++] = newMinimum || newMaximum ? 0 : (long) Math.floor(2 * relativeError * seen);
            seen++;
        }
        while (i < sampleCount) {
            newValues[out] = values[i];
            newGs[out] = gs[i];
            newDeltas[out++] = deltas[i++];
        }
        values = newValues;
        gs = newGs;
        deltas = newDeltas;
        sampleCount = total;
        bufferSize = 0;
        compress();
    }

    /**
     * Folds each sample into its right neighbour while the neighbour's rank band stays under {@code
     * 2 * relativeError * count}; the minimum and maximum samples are always kept.
     */
    private void compress() {
        long threshold = (long) Math.floor(2 * relativeError * count);
        if (sampleCount <= 2 || threshold <= 2) {
            return;
        }
        int write = sampleCount - 1;
        // Compact towards the end of the arrays, walking right to left; write is the current head.
        for (int i = sampleCount - 2; i >= 1; i--) {
            if (gs[i] + gs[write] + deltas[write] < threshold) {
                gs[write] += gs[i];
            } else {
                write--;
                values[write] = values[i];
                gs[write] = gs[i];
                deltas[write] = deltas[i];
            }
        }
        write--;
        values[write] = values[0];
        gs[write] = gs[0];
        deltas[write] = deltas[0];
        int kept = sampleCount - write;
        System.arraycopy(values, write, values, 0, kept);
        System.arraycopy(gs, write, gs, 0, kept);
        System.arraycopy(deltas, write, deltas, 0, kept);
        sampleCount = kept;
    }

    /**
     * Adds another summary's values (the other summary is flushed but otherwise unchanged).
     *
     * <p>Interleaving the two sample lists keeps every {@code g}, but a sample's rank among the other
     * summary's values is only known up to that summary's band around it: it lies between the
     * other's preceding sample's minimum rank and its following sample's maximum rank. So each sample
     * widens its {@code delta} by {@code g + delta - 1} of the next sample from the other summary
     * (nothing when there is none). Without that widening the bands understate the rank uncertainty,
     * compression folds samples it must keep, and answers drift past {@code relativeError * count}
     * after a few merges. With it, {@code g + delta} stays within about {@code 2 * relativeError *
     * count}, the same invariant a single summary keeps.
     */
    void merge(QuantileSummary other) {
        flush();
        other.flush();
        if (other.sampleCount == 0) {
            return;
        }
        int total = sampleCount + other.sampleCount;
        double[] newValues = new double[total];
        long[] newGs = new long[total];
        long[] newDeltas = new long[total];
        int i = 0;
        int j = 0;
        for (int out = 0; out < total; out++) {
            if (j >= other.sampleCount || (i < sampleCount && values[i] <= other.values[j])) {
                newValues[out] = values[i];
                newGs[out] = gs[i];
                newDeltas[out] = deltas[i++] + (j < other.sampleCount ? other.gs[j] + other.deltas[j] - 1 : 0);
            } else {
                newValues[out] = other.values[j];
                newGs[out] = other.gs[j];
                newDeltas[out] = other.deltas[j++] + (i < sampleCount ? gs[i] + deltas[i] - 1 : 0);
            }
        }
        values = newValues;
        gs = newGs;
        deltas = newDeltas;
        sampleCount = total;
        count += other.count;
        compress();
    }

    /**
     * The sample whose rank is closest to {@code ceil(quantile * count)} (at least 1), as Spark's
     * {@code percentile_approx} defines the answer; NaN for an empty summary.
     */
    double query(double quantile) {
        flush();
        if (sampleCount == 0) {
            return Double.NaN;
        }
        long rank = Math.min(count, Math.max(1, (long) Math.ceil(quantile * count)));
        long minRank = 0;
        long bestError = Long.MAX_VALUE;
        double best = values[0];
        for (int i = 0; i < sampleCount; i++) {
            minRank += gs[i];
            long maxRank = minRank + deltas[i];
            long error = Math.max(maxRank - rank, rank - minRank);
            if (error < bestError) {
                bestError = error;
                best = values[i];
            }
            if (minRank - rank > bestError) {
                break;
            }
        }
        return best;
    }

    long estimatedBytes() {
        return 8L * buffer.length + 24L * values.length + 48;
    }

    void write(DataOutput out) throws IOException {
        flush();
        out.writeLong(count);
        out.writeInt(sampleCount);
        for (int i = 0; i < sampleCount; i++) {
            out.writeDouble(values[i]);
            out.writeLong(gs[i]);
            out.writeLong(deltas[i]);
        }
    }

    static QuantileSummary read(double relativeError, DataInput in) throws IOException {
        QuantileSummary summary = new QuantileSummary(relativeError);
        summary.count = in.readLong();
        int samples = in.readInt();
        summary.values = new double[samples];
        summary.gs = new long[samples];
        summary.deltas = new long[samples];
        summary.sampleCount = samples;
        for (int i = 0; i < samples; i++) {
            summary.values[i] = in.readDouble();
            summary.gs[i] = in.readLong();
            summary.deltas[i] = in.readLong();
        }
        return summary;
    }
}
