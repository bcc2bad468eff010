package io.freshet.plan.optimizer.rules;

import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.plan.Exprs;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.Distinct;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.JoinType;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.logical.Sort;
import io.freshet.plan.logical.Union;
import io.freshet.plan.logical.WatermarkAssign;
import io.freshet.plan.optimizer.Rule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Moves filter conditions as close to the data as they can go: below projections, sorts, unions and
 * DISTINCT, into the sides of joins (as the join type allows), below aggregations when they test only
 * grouping keys, below watermark declarations when they do not read event time (SEMANTICS.md rule 3),
 * and into scans. Also moves one-sided conditions of an inner join's ON clause into its inputs.
 *
 * <pre>
 *   Filter (a > 1 AND b = 2)        =>   Join INNER on k
 *     Join INNER on k                      Filter a > 1
 *       left (a, k)                          left (a, k)
 *       right (k, b)                       Filter b = 2
 *                                            right (k, b)
 * </pre>
 */
public final class PushDownFilterRule implements Rule {
    @Override
    public String name() {
        return "push_down_filter";
    }

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan plan) {
        if (plan instanceof Join join) {
            return pushJoinCondition(join);
        }
        if (!(plan instanceof Filter filter)) {
            return Optional.empty();
        }
        Expr condition = filter.condition();
        return switch (filter.input()) {
            case Project project
            when condition.deterministic() && project.exprs().stream().allMatch(Expr::deterministic) ->
                Optional.of(new Project(
                        new Filter(project.input(), Exprs.substitute(condition, project.exprs())),
                        project.exprs(),
                        project.names()));
            case Sort sort -> Optional.of(new Sort(new Filter(sort.input(), condition), sort.keys()));
            case Distinct distinct
            when condition.deterministic() -> Optional.of(new Distinct(new Filter(distinct.input(), condition)));
            case Union union
            when condition.deterministic() -> {
                List<LogicalPlan> inputs = new ArrayList<>();
                for (LogicalPlan input : union.inputs()) {
                    inputs.add(new Filter(input, retype(condition, input)));
                }
                yield Optional.of(new Union(inputs));
            }
            case Join join -> pushIntoJoin(filter, join);
            case Aggregate aggregate -> pushBelowAggregate(filter, aggregate);
            case WatermarkAssign watermark -> pushBelowWatermark(filter, watermark);
            case Scan scan
            when condition.deterministic() -> {
                List<Expr> filters = new ArrayList<>(scan.filters());
                filters.addAll(Exprs.conjuncts(condition));
                yield Optional.of(new Scan(scan.table(), scan.source(), scan.projection(), filters, scan.streaming()));
            }
            default -> Optional.empty();
        };
    }

    /** The union's first input names the columns; the others may name them differently. */
    private static Expr retype(Expr condition, LogicalPlan input) {
        return Exprs.transformUp(
                condition,
                e -> e instanceof InputRef ref
                        ? new InputRef(
                                ref.index(),
                                ref.type(),
                                input.schema().field(ref.index()).name())
                        : e);
    }

    private static Optional<LogicalPlan> pushIntoJoin(Filter filter, Join join) {
        int leftWidth = join.left().schema().size();
        JoinType type = join.type();
        List<Expr> left = new ArrayList<>();
        List<Expr> right = new ArrayList<>();
        List<Expr> both = new ArrayList<>();
        List<Expr> stay = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(filter.condition())) {
            BitSet used = Exprs.inputs(conjunct);
            boolean usesLeft = used.nextSetBit(0) >= 0 && used.nextSetBit(0) < leftWidth;
            boolean usesRight = used.nextSetBit(leftWidth) >= 0;
            boolean inner = type == JoinType.INNER || type == JoinType.CROSS;
            if (!conjunct.deterministic()) {
                stay.add(conjunct);
            } else if (!usesRight && (inner || type == JoinType.LEFT || type.leftOnly())) {
                left.add(conjunct);
            } else if (!usesLeft && usesRight && (inner || type == JoinType.RIGHT)) {
                right.add(Exprs.shift(conjunct, -leftWidth));
            } else if (inner && usesLeft && usesRight) {
                both.add(conjunct);
            } else {
                stay.add(conjunct);
            }
        }
        if (left.isEmpty() && right.isEmpty() && both.isEmpty()) {
            return Optional.empty();
        }
        LogicalPlan newLeft = left.isEmpty() ? join.left() : new Filter(join.left(), Exprs.conjunction(left));
        LogicalPlan newRight = right.isEmpty() ? join.right() : new Filter(join.right(), Exprs.conjunction(right));
        Expr condition = join.condition();
        JoinType newType = type;
        if (!both.isEmpty()) {
            List<Expr> all = new ArrayList<>();
            if (condition != null) {
                all.add(condition);
            }
            all.addAll(both);
            condition = Exprs.conjunction(all);
            newType = JoinType.INNER;
        }
        LogicalPlan result = new Join(newLeft, newRight, newType, condition);
        return Optional.of(stay.isEmpty() ? result : new Filter(result, Exprs.conjunction(stay)));
    }

    private static Optional<LogicalPlan> pushJoinCondition(Join join) {
        if (join.condition() == null) {
            return Optional.empty();
        }
        JoinType type = join.type();
        int leftWidth = join.left().schema().size();
        // Which side's rows an ON condition may filter without changing the result.
        boolean leftFilterable = type == JoinType.INNER || type == JoinType.RIGHT || type == JoinType.LEFT_SEMI;
        boolean rightFilterable = type == JoinType.INNER || type == JoinType.LEFT || type.leftOnly();
        List<Expr> left = new ArrayList<>();
        List<Expr> right = new ArrayList<>();
        List<Expr> stay = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(join.condition())) {
            BitSet used = Exprs.inputs(conjunct);
            boolean usesLeft = used.nextSetBit(0) >= 0 && used.nextSetBit(0) < leftWidth;
            boolean usesRight = used.nextSetBit(leftWidth) >= 0;
            if (!conjunct.deterministic() || (usesLeft && usesRight) || (!usesLeft && !usesRight)) {
                stay.add(conjunct);
            } else if (usesLeft && leftFilterable) {
                left.add(conjunct);
            } else if (usesRight && rightFilterable) {
                right.add(Exprs.shift(conjunct, -leftWidth));
            } else {
                stay.add(conjunct);
            }
        }
        if (left.isEmpty() && right.isEmpty()) {
            return Optional.empty();
        }
        LogicalPlan newLeft = left.isEmpty() ? join.left() : new Filter(join.left(), Exprs.conjunction(left));
        LogicalPlan newRight = right.isEmpty() ? join.right() : new Filter(join.right(), Exprs.conjunction(right));
        return Optional.of(new Join(newLeft, newRight, type, stay.isEmpty() ? null : Exprs.conjunction(stay)));
    }

    private static Optional<LogicalPlan> pushBelowAggregate(Filter filter, Aggregate aggregate) {
        int keyCount = aggregate.groupKeys().size();
        if (keyCount == 0) {
            return Optional.empty();
        }
        List<Expr> below = new ArrayList<>();
        List<Expr> stay = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(filter.condition())) {
            BitSet used = Exprs.inputs(conjunct);
            boolean keysOnly = used.nextSetBit(keyCount) < 0;
            if (keysOnly
                    && conjunct.deterministic()
                    && aggregate.groupKeys().stream().allMatch(Expr::deterministic)) {
                below.add(Exprs.substitute(conjunct, aggregate.groupKeys()));
            } else {
                stay.add(conjunct);
            }
        }
        if (below.isEmpty()) {
            return Optional.empty();
        }
        LogicalPlan result = new Aggregate(
                new Filter(aggregate.input(), Exprs.conjunction(below)),
                aggregate.groupKeys(),
                aggregate.aggregates(),
                aggregate.names());
        return Optional.of(stay.isEmpty() ? result : new Filter(result, Exprs.conjunction(stay)));
    }

    private static Optional<LogicalPlan> pushBelowWatermark(Filter filter, WatermarkAssign watermark) {
        List<Expr> below = new ArrayList<>();
        List<Expr> stay = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(filter.condition())) {
            if (!Exprs.inputs(conjunct).get(watermark.eventTimeColumn()) && conjunct.deterministic()) {
                below.add(conjunct);
            } else {
                stay.add(conjunct);
            }
        }
        if (below.isEmpty()) {
            return Optional.empty();
        }
        LogicalPlan result = new WatermarkAssign(
                new Filter(watermark.input(), Exprs.conjunction(below)),
                watermark.eventTimeColumn(),
                watermark.delayMicros());
        return Optional.of(stay.isEmpty() ? result : new Filter(result, Exprs.conjunction(stay)));
    }
}
