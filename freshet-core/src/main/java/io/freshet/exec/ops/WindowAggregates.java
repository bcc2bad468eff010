package io.freshet.exec.ops;

import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.aggregate.GroupedAccumulator;
import io.freshet.plan.physical.WindowFrame;
import io.freshet.plan.physical.WindowFrame.BoundKind;

/**
 * Evaluates an aggregate over each row's frame: a whole-partition frame with one accumulator group per
 * partition; a frame from the partition start with one accumulator per partition that grows as the
 * frame end moves (its result read whenever the end moves, so {@code result} must not consume the
 * state); any other frame by recomputation, a group per row holding that row's frame.
 */
final class WindowAggregates {
    /** The most (row, frame row) pairs one recomputation step adds at once. */
    private static final int MAX_EXPANDED_ROWS = 1 << 20;

    private WindowAggregates() {}

    static Vector evaluate(
            AggregateFunction function,
            Vector[] args,
            WindowFrame frame,
            int[] partitionStarts,
            int[] frameStarts,
            int[] frameEnds) {
        int rowCount = partitionStarts[partitionStarts.length - 1];
        VectorBuilder result = VectorBuilder.forType(function.resultType(), rowCount);
        boolean fromStart = frame.start().kind() == BoundKind.UNBOUNDED_PRECEDING;
        if (fromStart && frame.end().kind() == BoundKind.UNBOUNDED_FOLLOWING) {
            wholePartitions(function, args, partitionStarts, result);
        } else if (fromStart) {
            for (int p = 0; p + 1 < partitionStarts.length; p++) {
                growing(function, args, partitionStarts[p], partitionStarts[p + 1], frameEnds, result);
            }
        } else {
            recomputed(function, args, rowCount, frameStarts, frameEnds, result);
        }
        return result.build();
    }

    private static void wholePartitions(
            AggregateFunction function, Vector[] args, int[] partitionStarts, VectorBuilder result) {
        int partitions = partitionStarts.length - 1;
        int rowCount = partitionStarts[partitions];
        int[] groupIds = new int[rowCount];
        for (int p = 0; p < partitions; p++) {
            java.util.Arrays.fill(groupIds, partitionStarts[p], partitionStarts[p + 1], p);
        }
        GroupedAccumulator accumulator = function.createAccumulator();
        accumulator.ensureCapacity(partitions);
        accumulator.add(groupIds, args, rowCount);
        Vector values = accumulator.result(partitions);
        for (int row = 0; row < rowCount; row++) {
            result.appendFrom(values, groupIds[row]);
        }
    }

    private static void growing(
            AggregateFunction function, Vector[] args, int start, int end, int[] frameEnds, VectorBuilder result) {
        GroupedAccumulator accumulator = function.createAccumulator();
        accumulator.ensureCapacity(1);
        int added = start;
        Vector current = null;
        for (int row = start; row < end; row++) {
            int frameEnd = frameEnds[row];
            if (frameEnd > added) {
                int count = frameEnd - added;
                Vector[] slice = new Vector[args.length];
                for (int a = 0; a < args.length; a++) {
                    slice[a] = args[a].slice(added, count);
                }
                accumulator.add(new int[count], slice, count);
                added = frameEnd;
                current = null;
            }
            if (current == null) {
                current = accumulator.result(1);
            }
            result.appendFrom(current, 0);
        }
    }

    private static void recomputed(
            AggregateFunction function,
            Vector[] args,
            int rowCount,
            int[] frameStarts,
            int[] frameEnds,
            VectorBuilder result) {
        int row = 0;
        while (row < rowCount) {
            // Take rows while their frames fit into one step (always at least one row).
            int last = row;
            long expanded = 0;
            while (last < rowCount) {
                long size = Math.max(0, frameEnds[last] - frameStarts[last]);
                if (last > row && expanded + size > MAX_EXPANDED_ROWS) {
                    break;
                }
                expanded += size;
                last++;
            }
            int[] positions = new int[(int) expanded];
            int[] groupIds = new int[(int) expanded];
            int at = 0;
            for (int r = row; r < last; r++) {
                for (int frameRow = frameStarts[r]; frameRow < frameEnds[r]; frameRow++) {
                    positions[at] = frameRow;
                    groupIds[at] = r - row;
                    at++;
                }
            }
            Vector[] selected = new Vector[args.length];
            for (int a = 0; a < args.length; a++) {
                selected[a] = args[a].select(positions, at);
            }
            GroupedAccumulator accumulator = function.createAccumulator();
            accumulator.ensureCapacity(last - row);
            accumulator.add(groupIds, selected, at);
            Vector values = accumulator.result(last - row);
            for (int r = 0; r < last - row; r++) {
                result.appendFrom(values, r);
            }
            row = last;
        }
    }
}
