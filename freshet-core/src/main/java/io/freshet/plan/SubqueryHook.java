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
        if (planner == null) {
            return ExprResolver.Hooks.super.subquery(subquery);
        }
        List<List<ColumnBinding>> scopes = new ArrayList<>();
        scopes.add(current.columns());
        scopes.addAll(outer);
        Relation planned = planner.plan(subquery.query(), scopes);
        if (subquery.kind() != ParsedExpr.SubqueryKind.SCALAR) {
            return existence(subquery, planned);
        }
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

    /** EXISTS or IN used as a value (not as a WHERE term): the subquery's summary joins as one row. */
    private Expr existence(ParsedExpr.Subquery subquery, Relation planned) {
        io.freshet.plan.parsed.Position position = subquery.position();
        if (Subqueries.containsOuterRef(planned.plan())) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    position.line(),
                    position.column(),
                    "Correlated EXISTS and IN subqueries are supported only as terms of WHERE; move it there or rewrite it as a join");
        }
        io.freshet.expr.FunctionRegistry registry = builder.registry();
        if (subquery.kind() == ParsedExpr.SubqueryKind.EXISTS) {
            io.freshet.plan.logical.AggregateCall count = new io.freshet.plan.logical.AggregateCall(
                    registry.aggregate("count").orElseThrow().bind(List.of(), false), List.of(), null);
            Relation counted = Relation.of(
                    new io.freshet.plan.logical.Aggregate(planned.plan(), List.of(), List.of(count), List.of("n")),
                    null);
            int index = join(counted);
            Expr n = new InputRef(index, counted.schema().type(0), "n");
            Expr exists = registry.scalar(">")
                    .orElseThrow()
                    .bind(List.of(n, new io.freshet.expr.Literal(0L, io.freshet.types.BigintType.BIGINT)));
            return subquery.negated() ? registry.scalar("not").orElseThrow().bind(List.of(exists)) : exists;
        }
        if (planned.width() != 1) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    position.line(),
                    position.column(),
                    "The subquery of IN must return one column, but it returns " + planned.width());
        }
        ExprResolver resolver = new ExprResolver(registry, current.columns(), outer, this);
        Expr left = resolver.resolve(subquery.lhs());
        io.freshet.types.DataType type = io.freshet.expr.TypeCoercion.commonType(
                        left.type(), planned.schema().type(0))
                .orElseThrow(() -> new AnalysisException(
                        io.freshet.ErrorCode.TYPE_MISMATCH,
                        position.line(),
                        position.column(),
                        "IN compares " + left.type().sqlName() + " with a subquery of "
                                + planned.schema().type(0).sqlName()));
        Expr value = io.freshet.expr.functions.Casts.cast(
                new InputRef(
                        0, planned.schema().type(0), planned.schema().field(0).name()),
                type);
        List<io.freshet.plan.logical.AggregateCall> calls = List.of(
                new io.freshet.plan.logical.AggregateCall(
                        registry.aggregate("collect_set").orElseThrow().bind(List.of(value), false),
                        List.of(value),
                        null),
                new io.freshet.plan.logical.AggregateCall(
                        registry.aggregate("count").orElseThrow().bind(List.of(), false), List.of(), null),
                new io.freshet.plan.logical.AggregateCall(
                        registry.aggregate("count").orElseThrow().bind(List.of(value), false), List.of(value), null));
        Relation summary = Relation.of(
                new io.freshet.plan.logical.Aggregate(
                        planned.plan(), List.of(), calls, List.of("values", "total", "non_null")),
                null);
        Expr lhs = io.freshet.expr.functions.Casts.cast(left, type);
        int index = join(summary);
        Expr in = new io.freshet.expr.Call(
                new InSubqueryValue(),
                lhs,
                new InputRef(index, summary.schema().type(0), "values"),
                new InputRef(index + 1, summary.schema().type(1), "total"),
                new InputRef(index + 2, summary.schema().type(2), "non_null"));
        return subquery.negated() ? registry.scalar("not").orElseThrow().bind(List.of(in)) : in;
    }

    /** Cross joins a one-row relation to the current one; returns the position of its first column. */
    private int join(Relation oneRow) {
        int index = current.width();
        List<ColumnBinding> columns = new ArrayList<>(current.columns());
        for (int i = 0; i < oneRow.width(); i++) {
            columns.add(new ColumnBinding(
                    null, "__subquery_" + (index + i), oneRow.schema().type(i), java.util.Set.of()));
        }
        current = new Relation(new Join(current.plan(), oneRow.plan(), JoinType.CROSS, null), columns);
        return index;
    }
}
