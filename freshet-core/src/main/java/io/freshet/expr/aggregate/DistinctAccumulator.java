package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import io.freshet.types.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Makes any aggregate see each distinct argument value of a group once ({@code f(DISTINCT x)}):
 * keeps the distinct keys per group and passes a row to the wrapped accumulator only when its key
 * is new to its group. Merging unions the key sets and feeds the wrapped accumulator the keys that
 * were new, so values seen by both sides are counted once; the wrapped accumulators are never
 * merged directly.
 */
final class DistinctAccumulator implements GroupedAccumulator {
    private final GroupedAccumulator delegate;
    private final DistinctKeys keys;
    private final int keyCount;
    private int[] positions = new int[0];
    private int[] groups = new int[0];

    DistinctAccumulator(GroupedAccumulator delegate, List<DataType> keyTypes) {
        this.delegate = delegate;
        this.keys = new DistinctKeys(keyTypes, false);
        this.keyCount = keyTypes.size();
    }

    @Override
    public void ensureCapacity(int groupCount) {
        keys.ensureGroups(groupCount);
        delegate.ensureCapacity(groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        positions = GroupArrays.grow(positions, rowCount);
        int added = keys.insert(groupIds, args, rowCount, positions);
        if (added == 0) {
            return;
        }
        Vector[] keyArgs = new Vector[keyCount];
        if (added == rowCount) {
            System.arraycopy(args, 0, keyArgs, 0, keyCount);
            delegate.add(groupIds, keyArgs, rowCount);
            return;
        }
        groups = GroupArrays.grow(groups, added);
        for (int j = 0; j < added; j++) {
            groups[j] = groupIds[positions[j]];
        }
        for (int k = 0; k < keyCount; k++) {
            keyArgs[k] = args[k].select(positions, added);
        }
        delegate.add(groups, keyArgs, added);
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        DistinctKeys.NewKeys newKeys = new DistinctKeys.NewKeys(keys.keyTypes());
        keys.merge(((DistinctAccumulator) other).keys, groupMapping, otherGroupCount, newKeys);
        if (newKeys.count() > 0) {
            delegate.add(newKeys.groups(), newKeys.build(), newKeys.count());
        }
    }

    @Override
    public Vector result(int groupCount) {
        return delegate.result(groupCount);
    }

    @Override
    public long estimatedBytes() {
        return keys.estimatedBytes() + delegate.estimatedBytes();
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        keys.writeGroup(group, out);
        delegate.writeState(group, out);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        keys.readGroup(group, in);
        delegate.readState(group, in);
    }
}
