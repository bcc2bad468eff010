package io.freshet.expr.aggregate;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.ObjectVector;
import io.freshet.data.Vector;
import io.freshet.types.DecimalType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal sums and counts per group for {@code sum} and {@code avg} over decimals. As in
 * Spark, the sum may grow past its type while adding and is checked against decimal(min(38, p +
 * 10), s) when the result is produced; the average divides with Spark's decimal division scale and
 * rounds half up to decimal(p + 4, s + 4).
 */
final class DecimalSumAccumulator implements GroupedAccumulator {
    private static final int COUNT_PRECISION = 20;

    private final String name;
    private final DecimalType inputType;
    private final DecimalType resultType;
    private final DecimalType sumType;
    private final boolean average;
    private final boolean tryMode;
    private BigDecimal[] sums = new BigDecimal[0];
    private long[] counts = new long[0];

    DecimalSumAccumulator(
            String name, DecimalType inputType, DecimalType resultType, boolean average, boolean tryMode) {
        this.name = name;
        this.inputType = inputType;
        this.resultType = resultType;
        this.sumType = Arguments.boundedDecimal(inputType.precision() + 10, inputType.scale());
        this.average = average;
        this.tryMode = tryMode;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        sums = GroupArrays.grow(sums, groupCount);
        counts = GroupArrays.grow(counts, groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        if (!(args[0] instanceof ObjectVector vector)) {
            return;
        }
        Object[] values = vector.values();
        for (int i = 0; i < rowCount; i++) {
            Object value = values[i];
            if (value != null) {
                int g = groupIds[i];
                BigDecimal sum = sums[g];
                sums[g] = sum == null ? (BigDecimal) value : sum.add((BigDecimal) value);
                counts[g]++;
            }
        }
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        DecimalSumAccumulator that = (DecimalSumAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            if (that.counts[g] == 0) {
                continue;
            }
            int target = groupMapping[g];
            sums[target] = sums[target] == null ? that.sums[g] : sums[target].add(that.sums[g]);
            counts[target] += that.counts[g];
        }
    }

    @Override
    public Vector result(int groupCount) {
        Object[] values = new Object[groupCount];
        for (int g = 0; g < groupCount; g++) {
            if (counts[g] > 0) {
                values[g] = finish(sums[g], counts[g]);
            }
        }
        return new ObjectVector(resultType, values, groupCount);
    }

    private BigDecimal finish(BigDecimal sum, long count) {
        BigDecimal checkedSum = fit(sum, sumType);
        if (checkedSum == null || !average) {
            return checkedSum;
        }
        BigDecimal quotient = checkedSum.divide(BigDecimal.valueOf(count), divisionScale(), RoundingMode.HALF_UP);
        return fit(quotient, resultType);
    }

    /**
     * The scale of Spark's {@code decimal(P, S) / decimal(20, 0)} with precision loss allowed, where
     * decimal(P, S) is the sum's type.
     */
    private int divisionScale() {
        int scale = Math.max(6, sumType.scale() + COUNT_PRECISION + 1);
        int precision = sumType.precision() - sumType.scale() + scale;
        if (precision <= DecimalType.MAX_PRECISION) {
            return scale;
        }
        int integerDigits = precision - scale;
        return Math.max(DecimalType.MAX_PRECISION - integerDigits, Math.min(scale, 6));
    }

    /** The value rounded to the type's scale, or null (try mode) or an error when it does not fit. */
    private BigDecimal fit(BigDecimal value, DecimalType type) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() <= type.precision() - type.scale()) {
            return scaled;
        }
        if (tryMode) {
            return null;
        }
        throw new FreshetException(
                ErrorCode.ARITHMETIC_OVERFLOW,
                name + " of " + inputType.sqlName() + " values does not fit in " + type.sqlName() + "; use "
                        + (average ? "try_avg" : "try_sum") + " to get NULL on overflow instead");
    }

    @Override
    public long estimatedBytes() {
        return 8L * counts.length + 48L * sums.length;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeLong(counts[group]);
        if (counts[group] > 0) {
            ValueIo.writeDecimal(sums[group], out);
        }
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        counts[group] = in.readLong();
        sums[group] = counts[group] > 0 ? ValueIo.readDecimal(in) : null;
    }
}
