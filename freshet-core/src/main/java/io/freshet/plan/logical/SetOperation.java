package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code INTERSECT} or {@code EXCEPT}, with ({@code all}) or without duplicates, of two inputs with the
 * same column types. Rows compare as in {@code DISTINCT}: nulls are equal to each other.
 */
public record SetOperation(LogicalPlan left, LogicalPlan right, Kind kind, boolean all) implements LogicalPlan {
    /** The set operation. */
    public enum Kind {
        INTERSECT,
        EXCEPT
    }

    public SetOperation {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(kind, "kind is null");
    }

    @Override
    public Schema schema() {
        return left.schema();
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new SetOperation(inputs.get(0), inputs.get(1), kind, all);
    }
}
