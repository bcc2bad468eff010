package io.freshet.expr.aggregate;

import io.freshet.data.BooleanVector;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/** Counts rows per group: all rows, rows with no null argument, or rows whose condition is true. */
final class CountAccumulator implements GroupedAccumulator {
    private final int argumentCount;
    private final boolean conditional;
    private long[] counts = new long[0];

    CountAccumulator(int argumentCount, boolean conditional) {
        this.argumentCount = argumentCount;
        this.conditional = conditional;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        counts = GroupArrays.grow(counts, groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        long[] counts = this.counts;
        if (conditional) {
            if (args[0] instanceof BooleanVector conditions) {
                addConditional(groupIds, conditions, rowCount);
            }
            return;
        }
        long[] nulls = null;
        for (int k = 0; k < argumentCount; k++) {
            if (args[k].mayHaveNulls()) {
                nulls = nulls == null ? args[k].nulls() : or(nulls, args[k].nulls());
            }
        }
        if (nulls == null) {
            for (int i = 0; i < rowCount; i++) {
                counts[groupIds[i]]++;
            }
            return;
        }
        for (int i = 0; i < rowCount; i++) {
            if (!GroupArrays.isNull(nulls, i)) {
                counts[groupIds[i]]++;
            }
        }
    }

    private void addConditional(int[] groupIds, BooleanVector conditions, int rowCount) {
        long[] counts = this.counts;
        boolean[] values = conditions.values();
        long[] nulls = conditions.nulls();
        for (int i = 0; i < rowCount; i++) {
            if (values[i] && (nulls == null || !GroupArrays.isNull(nulls, i))) {
                counts[groupIds[i]]++;
            }
        }
    }

    private static long[] or(long[] a, long[] b) {
        long[] result = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            result[i] |= b[i];
        }
        return result;
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        CountAccumulator that = (CountAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            counts[groupMapping[g]] += that.counts[g];
        }
    }

    @Override
    public Vector result(int groupCount) {
        return new LongVector(BigintType.BIGINT, Arrays.copyOf(counts, groupCount), null, groupCount);
    }

    @Override
    public long estimatedBytes() {
        return 8L * counts.length;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeLong(counts[group]);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        counts[group] = in.readLong();
    }
}
