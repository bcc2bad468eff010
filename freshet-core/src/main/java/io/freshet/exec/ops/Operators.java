package io.freshet.exec.ops;

import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.plan.physical.CoalesceExec;
import io.freshet.plan.physical.DeduplicateExec;
import io.freshet.plan.physical.ExpandExec;
import io.freshet.plan.physical.ExtensionExec;
import io.freshet.plan.physical.FilterExec;
import io.freshet.plan.physical.HashAggregateExec;
import io.freshet.plan.physical.HashDistinctExec;
import io.freshet.plan.physical.HashJoinExec;
import io.freshet.plan.physical.LimitExec;
import io.freshet.plan.physical.NestedLoopJoinExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.ProjectExec;
import io.freshet.plan.physical.RepartitionExec;
import io.freshet.plan.physical.ScanExec;
import io.freshet.plan.physical.SessionWindowExec;
import io.freshet.plan.physical.SetOperationExec;
import io.freshet.plan.physical.SortExec;
import io.freshet.plan.physical.UnionExec;
import io.freshet.plan.physical.ValuesExec;
import io.freshet.plan.physical.WindowExec;
import io.freshet.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** Creates the running operator of one partition of a physical node (the executor wraps it). */
public final class Operators {
    private Operators() {}

    /** The operator for {@code partition} of {@code node}; its inputs are started through the context. */
    public static BatchStream create(PhysicalNode node, int partition, ExecContext context) {
        return switch (node) {
            case ScanExec scan -> new ScanOperator(scan, partition, context);
            case ValuesExec values -> new ValuesOperator(values, context);
            case FilterExec filter -> new FilterOperator(filter, input(filter, partition, context), context);
            case ProjectExec project -> new ProjectOperator(project, input(project, partition, context), context);
            case ExpandExec expand -> new ExpandOperator(expand, input(expand, partition, context), context);
            case HashAggregateExec aggregate -> new HashAggregateOperator(aggregate, partition, context);
            case HashJoinExec join -> new HashJoinOperator(join, partition, context);
            case NestedLoopJoinExec join -> new HashJoinOperator(join, partition, context);
            case SortExec sort -> new SortOperator(sort, context);
            case LimitExec limit -> new LimitOperator(limit, input(limit, partition, context));
            case CoalesceExec coalesce -> new CoalesceOperator(coalesce, context);
            case UnionExec union -> union(union, partition, context);
            case RepartitionExec repartition -> repartition(repartition, partition, context);
            case HashDistinctExec distinct ->
                new HashDistinctOperator(
                        input(distinct, partition, context),
                        allColumns(distinct),
                        types(distinct, allColumns(distinct)),
                        context);
            case SetOperationExec operation -> new SetOperationOperator(operation, partition, context);
            case WindowExec window -> new WindowOperator(window, partition, context);
            case SessionWindowExec session -> new SessionWindowOperator(session, partition, context);
            case ExtensionExec extension -> context.extensions().create(extension, partition, context);
            case DeduplicateExec deduplicate -> {
                int[] keys = deduplicate.keyColumns().stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
                yield new HashDistinctOperator(
                        input(deduplicate, partition, context), keys, types(deduplicate, keys), context);
            }
        };
    }

    private static BatchStream input(PhysicalNode node, int partition, ExecContext context) {
        return context.execute(node.inputs().get(0), partition);
    }

    /** Partition {@code p} of a union is a partition of one of its inputs, passed through as is. */
    private static BatchStream union(UnionExec union, int partition, ExecContext context) {
        int remaining = partition;
        for (PhysicalNode input : union.inputs()) {
            if (remaining < input.partitionCount()) {
                return context.execute(input, remaining);
            }
            remaining -= input.partitionCount();
        }
        throw new IllegalArgumentException("partition " + partition + " out of " + union.partitionCount());
    }

    private static BatchStream repartition(RepartitionExec repartition, int partition, ExecContext context) {
        if (repartition.input().partitionCount() == 1 && repartition.partitionCount() == 1) {
            // Nothing to move: stream the single input partition through.
            return context.execute(repartition.input(), 0);
        }
        return new RepartitionOperator(repartition, partition, context);
    }

    private static int[] allColumns(PhysicalNode node) {
        int[] columns = new int[node.schema().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        return columns;
    }

    private static List<DataType> types(PhysicalNode node, int[] columns) {
        List<DataType> types = new ArrayList<>(columns.length);
        for (int column : columns) {
            types.add(node.schema().type(column));
        }
        return types;
    }
}
