package io.freshet.plan.physical;

import io.freshet.plan.logical.LogicalPlan;
import java.util.function.Function;

/**
 * Plans some logical nodes differently from the batch planner; the streaming planner uses it to give
 * stateful operators their state. Consulted first for every node.
 */
@FunctionalInterface
public interface PlannerStrategy {
    /** The batch planner's behaviour: plans nothing itself. */
    PlannerStrategy NONE = (node, children) -> null;

    /**
     * The physical plan of {@code node}, or null to leave it to the batch planner; {@code planChild}
     * plans an input (consulting this strategy again).
     */
    PhysicalNode plan(LogicalPlan node, Function<LogicalPlan, PhysicalNode> planChild);
}
