package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Groups the input by {@code groupKeys} and computes {@code aggregates} per group; the output is the
 * keys then the aggregates. Without keys it yields exactly one row, even over empty input.
 */
public record HashAggregateExec(
        PhysicalNode input,
        List<Expr> groupKeys,
        List<AggregateExpr> aggregates,
        Schema schema,
        AggregateMode mode,
        int partitionCount)
        implements PhysicalNode {
    public HashAggregateExec {
        requireNonNull(input, "input is null");
        groupKeys = List.copyOf(groupKeys);
        aggregates = List.copyOf(aggregates);
        requireNonNull(schema, "schema is null");
        requireNonNull(mode, "mode is null");
        checkArgument(
                schema.size() == groupKeys.size() + aggregates.size(),
                "schema %s does not fit %s keys and %s aggregates",
                schema,
                groupKeys.size(),
                aggregates.size());
        checkArgument(partitionCount >= 1, "partitionCount must be positive: %s", partitionCount);
        checkArgument(!groupKeys.isEmpty() || partitionCount == 1, "a global aggregate has one partition");
        checkArgument(
                mode == AggregateMode.TWO_PHASE || partitionCount == input.partitionCount(),
                "a single-phase aggregate keeps its input's partitions");
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
