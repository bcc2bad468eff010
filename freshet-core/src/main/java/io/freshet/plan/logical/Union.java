package io.freshet.plan.logical;

import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;

/**
 * {@code UNION ALL} of inputs with the same column types (the analyzer inserts casts); the output
 * takes the first input's column names. {@code UNION} is a {@link Distinct} over a Union.
 */
public record Union(List<LogicalPlan> inputs) implements LogicalPlan {
    public Union {
        inputs = List.copyOf(inputs);
        checkArgument(inputs.size() >= 2, "a union needs at least two inputs: %s", inputs.size());
    }

    @Override
    public Schema schema() {
        Schema first = inputs.get(0).schema();
        List<Field> fields = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            boolean nullable = false;
            for (LogicalPlan input : inputs) {
                nullable |= input.schema().field(i).nullable();
            }
            fields.add(new Field(first.field(i).name(), first.type(i), nullable));
        }
        return new Schema(fields);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> newInputs) {
        return new Union(newInputs);
    }
}
