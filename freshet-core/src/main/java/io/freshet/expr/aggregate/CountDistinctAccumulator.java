package io.freshet.expr.aggregate;

import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/** {@code count(DISTINCT a, …)}: the number of distinct non-null keys per group, straight from the key set. */
final class CountDistinctAccumulator implements GroupedAccumulator {
    private final DistinctKeys keys;

    CountDistinctAccumulator(List<DataType> keyTypes) {
        this.keys = new DistinctKeys(keyTypes, true);
    }

    @Override
    public void ensureCapacity(int groupCount) {
        keys.ensureGroups(groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        keys.insert(groupIds, args, rowCount, null);
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        keys.merge(((CountDistinctAccumulator) other).keys, groupMapping, otherGroupCount, null);
    }

    @Override
    public Vector result(int groupCount) {
        long[] counts = new long[groupCount];
        for (int g = 0; g < groupCount; g++) {
            counts[g] = keys.size(g);
        }
        return new LongVector(BigintType.BIGINT, counts, null, groupCount);
    }

    @Override
    public long estimatedBytes() {
        return keys.estimatedBytes();
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        keys.writeGroup(group, out);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        keys.readGroup(group, in);
    }
}
