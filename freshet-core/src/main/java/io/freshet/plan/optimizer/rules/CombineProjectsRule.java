package io.freshet.plan.optimizer.rules;

import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.plan.Exprs;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.optimizer.Rule;
import java.util.List;
import java.util.Optional;

/**
 * Merges a projection into the projection below it, and removes projections that pass their input
 * through unchanged.
 *
 * <pre>
 *   Project (b + 1)            =>   Project ((a * 2) + 1)
 *     Project (a * 2 AS b)            input
 *       input
 * </pre>
 *
 * An inner expression used more than once is only inlined when it is a column or a constant, so no
 * work is duplicated.
 */
public final class CombineProjectsRule implements Rule {
    @Override
    public String name() {
        return "combine_projects";
    }

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan plan) {
        if (!(plan instanceof Project project)) {
            return Optional.empty();
        }
        if (isIdentity(project)) {
            return Optional.of(project.input());
        }
        if (!(project.input() instanceof Project inner)) {
            return Optional.empty();
        }
        if (!inner.exprs().stream().allMatch(Expr::deterministic)) {
            return Optional.empty();
        }
        int[] uses = new int[inner.exprs().size()];
        for (Expr expr : project.exprs()) {
            Exprs.any(expr, e -> {
                if (e instanceof InputRef ref) {
                    uses[ref.index()]++;
                }
                return false;
            });
        }
        for (int i = 0; i < uses.length; i++) {
            Expr innerExpr = inner.exprs().get(i);
            if (uses[i] > 1 && !(innerExpr instanceof InputRef) && !(innerExpr instanceof Literal)) {
                // Inlining would compute the expression several times per row.
                return Optional.empty();
            }
        }
        List<Expr> merged = project.exprs().stream()
                .map(e -> Exprs.substitute(e, inner.exprs()))
                .toList();
        return Optional.of(new Project(inner.input(), merged, project.names()));
    }

    private static boolean isIdentity(Project project) {
        List<String> inputNames = project.input().schema().names();
        if (project.exprs().size() != inputNames.size()) {
            return false;
        }
        for (int i = 0; i < project.exprs().size(); i++) {
            if (!(project.exprs().get(i) instanceof InputRef ref)
                    || ref.index() != i
                    || !project.names().get(i).equals(inputNames.get(i))) {
                return false;
            }
        }
        return true;
    }
}
