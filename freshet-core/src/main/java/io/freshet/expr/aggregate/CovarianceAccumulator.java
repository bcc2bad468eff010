package io.freshet.expr.aggregate;

import io.freshet.data.DoubleVector;
import io.freshet.data.Vector;
import io.freshet.expr.aggregate.CovarianceFunction.Statistic;
import io.freshet.types.DoubleType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Count, means, co-moment and (for {@code corr}) the second moments of both arguments per group,
 * with one-pass Welford-style updates and Chan et al.'s merge.
 */
final class CovarianceAccumulator implements GroupedAccumulator {
    private final Statistic statistic;
    private long[] counts = new long[0];
    private double[] xMeans = new double[0];
    private double[] yMeans = new double[0];
    private double[] coMoments = new double[0];
    private double[] xMoments = new double[0];
    private double[] yMoments = new double[0];

    CovarianceAccumulator(Statistic statistic) {
        this.statistic = statistic;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        counts = GroupArrays.grow(counts, groupCount);
        xMeans = GroupArrays.grow(xMeans, groupCount);
        yMeans = GroupArrays.grow(yMeans, groupCount);
        coMoments = GroupArrays.grow(coMoments, groupCount);
        xMoments = GroupArrays.grow(xMoments, groupCount);
        yMoments = GroupArrays.grow(yMoments, groupCount);
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        double[] xs = NumericInputs.toDoubles(args[0], rowCount);
        double[] ys = NumericInputs.toDoubles(args[1], rowCount);
        long[] xNulls = args[0].nulls();
        long[] yNulls = args[1].nulls();
        for (int i = 0; i < rowCount; i++) {
            if ((xNulls != null && GroupArrays.isNull(xNulls, i))
                    || (yNulls != null && GroupArrays.isNull(yNulls, i))) {
                continue;
            }
            int g = groupIds[i];
            double x = xs[i];
            double y = ys[i];
            long n = ++counts[g];
            double dx = x - xMeans[g];
            double dy = y - yMeans[g];
            xMeans[g] += dx / n;
            yMeans[g] += dy / n;
            coMoments[g] += dx * (y - yMeans[g]);
            xMoments[g] += dx * (x - xMeans[g]);
            yMoments[g] += dy * (y - yMeans[g]);
        }
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        CovarianceAccumulator that = (CovarianceAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            if (that.counts[g] == 0) {
                continue;
            }
            int t = groupMapping[g];
            double na = counts[t];
            double nb = that.counts[g];
            double n = na + nb;
            double dx = that.xMeans[g] - xMeans[t];
            double dy = that.yMeans[g] - yMeans[t];
            double weight = na * nb / n;
            coMoments[t] += that.coMoments[g] + dx * dy * weight;
            xMoments[t] += that.xMoments[g] + dx * dx * weight;
            yMoments[t] += that.yMoments[g] + dy * dy * weight;
            xMeans[t] += dx * nb / n;
            yMeans[t] += dy * nb / n;
            counts[t] += that.counts[g];
        }
    }

    @Override
    public Vector result(int groupCount) {
        double[] values = new double[groupCount];
        long[] nulls = null;
        for (int g = 0; g < groupCount; g++) {
            long n = counts[g];
            boolean undefined = statistic == Statistic.COVAR_POP ? n == 0 : n <= 1;
            if (undefined) {
                if (nulls == null) {
                    nulls = new long[(groupCount + 63) >>> 6];
                }
                nulls[g >>> 6] |= 1L << g;
                continue;
            }
            values[g] = switch (statistic) {
                case COVAR_POP -> coMoments[g] / n;
                case COVAR_SAMP -> coMoments[g] / (n - 1);
                case CORR -> coMoments[g] / Math.sqrt(xMoments[g] * yMoments[g]);
            };
        }
        return new DoubleVector(DoubleType.DOUBLE, values, nulls, groupCount);
    }

    @Override
    public long estimatedBytes() {
        return 48L * counts.length;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeLong(counts[group]);
        out.writeDouble(xMeans[group]);
        out.writeDouble(yMeans[group]);
        out.writeDouble(coMoments[group]);
        out.writeDouble(xMoments[group]);
        out.writeDouble(yMoments[group]);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        counts[group] = in.readLong();
        xMeans[group] = in.readDouble();
        yMeans[group] = in.readDouble();
        coMoments[group] = in.readDouble();
        xMoments[group] = in.readDouble();
        yMoments[group] = in.readDouble();
    }
}
