package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** Computes one output column per expression, partition by partition. */
public record ProjectExec(PhysicalNode input, List<Expr> exprs, Schema schema) implements PhysicalNode {
    public ProjectExec {
        requireNonNull(input, "input is null");
        exprs = List.copyOf(exprs);
        requireNonNull(schema, "schema is null");
        checkArgument(exprs.size() == schema.size(), "%s expressions for %s columns", exprs.size(), schema.size());
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
