package io.freshet.plan.physical;

import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Literal rows in internal representation, as one partition. */
public record ValuesExec(Schema schema, List<List<Object>> rows) implements PhysicalNode {
    public ValuesExec {
        requireNonNull(schema, "schema is null");
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            // Rows may hold nulls, which List.copyOf refuses.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of();
    }

    @Override
    public int partitionCount() {
        return 1;
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }
}
