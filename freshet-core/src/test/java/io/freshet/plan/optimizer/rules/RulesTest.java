package io.freshet.plan.optimizer.rules;

import io.freshet.expr.EvalContext;
import io.freshet.plan.optimizer.RuleTester;
import org.junit.jupiter.api.Test;

/** Each rule, on a plan where it fires and one where it must not. */
class RulesTest {

    @Test
    void foldsConstantArithmetic() {
        RuleTester.assertThat(new FoldConstantsRule(EvalContext.utcNow()))
                .on("SELECT a FROM t WHERE b > 1L + 2L")
                .rewritesTo("""
                        Project [a]
                          Filter (b > 3)
                            Scan t columns=[a, b, c]
                        """);
    }

    @Test
    void leavesAFailingConstantForExecution() {
        RuleTester.assertThat(new FoldConstantsRule(EvalContext.utcNow()))
                .on("SELECT CASE WHEN a > 0 THEN 1 ELSE 1 / 0 END AS x FROM t")
                .rewritesTo("""
                        Project [CASE WHEN (a > 0) THEN 1.0 ELSE (1.0 / 0.0) END AS x]
                          Scan t columns=[a, b, c]
                        """);
    }

    @Test
    void mergesStackedFilters() {
        RuleTester.assertThat(new MergeFiltersRule())
                .on(freshet -> freshet.table("t").filter("a > 1L").filter("b < 2L"))
                .rewritesTo("""
                        Filter ((a > 1) AND (b < 2))
                          Scan t columns=[a, b, c]
                        """);
    }

    @Test
    void doesNotMergeAFilterThatIsAlone() {
        RuleTester.assertThat(new MergeFiltersRule())
                .on("SELECT a FROM t WHERE a > 1")
                .doesNotFire();
    }

    @Test
    void pushesFiltersIntoJoinSidesAndScans() {
        RuleTester.assertThat(new PushDownFilterRule())
                .on("SELECT t.a FROM t JOIN u ON t.a = u.a WHERE t.b > 1L AND u.d = 'x'")
                .rewritesTo("""
                        Project [a]
                          Join INNER on (a = a)
                            Scan t columns=[a, b, c] filters=[(b > 1)]
                            Scan u columns=[a, d] filters=[(d = 'x')]
                        """);
    }

    @Test
    void keepsAFilterOnTheNullableSideOfAnOuterJoinAbove() {
        RuleTester.assertThat(new PushDownFilterRule())
                .on("SELECT t.a FROM t LEFT JOIN u ON t.a = u.a WHERE u.d IS NULL")
                .doesNotFire();
    }

    @Test
    void pushesAGroupKeyFilterBelowTheAggregate() {
        RuleTester.assertThat(new PushDownFilterRule())
                .on("SELECT c, sum(a) AS s FROM t GROUP BY c HAVING c = 'x' AND sum(a) > 1L")
                .rewritesTo("""
                        Project [c, sum AS s]
                          Filter (sum > 1)
                            Aggregate keys=[c] aggregates=[sum(a)]
                              Scan t columns=[a, b, c] filters=[(c = 'x')]
                        """);
    }

    @Test
    void prunesScanColumns() {
        RuleTester.assertThat(new PruneScanColumnsRule())
                .on("SELECT a FROM t WHERE b > 1L")
                .rewritesTo("""
                        Project [a]
                          Filter (b > 1)
                            Scan t columns=[a, b]
                        """);
    }

    @Test
    void doesNotPruneWhenEveryColumnIsUsed() {
        RuleTester.assertThat(new PruneScanColumnsRule())
                .on("SELECT a, b, c FROM t")
                .doesNotFire();
    }

    @Test
    void eliminatesLimitZero() {
        RuleTester.assertThat(new EliminateLimitRule())
                .on("SELECT a FROM t LIMIT 0")
                .rewritesTo("""
                        Values rows=0 columns=[a]
                        """);
    }

    @Test
    void keepsARealLimit() {
        RuleTester.assertThat(new EliminateLimitRule())
                .on("SELECT a FROM t LIMIT 5")
                .doesNotFire();
    }

    @Test
    void pushesALimitBelowAProjection() {
        RuleTester.assertThat(new PushDownLimitRule())
                .on("SELECT a + 1L AS x FROM t LIMIT 5")
                .rewritesTo("""
                        Project [(a + 1) AS x]
                          Limit fetch=5
                            Scan t columns=[a, b, c]
                        """);
    }

    @Test
    void combinesProjections() {
        RuleTester.assertThat(new CombineProjectsRule())
                .on("SELECT x + 1L AS y FROM (SELECT a * 2L AS x FROM t)")
                .rewritesTo("""
                        Project [((a * 2) + 1) AS y]
                          Scan t columns=[a, b, c]
                        """);
    }

    @Test
    void doesNotDuplicateWorkWhenCombining() {
        RuleTester.assertThat(new CombineProjectsRule())
                .on("SELECT x + x AS y FROM (SELECT a * 2 AS x FROM t)")
                .doesNotFire();
    }

    @Test
    void removesATrueFilter() {
        RuleTester.assertThat(new RemoveTrivialFilterRule())
                .on("SELECT a FROM t WHERE true")
                .rewritesTo("""
                        Project [a]
                          Scan t columns=[a, b, c]
                        """);
    }
}
