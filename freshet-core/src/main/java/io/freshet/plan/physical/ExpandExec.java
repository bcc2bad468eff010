package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** Emits, for each input batch, one batch per projection (grouping sets), partition by partition. */
public record ExpandExec(PhysicalNode input, List<List<Expr>> projections, Schema schema) implements PhysicalNode {
    public ExpandExec {
        requireNonNull(input, "input is null");
        projections = projections.stream().map(List::copyOf).toList();
        requireNonNull(schema, "schema is null");
        for (List<Expr> projection : projections) {
            checkArgument(projection.size() == schema.size(), "projection %s does not fit %s", projection, schema);
        }
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }

    @Override
    public int partitionCount() {
        return input.partitionCount();
    }
}
