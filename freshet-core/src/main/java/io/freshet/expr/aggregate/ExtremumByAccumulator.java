package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import io.freshet.types.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Per group, the extreme ordering value seen so far and the value of its row. */
final class ExtremumByAccumulator implements GroupedAccumulator {
    private final ValueSlots values;
    private final ValueSlots orderings;
    private final boolean max;

    ExtremumByAccumulator(DataType valueType, DataType orderingType, boolean max) {
        this.values = ValueSlots.forType(valueType);
        this.orderings = ValueSlots.forType(orderingType);
        this.max = max;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        values.ensureCapacity(groupCount);
        orderings.ensureCapacity(groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        Vector value = args[0];
        Vector ordering = args[1];
        long[] nulls = ordering.nulls();
        for (int i = 0; i < rowCount; i++) {
            if (nulls != null && GroupArrays.isNull(nulls, i)) {
                continue;
            }
            int g = groupIds[i];
            if (!orderings.isPresent(g) || beats(orderings.compare(g, ordering, i))) {
                orderings.set(g, ordering, i);
                values.set(g, value, i);
            }
        }
    }

    /** Whether a row replaces the current extreme, given the current one compared with the row. */
    private boolean beats(int currentComparedToRow) {
        return max ? currentComparedToRow < 0 : currentComparedToRow > 0;
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        ExtremumByAccumulator that = (ExtremumByAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            if (!that.orderings.isPresent(g)) {
                continue;
            }
            int target = groupMapping[g];
            if (!orderings.isPresent(target) || beats(orderings.compareSlots(target, that.orderings, g))) {
                orderings.copy(target, that.orderings, g);
                values.copy(target, that.values, g);
            }
        }
    }

    @Override
    public Vector result(int groupCount) {
        return values.toVector(groupCount);
    }

    @Override
    public long estimatedBytes() {
        return values.estimatedBytes() + orderings.estimatedBytes();
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        orderings.write(group, out);
        values.write(group, out);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        orderings.read(group, in);
        values.read(group, in);
    }
}
