package io.freshet.plan.logical;

/** The kind of a {@link Join}. */
public enum JoinType {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    LEFT_SEMI,
    LEFT_ANTI,
    CROSS;

    /** Whether the join outputs only the left side's columns. */
    public boolean leftOnly() {
        return this == LEFT_SEMI || this == LEFT_ANTI;
    }

    public String sql() {
        return switch (this) {
            case INNER -> "INNER";
            case LEFT -> "LEFT OUTER";
            case RIGHT -> "RIGHT OUTER";
            case FULL -> "FULL OUTER";
            case LEFT_SEMI -> "LEFT SEMI";
            case LEFT_ANTI -> "LEFT ANTI";
            case CROSS -> "CROSS";
        };
    }
}
