package io.freshet.exec.ops;

import io.freshet.data.Vector;
import io.freshet.plan.physical.WindowFrame;
import io.freshet.plan.physical.WindowFrame.Bound;
import io.freshet.plan.physical.WindowFrame.BoundKind;
import java.math.BigDecimal;

/**
 * Computes each row's frame {@code [frameStart, frameEnd)} over rows sorted into partitions: {@code ROWS}
 * frames by counting rows, {@code RANGE} frames by the peers of the row ({@code CURRENT ROW}) or by
 * binary search on the single order key ({@code n PRECEDING/FOLLOWING}). A row with a null order key
 * has its null peers as its offset range; rows with null keys are outside other rows' offset ranges.
 */
final class WindowFrames {
    private WindowFrames() {}

    /**
     * @param partitionStarts the first row of each partition, followed by the row count
     * @param orderKey the sorted order key (for RANGE offsets; null otherwise)
     */
    static void compute(
            WindowFrame frame,
            int[] partitionStarts,
            int[] peerStarts,
            int[] peerEnds,
            Vector orderKey,
            boolean ascending,
            int[] frameStarts,
            int[] frameEnds) {
        for (int p = 0; p + 1 < partitionStarts.length; p++) {
            int start = partitionStarts[p];
            int end = partitionStarts[p + 1];
            if (frame.unit() == WindowFrame.Unit.ROWS) {
                for (int row = start; row < end; row++) {
                    frameStarts[row] = rowsBound(frame.start(), row, start, end, true);
                    frameEnds[row] = rowsBound(frame.end(), row, start, end, false);
                }
            } else {
                range(frame, start, end, peerStarts, peerEnds, orderKey, ascending, frameStarts, frameEnds);
            }
        }
    }

    /** A ROWS bound as a row index: the first row of the frame ({@code isStart}) or the row after it. */
    private static int rowsBound(Bound bound, int row, int start, int end, boolean isStart) {
        long position =
                switch (bound.kind()) {
                    case UNBOUNDED_PRECEDING -> start;
                    case UNBOUNDED_FOLLOWING -> end;
                    case CURRENT_ROW -> isStart ? row : row + 1L;
                    case PRECEDING -> (isStart ? row : row + 1L) - bound.offset();
                    case FOLLOWING -> (isStart ? row : row + 1L) + bound.offset();
                };
        return (int) Math.max(start, Math.min(end, position));
    }

    private static void range(
            WindowFrame frame,
            int start,
            int end,
            int[] peerStarts,
            int[] peerEnds,
            Vector orderKey,
            boolean ascending,
            int[] frameStarts,
            int[] frameEnds) {
        boolean offsets = hasOffset(frame.start()) || hasOffset(frame.end());
        int nonNullStart = start;
        int nonNullEnd = end;
        double[] values = null;
        if (offsets) {
            while (nonNullStart < end && orderKey.isNull(nonNullStart)) {
                nonNullStart++;
            }
            while (nonNullEnd > nonNullStart && orderKey.isNull(nonNullEnd - 1)) {
                nonNullEnd--;
            }
            values = new double[end - start];
            for (int row = nonNullStart; row < nonNullEnd; row++) {
                values[row - start] = asDouble(orderKey.get(row));
            }
        }
        for (int row = start; row < end; row++) {
            boolean nullKey = offsets && orderKey.isNull(row);
            frameStarts[row] = rangeBound(
                    frame.start(),
                    row,
                    start,
                    end,
                    peerStarts,
                    peerEnds,
                    nullKey,
                    true,
                    values,
                    nonNullStart,
                    nonNullEnd,
                    ascending);
            frameEnds[row] = rangeBound(
                    frame.end(),
                    row,
                    start,
                    end,
                    peerStarts,
                    peerEnds,
                    nullKey,
                    false,
                    values,
                    nonNullStart,
                    nonNullEnd,
                    ascending);
        }
    }

    private static boolean hasOffset(Bound bound) {
        return bound.kind() == BoundKind.PRECEDING || bound.kind() == BoundKind.FOLLOWING;
    }

    private static int rangeBound(
            Bound bound,
            int row,
            int start,
            int end,
            int[] peerStarts,
            int[] peerEnds,
            boolean nullKey,
            boolean isStart,
            double[] values,
            int nonNullStart,
            int nonNullEnd,
            boolean ascending) {
        switch (bound.kind()) {
            case UNBOUNDED_PRECEDING:
                return start;
            case UNBOUNDED_FOLLOWING:
                return end;
            case CURRENT_ROW:
                return isStart ? peerStarts[row] : peerEnds[row];
            default:
                break;
        }
        if (nullKey) {
            return isStart ? peerStarts[row] : peerEnds[row];
        }
        double value = values[row - start];
        double delta = bound.kind() == BoundKind.PRECEDING ? -bound.offset() : bound.offset();
        // In a descending order, "preceding" rows have larger values.
        double target = ascending ? value + delta : value - delta;
        // The frame starts at the first row at or past the target, and ends after the last row at or before it.
        int low = nonNullStart;
        int high = nonNullEnd;
        while (low < high) {
            int middle = (low + high) >>> 1;
            double candidate = values[middle - start];
            boolean before = ascending
                    ? (isStart ? candidate < target : candidate <= target)
                    : (isStart ? candidate > target : candidate >= target);
            if (before) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double asDouble(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case Double d -> d;
            case BigDecimal d -> d.doubleValue();
            default ->
                throw new IllegalArgumentException("a RANGE frame with an offset needs a numeric, date or"
                        + " timestamp order key, not " + value.getClass().getSimpleName());
        };
    }
}
