package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Names its input ({@code (…) AS t}, a view, a table alias) so that columns can be qualified as {@code t.c}. */
public record SubqueryAlias(LogicalPlan input, String alias) implements LogicalPlan {
    public SubqueryAlias {
        requireNonNull(input, "input is null");
        requireNonNull(alias, "alias is null");
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
        return new SubqueryAlias(inputs.get(0), alias);
    }
}
