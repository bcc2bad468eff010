package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the first row of each distinct combination of the key columns ({@code dropDuplicates}).
 * In a stream with a watermark on the input, state for keys older than the watermark is dropped.
 */
public record Deduplicate(LogicalPlan input, int[] keyColumns) implements LogicalPlan {
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
        return new Deduplicate(inputs.get(0), keyColumns);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Deduplicate that
                && input.equals(that.input)
                && Arrays.equals(keyColumns, that.keyColumns);
    }

    @Override
    public int hashCode() {
        return input.hashCode() * 31 + Arrays.hashCode(keyColumns);
    }
}
