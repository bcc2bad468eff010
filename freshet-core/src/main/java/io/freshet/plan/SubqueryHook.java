package io.freshet.plan;

import io.freshet.AnalysisException;
import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.JoinType;
import io.freshet.plan.parsed.ParsedExpr;
import java.util.ArrayList;
import java.util.List;

import static io.freshet.ErrorCode.UNSUPPORTED;

/**
 * Turns scalar subqueries met while resolving an expression into joins: the subquery's single value
 * becomes a new column appended to the relation, and the expression reads that column.
 */
final class SubqueryHook implements ExprResolver.Hooks {
    private final PlanBuilder builder;
    private final List<List<ColumnBinding>> outer;
    private final PlanBuilder.SubqueryPlanner planner;
    private final int originalWidth;
    Relation current;

    SubqueryHook(
            PlanBuilder builder, Relation input, List<List<ColumnBinding>> outer, PlanBuilder.SubqueryPlanner planner) {
        this.builder = builder;
        this.current = input;
        this.outer = outer;
        this.planner = planner;
        this.originalWidth = input.width();
    }

    boolean added() {
        return current.width() != originalWidth;
    }

    @Override
    public Expr subquery(ParsedExpr.Subquery subquery) {
        if (planner == null || subquery.kind() != ParsedExpr.SubqueryKind.SCALAR) {
            return ExprResolver.Hooks.super.subquery(subquery);
        }
        List<List<ColumnBinding>> scopes = new ArrayList<>();
        scopes.add(current.columns());
        scopes.addAll(outer);
        Relation planned = planner.plan(subquery.query(), scopes);
        if (planned.width() != 1) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    subquery.position().line(),
                    subquery.position().column(),
                    "A scalar subquery must return one column, but it returns " + planned.width());
        }
        Relation single = Subqueries.singleValue(planned, subquery.position());
        Join join = new Join(current.plan(), single.plan(), JoinType.CROSS, null);
        List<ColumnBinding> columns = new ArrayList<>(current.columns());
        ColumnBinding value = single.columns().get(0);
        columns.add(new ColumnBinding(null, "__scalar_subquery_" + current.width(), value.type(), java.util.Set.of()));
        int index = current.width();
        current = new Relation(join, columns);
        return new InputRef(index, value.type(), "scalarsubquery()");
    }
}
