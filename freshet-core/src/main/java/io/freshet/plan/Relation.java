package io.freshet.plan;

import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.SubqueryAlias;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A logical plan together with the names its columns can be referred to by. What the SQL planner and
 * DataFrames hold while a query is being built.
 */
public record Relation(LogicalPlan plan, List<ColumnBinding> columns) {
    public Relation {
        requireNonNull(plan, "plan is null");
        columns = List.copyOf(columns);
        checkArgument(
                columns.size() == plan.schema().size(),
                "%s column bindings for %s columns",
                columns.size(),
                plan.schema().size());
    }

    /** A relation whose columns are named by the plan's schema, with an optional qualifier. */
    public static Relation of(LogicalPlan plan, String qualifier) {
        List<ColumnBinding> bindings = new ArrayList<>();
        for (Field field : plan.schema().fields()) {
            bindings.add(new ColumnBinding(qualifier, field.name(), field.type(), Set.of()));
        }
        return new Relation(plan, bindings);
    }

    public Schema schema() {
        return plan.schema();
    }

    public int width() {
        return columns.size();
    }

    /** This relation named {@code alias}: every column is qualified by it (hidden columns are dropped). */
    public Relation alias(String alias) {
        Relation visible = withoutHiddenColumns();
        List<ColumnBinding> bindings = new ArrayList<>();
        for (ColumnBinding column : visible.columns) {
            bindings.add(column.withQualifier(alias));
        }
        return new Relation(new SubqueryAlias(visible.plan, alias), bindings);
    }

    /** This relation without its {@link ColumnBinding#qualifiedOnly() qualified-only} columns. */
    public Relation withoutHiddenColumns() {
        if (columns.stream().noneMatch(ColumnBinding::qualifiedOnly)) {
            return this;
        }
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ColumnBinding> bindings = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnBinding column = columns.get(i);
            if (!column.qualifiedOnly()) {
                exprs.add(new InputRef(i, column.type(), column.name()));
                names.add(column.name());
                bindings.add(column);
            }
        }
        return new Relation(new Project(plan, exprs, names), bindings);
    }

    /** This relation with every column marked as coming from {@code origin}. */
    public Relation withOrigin(Object origin) {
        List<ColumnBinding> bindings = new ArrayList<>();
        for (ColumnBinding column : columns) {
            bindings.add(column.withOrigin(origin));
        }
        return new Relation(plan, bindings);
    }
}
