package io.freshet.expr.aggregate;

import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.types.DoubleType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Double sums and counts per group: {@code sum} over double and {@code avg} over int, bigint and
 * double (which Spark reads as doubles). Null for groups without a non-null value.
 */
final class DoubleSumAccumulator implements GroupedAccumulator {
    private final boolean average;
    private double[] sums = new double[0];
    private long[] counts = new long[0];

    DoubleSumAccumulator(boolean average) {
        this.average = average;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        sums = GroupArrays.grow(sums, groupCount);
        counts = GroupArrays.grow(counts, groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        double[] sums = this.sums;
        long[] counts = this.counts;
        switch (args[0]) {
            case DoubleVector v -> {
                double[] values = v.values();
                long[] nulls = v.nulls();
                if (nulls == null) {
                    for (int i = 0; i < rowCount; i++) {
                        int g = groupIds[i];
                        sums[g] += values[i];
                        counts[g]++;
                    }
                } else {
                    for (int i = 0; i < rowCount; i++) {
                        if (!GroupArrays.isNull(nulls, i)) {
                            int g = groupIds[i];
                            sums[g] += values[i];
                            counts[g]++;
                        }
                    }
                }
            }
            case LongVector v -> {
                long[] values = v.values();
                long[] nulls = v.nulls();
                for (int i = 0; i < rowCount; i++) {
                    if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                        int g = groupIds[i];
                        sums[g] += (double) values[i];
                        counts[g]++;
                    }
                }
            }
            case IntVector v -> {
                int[] values = v.values();
                long[] nulls = v.nulls();
                for (int i = 0; i < rowCount; i++) {
                    if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                        int g = groupIds[i];
                        sums[g] += values[i];
                        counts[g]++;
                    }
                }
            }
            default -> {
                // An untyped NULL argument: nothing to add.
            }
        }
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        DoubleSumAccumulator that = (DoubleSumAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            int target = groupMapping[g];
            sums[target] += that.sums[g];
            counts[target] += that.counts[g];
        }
    }

    @Override
    public Vector result(int groupCount) {
        double[] values = new double[groupCount];
        long[] nulls = null;
        for (int g = 0; g < groupCount; g++) {
            if (counts[g] == 0) {
                if (nulls == null) {
                    nulls = new long[(groupCount + 63) >>> 6];
                }
                nulls[g >>> 6] |= 1L << g;
            } else {
                values[g] = average ? sums[g] / counts[g] : sums[g];
            }
        }
        return new DoubleVector(DoubleType.DOUBLE, values, nulls, groupCount);
    }

    @Override
    public long estimatedBytes() {
        return 16L * sums.length;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeDouble(sums[group]);
        out.writeLong(counts[group]);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        sums[group] = in.readDouble();
        counts[group] = in.readLong();
    }
}
