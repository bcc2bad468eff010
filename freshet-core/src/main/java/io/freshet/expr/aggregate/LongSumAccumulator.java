package io.freshet.expr.aggregate;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.types.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact long sums per group for int, bigint and interval inputs (and the interval average, which
 * rounds half up like Spark). Overflow throws, or makes the group null in {@code try} mode.
 */
final class LongSumAccumulator implements GroupedAccumulator {
    private final String name;
    private final DataType resultType;
    private final boolean average;
    private final boolean tryMode;
    private long[] sums = new long[0];
    private long[] counts = new long[0];
    /** Groups whose sum overflowed ({@code try} mode only). */
    private boolean[] overflowed = new boolean[0];

    LongSumAccumulator(String name, DataType resultType, boolean average, boolean tryMode) {
        this.name = name;
        this.resultType = resultType;
        this.average = average;
        this.tryMode = tryMode;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        sums = GroupArrays.grow(sums, groupCount);
        counts = GroupArrays.grow(counts, groupCount);
        overflowed = GroupArrays.grow(overflowed, groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        switch (args[0]) {
            case LongVector v -> addLongs(groupIds, v.values(), v.nulls(), rowCount);
            case IntVector v -> addInts(groupIds, v.values(), v.nulls(), rowCount);
            default -> {
                // An untyped NULL argument: nothing to add.
            }
        }
    }

    private void addLongs(int[] groupIds, long[] values, long[] nulls, int rowCount) {
        long[] sums = this.sums;
        long[] counts = this.counts;
        if (tryMode) {
            for (int i = 0; i < rowCount; i++) {
                if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                    addChecked(groupIds[i], values[i]);
                }
            }
            return;
        }
        try {
            if (nulls == null) {
                for (int i = 0; i < rowCount; i++) {
                    int g = groupIds[i];
                    sums[g] = Math.addExact(sums[g], values[i]);
                    counts[g]++;
                }
            } else {
                for (int i = 0; i < rowCount; i++) {
                    if (!GroupArrays.isNull(nulls, i)) {
                        int g = groupIds[i];
                        sums[g] = Math.addExact(sums[g], values[i]);
                        counts[g]++;
                    }
                }
            }
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    private void addInts(int[] groupIds, int[] values, long[] nulls, int rowCount) {
        long[] sums = this.sums;
        long[] counts = this.counts;
        if (tryMode) {
            for (int i = 0; i < rowCount; i++) {
                if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                    addChecked(groupIds[i], values[i]);
                }
            }
            return;
        }
        try {
            for (int i = 0; i < rowCount; i++) {
                if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                    int g = groupIds[i];
                    sums[g] = Math.addExact(sums[g], values[i]);
                    counts[g]++;
                }
            }
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    /** Adds in {@code try} mode: an overflow marks the group instead of throwing. */
    private void addChecked(int group, long value) {
        long sum = sums[group];
        long result = sum + value;
        if (((sum ^ result) & (value ^ result)) < 0) {
            overflowed[group] = true;
        }
        sums[group] = result;
        counts[group]++;
    }

    private FreshetException overflow() {
        String type = resultType.sqlName();
        String alternative = average ? "try_avg" : "try_sum";
        return new FreshetException(
                ErrorCode.ARITHMETIC_OVERFLOW,
                name + " overflowed the range of " + type + "; use " + alternative
                        + " to get NULL on overflow instead");
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        LongSumAccumulator that = (LongSumAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            if (that.counts[g] == 0) {
                continue;
            }
            int target = groupMapping[g];
            if (that.overflowed[g]) {
                overflowed[target] = true;
            }
            if (tryMode) {
                long count = counts[target];
                addChecked(target, that.sums[g]);
                counts[target] = count + that.counts[g];
            } else {
                try {
                    sums[target] = Math.addExact(sums[target], that.sums[g]);
                } catch (ArithmeticException e) {
                    throw overflow();
                }
                counts[target] += that.counts[g];
            }
        }
    }

    @Override
    public Vector result(int groupCount) {
        long[] values = new long[groupCount];
        long[] nulls = null;
        for (int g = 0; g < groupCount; g++) {
            if (counts[g] == 0 || overflowed[g]) {
                if (nulls == null) {
                    nulls = new long[(groupCount + 63) >>> 6];
                }
                nulls[g >>> 6] |= 1L << g;
            } else {
                values[g] = average ? divideHalfUp(sums[g], counts[g]) : sums[g];
            }
        }
        return new LongVector(resultType, values, nulls, groupCount);
    }

    private static long divideHalfUp(long sum, long count) {
        return BigDecimal.valueOf(sum)
                .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    @Override
    public long estimatedBytes() {
        return 17L * sums.length;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeLong(sums[group]);
        out.writeLong(counts[group]);
        out.writeBoolean(overflowed[group]);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        sums[group] = in.readLong();
        counts[group] = in.readLong();
        overflowed[group] = in.readBoolean();
    }
}
