package io.freshet.plan.logical;

import io.freshet.types.Schema;
import java.util.List;

/**
 * A node of a logical query plan: what to compute, not how. Immutable; expressions refer to the
 * columns of the node's input by position (for {@link Join}, the left columns then the right).
 */
public sealed interface LogicalPlan
        permits Scan,
                Values,
                Project,
                Filter,
                Aggregate,
                Expand,
                Join,
                Sort,
                Limit,
                Union,
                SetOperation,
                Distinct,
                Window,
                Deduplicate,
                WatermarkAssign,
                SubqueryAlias {

    Schema schema();

    List<LogicalPlan> inputs();

    /** This node with its inputs replaced (same count and order as {@link #inputs()}). */
    LogicalPlan withInputs(List<LogicalPlan> inputs);

    /** Whether the plan reads a stream ({@code FROM STREAM t}, {@code readStream()}) anywhere below. */
    default boolean isStreaming() {
        for (LogicalPlan input : inputs()) {
            if (input.isStreaming()) {
                return true;
            }
        }
        return false;
    }
}
