package io.freshet.expr.aggregate;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.expr.Expr;
import io.freshet.expr.Literal;
import io.freshet.types.ArrayType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Argument checks shared by the aggregate binders; errors name the function and what it accepts. */
final class Arguments {
    private Arguments() {}

    static void expectCount(String function, List<Expr> args, int min, int max) {
        int count = args.size();
        if (count >= min && count <= max) {
            return;
        }
        String expected;
        if (min == max) {
            expected = min + (min == 1 ? " argument" : " arguments");
        } else if (max == Integer.MAX_VALUE) {
            expected = "at least " + min + (min == 1 ? " argument" : " arguments");
        } else {
            expected = min + " to " + max + " arguments";
        }
        throw new AnalysisException(ErrorCode.WRONG_ARGUMENTS, function + " expects " + expected + ", got " + count);
    }

    static AnalysisException mismatch(String function, String expected, DataType actual) {
        return new AnalysisException(
                ErrorCode.TYPE_MISMATCH, function + " expects " + expected + ", got " + actual.sqlName());
    }

    /** Whether sum and avg accept the type: numbers, intervals and the untyped NULL. */
    static boolean isSummable(DataType type) {
        return type.isNumeric() || type instanceof IntervalType || type instanceof NullType;
    }

    static DataType numeric(String function, Expr arg) {
        DataType type = arg.type();
        if (!type.isNumeric() && !(type instanceof NullType)) {
            throw mismatch(function, "a numeric argument", type);
        }
        return type;
    }

    static void expectBoolean(String function, Expr arg) {
        if (!(arg.type() instanceof BooleanType) && !(arg.type() instanceof NullType)) {
            throw mismatch(function, "a boolean argument", arg.type());
        }
    }

    /** The value of a constant boolean argument such as the {@code ignoreNulls} of {@code first}. */
    static boolean constantBoolean(String function, Expr arg, String what) {
        if (arg instanceof Literal literal && literal.value() instanceof Boolean value) {
            return value;
        }
        throw new AnalysisException(
                ErrorCode.WRONG_ARGUMENTS,
                function + " expects its " + what + " to be a constant boolean (true or false), got " + arg);
    }

    /** The value of a constant, non-null numeric argument as a double. */
    static double constantDouble(String function, Expr arg, String what) {
        if (arg instanceof Literal literal
                && literal.value() != null
                && arg.type().isNumeric()) {
            return toDouble(literal.value());
        }
        throw new AnalysisException(
                ErrorCode.WRONG_ARGUMENTS, function + " expects its " + what + " to be a constant number, got " + arg);
    }

    /** The values of a constant number or constant array of numbers (e.g. the percentages of a percentile). */
    static List<Double> constantDoubles(String function, Expr arg, String what) {
        if (arg instanceof Literal literal
                && literal.value() instanceof List<?> list
                && arg.type() instanceof ArrayType array
                && (array.elementType().isNumeric() || array.elementType() instanceof NullType)) {
            List<Double> values = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element == null) {
                    throw new AnalysisException(
                            ErrorCode.WRONG_ARGUMENTS, function + " expects no NULL in its " + what);
                }
                values.add(toDouble(element));
            }
            return List.copyOf(values);
        }
        return List.of(constantDouble(function, arg, what));
    }

    private static double toDouble(Object value) {
        return switch (value) {
            case BigDecimal decimal -> decimal.doubleValue();
            case Number number -> number.doubleValue();
            default -> throw new IllegalStateException("not a number: " + value);
        };
    }

    /** The decimal type {@code decimal(p, s)} with precision and scale capped at 38, as Spark's {@code bounded}. */
    static DecimalType boundedDecimal(int precision, int scale) {
        return new DecimalType(
                Math.min(precision, DecimalType.MAX_PRECISION), Math.min(scale, DecimalType.MAX_PRECISION));
    }

    /** The types of the first {@code count} arguments. */
    static List<DataType> types(List<Expr> args, int count) {
        List<DataType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(args.get(i).type());
        }
        return List.copyOf(types);
    }
}
