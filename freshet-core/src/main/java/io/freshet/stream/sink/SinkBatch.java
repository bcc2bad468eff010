package io.freshet.stream.sink;

import io.freshet.data.Batch;
import io.freshet.streaming.OutputMode;
import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The output of one micro-batch for a sink: in append mode the new rows, in update mode the changed
 * rows, in complete mode the whole result table.
 */
public record SinkBatch(String queryId, long batchId, OutputMode mode, Schema schema, List<Batch> batches) {
    public SinkBatch {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(schema, "schema is null");
        batches = List.copyOf(batches);
    }

    public long rowCount() {
        long rows = 0;
        for (Batch batch : batches) {
            rows += batch.rowCount();
        }
        return rows;
    }
}
