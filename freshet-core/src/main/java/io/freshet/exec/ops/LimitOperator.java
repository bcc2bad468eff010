package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.exec.BatchStream;
import io.freshet.plan.physical.LimitExec;

/** Skips the first {@code skip} rows, then passes at most {@code fetch}; stops pulling once it has them. */
final class LimitOperator implements BatchStream {
    private final BatchStream input;
    private long toSkip;
    private long remaining;

    LimitOperator(LimitExec node, BatchStream input) {
        this.input = input;
        this.toSkip = node.skip();
        this.remaining = node.fetch().orElse(Long.MAX_VALUE);
    }

    @Override
    public Batch next() {
        while (remaining > 0) {
            Batch batch = input.next();
            if (batch == null) {
                break;
            }
            int rowCount = batch.rowCount();
            if (toSkip >= rowCount) {
                toSkip -= rowCount;
                continue;
            }
            int offset = (int) toSkip;
            toSkip = 0;
            int take = (int) Math.min(rowCount - offset, remaining);
            remaining -= take;
            return batch.slice(offset, take);
        }
        // Done early: let the input release what it holds.
        input.close();
        return null;
    }

    @Override
    public void close() {
        input.close();
    }
}
