package io.freshet.plan.optimizer;

import io.freshet.expr.EvalContext;
import io.freshet.plan.optimizer.rules.CombineProjectsRule;
import io.freshet.plan.optimizer.rules.EliminateLimitRule;
import io.freshet.plan.optimizer.rules.EliminateSubqueryAliasRule;
import io.freshet.plan.optimizer.rules.FoldConstantsRule;
import io.freshet.plan.optimizer.rules.MergeFiltersRule;
import io.freshet.plan.optimizer.rules.PruneScanColumnsRule;
import io.freshet.plan.optimizer.rules.PushDownFilterRule;
import io.freshet.plan.optimizer.rules.PushDownLimitRule;
import io.freshet.plan.optimizer.rules.RemoveTrivialFilterRule;
import java.util.List;

/** The catalogue of optimizer rules, in the order the driver tries them on each node. */
public final class Rules {
    private Rules() {}

    /** The default rules; constant folding evaluates with the query's context (time zone, start time). */
    public static List<Rule> defaults(EvalContext context) {
        return List.of(
                new EliminateSubqueryAliasRule(),
                new FoldConstantsRule(context),
                new RemoveTrivialFilterRule(),
                new MergeFiltersRule(),
                new PushDownFilterRule(),
                new CombineProjectsRule(),
                new PushDownLimitRule(),
                new EliminateLimitRule(),
                new PruneScanColumnsRule());
    }

    public static io.freshet.plan.logical.LogicalPlan optimize(
            io.freshet.plan.logical.LogicalPlan plan, EvalContext context) {
        return new RuleDriver(defaults(context)).optimize(plan);
    }
}
