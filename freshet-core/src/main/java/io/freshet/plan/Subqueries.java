package io.freshet.plan;

import io.freshet.AnalysisException;
import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.expr.OuterRef;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.JoinType;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.SubqueryAlias;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import java.util.ArrayList;
import java.util.List;

import static io.freshet.ErrorCode.UNSUPPORTED;

/**
 * Rewrites subqueries into joins, as Spark's optimizer does: {@code EXISTS} and {@code IN} in a WHERE
 * clause become left semi joins ({@code NOT …}: left anti joins, null-aware for {@code NOT IN}), with
 * the correlated predicates of the subquery moved into the join condition.
 */
final class Subqueries {
    private Subqueries() {}

    /** The subquery's value as a one-row relation: null when it has no row, an error when it has several. */
    static Relation singleValue(Relation planned, Position position) {
        ColumnBinding column = planned.columns().get(0);
        if (containsOuterRef(planned.plan())) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    position.line(),
                    position.column(),
                    "Correlated scalar subqueries are not supported yet; rewrite it as a join with GROUP BY");
        }
        AggregateCall call = new AggregateCall(
                new ScalarSubqueryValue(column.type()), List.of(new InputRef(0, column.type(), column.name())), null);
        Aggregate aggregate = new Aggregate(planned.plan(), List.of(), List.of(call), List.of(column.name()));
        return Relation.of(aggregate, null);
    }

    /**
     * The relation filtered by {@code conjunct} as a semi or anti join, or null when the conjunct is not
     * an EXISTS or IN subquery (possibly negated).
     */
    static Relation asSemiJoin(
            PlanBuilder builder,
            Relation input,
            ParsedExpr conjunct,
            List<List<ColumnBinding>> outer,
            PlanBuilder.SubqueryPlanner planner) {
        boolean negated = false;
        ParsedExpr expr = conjunct;
        while (expr instanceof ParsedExpr.FunctionCall call
                && call.name().equalsIgnoreCase("not")
                && call.args().size() == 1) {
            negated = !negated;
            expr = call.args().get(0);
        }
        if (!(expr instanceof ParsedExpr.Subquery subquery)
                || subquery.kind() == ParsedExpr.SubqueryKind.SCALAR
                || planner == null) {
            return null;
        }
        negated ^= subquery.negated();
        List<List<ColumnBinding>> scopes = new ArrayList<>();
        scopes.add(input.columns());
        scopes.addAll(outer);
        Relation planned = planner.plan(subquery.query(), scopes);
        Decorrelated sub = decorrelate(planned, subquery.position());
        int width = input.width();
        ExprResolver resolver = new ExprResolver(builder.registry(), input.columns(), outer, ExprResolver.NO_HOOKS);
        Expr condition = null;
        for (Expr predicate : sub.correlated) {
            condition = and(resolver, condition, toJoinSpace(predicate, width));
        }
        if (subquery.kind() == ParsedExpr.SubqueryKind.IN) {
            // (a, b) IN (SELECT x, y …) compares column by column
            List<ParsedExpr> left = subquery.lhs() instanceof ParsedExpr.FunctionCall call
                            && call.name().equalsIgnoreCase("struct")
                            && call.args().size() == sub.output.size()
                            && sub.output.size() > 1
                    ? call.args()
                    : List.of(subquery.lhs());
            if (sub.output.size() != left.size()) {
                throw new AnalysisException(
                        UNSUPPORTED,
                        subquery.position().line(),
                        subquery.position().column(),
                        "The subquery of IN must return " + left.size() + " column" + (left.size() == 1 ? "" : "s")
                                + ", but it returns " + sub.output.size());
            }
            Expr equal = null;
            for (int i = 0; i < left.size(); i++) {
                Expr lhs = resolver.resolve(left.get(i));
                Expr rhs = Exprs.shift(sub.output.get(i), width);
                equal = and(resolver, equal, resolver.scalar("=", subquery.position(), lhs, rhs));
            }
            if (negated) {
                // NOT IN is null-aware: a row is kept only if no subquery value equals it or is unknown.
                equal = resolver.scalar(
                        "or", subquery.position(), equal, resolver.scalar("isnull", subquery.position(), equal));
            }
            condition = and(resolver, condition, equal);
        }
        Join join = new Join(input.plan(), sub.plan, negated ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI, condition);
        return new Relation(join, input.columns());
    }

    private static Expr and(ExprResolver resolver, Expr left, Expr right) {
        return left == null ? right : resolver.scalar("and", Position.NONE, left, right);
    }

    /** Outer references become the join's left columns; the subquery's columns move right of them. */
    private static Expr toJoinSpace(Expr predicate, int outerWidth) {
        return Exprs.transformUp(predicate, e -> switch (e) {
            case OuterRef ref -> new InputRef(ref.index(), ref.type(), ref.name());
            case InputRef ref -> new InputRef(ref.index() + outerWidth, ref.type(), ref.name());
            default -> e;
        });
    }

    private record Decorrelated(LogicalPlan plan, List<Expr> output, List<Expr> correlated) {}

    /**
     * Splits a subquery plan of the shape {@code Project? (Filter? (X))} into X with the uncorrelated
     * filter kept, the select expressions over X, and the correlated predicates over X and the outer row.
     */
    private static Decorrelated decorrelate(Relation planned, Position position) {
        LogicalPlan plan = planned.plan();
        while (plan instanceof SubqueryAlias alias) {
            plan = alias.input();
        }
        List<Expr> output = null;
        if (plan instanceof Project project) {
            output = project.exprs();
            plan = project.input();
            while (plan instanceof SubqueryAlias alias) {
                plan = alias.input();
            }
        }
        List<Expr> correlated = new ArrayList<>();
        if (plan instanceof Filter filter && Exprs.containsOuterRef(filter.condition())) {
            List<Expr> kept = new ArrayList<>();
            for (Expr conjunct : Exprs.conjuncts(filter.condition())) {
                (Exprs.containsOuterRef(conjunct) ? correlated : kept).add(conjunct);
            }
            plan = filter.input();
            if (!kept.isEmpty()) {
                Expr condition = kept.get(0);
                for (int i = 1; i < kept.size(); i++) {
                    condition = new io.freshet.expr.Call(
                            ((io.freshet.expr.Call) filter.condition()).function(), condition, kept.get(i));
                }
                plan = new Filter(plan, condition);
            }
        }
        if (output == null) {
            output = new ArrayList<>();
            for (int i = 0; i < plan.schema().size(); i++) {
                output.add(new InputRef(
                        i, plan.schema().type(i), plan.schema().field(i).name()));
            }
        }
        for (Expr expr : output) {
            if (Exprs.containsOuterRef(expr)) {
                throw unsupported(position);
            }
        }
        if (containsOuterRef(plan)) {
            throw unsupported(position);
        }
        return new Decorrelated(plan, output, correlated);
    }

    private static AnalysisException unsupported(Position position) {
        return new AnalysisException(
                UNSUPPORTED,
                position.line(),
                position.column(),
                "This correlated subquery is not supported: outer columns may only appear in the subquery's WHERE "
                        + "clause, directly under its SELECT; rewrite it as a join");
    }

    static boolean containsOuterRef(LogicalPlan plan) {
        boolean found =
                switch (plan) {
                    case Filter filter -> Exprs.containsOuterRef(filter.condition());
                    case Project project -> project.exprs().stream().anyMatch(Exprs::containsOuterRef);
                    case Join join -> join.condition() != null && Exprs.containsOuterRef(join.condition());
                    case Aggregate aggregate ->
                        aggregate.groupKeys().stream().anyMatch(Exprs::containsOuterRef)
                                || aggregate.aggregates().stream()
                                        .anyMatch(c -> c.args().stream().anyMatch(Exprs::containsOuterRef));
                    default -> false;
                };
        if (found) {
            return true;
        }
        for (LogicalPlan input : plan.inputs()) {
            if (containsOuterRef(input)) {
                return true;
            }
        }
        return false;
    }
}
