package io.freshet.plan.physical;

/** Whether a physical node's output ends (a batch query) or keeps growing (a stream). */
public enum Boundedness {
    BOUNDED,
    UNBOUNDED;

    /** Unbounded when any of the given is unbounded. */
    public static Boundedness of(java.util.List<PhysicalNode> inputs) {
        for (PhysicalNode input : inputs) {
            if (input.boundedness() == UNBOUNDED) {
                return UNBOUNDED;
            }
        }
        return BOUNDED;
    }
}
