package io.freshet.plan.optimizer;

import io.freshet.Freshet;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.PlanPrinter;
import io.freshet.plan.optimizer.rules.EliminateSubqueryAliasRule;
import java.util.List;

/**
 * Tests one optimizer rule on the plan of a SQL query over small memory tables ({@code t(a BIGINT, b
 * BIGINT, c STRING)}, {@code u(a BIGINT, d STRING)}): {@code RuleTester.assertThat(rule).on("SELECT …")
 * .rewritesTo("""…""")} or {@code .doesNotFire()}. Aliases are removed first, so plans read plainly.
 */
public final class RuleTester {
    private final Rule rule;
    private LogicalPlan plan;

    private RuleTester(Rule rule) {
        this.rule = rule;
    }

    public static RuleTester assertThat(Rule rule) {
        return new RuleTester(rule);
    }

    public RuleTester on(String sql) {
        return on(freshet -> freshet.sql(sql));
    }

    /** The plan of a DataFrame built over the same tables. */
    public RuleTester on(java.util.function.Function<Freshet, io.freshet.DataFrame> query) {
        try (Freshet freshet = Freshet.create()) {
            freshet.sql("CREATE TABLE t (a BIGINT, b BIGINT, c STRING) USING memory");
            freshet.sql("CREATE TABLE u (a BIGINT, d STRING) USING memory");
            LogicalPlan parsed = query.apply(freshet).logicalPlan();
            this.plan = new RuleDriver(List.of(new EliminateSubqueryAliasRule())).optimize(parsed);
        }
        return this;
    }

    /** The plan after applying the rule to a fixed point equals {@code expected} (PlanPrinter text). */
    public void rewritesTo(String expected) {
        String before = PlanPrinter.print(plan);
        String after = PlanPrinter.print(new RuleDriver(List.of(rule)).optimize(plan));
        org.assertj.core.api.Assertions.assertThat(after)
                .as("rule %s did not fire on\n%s", rule.name(), before)
                .isNotEqualTo(before);
        org.assertj.core.api.Assertions.assertThat(after).isEqualTo(expected);
    }

    /** The rule leaves the plan unchanged. */
    public void doesNotFire() {
        org.assertj.core.api.Assertions.assertThat(PlanPrinter.print(new RuleDriver(List.of(rule)).optimize(plan)))
                .isEqualTo(PlanPrinter.print(plan));
    }
}
