package io.freshet.plan.optimizer.rules;

import io.freshet.FreshetException;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.Literal;
import io.freshet.plan.ConstantFolder;
import io.freshet.plan.Exprs;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.optimizer.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates deterministic calls whose arguments are all constants once, at planning time.
 *
 * <pre>
 *   Filter (a > (1 + 2))     =>   Filter (a > 3)
 * </pre>
 *
 * A call that fails (e.g. {@code 1 / 0} in a CASE branch that may never run) is left for execution,
 * where it fails only if it is evaluated.
 */
public final class FoldConstantsRule implements Rule {
    private final EvalContext context;

    public FoldConstantsRule(EvalContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public String name() {
        return "fold_constants";
    }

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan plan) {
        return switch (plan) {
            case Project project -> {
                List<Expr> folded = foldAll(project.exprs());
                yield folded == null
                        ? Optional.empty()
                        : Optional.of(new Project(project.input(), folded, project.names()));
            }
            case Filter filter -> {
                Expr folded = fold(filter.condition());
                yield folded == filter.condition() ? Optional.empty() : Optional.of(new Filter(filter.input(), folded));
            }
            case Join join
            when join.condition() != null -> {
                Expr folded = fold(join.condition());
                yield folded == join.condition()
                        ? Optional.empty()
                        : Optional.of(new Join(join.left(), join.right(), join.type(), folded));
            }
            default -> Optional.empty();
        };
    }

    private List<Expr> foldAll(List<Expr> exprs) {
        List<Expr> result = new ArrayList<>(exprs.size());
        boolean changed = false;
        for (Expr expr : exprs) {
            Expr folded = fold(expr);
            changed |= folded != expr;
            result.add(folded);
        }
        return changed ? result : null;
    }

    private Expr fold(Expr expr) {
        return Exprs.transformUp(expr, e -> {
            if (!(e instanceof Call call) || !call.function().deterministic()) {
                return e;
            }
            for (Expr arg : call.args()) {
                if (!(arg instanceof Literal)) {
                    return e;
                }
            }
            try {
                return new Literal(ConstantFolder.evaluate(call, context), call.type());
            } catch (FreshetException | ArithmeticException failure) {
                // Fails only if execution evaluates it (it may sit in an untaken branch).
                return e;
            }
        });
    }
}
