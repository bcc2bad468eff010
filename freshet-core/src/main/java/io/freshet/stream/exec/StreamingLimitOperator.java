package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.state.KeyGroupState;
import java.nio.ByteBuffer;

/** Runs a {@link StreamingLimitExec}: passes rows through until the limit, keeping the count in state. */
final class StreamingLimitOperator implements BatchStream {
    private static final byte[] KEY = {0};

    private final StreamingLimitExec node;
    private final BatchStream input;
    private final KeyGroupState state;
    private final OperatorCounters counters;
    private long emitted;
    private boolean started;

    StreamingLimitOperator(StreamingLimitExec node, ExecContext context, MicroBatchRun run) {
        this.node = node;
        OperatorState operator = run.state(node.operatorId());
        int keyGroup = operator.keyGroupOf(StatefulAggregateOperator.hash(KEY));
        this.state = operator.store.group(keyGroup);
        this.counters = run.counters(node.operatorId());
        this.input = context.execute(node.input(), 0);
    }

    @Override
    public Batch next() {
        if (!started) {
            started = true;
            byte[] stored = state.get(KEY);
            emitted = stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
        }
        if (emitted >= node.limit()) {
            return null;
        }
        Batch batch = input.next();
        if (batch == null) {
            return null;
        }
        long room = node.limit() - emitted;
        if (batch.rowCount() > room) {
            batch = batch.slice(0, (int) room);
        }
        emitted += batch.rowCount();
        state.put(KEY, ByteBuffer.allocate(8).putLong(emitted).array());
        counters.rowsUpdated.incrementAndGet();
        return batch;
    }

    @Override
    public void close() {
        input.close();
    }
}
