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
        if (Subqueries.containsOuterRef(planned.plan())) {
            return correlatedScalar(subquery, planned);
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

    /**
     * A correlated scalar subquery of the shape {@code SELECT f(agg) FROM x WHERE x.k = outer.k AND …}
     * becomes a left join with the aggregate grouped by the correlated inner keys, as Spark rewrites it.
     * A count over no matching rows is 0, not null.
     */
    private Expr correlatedScalar(ParsedExpr.Subquery subquery, Relation planned) {
        io.freshet.plan.parsed.Position position = subquery.position();
        io.freshet.plan.logical.LogicalPlan plan = strip(planned.plan());
        io.freshet.plan.logical.Project project = null;
        if (plan instanceof io.freshet.plan.logical.Project top) {
            project = top;
            plan = strip(top.input());
        }
        if (!(plan instanceof io.freshet.plan.logical.Aggregate aggregate)
                || !aggregate.groupKeys().isEmpty()) {
            throw unsupportedCorrelation(position);
        }
        io.freshet.plan.logical.LogicalPlan below = strip(aggregate.input());
        if (!(below instanceof io.freshet.plan.logical.Filter filter)) {
            throw unsupportedCorrelation(position);
        }
        List<Expr> innerKeys = new ArrayList<>();
        List<Expr> outerKeys = new ArrayList<>();
        List<Expr> kept = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(filter.condition())) {
            if (!Exprs.containsOuterRef(conjunct)) {
                kept.add(conjunct);
                continue;
            }
            if (!(conjunct instanceof io.freshet.expr.Call call)
                    || !call.name().equals("=")
                    || call.args().size() != 2) {
                throw unsupportedCorrelation(position);
            }
            Expr a = call.args().get(0);
            Expr b = call.args().get(1);
            boolean aOuter = onlyOuter(a);
            boolean bOuter = onlyOuter(b);
            if (aOuter == bOuter || Exprs.containsOuterRef(aOuter ? b : a)) {
                throw unsupportedCorrelation(position);
            }
            innerKeys.add(aOuter ? b : a);
            outerKeys.add(aOuter ? a : b);
        }
        if (Subqueries.containsOuterRef(filter.input())
                || aggregate.aggregates().stream()
                        .anyMatch(c -> c.args().stream().anyMatch(Exprs::containsOuterRef))
                || (project != null && project.exprs().stream().anyMatch(Exprs::containsOuterRef))) {
            throw unsupportedCorrelation(position);
        }
        io.freshet.plan.logical.LogicalPlan input = kept.isEmpty()
                ? filter.input()
                : new io.freshet.plan.logical.Filter(filter.input(), Exprs.conjunction(kept));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < innerKeys.size(); i++) {
            names.add("__key" + i);
        }
        names.addAll(aggregate.names());
        io.freshet.plan.logical.Aggregate grouped =
                new io.freshet.plan.logical.Aggregate(input, innerKeys, aggregate.aggregates(), names);
        int keyCount = innerKeys.size();
        Expr value;
        List<Expr> exprs = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            exprs.add(new InputRef(i, innerKeys.get(i).type(), "__key" + i));
        }
        if (project != null) {
            value = Exprs.shift(project.exprs().get(0), keyCount);
        } else {
            value = new InputRef(
                    keyCount, aggregate.schema().type(0), aggregate.names().get(0));
        }
        exprs.add(value);
        List<String> projectedNames = new ArrayList<>(names.subList(0, keyCount));
        projectedNames.add("value");
        io.freshet.plan.logical.Project keyed = new io.freshet.plan.logical.Project(grouped, exprs, projectedNames);
        int width = current.width();
        io.freshet.expr.FunctionRegistry registry = builder.registry();
        Expr condition = null;
        for (int i = 0; i < keyCount; i++) {
            Expr outerKey = Exprs.transformUp(
                    outerKeys.get(i),
                    e -> e instanceof io.freshet.expr.OuterRef ref
                            ? new InputRef(ref.index(), ref.type(), ref.name())
                            : e);
            Expr equal = registry.scalar("=")
                    .orElseThrow()
                    .bind(List.of(
                            outerKey, new InputRef(width + i, innerKeys.get(i).type(), "__key" + i)));
            condition = condition == null
                    ? equal
                    : registry.scalar("and").orElseThrow().bind(List.of(condition, equal));
        }
        List<ColumnBinding> columns = new ArrayList<>(current.columns());
        for (int i = 0; i < keyed.schema().size(); i++) {
            columns.add(new ColumnBinding(
                    null, "__subquery_" + (width + i), keyed.schema().type(i), java.util.Set.of()));
        }
        current = new Relation(new Join(current.plan(), keyed, JoinType.LEFT, condition), columns);
        Expr result = new InputRef(width + keyCount, value.type(), "scalarsubquery()");
        int aggregateIndex = project == null ? 0 : project.exprs().get(0) instanceof InputRef ref ? ref.index() : -1;
        String function =
                aggregateIndex < 0 || aggregateIndex >= aggregate.aggregates().size()
                        ? ""
                        : aggregate.aggregates().get(aggregateIndex).function().name();
        if (function.equals("count") || function.equals("count_if")) {
            result = registry.scalar("coalesce")
                    .orElseThrow()
                    .bind(List.of(result, new io.freshet.expr.Literal(0L, result.type())));
        }
        return result;
    }

    private static boolean onlyOuter(Expr expr) {
        return Exprs.containsOuterRef(expr) && !Exprs.any(expr, e -> e instanceof InputRef);
    }

    private static io.freshet.plan.logical.LogicalPlan strip(io.freshet.plan.logical.LogicalPlan plan) {
        while (plan instanceof io.freshet.plan.logical.SubqueryAlias alias) {
            plan = alias.input();
        }
        return plan;
    }

    private static AnalysisException unsupportedCorrelation(io.freshet.plan.parsed.Position position) {
        return new AnalysisException(
                UNSUPPORTED,
                position.line(),
                position.column(),
                "This correlated scalar subquery is not supported: it must aggregate (SELECT max(x) …) with outer columns "
                        + "only in equalities of its WHERE clause; rewrite it as a join with GROUP BY");
    }
}
