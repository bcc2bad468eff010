package io.freshet.plan.physical;

/** The kind of a physical join; a cross join is an {@link #INNER} join without a condition. */
public enum JoinKind {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    LEFT_SEMI,
    LEFT_ANTI;

    /** Whether the output has only the left side's columns. */
    public boolean leftOnly() {
        return this == LEFT_SEMI || this == LEFT_ANTI;
    }

    /** Whether rows of the left side without a match are kept, padded with nulls. */
    public boolean keepsUnmatchedLeft() {
        return this == LEFT || this == FULL;
    }

    /** Whether rows of the right side without a match are kept, padded with nulls. */
    public boolean keepsUnmatchedRight() {
        return this == RIGHT || this == FULL;
    }
}
