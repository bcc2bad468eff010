package io.freshet.sql.ast;

/** The kind of a join; {@code SEMI} and {@code ANTI} are left semi and left anti joins. */
public enum JoinType {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    SEMI,
    ANTI,
    CROSS
}
