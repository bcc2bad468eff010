package io.freshet.expr.functions;

import io.freshet.data.Batch;
import io.freshet.data.Bits;
import io.freshet.data.BooleanVector;
import io.freshet.data.Vector;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.LazyFunction;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.NullType;
import java.util.Arrays;
import java.util.List;

/** {@code and}, {@code or} and {@code not} with SQL's three-valued logic, and {@code isnull}/{@code isnotnull}. */
final class LogicalFunctions {
    private LogicalFunctions() {}

    static void register(FunctionRegistry.Builder registry) {
        registry.scalar("and", args -> bindConnective(new Connective(true), args));
        registry.scalar("or", args -> bindConnective(new Connective(false), args));
        registry.scalar("not", LogicalFunctions::bindNot);
        registry.scalar("isnull", args -> bindNullTest(true, args));
        registry.scalar("isnotnull", args -> bindNullTest(false, args));
    }

    /** Casts NULL to boolean and refuses anything else that is not boolean. */
    static Expr asBoolean(String name, Expr arg, List<Expr> args) {
        if (arg.type() instanceof BooleanType) {
            return arg;
        }
        if (arg.type() instanceof NullType) {
            return Casts.cast(arg, BooleanType.BOOLEAN);
        }
        throw Binding.mismatch(name, args, "boolean arguments");
    }

    private static Expr bindConnective(Connective function, List<Expr> args) {
        Binding.checkCount(function.name(), args, 2);
        return new Call(
                function, asBoolean(function.name(), args.get(0), args), asBoolean(function.name(), args.get(1), args));
    }

    private static Expr bindNot(List<Expr> args) {
        Binding.checkCount("not", args, 1);
        return new Call(new Not(), asBoolean("not", args.get(0), args));
    }

    private static Expr bindNullTest(boolean isNull, List<Expr> args) {
        Binding.checkCount(isNull ? "isnull" : "isnotnull", args, 1);
        return new Call(new NullTest(isNull), args.get(0));
    }

    /**
     * AND ({@code conjunction}) or OR, evaluated lazily: the right side runs only on the rows that the
     * left side leaves open (true or null for AND, false or null for OR), so that
     * {@code b <> 0 AND a / b > 1} never divides by zero.
     */
    record Connective(boolean conjunction) implements LazyFunction {
        @Override
        public String name() {
            return conjunction ? "and" : "or";
        }

        @Override
        public DataType returnType() {
            return BooleanType.BOOLEAN;
        }

        @Override
        public String format(List<String> args) {
            return "(" + args.get(0) + (conjunction ? " AND " : " OR ") + args.get(1) + ")";
        }

        @Override
        public Vector evaluateLazily(List<Evaluator> args, Batch input, EvalContext context) {
            BooleanVector left = (BooleanVector) args.get(0).evaluate(input, context);
            int size = input.rowCount();
            boolean[] leftValues = left.values();
            long[] leftNulls = left.nulls();
            // the value that decides a row by itself: false for AND, true for OR
            boolean decisive = !conjunction;
            int[] open = new int[size];
            int openCount = 0;
            for (int i = 0; i < size; i++) {
                if (leftValues[i] != decisive || Bits.get(leftNulls, i)) {
                    open[openCount++] = i;
                }
            }
            if (openCount == 0) {
                return left;
            }
            BooleanVector right = (BooleanVector) args.get(1).evaluateOn(input, open, openCount, context);
            boolean[] rightValues = right.values();
            boolean[] result = new boolean[size];
            long[] nulls = null;
            if (openCount < size) {
                Arrays.fill(result, decisive);
            }
            for (int k = 0; k < openCount; k++) {
                int i = open[k];
                boolean rightNull = right.isNull(k);
                if (!rightNull && rightValues[k] == decisive) {
                    result[i] = decisive;
                } else if (rightNull || Bits.get(leftNulls, i)) {
                    if (nulls == null) {
                        nulls = Bits.allocate(size);
                    }
                    Bits.set(nulls, i);
                } else {
                    result[i] = !decisive;
                }
            }
            return new BooleanVector(BooleanType.BOOLEAN, result, nulls, size);
        }
    }

    /** Logical negation; NOT NULL is NULL. */
    record Not() implements ScalarFunction {
        @Override
        public String name() {
            return "not";
        }

        @Override
        public DataType returnType() {
            return BooleanType.BOOLEAN;
        }

        @Override
        public String format(List<String> args) {
            return "(NOT " + args.get(0) + ")";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            BooleanVector input = (BooleanVector) args[0];
            boolean[] values = input.values();
            boolean[] result = new boolean[rowCount];
            for (int i = 0; i < rowCount; i++) {
                result[i] = !values[i];
            }
            return new BooleanVector(BooleanType.BOOLEAN, result, input.nulls(), rowCount);
        }
    }

    /** {@code IS NULL} ({@code isNull}) or {@code IS NOT NULL}, read straight off the null bitmap; never null. */
    record NullTest(boolean isNull) implements ScalarFunction {
        @Override
        public String name() {
            return isNull ? "isnull" : "isnotnull";
        }

        @Override
        public DataType returnType() {
            return BooleanType.BOOLEAN;
        }

        @Override
        public String format(List<String> args) {
            return "(" + args.get(0) + (isNull ? " IS NULL)" : " IS NOT NULL)");
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            long[] nulls = args[0].nulls();
            boolean[] result = new boolean[rowCount];
            if (nulls == null) {
                if (!isNull) {
                    Arrays.fill(result, true);
                }
            } else {
                for (int i = 0; i < rowCount; i++) {
                    result[i] = Bits.get(nulls, i) == isNull;
                }
            }
            return new BooleanVector(BooleanType.BOOLEAN, result, null, rowCount);
        }
    }
}
