package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the first row of each distinct combination of the key columns ({@code dropDuplicates}).
 * In a stream with a watermark on the input, state for keys older than the watermark is dropped.
 *
 * @param withinWatermark {@code dropDuplicatesWithinWatermark}: in a stream, a key is remembered only
 *     until the watermark passes its first row's event time plus the watermark delay (the event-time
 *     column need not be a key); in a batch the same as plain deduplication
 */
public record Deduplicate(LogicalPlan input, int[] keyColumns, boolean withinWatermark) implements LogicalPlan {
    public Deduplicate {
        requireNonNull(input, "input is null");
        keyColumns = keyColumns.clone();
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
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Deduplicate(inputs.get(0), keyColumns, withinWatermark);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Deduplicate that
                && input.equals(that.input)
                && Arrays.equals(keyColumns, that.keyColumns)
                && withinWatermark == that.withinWatermark;
    }

    @Override
    public int hashCode() {
        return input.hashCode() * 31 + Arrays.hashCode(keyColumns);
    }
}
