package io.freshet.plan.logical;

import io.freshet.expr.Expr;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Joins two inputs. {@code condition} (null for none) refers to the left columns then the right
 * columns; the output has the same columns (the left ones only for semi and anti joins), made
 * nullable on the side an outer join may pad with nulls.
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType type, Expr condition) implements LogicalPlan {
    public Join {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public Schema schema() {
        if (type.leftOnly()) {
            return left.schema();
        }
        boolean leftNullable = type == JoinType.RIGHT || type == JoinType.FULL;
        boolean rightNullable = type == JoinType.LEFT || type == JoinType.FULL;
        List<Field> fields = new ArrayList<>();
        for (Field field : left.schema().fields()) {
            fields.add(leftNullable ? new Field(field.name(), field.type(), true) : field);
        }
        for (Field field : right.schema().fields()) {
            fields.add(rightNullable ? new Field(field.name(), field.type(), true) : field);
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Join(inputs.get(0), inputs.get(1), type, condition);
    }
}
