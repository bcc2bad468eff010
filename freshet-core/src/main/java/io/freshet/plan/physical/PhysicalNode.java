package io.freshet.plan.physical;

import io.freshet.types.Schema;
import java.util.List;

/**
 * A node of a physical plan: how to compute a relation, as an immutable record. Running it for one of
 * its {@link #partitionCount()} partitions yields a stream of batches (see {@code io.freshet.exec}).
 */
public sealed interface PhysicalNode
        permits ScanExec,
                ValuesExec,
                FilterExec,
                ProjectExec,
                ExpandExec,
                HashAggregateExec,
                HashJoinExec,
                NestedLoopJoinExec,
                SortExec,
                LimitExec,
                CoalesceExec,
                UnionExec,
                RepartitionExec,
                HashDistinctExec,
                SetOperationExec,
                WindowExec,
                DeduplicateExec,
                SessionWindowExec,
                ExtensionExec {

    Schema schema();

    List<PhysicalNode> inputs();

    /** How many independent output partitions running this node yields. */
    int partitionCount();

    /** Whether the output ends; a node is unbounded when any input is. */
    default Boundedness boundedness() {
        return Boundedness.of(inputs());
    }
}
