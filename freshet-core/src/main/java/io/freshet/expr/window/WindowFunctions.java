package io.freshet.expr.window;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.NullType;
import java.util.List;

/** Built-in ranking and offset window functions. */
public final class WindowFunctions {
    private WindowFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {
        registry.window(
                "row_number", (args, ignoreNulls) -> ranking("row_number", args, ignoreNulls, new RowNumberFunction()));
        for (RankFunction.Kind kind : RankFunction.Kind.values()) {
            RankFunction function = new RankFunction(kind);
            registry.window(
                    function.name(), (args, ignoreNulls) -> ranking(function.name(), args, ignoreNulls, function));
        }
        registry.window("ntile", WindowFunctions::ntile);
        registry.window("lag", (args, ignoreNulls) -> offset(false, args, ignoreNulls));
        registry.window("lead", (args, ignoreNulls) -> offset(true, args, ignoreNulls));
        registry.window("first_value", (args, ignoreNulls) -> value(ValueFunction.Kind.FIRST_VALUE, args, ignoreNulls));
        registry.window("last_value", (args, ignoreNulls) -> value(ValueFunction.Kind.LAST_VALUE, args, ignoreNulls));
        registry.window("nth_value", (args, ignoreNulls) -> value(ValueFunction.Kind.NTH_VALUE, args, ignoreNulls));
    }

    private static WindowFunction ranking(String name, List<Expr> args, boolean ignoreNulls, WindowFunction function) {
        if (!args.isEmpty()) {
            throw wrongArguments(name + "() takes no arguments, but " + args.size() + " were given");
        }
        rejectIgnoreNulls(name, ignoreNulls);
        return function;
    }

    private static WindowFunction ntile(List<Expr> args, boolean ignoreNulls) {
        if (args.size() != 1) {
            throw wrongArguments(
                    "ntile(n) takes one argument, the number of buckets, but " + args.size() + " were given");
        }
        rejectIgnoreNulls("ntile", ignoreNulls);
        long buckets = positiveConstant("ntile", "the number of buckets", args.get(0));
        if (buckets > Integer.MAX_VALUE) {
            throw wrongArguments(
                    "ntile(n) needs a number of buckets up to " + Integer.MAX_VALUE + ", but got " + buckets);
        }
        return new NtileFunction((int) buckets);
    }

    private static WindowFunction offset(boolean lead, List<Expr> args, boolean ignoreNulls) {
        String name = lead ? "lead" : "lag";
        if (args.isEmpty() || args.size() > 3) {
            throw wrongArguments(
                    name + "(input[, offset[, default]]) takes 1 to 3 arguments, but " + args.size() + " were given");
        }
        DataType type = args.get(0).type();
        long offset = 1;
        if (args.size() >= 2) {
            offset = integralConstant(name, "the offset", args.get(1));
        }
        if (args.size() == 3) {
            DataType defaultType = args.get(2).type();
            boolean fits = defaultType.equals(type)
                    || defaultType instanceof NullType
                    || (defaultType.isNumeric() && type.isNumeric());
            if (!fits) {
                throw new AnalysisException(
                        ErrorCode.TYPE_MISMATCH,
                        name + "() needs a default of the input's type " + type.sqlName() + ", but got "
                                + defaultType.sqlName() + "; cast the default to " + type.sqlName());
            }
        }
        return new OffsetFunction(lead, offset, type, ignoreNulls);
    }

    private static WindowFunction value(ValueFunction.Kind kind, List<Expr> args, boolean ignoreNulls) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        if (kind == ValueFunction.Kind.NTH_VALUE) {
            if (args.size() != 2) {
                throw wrongArguments("nth_value(input, n) takes two arguments, but " + args.size() + " were given");
            }
            long n = positiveConstant(name, "the row number n", args.get(1));
            return new ValueFunction(kind, n, args.get(0).type(), ignoreNulls);
        }
        if (args.isEmpty() || args.size() > 2) {
            throw wrongArguments(
                    name + "(input[, ignoreNulls]) takes one or two arguments, but " + args.size() + " were given");
        }
        boolean ignore = ignoreNulls;
        if (args.size() == 2) {
            if (!(args.get(1) instanceof Literal literal)
                    || !(literal.type() instanceof BooleanType)
                    || literal.value() == null) {
                throw wrongArguments(name + "() needs a constant boolean as its second argument (ignoreNulls)");
            }
            ignore |= (Boolean) literal.value();
        }
        return new ValueFunction(kind, 1, args.get(0).type(), ignore);
    }

    private static long positiveConstant(String name, String what, Expr arg) {
        long value = integralConstant(name, what, arg);
        if (value <= 0) {
            throw wrongArguments(name + "() needs a positive constant as " + what + ", but got " + value);
        }
        return value;
    }

    private static long integralConstant(String name, String what, Expr arg) {
        if (!(arg instanceof Literal literal) || !literal.type().isIntegral() || literal.value() == null) {
            throw wrongArguments(name + "() needs an integer constant as " + what + ", but got " + arg);
        }
        return ((Number) literal.value()).longValue();
    }

    private static void rejectIgnoreNulls(String name, boolean ignoreNulls) {
        if (ignoreNulls) {
            throw wrongArguments(name + "() does not support IGNORE NULLS; remove it");
        }
    }

    private static AnalysisException wrongArguments(String message) {
        return new AnalysisException(ErrorCode.WRONG_ARGUMENTS, message);
    }
}
