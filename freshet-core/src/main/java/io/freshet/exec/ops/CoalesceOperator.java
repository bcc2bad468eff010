package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.plan.physical.CoalesceExec;

/** Pulls the partitions of its input one after the other, opening each only when the previous one ended. */
final class CoalesceOperator implements BatchStream {
    private final CoalesceExec node;
    private final ExecContext context;
    private BatchStream current;
    private int nextPartition;

    CoalesceOperator(CoalesceExec node, ExecContext context) {
        this.node = node;
        this.context = context;
    }

    @Override
    public Batch next() {
        while (true) {
            if (current == null) {
                if (nextPartition == node.input().partitionCount()) {
                    return null;
                }
                current = context.execute(node.input(), nextPartition++);
            }
            Batch batch = current.next();
            if (batch != null) {
                return batch;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        nextPartition = node.input().partitionCount();
    }
}
