package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One {@link QuantileSummary} per group (created on the group's first value) for {@code percentile_approx}. */
final class PercentileAccumulator implements GroupedAccumulator {
    private final PercentileApproxFunction function;
    private final double relativeError;
    private QuantileSummary[] summaries = new QuantileSummary[0];

    PercentileAccumulator(PercentileApproxFunction function) {
        this.function = function;
        this.relativeError = 1.0 / function.accuracy();
    }

    @Override
    public void ensureCapacity(int groupCount) {
        summaries = GroupArrays.grow(summaries, groupCount);
    }

    private QuantileSummary summary(int group) {
        QuantileSummary summary = summaries[group];
        if (summary == null) {
            summary = new QuantileSummary(relativeError);
            summaries[group] = summary;
        }
        return summary;
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        double[] values = NumericInputs.toDoubles(args[0], rowCount);
        long[] nulls = args[0].nulls();
        for (int i = 0; i < rowCount; i++) {
            if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                summary(groupIds[i]).add(values[i]);
            }
        }
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        PercentileAccumulator that = (PercentileAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            if (that.summaries[g] != null && that.summaries[g].count() > 0) {
                summary(groupMapping[g]).merge(that.summaries[g]);
            }
        }
    }

    @Override
    public Vector result(int groupCount) {
        VectorBuilder builder = VectorBuilder.forType(function.resultType(), groupCount);
        for (int g = 0; g < groupCount; g++) {
            QuantileSummary summary = summaries[g];
            if (summary == null || summary.count() == 0) {
                builder.appendNull();
                continue;
            }
            List<Object> values = new ArrayList<>(function.percentages().size());
            for (double percentage : function.percentages()) {
                values.add(PercentileValues.fromDouble(function.inputType(), summary.query(percentage)));
            }
            builder.append(function.returnsArray() ? Collections.unmodifiableList(values) : values.get(0));
        }
        return builder.build();
    }

    @Override
    public long estimatedBytes() {
        long bytes = 8L * summaries.length;
        for (QuantileSummary summary : summaries) {
            if (summary != null) {
                bytes += summary.estimatedBytes();
            }
        }
        return bytes;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.writeBoolean(summaries[group] != null);
        if (summaries[group] != null) {
            summaries[group].write(out);
        }
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        summaries[group] = in.readBoolean() ? QuantileSummary.read(relativeError, in) : null;
    }
}
