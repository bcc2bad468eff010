package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Every non-null value of each group (as doubles, one growable array per group) for the exact {@code percentile}. */
final class ExactPercentileAccumulator implements GroupedAccumulator {
    private static final double[] EMPTY = new double[0];

    private final PercentileFunction function;
    private double[][] values = new double[0][];
    private int[] sizes = new int[0];

    ExactPercentileAccumulator(PercentileFunction function) {
        this.function = function;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        int old = values.length;
        values = GroupArrays.grow(values, groupCount);
        Arrays.fill(values, old, values.length, EMPTY);
        sizes = GroupArrays.grow(sizes, groupCount);
    }

    private void append(int group, double value) {
        double[] array = values[group];
        int size = sizes[group];
        if (size == array.length) {
            array = Arrays.copyOf(array, Math.max(4, size * 2));
            values[group] = array;
        }
        array[size] = value;
        sizes[group] = size + 1;
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        double[] input = NumericInputs.toDoubles(args[0], rowCount);
        long[] nulls = args[0].nulls();
        for (int i = 0; i < rowCount; i++) {
            if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                append(groupIds[i], input[i]);
            }
        }
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        ExactPercentileAccumulator that = (ExactPercentileAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            int target = groupMapping[g];
            for (int i = 0; i < that.sizes[g]; i++) {
                append(target, that.values[g][i]);
            }
        }
    }

    @Override
    public Vector result(int groupCount) {
        VectorBuilder builder = VectorBuilder.forType(function.resultType(), groupCount);
        for (int g = 0; g < groupCount; g++) {
            int size = sizes[g];
            if (size == 0) {
                builder.appendNull();
                continue;
            }
            double[] sorted = Arrays.copyOf(values[g], size);
            Arrays.sort(sorted);
            List<Object> results = new ArrayList<>(function.percentages().size());
            for (double percentage : function.percentages()) {
                results.add(interpolate(sorted, percentage));
            }
            builder.append(function.returnsArray() ? Collections.unmodifiableList(results) : results.get(0));
        }
        return builder.build();
    }

    private static double interpolate(double[] sorted, double percentage) {
        double position = (sorted.length - 1) * percentage;
        int lower = (int) Math.floor(position);
        int higher = (int) Math.ceil(position);
        if (lower == higher) {
            return sorted[lower];
        }
        return (higher - position) * sorted[lower] + (position - lower) * sorted[higher];
    }

    @Override
    public long estimatedBytes() {
        long bytes = 12L * values.length;
        for (double[] array : values) {
            bytes += array == null ? 0 : 8L * array.length;
        }
        return bytes;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeInt(sizes[group]);
        for (int i = 0; i < sizes[group]; i++) {
            out.writeDouble(values[group][i]);
        }
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        int size = in.readInt();
        double[] array = new double[Math.max(4, size)];
        for (int i = 0; i < size; i++) {
            array[i] = in.readDouble();
        }
        values[group] = array;
        sizes[group] = size;
    }
}
