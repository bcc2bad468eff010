package io.freshet.plan.physical;

/**
 * A physical node defined outside this package, such as the streaming engine's stateful operators.
 * The executor runs it through the {@code ExtensionOperators} of the run's context; the planner reaches
 * it through a {@link PlannerStrategy}.
 */
public non-sealed interface ExtensionExec extends PhysicalNode {

    /** What {@code EXPLAIN} prints after the node's name, e.g. its keys and state. */
    String details();
}
