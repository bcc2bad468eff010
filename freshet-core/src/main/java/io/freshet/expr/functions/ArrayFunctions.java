package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.IntVector;
import io.freshet.data.Vector;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.ScalarFunction;
import io.freshet.expr.TypeCoercion;
import io.freshet.types.ArrayType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.freshet.expr.functions.RowFunctions.checkArity;
import static io.freshet.expr.functions.RowFunctions.rowCall;
import static io.freshet.expr.functions.RowFunctions.rowCallWithNulls;
import static java.util.Objects.requireNonNull;

/**
 * Built-in array functions with Spark SQL's ANSI semantics: {@code array(…)}, {@code size} and
 * {@code cardinality}, {@code element_at} and {@code try_element_at} (1-based, negative from the end),
 * {@code array_contains}, {@code array_sort}, {@code sort_array} and {@code array_distinct}. Arrays are
 * {@link List}s of internal values that may hold nulls.
 */
public final class ArrayFunctions {
    private ArrayFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {
        registry.scalar("array", ArrayFunctions::bindArray);
        registry.scalar("size", args -> bindSize("size", args));
        registry.scalar("cardinality", args -> bindSize("cardinality", args));
        registry.scalar("element_at", args -> bindElementAt("element_at", args, false));
        registry.scalar("try_element_at", args -> bindElementAt("try_element_at", args, true));
        registry.scalar("array_contains", ArrayFunctions::bindArrayContains);
        registry.scalar("array_sort", ArrayFunctions::bindArraySort);
        registry.scalar("sort_array", ArrayFunctions::bindSortArray);
        registry.scalar("array_distinct", ArrayFunctions::bindArrayDistinct);
    }

    // ---------------------------------------------------------------- binding

    private static Expr bindArray(List<Expr> args) {
        List<DataType> types = new ArrayList<>(args.size());
        for (Expr arg : args) {
            types.add(arg.type());
        }
        DataType element = args.isEmpty()
                ? NullType.NULL
                : TypeCoercion.commonType(types)
                        .orElseThrow(() -> Binding.mismatch(
                                "array",
                                args,
                                "elements of one type (or types that "
                                        + "widen to a common type, such as int and bigint)"));
        List<Expr> bound = new ArrayList<>(args.size());
        for (Expr arg : args) {
            bound.add(Casts.cast(arg, element));
        }
        return rowCallWithNulls("array", new ArrayType(element), bound, (values, context) -> immutableList(values));
    }

    private static Expr bindSize(String name, List<Expr> args) {
        checkArity(name, args, 1, 1, "array");
        Expr array = array(name, 1, args.get(0));
        return new Call(new ArraySize(name), array);
    }

    private static Expr bindElementAt(String name, List<Expr> args, boolean nullOnError) {
        checkArity(name, args, 2, 2, "array, index");
        Expr array = array(name, 1, args.get(0));
        Expr index = RowFunctions.coerce(name, 2, args.get(1), IntType.INT);
        DataType element = ((ArrayType) array.type()).elementType();
        return rowCall(name, element, List.of(array, index), (values, context) -> {
            List<?> list = (List<?>) values[0];
            int position = (Integer) values[1];
            if (position == 0) {
                throw new FreshetException(
                        ErrorCode.INVALID_ARGUMENT,
                        "The index 0 is invalid: SQL array indices start at 1 (use -1 for the last element)");
            }
            int size = list.size();
            if (position > size || position < -size) {
                if (nullOnError) {
                    return null;
                }
                throw new FreshetException(
                        ErrorCode.INVALID_ARGUMENT,
                        "The index " + position + " is out of bounds: the array has " + size + " element"
                                + (size == 1 ? "" : "s")
                                + "; use try_element_at to get NULL for an index out of bounds");
            }
            return list.get(position > 0 ? position - 1 : size + position);
        });
    }

    private static Expr bindArrayContains(List<Expr> args) {
        String name = "array_contains";
        checkArity(name, args, 2, 2, "array, value");
        Expr array = array(name, 1, args.get(0));
        DataType element = ((ArrayType) array.type()).elementType();
        Expr value = args.get(1);
        Optional<DataType> common = TypeCoercion.commonType(element, value.type());
        if (common.isEmpty()) {
            throw new AnalysisException(
                    ErrorCode.TYPE_MISMATCH,
                    name + " expects a value of the array's element type " + element.sqlName() + ", got "
                            + value.type().sqlName() + "; cast the value explicitly");
        }
        DataType type = common.get() instanceof NullType ? element : common.get();
        List<Expr> bound = List.of(Casts.cast(array, new ArrayType(type)), Casts.cast(value, type));
        return rowCall(name, BooleanType.BOOLEAN, bound, (values, context) -> contains((List<?>) values[0], values[1]));
    }

