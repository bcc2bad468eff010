package io.freshet.plan.logical;

import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** Appends one column per window function call to every input row; the row count is unchanged. */
public record Window(LogicalPlan input, List<WindowCall> calls, List<String> names) implements LogicalPlan {
    public Window {
        requireNonNull(input, "input is null");
        calls = List.copyOf(calls);
        names = List.copyOf(names);
        checkArgument(calls.size() == names.size(), "%s calls but %s names", calls.size(), names.size());
    }

    @Override
    public Schema schema() {
        List<Field> fields = new ArrayList<>(input.schema().fields());
        for (int i = 0; i < calls.size(); i++) {
            fields.add(Field.of(names.get(i), calls.get(i).resultType()));
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Window(inputs.get(0), calls, names);
    }
}
