package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Keeps the rows for which {@code predicate} is true, partition by partition. */
public record FilterExec(PhysicalNode input, Expr predicate) implements PhysicalNode {
    public FilterExec {
        requireNonNull(input, "input is null");
        requireNonNull(predicate, "predicate is null");
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
    public int partitionCount() {
        return input.partitionCount();
    }
}
