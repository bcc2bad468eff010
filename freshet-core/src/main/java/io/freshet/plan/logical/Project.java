package io.freshet.plan.logical;

import io.freshet.expr.Expr;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** Computes one output column per expression, named by {@code names}. */
public record Project(LogicalPlan input, List<Expr> exprs, List<String> names) implements LogicalPlan {
    public Project {
        requireNonNull(input, "input is null");
        exprs = List.copyOf(exprs);
        names = List.copyOf(names);
        checkArgument(exprs.size() == names.size(), "%s expressions but %s names", exprs.size(), names.size());
    }

    @Override
    public Schema schema() {
        List<Field> fields = new ArrayList<>(exprs.size());
        for (int i = 0; i < exprs.size(); i++) {
            fields.add(Field.of(names.get(i), exprs.get(i).type()));
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Project(inputs.get(0), exprs, names);
    }
}
