package io.freshet.plan.logical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Emits, for each input row, one row per projection (all of the same schema). Grouping sets, ROLLUP
 * and CUBE become an Expand that nulls out the keys each set leaves out, plus a grouping id, under
 * an ordinary {@link Aggregate}.
 */
public record Expand(LogicalPlan input, List<List<Expr>> projections, Schema schema) implements LogicalPlan {
    public Expand {
        requireNonNull(input, "input is null");
        projections = projections.stream().map(List::copyOf).toList();
        requireNonNull(schema, "schema is null");
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Expand(inputs.get(0), projections, schema);
    }
}
