package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The running state of one aggregate call for many groups, indexed by dense group ids 0, 1, 2, ….
 * Single-threaded: each partition of a hash aggregation owns its accumulators, and partial results
 * are combined with {@link #merge}.
 */
public interface GroupedAccumulator {

    /** Makes room for groups {@code 0..groupCount)}; new groups start empty. */
    void ensureCapacity(int groupCount);

    /**
     * Adds rows to their groups: row {@code i} (for {@code i < rowCount}) belongs to group {@code
     * groupIds[i]} and its arguments are {@code args[k].get(i)}. Rows whose arguments make the
     * function skip them (e.g. nulls for {@code sum}) are skipped here.
     */
    void add(int[] groupIds, Vector[] args, int rowCount);

    /**
     * Merges another accumulator of the same function into this one: the other's group {@code g}
     * (for {@code g < otherGroupCount}) goes into this one's group {@code groupMapping[g]}.
     */
    void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount);

    /** The final value of groups {@code 0..groupCount)}, as a vector of the function's result type. */
    Vector result(int groupCount);

    /** An estimate of the bytes this accumulator holds, for memory accounting. */
    long estimatedBytes();

    /** Writes the state of one group (streaming state stores and spilling). */
    void writeState(int group, DataOutput out) throws IOException;

    /** Reads a state written by {@link #writeState} into a group, replacing what it held. */
    void readState(int group, DataInput in) throws IOException;
}
