package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import io.freshet.types.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The first or last value per group; a group is "assigned" once a row (non-null if ignoring nulls) was seen. */
final class FirstLastAccumulator implements GroupedAccumulator {
    private final ValueSlots slots;
    private final boolean last;
    private final boolean ignoreNulls;
    private boolean[] assigned = new boolean[0];

    FirstLastAccumulator(DataType type, boolean last, boolean ignoreNulls) {
        this.slots = ValueSlots.forType(type);
        this.last = last;
        this.ignoreNulls = ignoreNulls;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        slots.ensureCapacity(groupCount);
        assigned = GroupArrays.grow(assigned, groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        Vector vector = args[0];
        long[] nulls = ignoreNulls ? vector.nulls() : null;
        for (int i = 0; i < rowCount; i++) {
            int g = groupIds[i];
            if ((!last && assigned[g]) || (nulls != null && GroupArrays.isNull(nulls, i))) {
                continue;
            }
            slots.set(g, vector, i);
            assigned[g] = true;
        }
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        FirstLastAccumulator that = (FirstLastAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            int target = groupMapping[g];
            if (that.assigned[g] && (last || !assigned[target])) {
                slots.copy(target, that.slots, g);
                assigned[target] = true;
            }
        }
    }

    @Override
    public Vector result(int groupCount) {
        return slots.toVector(groupCount);
    }

    @Override
    public long estimatedBytes() {
        return slots.estimatedBytes() + assigned.length;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeBoolean(assigned[group]);
        slots.write(group, out);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        assigned[group] = in.readBoolean();
        slots.read(group, in);
    }
}
