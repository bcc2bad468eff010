package io.freshet.plan.logical;

import io.freshet.expr.Expr;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Groups the input by {@code groupKeys} and computes {@code aggregates} per group. The output is the
 * keys, then the aggregates, named by {@code names}. With no keys, it yields exactly one row, even
 * over empty input.
 */
public record Aggregate(LogicalPlan input, List<Expr> groupKeys, List<AggregateCall> aggregates, List<String> names)
        implements LogicalPlan {
    public Aggregate {
        requireNonNull(input, "input is null");
        groupKeys = List.copyOf(groupKeys);
        aggregates = List.copyOf(aggregates);
        names = List.copyOf(names);
        if (names.size() != groupKeys.size() + aggregates.size()) {
            throw new IllegalArgumentException("need one name per key and aggregate: " + names);
        }
    }

    @Override
    public Schema schema() {
        List<Field> fields = new ArrayList<>(names.size());
        for (int i = 0; i < groupKeys.size(); i++) {
            fields.add(Field.of(names.get(i), groupKeys.get(i).type()));
        }
        for (int i = 0; i < aggregates.size(); i++) {
            fields.add(Field.of(
                    names.get(groupKeys.size() + i),
                    aggregates.get(i).function().resultType()));
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Aggregate(inputs.get(0), groupKeys, aggregates, names);
    }
}
