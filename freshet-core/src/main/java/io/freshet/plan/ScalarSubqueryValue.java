package io.freshet.plan;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.aggregate.GroupedAccumulator;
import io.freshet.types.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.Arrays;

/**
 * The value of a scalar subquery: the only row's value, null for no row, and an error for more than
 * one row, as in Spark.
 */
record ScalarSubqueryValue(DataType resultType) implements AggregateFunction {
    @Override
    public String name() {
        return "scalar_subquery";
    }

    @Override
    public boolean distinct() {
        return false;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        return new Accumulator(resultType);
    }

    private static final class Accumulator implements GroupedAccumulator {
        private final DataType type;
        private Object[] values = new Object[1];
        private long[] counts = new long[1];

        Accumulator(DataType type) {
            this.type = type;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            if (groupCount > values.length) {
                values = Arrays.copyOf(values, groupCount);
                counts = Arrays.copyOf(counts, groupCount);
            }
        }

        @Override
        public void add(int[] groupIds, Vector[] args, int rowCount) {
            for (int i = 0; i < rowCount; i++) {
                int group = groupIds[i];
                counts[group]++;
                check(counts[group]);
                values[group] = args[0].get(i);
            }
        }

        private static void check(long count) {
            if (count > 1) {
                throw new FreshetException(
                        ErrorCode.SCALAR_SUBQUERY_TOO_MANY_ROWS,
                        "A scalar subquery returned more than one row; make it return at most one "
                                + "(add an aggregate, a LIMIT 1, or a more selective WHERE)");
            }
        }

        @Override
        public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
            Accumulator that = (Accumulator) other;
            for (int g = 0; g < otherGroupCount; g++) {
                int target = groupMapping[g];
                if (that.counts[g] > 0) {
                    counts[target] += that.counts[g];
                    check(counts[target]);
                    values[target] = that.values[g];
                }
            }
        }

        @Override
        public Vector result(int groupCount) {
            VectorBuilder builder = VectorBuilder.forType(type, groupCount);
            for (int g = 0; g < groupCount; g++) {
                builder.append(values[g]);
            }
            return builder.build();
        }

        @Override
        public long estimatedBytes() {
            return values.length * 16L;
        }

        @Override
        public void writeState(int group, DataOutput out) {
            throw new UnsupportedOperationException("scalar subqueries keep no streaming state");
        }

        @Override
        public void readState(int group, DataInput in) {
            throw new UnsupportedOperationException("scalar subqueries keep no streaming state");
        }
    }
}
