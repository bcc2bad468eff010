package io.freshet.expr.functions;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
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
import io.freshet.expr.TypeCoercion;
import io.freshet.types.DataType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Built-in conditional functions: {@code case}, {@code if}, {@code coalesce}, {@code nvl}, {@code ifnull},
 * {@code nvl2}, {@code nullif} and {@code assert_true}. Branches are evaluated only on the rows that take
 * them, so a branch that would fail (a division by zero, a malformed cast) on rows that do not take it
 * does not fail; the result type is the common type of the branches.
 */
public final class ConditionalFunctions {
    private ConditionalFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {
        registry.scalar("case", ConditionalFunctions::bindCase);
        registry.scalar("if", ConditionalFunctions::bindIf);
        registry.scalar("coalesce", args -> bindCoalesce("coalesce", args));
        registry.scalar("nvl", args -> bindCoalesce("nvl", args));
        registry.scalar("ifnull", args -> bindCoalesce("ifnull", args));
        registry.scalar("nvl2", ConditionalFunctions::bindNvl2);
        registry.scalar("nullif", ConditionalFunctions::bindNullIf);
        registry.scalar("assert_true", ConditionalFunctions::bindAssertTrue);
    }

    /** {@code cond1, value1, cond2, value2, …, [else]}: an odd count means the last argument is ELSE. */
    private static Expr bindCase(List<Expr> args) {
        Binding.checkAtLeast("case", args, 2);
        boolean hasElse = args.size() % 2 == 1;
        List<Expr> values = new ArrayList<>();
        for (int i = 1; i < args.size(); i += 2) {
            values.add(args.get(i));
        }
        if (hasElse) {
            values.add(args.get(args.size() - 1));
        }
        DataType type = commonType("case", values, args);
        List<Expr> bound = new ArrayList<>(args.size());
        for (int i = 0; i + 1 < args.size(); i += 2) {
            bound.add(LogicalFunctions.asBoolean("case", args.get(i), args));
            bound.add(Casts.cast(args.get(i + 1), type));
        }
        if (hasElse) {
            bound.add(Casts.cast(args.get(args.size() - 1), type));
        }
        return new Call(new CaseWhen(type, hasElse, false), bound);
    }

    private static Expr bindIf(List<Expr> args) {
        Binding.checkCount("if", args, 3);
        DataType type = commonType("if", args.subList(1, 3), args);
        return new Call(
                new CaseWhen(type, true, true),
                LogicalFunctions.asBoolean("if", args.get(0), args),
                Casts.cast(args.get(1), type),
                Casts.cast(args.get(2), type));
    }

    /** {@code nvl2(a, b, c)}: b where a is not null, else c. */
    private static Expr bindNvl2(List<Expr> args) {
        Binding.checkCount("nvl2", args, 3);
        DataType type = commonType("nvl2", args.subList(1, 3), args);
        Expr present = new Call(new LogicalFunctions.NullTest(false), args.get(0));
        return new Call(
                new CaseWhen(type, true, true), present, Casts.cast(args.get(1), type), Casts.cast(args.get(2), type));
    }

    private static Expr bindCoalesce(String name, List<Expr> args) {
        if (name.equals("coalesce")) {
            Binding.checkAtLeast(name, args, 1);
        } else {
            Binding.checkCount(name, args, 2);
        }
        DataType type = commonType(name, args, args);
        List<Expr> bound = new ArrayList<>(args.size());
        for (Expr arg : args) {
            bound.add(Casts.cast(arg, type));
        }
        return new Call(new Coalesce(name, type), bound);
    }

    /** {@code nullif(a, b)}: null where a equals b, else a (of a's type). */
    private static Expr bindNullIf(List<Expr> args) {
        Binding.checkCount("nullif", args, 2);
        Expr left = args.get(0);
        Expr right = args.get(1);
        DataType[] types = ComparisonFunctions.operandTypes(left.type(), right.type())
                .orElseThrow(() -> Binding.mismatch("nullif", args, "two values that can be compared"));
        Expr compareLeft = Casts.cast(left, types[0]);
        Expr compareRight = Casts.cast(right, types[1]);
        if (compareLeft.equals(left)) {
            return new Call(new NullIf(left.type(), false), left, compareRight);
        }
        return new Call(new NullIf(left.type(), true), left, compareLeft, compareRight);
    }

    private static Expr bindAssertTrue(List<Expr> args) {
        if (args.size() != 1 && args.size() != 2) {
            Binding.checkCount("assert_true", args, 1);
        }
        List<Expr> bound = new ArrayList<>(args.size());
        bound.add(LogicalFunctions.asBoolean("assert_true", args.get(0), args));
        if (args.size() == 2) {
            bound.add(Casts.cast(args.get(1), StringType.STRING));
        }
        return new Call(new AssertTrue(), bound);
    }

    private static DataType commonType(String name, List<Expr> values, List<Expr> args) {
        List<DataType> types = new ArrayList<>(values.size());
        for (Expr value : values) {
            types.add(value.type());
        }
        Optional<DataType> type = TypeCoercion.commonType(types);
        if (type.isEmpty()) {
            throw Binding.mismatch(name, args, "branches of types that share a common type");
        }
        return type.get();
    }

    /**
     * {@code CASE WHEN c1 THEN v1 … [ELSE e] END} (and {@code if(c, a, b)} when {@code printAsIf}): each
     * condition runs on the rows no earlier condition took, each value on the rows its condition took.
     */
    record CaseWhen(DataType returnType, boolean hasElse, boolean printAsIf) implements LazyFunction {
        CaseWhen {
            requireNonNull(returnType, "returnType is null");
        }

        @Override
        public String name() {
            return printAsIf ? "if" : "case";
        }

