package io.freshet.plan.optimizer;

import io.freshet.plan.logical.LogicalPlan;
import java.util.Optional;

/**
 * A rewrite of one logical plan node into an equivalent, cheaper one. A rule looks at the node it is
 * given (and, where it must, its inputs), says why it bails, and returns empty when it does not apply.
 * The {@link RuleDriver} owns traversal and the fixed point.
 */
public interface Rule {

    /** The rule's snake_case name, as EXPLAIN and metrics print it. */
    String name();

    Optional<LogicalPlan> apply(LogicalPlan plan);
}
