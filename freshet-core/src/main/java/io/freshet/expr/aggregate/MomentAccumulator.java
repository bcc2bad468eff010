package io.freshet.expr.aggregate;

import io.freshet.data.DoubleVector;
import io.freshet.data.Vector;
import io.freshet.expr.aggregate.MomentFunction.Statistic;
import io.freshet.types.DoubleType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Count, mean and central moment sums (m2 and, when needed, m3 and m4) per group, updated with
 * Welford's (Terriberry's) one-pass recurrences and combined with Chan et al.'s parallel formulas,
 * which stay accurate where the textbook sum-of-squares formula cancels catastrophically.
 */
final class MomentAccumulator implements GroupedAccumulator {
    private final Statistic statistic;
    private final int order;
    private long[] counts = new long[0];
    private double[] means = new double[0];
    private double[] m2 = new double[0];
    private double[] m3 = new double[0];
    private double[] m4 = new double[0];

    MomentAccumulator(Statistic statistic) {
        this.statistic = statistic;
        this.order = statistic.order();
    }

    @Override
    public void ensureCapacity(int groupCount) {
        counts = GroupArrays.grow(counts, groupCount);
        means = GroupArrays.grow(means, groupCount);
        m2 = GroupArrays.grow(m2, groupCount);
        if (order > 2) {
            m3 = GroupArrays.grow(m3, groupCount);
            m4 = GroupArrays.grow(m4, groupCount);
        }
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        double[] values = NumericInputs.toDoubles(args[0], rowCount);
        long[] nulls = args[0].nulls();
        if (order > 2) {
            for (int i = 0; i < rowCount; i++) {
                if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                    addHigherMoments(groupIds[i], values[i]);
                }
            }
            return;
        }
        long[] counts = this.counts;
        double[] means = this.means;
        double[] m2 = this.m2;
        for (int i = 0; i < rowCount; i++) {
            if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                int g = groupIds[i];
                double x = values[i];
                long n = ++counts[g];
                double delta = x - means[g];
                means[g] += delta / n;
                m2[g] += delta * (x - means[g]);
            }
        }
    }

    private void addHigherMoments(int g, double x) {
        double previousCount = counts[g];
        double n = ++counts[g];
        double delta = x - means[g];
        double deltaN = delta / n;
        double deltaN2 = deltaN * deltaN;
        double term = delta * deltaN * previousCount;
        means[g] += deltaN;
        m4[g] += term * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2[g] - 4 * deltaN * m3[g];
        m3[g] += term * deltaN * (n - 2) - 3 * deltaN * m2[g];
        m2[g] += term;
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        MomentAccumulator that = (MomentAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            if (that.counts[g] == 0) {
                continue;
            }
            int t = groupMapping[g];
            if (counts[t] == 0) {
                counts[t] = that.counts[g];
                means[t] = that.means[g];
                m2[t] = that.m2[g];
                if (order > 2) {
                    m3[t] = that.m3[g];
                    m4[t] = that.m4[g];
                }
                continue;
            }
            double na = counts[t];
            double nb = that.counts[g];
            double n = na + nb;
            double delta = that.means[g] - means[t];
            double delta2 = delta * delta;
            if (order > 2) {
                m4[t] += that.m4[g]
                        + delta2 * delta2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
                        + 6 * delta2 * (na * na * that.m2[g] + nb * nb * m2[t]) / (n * n)
                        + 4 * delta * (na * that.m3[g] - nb * m3[t]) / n;
                m3[t] += that.m3[g]
                        + delta2 * delta * na * nb * (na - nb) / (n * n)
                        + 3 * delta * (na * that.m2[g] - nb * m2[t]) / n;
            }
            m2[t] += that.m2[g] + delta2 * na * nb / n;
            means[t] += delta * nb / n;
            counts[t] += that.counts[g];
        }
    }

    @Override
    public Vector result(int groupCount) {
        double[] values = new double[groupCount];
        long[] nulls = null;
        for (int g = 0; g < groupCount; g++) {
            if (isUndefined(g)) {
                if (nulls == null) {
                    nulls = new long[(groupCount + 63) >>> 6];
                }
                nulls[g >>> 6] |= 1L << g;
            } else {
                values[g] = statistic(g);
            }
        }
        return new DoubleVector(DoubleType.DOUBLE, values, nulls, groupCount);
    }

    /** Whether the statistic of a group is null: no rows, one row for a sample statistic, or a zero m2 for the shape ones. */
    private boolean isUndefined(int g) {
        long n = counts[g];
        return switch (statistic) {
            case VAR_POP, STDDEV_POP -> n == 0;
            case VAR_SAMP, STDDEV_SAMP -> n <= 1;
            case SKEWNESS, KURTOSIS -> n == 0 || m2[g] == 0.0;
        };
    }

    private double statistic(int g) {
        double n = counts[g];
        return switch (statistic) {
            case VAR_POP -> m2[g] / n;
            case VAR_SAMP -> m2[g] / (n - 1);
            case STDDEV_POP -> Math.sqrt(m2[g] / n);
            case STDDEV_SAMP -> Math.sqrt(m2[g] / (n - 1));
            case SKEWNESS -> Math.sqrt(n) * m3[g] / Math.sqrt(m2[g] * m2[g] * m2[g]);
            case KURTOSIS -> n * m4[g] / (m2[g] * m2[g]) - 3.0;
        };
    }

    @Override
    public long estimatedBytes() {
        return 8L * (counts.length + means.length + m2.length + m3.length + m4.length);
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeLong(counts[group]);
        out.writeDouble(means[group]);
        out.writeDouble(m2[group]);
        if (order > 2) {
            out.writeDouble(m3[group]);
            out.writeDouble(m4[group]);
        }
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        counts[group] = in.readLong();
        means[group] = in.readDouble();
        m2[group] = in.readDouble();
        if (order > 2) {
            m3[group] = in.readDouble();
            m4[group] = in.readDouble();
        }
    }
}
