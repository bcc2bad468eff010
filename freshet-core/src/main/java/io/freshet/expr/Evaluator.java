package io.freshet.expr;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.data.Vectors;
import java.util.ArrayList;
import java.util.List;

/** An expression compiled for evaluation over batches; stateless and safe to share between threads. */
public abstract sealed class Evaluator {

    /** Evaluates the expression for every row of {@code input}; the result has {@code input.rowCount()} values. */
    public abstract Vector evaluate(Batch input, EvalContext context);

    /** Compiles an expression tree. */
    public static Evaluator compile(Expr expr) {
        return switch (expr) {
            case InputRef ref -> new ColumnEvaluator(ref.index());
            case Literal literal -> new ConstantEvaluator(literal);
            case Call call -> compileCall(call);
            case OuterRef ref ->
                throw new FreshetException(
                        ErrorCode.INTERNAL_ERROR, "correlated reference " + ref + " reached execution");
        };
    }

    private static Evaluator compileCall(Call call) {
        List<Evaluator> args = new ArrayList<>(call.args().size());
        for (Expr arg : call.args()) {
            args.add(compile(arg));
        }
        if (call.function() instanceof LazyFunction lazy) {
            return new LazyCallEvaluator(lazy, List.copyOf(args));
        }
        return new CallEvaluator(call.function(), args.toArray(new Evaluator[0]));
    }

    /**
     * Evaluates on the rows at {@code positions[0..count)} of {@code input} only, returning a vector of
     * {@code count} values; lazy functions use it so that a row decided elsewhere never fails here.
     */
    public Vector evaluateOn(Batch input, int[] positions, int count, EvalContext context) {
        if (count == input.rowCount() && isIdentity(positions, count)) {
            return evaluate(input, context);
        }
        return evaluate(input.select(positions, count), context);
    }

    private static boolean isIdentity(int[] positions, int count) {
        for (int i = 0; i < count; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Places {@code parts[k]}'s values at {@code positions[k][…]} of a vector of {@code size} values;
     * positions not covered are null.
     */
    public static Vector scatter(io.freshet.types.DataType type, int size, List<Vector> parts, List<int[]> positions) {
        Vector[] source = new Vector[size];
        int[] sourcePosition = new int[size];
        for (int k = 0; k < parts.size(); k++) {
            Vector part = parts.get(k);
            int[] at = positions.get(k);
            for (int i = 0; i < part.size(); i++) {
                source[at[i]] = part;
                sourcePosition[at[i]] = i;
            }
        }
        VectorBuilder builder = VectorBuilder.forType(type, size);
        for (int i = 0; i < size; i++) {
            if (source[i] == null) {
                builder.appendNull();
            } else {
                builder.appendFrom(source[i], sourcePosition[i]);
            }
        }
        return builder.build();
    }

    static final class ColumnEvaluator extends Evaluator {
        private final int index;

        ColumnEvaluator(int index) {
            this.index = index;
        }

        @Override
        public Vector evaluate(Batch input, EvalContext context) {
            return input.column(index);
        }
    }

    static final class ConstantEvaluator extends Evaluator {
        private final Literal literal;
        private volatile Vector cached;

        ConstantEvaluator(Literal literal) {
            this.literal = literal;
        }

        @Override
        public Vector evaluate(Batch input, EvalContext context) {
            Vector vector = cached;
            if (vector == null || vector.size() != input.rowCount()) {
                vector = Vectors.constant(literal.type(), literal.value(), input.rowCount());
                cached = vector;
            }
            return vector;
        }
    }

    static final class CallEvaluator extends Evaluator {
        private final ScalarFunction function;
        private final Evaluator[] args;

        CallEvaluator(ScalarFunction function, Evaluator[] args) {
            this.function = function;
            this.args = args;
        }

        @Override
        public Vector evaluate(Batch input, EvalContext context) {
            Vector[] values = new Vector[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].evaluate(input, context);
            }
            return function.evaluate(values, input.rowCount(), context);
        }
    }

    static final class LazyCallEvaluator extends Evaluator {
        private final LazyFunction function;
        private final List<Evaluator> args;

        LazyCallEvaluator(LazyFunction function, List<Evaluator> args) {
            this.function = function;
            this.args = args;
        }

        @Override
        public Vector evaluate(Batch input, EvalContext context) {
            return function.evaluateLazily(args, input, context);
        }
    }
}