        @Override
        public String format(List<String> args) {
            if (printAsIf) {
                return "if(" + String.join(", ", args) + ")";
            }
            StringBuilder text = new StringBuilder("CASE");
            int pairs = args.size() / 2;
            for (int p = 0; p < pairs; p++) {
                text.append(" WHEN ").append(args.get(2 * p)).append(" THEN ").append(args.get(2 * p + 1));
            }
            if (hasElse) {
                text.append(" ELSE ").append(args.get(args.size() - 1));
            }
            return text.append(" END").toString();
        }

        @Override
        public Vector evaluateLazily(List<Evaluator> args, Batch input, EvalContext context) {
            int size = input.rowCount();
            int[] remaining = identity(size);
            int remainingCount = size;
            List<Vector> parts = new ArrayList<>();
            List<int[]> positions = new ArrayList<>();
            int pairs = args.size() / 2;
            for (int p = 0; p < pairs && remainingCount > 0; p++) {
                BooleanVector condition =
                        (BooleanVector) args.get(2 * p).evaluateOn(input, remaining, remainingCount, context);
                boolean[] values = condition.values();
                long[] nulls = condition.nulls();
                int[] taken = new int[remainingCount];
                int[] rest = new int[remainingCount];
                int takenCount = 0;
                int restCount = 0;
                for (int k = 0; k < remainingCount; k++) {
                    if (values[k] && !Bits.get(nulls, k)) {
                        taken[takenCount++] = remaining[k];
                    } else {
                        rest[restCount++] = remaining[k];
                    }
                }
                if (takenCount > 0) {
                    parts.add(args.get(2 * p + 1).evaluateOn(input, taken, takenCount, context));
                    positions.add(taken);
                }
                remaining = rest;
                remainingCount = restCount;
            }
            if (hasElse && remainingCount > 0) {
                parts.add(args.get(args.size() - 1).evaluateOn(input, remaining, remainingCount, context));
                positions.add(remaining);
            }
            return assemble(returnType, size, parts, positions);
        }
    }

    /** The first non-null argument; each argument runs only on the rows that all earlier ones left null. */
    record Coalesce(String name, DataType returnType) implements LazyFunction {
        Coalesce {
            requireNonNull(name, "name is null");
            requireNonNull(returnType, "returnType is null");
        }

        @Override
        public Vector evaluateLazily(List<Evaluator> args, Batch input, EvalContext context) {
            int size = input.rowCount();
            int[] remaining = identity(size);
            int remainingCount = size;
            List<Vector> parts = new ArrayList<>();
            List<int[]> positions = new ArrayList<>();
            for (int a = 0; a < args.size() && remainingCount > 0; a++) {
                Vector value = args.get(a).evaluateOn(input, remaining, remainingCount, context);
                parts.add(value);
                positions.add(remaining);
                if (!value.mayHaveNulls()) {
                    break;
                }
                int[] rest = new int[remainingCount];
                int restCount = 0;
                for (int k = 0; k < remainingCount; k++) {
                    if (value.isNull(k)) {
                        rest[restCount++] = remaining[k];
                    }
                }
                remaining = rest;
                remainingCount = restCount;
            }
            // a later part overwrites an earlier one only on rows the earlier one left null
            return assemble(returnType, size, parts, positions);
        }
    }

    /**
     * {@code nullif(a, b)}: a, null where a equals b. With {@code castLeft} the arguments are a, a cast for
     * the comparison, and b; otherwise a and b.
     */
    record NullIf(DataType returnType, boolean castLeft) implements ScalarFunction {
        @Override
        public String name() {
            return "nullif";
        }

        @Override
        public String format(List<String> args) {
            return "nullif(" + args.get(0) + ", " + args.get(args.size() - 1) + ")";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            Vector value = args[0];
            BooleanVector equal =
                    ComparisonKernels.compare(ComparisonOp.EQUAL, castLeft ? args[1] : value, args[args.length - 1]);
            boolean[] matches = equal.values();
            long[] nulls = null;
            for (int i = 0; i < rowCount; i++) {
                if (matches[i] && !equal.isNull(i)) {
                    if (nulls == null) {
                        nulls = Bits.allocate(rowCount);
                    }
                    Bits.set(nulls, i);
                }
            }
            return VectorOps.withNulls(value, nulls);
        }
    }

    /** Null when the condition holds, else an error (with the optional message); Spark's {@code assert_true}. */
    record AssertTrue() implements ScalarFunction {
        @Override
        public String name() {
            return "assert_true";
        }

        @Override
        public DataType returnType() {
            return NullType.NULL;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            BooleanVector condition = (BooleanVector) args[0];
            for (int i = 0; i < rowCount; i++) {
                if (condition.isNull(i) || !condition.getBoolean(i)) {
                    Object message = args.length > 1 ? args[1].get(i) : null;
                    throw new FreshetException(
                            ErrorCode.INVALID_ARGUMENT,
                            message != null ? message.toString() : "assert_true failed: the condition is not true");
                }
            }
            return VectorOps.allNull(NullType.NULL, rowCount);
        }
    }

    private static int[] identity(int size) {
        int[] positions = new int[size];
        for (int i = 0; i < size; i++) {
            positions[i] = i;
        }
        return positions;
    }

    /** Places each part's values at its positions; a part that covers every row is returned as it is. */
    private static Vector assemble(DataType type, int size, List<Vector> parts, List<int[]> positions) {
        if (parts.isEmpty()) {
            return VectorOps.allNull(type, size);
        }
        if (parts.size() == 1 && parts.get(0).size() == size) {
            return parts.get(0); // positions are increasing, so covering every row means in order
        }
        return Evaluator.scatter(type, size, parts, positions);
    }
}
