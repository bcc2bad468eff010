package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.data.Bits;
import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.data.Vectors;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.Literal;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Helpers shared by the function families: argument checks and implicit casts for {@code bind}, a
 * row-at-a-time adapter for the long tail of functions, and dictionary-aware evaluation.
 */
final class RowFunctions {
    private RowFunctions() {}

    /** A per-row computation over internal values; {@code args} is reused between rows. */
    @FunctionalInterface
    interface Kernel {
        Object apply(Object[] args, EvalContext context);
    }

    /**
     * A kernel that carries a value-equal state (such as a compiled pattern), so that two calls bound
     * from equal arguments compare equal; {@code body} should be a non-capturing lambda.
     */
    record StatefulKernel<S>(S state, Body<S> body) implements Kernel {
        @Override
        public Object apply(Object[] args, EvalContext context) {
            return body.apply(state, args, context);
        }
    }

    /** The computation of a {@link StatefulKernel}. */
    @FunctionalInterface
    interface Body<S> {
        Object apply(S state, Object[] args, EvalContext context);
    }

    /** A function evaluated over flat vectors (dictionary-encoded strings already resolved). */
    @FunctionalInterface
    interface FlatFunction {
        Vector evaluateFlat(Vector[] args, int rowCount, EvalContext context);
    }

    /**
     * A scalar function computed one row at a time over internal values: null in, null out unless
     * {@code nullIntolerant} is false, in which case the kernel sees the nulls.
     */
    record RowFunction(String name, DataType returnType, Kernel kernel, boolean nullIntolerant, boolean constantTail)
            implements ScalarFunction {
        RowFunction {
            requireNonNull(name, "name is null");
            requireNonNull(returnType, "returnType is null");
            requireNonNull(kernel, "kernel is null");
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return evaluateDictionaryAware(args, rowCount, context, constantTail, this::evaluateRows);
        }

        private Vector evaluateRows(Vector[] args, int rowCount, EvalContext context) {
            VectorBuilder builder = VectorBuilder.forType(returnType, rowCount);
            Object[] values = new Object[args.length];
            for (int row = 0; row < rowCount; row++) {
                boolean anyNull = false;
                for (int i = 0; i < args.length; i++) {
                    values[i] = args[i].get(row);
                    anyNull |= values[i] == null;
                }
                if (anyNull && nullIntolerant) {
                    builder.appendNull();
                } else {
                    builder.append(kernel.apply(values, context));
                }
            }
            return builder.build();
        }
    }

    /** A row-at-a-time call with null-in-null-out semantics. */
    static Call rowCall(String name, DataType returnType, List<Expr> args, Kernel kernel) {
        return new Call(new RowFunction(name, returnType, kernel, true, constantTail(args)), args);
    }

    /** A row-at-a-time call whose kernel handles null arguments itself. */
    static Call rowCallWithNulls(String name, DataType returnType, List<Expr> args, Kernel kernel) {
        return new Call(new RowFunction(name, returnType, kernel, false, constantTail(args)), args);
    }

