package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Appends one column per window function, all over the same {@code partitionBy} and {@code orderBy};
 * the input must be partitioned by {@code partitionBy} (a {@link RepartitionExec}). Each partition is
 * sorted by the partition then order keys, so the output rows come in that order.
 */
public record WindowExec(
        PhysicalNode input, List<Expr> partitionBy, List<SortExpr> orderBy, List<WindowExpr> functions, Schema schema)
        implements PhysicalNode {
    public WindowExec {
        requireNonNull(input, "input is null");
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        functions = List.copyOf(functions);
        requireNonNull(schema, "schema is null");
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