    /** True when found; otherwise null if the array holds a null (it might be the value), else false. */
    static Boolean contains(List<?> list, Object value) {
        boolean sawNull = false;
        for (Object element : list) {
            if (element == null) {
                sawNull = true;
            } else if (ValueComparator.compare(element, value) == 0) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    private static Expr bindArraySort(List<Expr> args) {
        String name = "array_sort";
        if (args.size() == 2) {
            throw new AnalysisException(
                    ErrorCode.UNSUPPORTED,
                    "array_sort with a comparator lambda is not supported; use array_sort(array) or "
                            + "sort_array(array, ascending)");
        }
        checkArity(name, args, 1, 1, "array");
        Expr array = array(name, 1, args.get(0));
        // Ascending with nulls last, as Spark's array_sort.
        return rowCall(
                name, array.type(), List.of(array), (values, context) -> sorted((List<?>) values[0], true, false));
    }

    private static Expr bindSortArray(List<Expr> args) {
        String name = "sort_array";
        checkArity(name, args, 1, 2, "array[, ascendingOrder]");
        Expr array = array(name, 1, args.get(0));
        Boolean ascending = true;
        if (args.size() == 2) {
            if (!(args.get(1) instanceof Literal literal) || !(literal.type() instanceof BooleanType)) {
                throw new AnalysisException(
                        ErrorCode.TYPE_MISMATCH,
                        "sort_array expects a constant boolean as its second argument (ascendingOrder), got "
                                + args.get(1).type().sqlName());
            }
            ascending = (Boolean) literal.value();
        }
        if (ascending == null) {
            return new Literal(null, array.type());
        }
        // sort_array puts nulls first when ascending and last when descending.
        boolean ascendingOrder = ascending;
        return rowCall(
                name,
                array.type(),
                List.of(array),
                (values, context) -> sorted((List<?>) values[0], ascendingOrder, ascendingOrder));
    }

    /** A sorted copy of {@code list} in Spark's value order, nulls first or last. */
    static List<Object> sorted(List<?> list, boolean ascending, boolean nullsFirst) {
        Object[] values = list.toArray();
        int nonNull = 0;
        for (Object value : values) {
            if (value != null) {
                values[nonNull++] = value;
            }
        }
        Object[] present = Arrays.copyOf(values, nonNull);
        Arrays.sort(present, ascending ? ValueComparator::compare : (a, b) -> ValueComparator.compare(b, a));
        Object[] result = new Object[list.size()];
        int nulls = list.size() - nonNull;
        System.arraycopy(present, 0, result, nullsFirst ? nulls : 0, nonNull);
        return Collections.unmodifiableList(Arrays.asList(result));
    }

    private static Expr bindArrayDistinct(List<Expr> args) {
        String name = "array_distinct";
        checkArity(name, args, 1, 1, "array");
        Expr array = array(name, 1, args.get(0));
        return rowCall(name, array.type(), List.of(array), (values, context) -> distinct((List<?>) values[0]));
    }

    /** The distinct elements in order of first appearance; one null stays; NaN equals NaN and -0.0 equals 0.0. */
    static List<Object> distinct(List<?> list) {
        Set<Object> seen = new HashSet<>();
        List<Object> result = new ArrayList<>();
        boolean sawNull = false;
        for (Object value : list) {
            if (value == null) {
                if (!sawNull) {
                    sawNull = true;
                    result.add(null);
                }
            } else if (seen.add(normalize(value))) {
                result.add(value);
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static Object normalize(Object value) {
        if (value instanceof Double d && d == 0.0) {
            return 0.0;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros();
        }
        return value;
    }

    // ---------------------------------------------------------------- helpers

    /** The argument as an array; a NULL literal becomes a null array of nulls. */
    private static Expr array(String name, int position, Expr arg) {
        if (arg.type() instanceof ArrayType) {
            return arg;
        }
        if (arg.type() instanceof NullType) {
            return new Literal(null, new ArrayType(NullType.NULL));
        }
        throw RowFunctions.typeMismatch(name, position, "array", arg.type());
    }

    private static List<Object> immutableList(Object[] values) {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    /** The number of elements of an array; null for a null array (ANSI mode). */
    record ArraySize(String name) implements ScalarFunction {
        ArraySize {
            requireNonNull(name, "name is null");
        }

        @Override
        public DataType returnType() {
            return IntType.INT;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            Vector input = args[0];
            int[] sizes = new int[rowCount];
            long[] nulls = null;
            for (int row = 0; row < rowCount; row++) {
                Object value = input.get(row);
                if (value == null) {
                    nulls = RowFunctions.markNull(nulls, rowCount, row);
                } else {
                    sizes[row] = ((List<?>) value).size();
                }
            }
            return new IntVector(IntType.INT, sizes, nulls, rowCount);
        }
    }
}
