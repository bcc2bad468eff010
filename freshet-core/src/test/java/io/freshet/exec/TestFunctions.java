package io.freshet.exec;

import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.ScalarFunction;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.aggregate.GroupedAccumulator;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Small scalar and aggregate functions for executor tests (the real ones are written elsewhere):
 * comparisons, arithmetic and AND over bigint evaluated row by row, and count/sum accumulators.
 */
public final class TestFunctions {
    private TestFunctions() {}

    /** A scalar function evaluated row by row; {@code body} sees internal values (nulls included). */
    public record RowFunction(String name, DataType returnType, boolean infix, Function<Object[], Object> body)
            implements ScalarFunction {
        @Override
        public String format(List<String> args) {
            return infix ? "(" + String.join(" " + name + " ", args) + ")" : ScalarFunction.super.format(args);
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            VectorBuilder builder = VectorBuilder.forType(returnType, rowCount);
            Object[] values = new Object[args.length];
            for (int i = 0; i < rowCount; i++) {
                for (int k = 0; k < args.length; k++) {
                    values[k] = args[k].get(i);
                }
                builder.append(body.apply(values));
            }
            return builder.build();
        }

        /** Evaluates one row (for reference implementations). */
        public Object apply(Object... values) {
            return body.apply(values);
        }
    }

    private static Function<Object[], Object> strict(Function<Object[], Object> body) {
        return values -> {
            for (Object value : values) {
                if (value == null) {
                    return null;
                }
            }
            return body.apply(values);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    public static final RowFunction GT =
            new RowFunction(">", BooleanType.BOOLEAN, true, strict(v -> compare(v[0], v[1]) > 0));
    public static final RowFunction LT =
            new RowFunction("<", BooleanType.BOOLEAN, true, strict(v -> compare(v[0], v[1]) < 0));
    public static final RowFunction EQ =
            new RowFunction("=", BooleanType.BOOLEAN, true, strict(v -> compare(v[0], v[1]) == 0));
    public static final RowFunction PLUS =
            new RowFunction("+", BigintType.BIGINT, true, strict(v -> Math.addExact((Long) v[0], (Long) v[1])));
    public static final RowFunction AND = new RowFunction("AND", BooleanType.BOOLEAN, true, v -> {
        if (Boolean.FALSE.equals(v[0]) || Boolean.FALSE.equals(v[1])) {
            return false;
        }
        return v[0] == null || v[1] == null ? null : true;
    });
    public static final RowFunction DIVIDE = new RowFunction("/", BigintType.BIGINT, true, strict(v -> {
        if ((Long) v[1] == 0) {
            throw new io.freshet.FreshetException(
                    io.freshet.ErrorCode.DIVIDE_BY_ZERO,
                    "Division by zero. Use `try_divide` to tolerate divisor being 0");
        }
        return (Long) v[0] / (Long) v[1];
    }));

    public static Expr gt(Expr a, Expr b) {
        return new Call(GT, a, b);
    }

    public static Expr lt(Expr a, Expr b) {
        return new Call(LT, a, b);
    }

    public static Expr eq(Expr a, Expr b) {
        return new Call(EQ, a, b);
    }

    public static Expr plus(Expr a, Expr b) {
        return new Call(PLUS, a, b);
    }

    public static Expr and(Expr a, Expr b) {
        return new Call(AND, a, b);
    }

    public static Expr divide(Expr a, Expr b) {
        return new Call(DIVIDE, a, b);
    }

    /** {@code count(*)} (no arguments) or {@code count(x)} (non-null values). */
    public record Count(boolean distinct) implements AggregateFunction {
        public static final Count INSTANCE = new Count(false);

        @Override
        public String name() {
            return "count";
        }

        @Override
        public DataType resultType() {
            return BigintType.BIGINT;
        }

        @Override
        public GroupedAccumulator createAccumulator() {
            // A distinct aggregate removes duplicate arguments itself (the AggregateFunction contract).
            return distinct
                    ? new io.freshet.expr.aggregate.DistinctAggregate(INSTANCE, java.util.List.of(BigintType.BIGINT))
                            .createAccumulator()
                    : new LongAccumulator(false);
        }
    }

    /** {@code sum(x)} over bigint: null for a group without non-null values. */
    public record Sum(boolean distinct) implements AggregateFunction {
        public static final Sum INSTANCE = new Sum(false);

        @Override
        public String name() {
            return "sum";
        }

        @Override
        public DataType resultType() {
            return BigintType.BIGINT;
        }

        @Override
        public GroupedAccumulator createAccumulator() {
            return distinct
                    ? new io.freshet.expr.aggregate.DistinctAggregate(INSTANCE, java.util.List.of(BigintType.BIGINT))
                            .createAccumulator()
                    : new LongAccumulator(true);
        }
    }

    /** Counts rows or sums bigints per group. */
    static final class LongAccumulator implements GroupedAccumulator {
        private final boolean sum;
        private long[] values = new long[0];
        private boolean[] seen = new boolean[0];

        LongAccumulator(boolean sum) {
            this.sum = sum;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            if (groupCount > values.length) {
                int capacity = Math.max(groupCount, values.length * 2);
                values = Arrays.copyOf(values, capacity);
                seen = Arrays.copyOf(seen, capacity);
            }
        }

        @Override
        public void add(int[] groupIds, Vector[] args, int rowCount) {
            if (args.length == 0) {
                for (int i = 0; i < rowCount; i++) {
                    values[groupIds[i]]++;
                }
                return;
            }
            Vector arg = args[0];
            if (sum && arg instanceof LongVector longs && !arg.mayHaveNulls()) {
                long[] input = longs.values();
                for (int i = 0; i < rowCount; i++) {
                    int group = groupIds[i];
                    values[group] += input[i];
                    seen[group] = true;
                }
                return;
            }
            for (int i = 0; i < rowCount; i++) {
                if (!arg.isNull(i)) {
                    values[groupIds[i]] += sum ? (Long) arg.get(i) : 1;
                    seen[groupIds[i]] = true;
                }
            }
        }

        @Override
        public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
            LongAccumulator that = (LongAccumulator) other;
            for (int g = 0; g < otherGroupCount; g++) {
                values[groupMapping[g]] += that.values[g];
                seen[groupMapping[g]] |= that.seen[g];
            }
        }

        @Override
        public Vector result(int groupCount) {
            long[] nulls = new long[(groupCount + 63) >>> 6];
            for (int g = 0; g < groupCount; g++) {
                if (sum && !seen[g]) {
                    nulls[g >>> 6] |= 1L << g;
                }
            }
            return new LongVector(BigintType.BIGINT, Arrays.copyOf(values, groupCount), nulls, groupCount);
        }

        @Override
        public long estimatedBytes() {
            return values.length * 9L;
        }

        @Override
        public void writeState(int group, DataOutput out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void readState(int group, DataInput in) {
            throw new UnsupportedOperationException();
        }
    }
}
