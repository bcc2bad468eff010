package io.freshet.expr.window;

import io.freshet.data.Vector;

import static java.util.Objects.requireNonNull;

/**
 * One partition of a window, as a window function sees it: rows {@code [start, end)} of argument
 * vectors sorted by the window's order, where each row's peers (rows with equal order keys) and frame
 * are known. Row indexes are absolute positions in the vectors. Not thread-safe; reused per partition.
 */
public final class WindowPartition {
    private final Vector[] arguments;
    private final int[] peerStarts;
    private final int[] peerEnds;
    private final int[] frameStarts;
    private final int[] frameEnds;
    private int start;
    private int end;

    /**
     * @param arguments the function's argument vectors over all sorted rows
     * @param peerStarts for each row, the first row of its peer group
     * @param peerEnds for each row, the row after its peer group
     * @param frameStarts for each row, the first row of its frame (null when the function ignores frames)
     * @param frameEnds for each row, the row after its frame; a frame with {@code end <= start} is empty
     */
    public WindowPartition(Vector[] arguments, int[] peerStarts, int[] peerEnds, int[] frameStarts, int[] frameEnds) {
        this.arguments = requireNonNull(arguments, "arguments is null").clone();
        this.peerStarts = requireNonNull(peerStarts, "peerStarts is null");
        this.peerEnds = requireNonNull(peerEnds, "peerEnds is null");
        this.frameStarts = frameStarts;
        this.frameEnds = frameEnds;
    }

    /** Moves to the partition of rows {@code [start, end)}. */
    public void reset(int start, int end) {
        this.start = start;
        this.end = end;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int size() {
        return end - start;
    }

    public Vector argument(int index) {
        return arguments[index];
    }

    public int argumentCount() {
        return arguments.length;
    }

    public int peerStart(int row) {
        return peerStarts[row];
    }

    public int peerEnd(int row) {
        return peerEnds[row];
    }

    public int frameStart(int row) {
        return frameStarts[row];
    }

    public int frameEnd(int row) {
        return frameEnds[row];
    }
}
