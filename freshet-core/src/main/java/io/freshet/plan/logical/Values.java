package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Literal rows ({@code VALUES …}); values are in internal representation and match the schema's types. */
public record Values(Schema schema, List<List<Object>> rows) implements LogicalPlan {
    public Values {
        requireNonNull(schema, "schema is null");
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            // Rows may hold nulls, which List.copyOf refuses.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** One row with no columns: the input of {@code SELECT 1}. */
    public static Values oneRow() {
        return new Values(new Schema(List.of()), List.of(List.of()));
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of();
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return this;
    }
}