    /** Whether every argument after the first is a literal (so dictionary evaluation applies). */
    static boolean constantTail(List<Expr> args) {
        for (int i = 1; i < args.size(); i++) {
            if (!(args.get(i) instanceof Literal)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- bind helpers

    /** Throws WRONG_ARGUMENTS unless {@code min <= args.size() <= max}. */
    static void checkArity(String name, List<Expr> args, int min, int max, String signature) {
        int count = args.size();
        if (count >= min && count <= max) {
            return;
        }
        String expected;
        if (min == max) {
            expected = min + (min == 1 ? " argument" : " arguments");
        } else if (max == Integer.MAX_VALUE) {
            expected = "at least " + min + (min == 1 ? " argument" : " arguments");
        } else if (max == min + 1) {
            expected = min + " or " + max + " arguments";
        } else {
            expected = min + " to " + max + " arguments";
        }
        throw new AnalysisException(
                ErrorCode.WRONG_ARGUMENTS, name + " expects " + expected + " (" + signature + "), got " + count);
    }

    /**
     * The argument converted to {@code target}: itself when it has that type, a typed null for a NULL
     * literal, an implicit cast where Spark's ANSI coercion allows one, else a TYPE_MISMATCH error.
     */
    static Expr coerce(String function, int position, Expr arg, DataType target) {
        DataType source = arg.type();
        if (source.equals(target)) {
            return arg;
        }
        if (source instanceof NullType && arg instanceof Literal) {
            return new Literal(null, target);
        }
        if (!implicitlyCastable(source, target)) {
            throw typeMismatch(function, position, target.sqlName(), source);
        }
        return Casts.cast(arg, target);
    }

    /** A TYPE_MISMATCH error for argument {@code position} (1-based). */
    static AnalysisException typeMismatch(String function, int position, String expected, DataType actual) {
        return new AnalysisException(
                ErrorCode.TYPE_MISMATCH,
                function + " expects argument " + position + " of type " + expected + ", got " + actual.sqlName()
                        + "; cast the argument explicitly");
    }

    /**
     * Whether Spark's ANSI type coercion converts {@code source} to {@code target} implicitly in a
     * function argument: numeric widening, date to timestamp and back, any simple type to string, and
     * string to simple types.
     */
    static boolean implicitlyCastable(DataType source, DataType target) {
        if (source.equals(target) || source instanceof NullType) {
            return true;
        }
        if (source.isNumeric() && target.isNumeric()) {
            return numericRank(target) >= numericRank(source) || source.isIntegral() && target.isIntegral();
        }
        if (target instanceof StringType) {
            return isSimple(source);
        }
        if (source instanceof StringType) {
            return isSimple(target) && !(target instanceof IntervalType);
        }
        return source instanceof DateType && target instanceof TimestampType
                || source instanceof TimestampType && target instanceof DateType;
    }

    private static boolean isSimple(DataType type) {
        return !(type instanceof StructType || type instanceof ArrayType || type instanceof NullType);
    }

    private static int numericRank(DataType type) {
        if (type instanceof IntType) {
            return 1;
        }
        if (type instanceof BigintType) {
            return 2;
        }
        return type instanceof DecimalType ? 3 : 4;
    }

    // ---------------------------------------------------------------- evaluation helpers

    /**
     * Evaluates {@code function} over flat vectors. When the first argument is a dictionary-encoded
     * string and the others are constants, it evaluates once per dictionary entry that a non-null row
     * uses (never on entries no row refers to, so filtered-out values cannot fail) and maps the result
     * back: a dictionary vector for string results, a selection otherwise.
     */
    static Vector evaluateDictionaryAware(
            Vector[] args, int rowCount, EvalContext context, boolean constantTail, FlatFunction function) {
        if (args.length > 0
                && constantTail
                && args[0] instanceof StringVector strings
                && strings.isDictionary()
                && rowCount > 0) {
            return evaluateOnDictionary(strings, args, rowCount, context, function);
        }
        Vector[] flat = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof StringVector strings && strings.isDictionary()) {
                if (flat == args) {
                    flat = args.clone();
                }
                flat[i] = strings.flatten();
            }
        }
        return function.evaluateFlat(flat, rowCount, context);
    }

    private static Vector evaluateOnDictionary(
            StringVector input, Vector[] args, int rowCount, EvalContext context, FlatFunction function) {
        StringVector dictionary = input.dictionaryValues();
        int[] ids = input.ids();
        int[] compactIndex = new int[dictionary.size()];
        Arrays.fill(compactIndex, -1);
        int[] used = new int[Math.min(dictionary.size(), rowCount)];
        int count = 0;
        for (int row = 0; row < rowCount; row++) {
            if (!input.isNull(row) && compactIndex[ids[row]] < 0) {
                compactIndex[ids[row]] = count;
                used[count++] = ids[row];
            }
        }
        Vector[] compactArgs = new Vector[args.length];
        compactArgs[0] = dictionary.select(used, count);
        for (int i = 1; i < args.length; i++) {
            // The other arguments are constants, so any prefix of them has the right values.
            compactArgs[i] = args[i].slice(0, count);
        }
        Vector values = function.evaluateFlat(compactArgs, count, context);
        if (count == 0) {
            return Vectors.constant(values.type(), null, rowCount);
        }
        int[] positions = new int[rowCount];
        long[] nulls = null;
        for (int row = 0; row < rowCount; row++) {
            if (input.isNull(row)) {
                nulls = setNull(nulls, rowCount, row);
            } else {
                positions[row] = compactIndex[ids[row]];
                if (values.isNull(positions[row])) {
                    nulls = setNull(nulls, rowCount, row);
                }
            }
        }
        if (values instanceof StringVector strings) {
            return StringVector.dictionary(strings, positions, nulls, rowCount);
        }
        return withNulls(values.select(positions, rowCount), nulls);
    }

    private static long[] setNull(long[] nulls, int size, int position) {
        long[] result = nulls == null ? Bits.allocate(size) : nulls;
        Bits.set(result, position);
        return result;
    }

    /** The union of the null bitmaps of the vectors (a fresh array, safe to modify), or null. */
    static long[] unionNulls(int size, Vector... vectors) {
        long[] result = null;
        for (Vector vector : vectors) {
            long[] nulls = vector.nulls();
            if (nulls != null) {
                if (result == null) {
                    result = Bits.allocate(size);
                }
                int words = Math.min(result.length, nulls.length);
                for (int i = 0; i < words; i++) {
                    result[i] |= nulls[i];
                }
            }
        }
        return result;
    }

    /** Marks {@code position} null in a bitmap of {@code size}, allocating it when needed. */
    static long[] markNull(long[] nulls, int size, int position) {
        return setNull(nulls, size, position);
    }

    /** The vector with the positions in {@code extraNulls} also null. */
    static Vector withNulls(Vector vector, long[] extraNulls) {
        if (extraNulls == null) {
            return vector;
        }
        int size = vector.size();
        long[] nulls = Bits.or(copyOrNull(vector.nulls()), extraNulls);
        return switch (vector) {
            case BooleanVector v -> new BooleanVector(v.type(), v.values(), nulls, size);
            case IntVector v -> new IntVector(v.type(), v.values(), nulls, size);
            case LongVector v -> new LongVector(v.type(), v.values(), nulls, size);
            case DoubleVector v -> new DoubleVector(v.type(), v.values(), nulls, size);
            case StringVector v -> {
                if (v.isDictionary()) {
                    yield StringVector.dictionary(v.dictionaryValues(), v.ids(), nulls, size);
                }
                yield StringVector.flat(v.bytes(), v.offsets(), nulls, size);
            }
            case ObjectVector v -> {
                Object[] values = Arrays.copyOf(v.values(), size);
                for (int i = 0; i < size; i++) {
                    if (Bits.get(extraNulls, i)) {
                        values[i] = null;
                    }
                }
                yield new ObjectVector(v.type(), values, size);
            }
        };
    }

    private static long[] copyOrNull(long[] bits) {
        return bits == null ? null : bits.clone();
    }
}
