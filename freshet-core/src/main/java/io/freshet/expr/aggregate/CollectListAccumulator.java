package io.freshet.expr.aggregate;

import io.freshet.data.ObjectVector;
import io.freshet.data.Vector;
import io.freshet.types.ArrayType;
import io.freshet.types.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The non-null values of each group in arrival order: all groups share one typed element store, and
 * each group's elements form a linked list through {@code next} (indices plus one; 0 ends a list).
 */
final class CollectListAccumulator implements GroupedAccumulator {
    private final DataType elementType;
    private final ValueSlots elements;
    private int elementCount;
    private int[] next = new int[0];
    private int[] heads = new int[0];
    private int[] tails = new int[0];
    private int[] sizes = new int[0];

    CollectListAccumulator(DataType elementType) {
        this.elementType = elementType;
        this.elements = ValueSlots.forType(elementType);
    }

    @Override
    public void ensureCapacity(int groupCount) {
        heads = GroupArrays.grow(heads, groupCount);
        tails = GroupArrays.grow(tails, groupCount);
        sizes = GroupArrays.grow(sizes, groupCount);
    }

    private int appendSlot(int group) {
        int index = elementCount++;
        if (index >= elements.capacity()) {
            elements.ensureCapacity(index + 1);
            next = GroupArrays.grow(next, elements.capacity());
        }
        next[index] = 0;
        if (heads[group] == 0) {
            heads[group] = index + 1;
        } else {
            next[tails[group] - 1] = index + 1;
        }
        tails[group] = index + 1;
        sizes[group]++;
        return index;
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        Vector vector = args[0];
        long[] nulls = vector.nulls();
        for (int i = 0; i < rowCount; i++) {
            if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                elements.set(appendSlot(groupIds[i]), vector, i);
            }
        }
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        CollectListAccumulator that = (CollectListAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            int target = groupMapping[g];
            for (int e = that.heads[g]; e != 0; e = that.next[e - 1]) {
                elements.copy(appendSlot(target), that.elements, e - 1);
            }
        }
    }

    @Override
    public Vector result(int groupCount) {
        Object[] lists = new Object[groupCount];
        for (int g = 0; g < groupCount; g++) {
            List<Object> list = new ArrayList<>(sizes[g]);
            for (int e = heads[g]; e != 0; e = next[e - 1]) {
                list.add(elements.get(e - 1));
            }
            lists[g] = Collections.unmodifiableList(list);
        }
        return new ObjectVector(new ArrayType(elementType), lists, groupCount);
    }

    @Override
    public long estimatedBytes() {
        return elements.estimatedBytes() + 4L * next.length + 12L * heads.length;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeInt(sizes[group]);
        for (int e = heads[group]; e != 0; e = next[e - 1]) {
            elements.write(e - 1, out);
        }
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        // The group's old elements stay in the store unreferenced; replacing state is rare.
        heads[group] = 0;
        tails[group] = 0;
        sizes[group] = 0;
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            elements.read(appendSlot(group), in);
        }
    }
}
