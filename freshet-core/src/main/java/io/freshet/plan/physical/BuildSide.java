package io.freshet.plan.physical;

/** Which input of a join is materialized (and indexed); the other one is streamed through it. */
public enum BuildSide {
    LEFT,
    RIGHT
}
