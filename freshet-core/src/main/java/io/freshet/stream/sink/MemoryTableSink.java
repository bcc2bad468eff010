package io.freshet.stream.sink;

import io.freshet.connector.memory.MemoryTableSource;

import static java.util.Objects.requireNonNull;

/**
 * Appends a streaming query's output to an existing in-memory table ({@code CREATE TABLE … USING memory}).
 * Idempotent within the process: a batch id at or below the last one appended is skipped. Memory tables
 * do not survive the process, so neither does this guarantee.
 */
public final class MemoryTableSink implements StreamSink {
    private final MemoryTableSource table;
    private String lastQueryId;
    private long lastBatchId = -1;

    public MemoryTableSink(MemoryTableSource table) {
        this.table = requireNonNull(table, "table is null");
    }

    @Override
    public String describe() {
        return "MemoryTableSink[" + table.name() + "]";
    }

    @Override
    public synchronized void addBatch(SinkBatch batch) {
        if (batch.queryId().equals(lastQueryId) && batch.batchId() <= lastBatchId) {
            return;
        }
        table.appendAll(batch.batches());
        lastQueryId = batch.queryId();
        lastBatchId = batch.batchId();
    }
}
