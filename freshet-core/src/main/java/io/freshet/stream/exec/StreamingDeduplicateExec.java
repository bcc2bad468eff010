package io.freshet.stream.exec;

import io.freshet.plan.physical.ExtensionExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.types.Schema;
import java.util.Arrays;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Streaming {@code dropDuplicates}: emits a row only when its key columns were not seen before, and
 * remembers the key in state. With an event-time column among the keys, rows at or below the watermark
 * are late and dropped, and keys are forgotten once the watermark passes them. Within-watermark
 * deduplication remembers a key until the watermark passes its first row's event time plus the delay.
 *
 * @param eventTimeColumn the input's event-time column (-1: none), a key unless {@code withinWatermark}
 */
record StreamingDeduplicateExec(
        PhysicalNode input,
        int[] keyColumns,
        int operatorId,
        int eventTimeColumn,
        boolean withinWatermark,
        long delayMicros,
        int partitionCount)
        implements ExtensionExec {
    StreamingDeduplicateExec {
        requireNonNull(input, "input is null");
        keyColumns = keyColumns.clone();
        checkArgument(partitionCount >= 1, "partitionCount must be positive: %s", partitionCount);
    }

    @Override
    public int[] keyColumns() {
        return keyColumns.clone();
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }

    @Override
    public String details() {
        return "id=" + operatorId + " keys=" + Arrays.toString(keyColumns)
                + (withinWatermark ? " withinWatermark" : "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamingDeduplicateExec that
                && input.equals(that.input)
                && Arrays.equals(keyColumns, that.keyColumns)
                && operatorId == that.operatorId
                && eventTimeColumn == that.eventTimeColumn
                && withinWatermark == that.withinWatermark
                && delayMicros == that.delayMicros
                && partitionCount == that.partitionCount;
    }

    @Override
    public int hashCode() {
        return input.hashCode() * 31 + operatorId;
    }
}
