package io.freshet.exec;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.plan.physical.ExtensionExec;

/** Creates the running operators of {@link ExtensionExec} nodes for the runs of one context. */
@FunctionalInterface
public interface ExtensionOperators {
    /** What a context without extensions does: refuse, as no planner of its kind makes such nodes. */
    ExtensionOperators NONE = (node, partition, context) -> {
        throw new FreshetException(
                ErrorCode.INTERNAL_ERROR, "No operator for " + node.getClass().getSimpleName() + " in a batch run");
    };

    /** The operator for {@code partition} of {@code node}; inputs are started through {@code context}. */
    BatchStream create(ExtensionExec node, int partition, ExecContext context);
}
