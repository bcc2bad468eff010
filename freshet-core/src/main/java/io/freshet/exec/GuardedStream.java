package io.freshet.exec;

import io.freshet.data.Batch;
import io.freshet.plan.physical.PhysicalNode;

/** Wraps an operator: stops between batches when the query is cancelled or failed, and wraps its errors once. */
final class GuardedStream implements BatchStream {
    private final BatchStream delegate;
    private final PhysicalNode node;
    private final int partition;
    private final ExecContext context;
    private boolean closed;

    GuardedStream(BatchStream delegate, PhysicalNode node, int partition, ExecContext context) {
        this.delegate = delegate;
        this.node = node;
        this.partition = partition;
        this.context = context;
    }

    @Override
    public Batch next() {
        try {
            context.checkActive();
            return delegate.next();
        } catch (RuntimeException e) {
            throw context.fail(e, node, partition);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            delegate.close();
        } catch (RuntimeException e) {
            throw context.fail(e, node, partition);
        }
    }
}
