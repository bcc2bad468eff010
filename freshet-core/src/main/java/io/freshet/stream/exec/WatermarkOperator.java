package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.LongVector;
import io.freshet.exec.BatchStream;

/** Runs a {@link WatermarkExec}: batches pass unchanged; their event times go into the batch's stats. */
final class WatermarkOperator implements BatchStream {
    /** Event times kept per partition and batch for latency percentiles: every 16th row, up to this many. */
    private static final int SAMPLE_SIZE = 1024;

    private final BatchStream input;
    private final int column;
    private final EventTimeStats stats;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private double sum;
    private long count;
    private final long[] sample = new long[SAMPLE_SIZE];
    private int sampled;
    private boolean reported;

    WatermarkOperator(WatermarkExec node, BatchStream input, EventTimeStats stats) {
        this.input = input;
        this.column = node.eventTimeColumn();
        this.stats = stats;
    }

    @Override
    public Batch next() {
        Batch batch = input.next();
        if (batch == null) {
            report();
            return null;
        }
        LongVector times = (LongVector) batch.column(column);
        int rows = batch.rowCount();
        for (int i = 0; i < rows; i++) {
            if (!times.isNull(i)) {
                long time = times.getLong(i);
                min = Math.min(min, time);
                max = Math.max(max, time);
                sum += time;
                if ((count & 15) == 0 && sampled < SAMPLE_SIZE) {
                    sample[sampled++] = time;
                }
                count++;
            }
        }
        return batch;
    }

    private void report() {
        if (!reported) {
            reported = true;
            stats.add(min, max, sum, count, sample, sampled);
        }
    }

    @Override
    public void close() {
        report();
        input.close();
    }
}
