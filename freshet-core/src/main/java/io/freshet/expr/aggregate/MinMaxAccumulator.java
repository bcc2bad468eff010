package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import io.freshet.types.DataType;
import io.freshet.types.NullType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The least or greatest non-null value per group, kept in typed {@link ValueSlots}. */
final class MinMaxAccumulator implements GroupedAccumulator {
    private final ValueSlots slots;
    private final boolean max;

    MinMaxAccumulator(DataType type, boolean max) {
        this.slots = ValueSlots.forType(type);
        this.max = max;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        slots.ensureCapacity(groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        if (args[0].type() instanceof NullType) {
            // An untyped NULL argument (e.g. bool_and(NULL)): no value to keep.
            return;
        }
        slots.updateExtreme(groupIds, args[0], rowCount, max);
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        slots.mergeExtreme(((MinMaxAccumulator) other).slots, groupMapping, otherGroupCount, max);
    }

    @Override
    public Vector result(int groupCount) {
        return slots.toVector(groupCount);
    }

    @Override
    public long estimatedBytes() {
        return slots.estimatedBytes();
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        slots.write(group, out);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        slots.read(group, in);
    }
}
