package io.freshet.expr.aggregate;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.TimestampType;
import java.util.List;

/** Built-in aggregate functions, with Spark SQL 4 (ANSI mode) argument rules and result types. */
public final class AggregateFunctions {
    private AggregateFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {
        registry.aggregate("count", AggregateFunctions::count);
        registry.aggregate("count_if", (args, distinct) -> countIf(args, distinct));
        for (String name : List.of("sum", "try_sum")) {
            registry.aggregate(name, (args, distinct) -> sum(name, args, distinct, false));
        }
        for (String name : List.of("avg", "mean", "try_avg")) {
            registry.aggregate(name, (args, distinct) -> sum(name, args, distinct, true));
        }
        registry.aggregate("min", (args, distinct) -> minMax("min", args, distinct, false));
        registry.aggregate("max", (args, distinct) -> minMax("max", args, distinct, true));
        for (String name : List.of("bool_and", "every")) {
            registry.aggregate(name, (args, distinct) -> bool(name, args, distinct, false));
        }
        for (String name : List.of("bool_or", "some", "any")) {
            registry.aggregate(name, (args, distinct) -> bool(name, args, distinct, true));
        }
        for (String name : List.of("first", "first_value", "any_value")) {
            registry.aggregate(name, (args, distinct) -> firstLast(name, args, distinct, false));
        }
        for (String name : List.of("last", "last_value")) {
            registry.aggregate(name, (args, distinct) -> firstLast(name, args, distinct, true));
        }
        for (String name : List.of("collect_list", "array_agg")) {
            registry.aggregate(name, (args, distinct) -> collect(name, args, distinct, false));
        }
        registry.aggregate("collect_set", (args, distinct) -> collect("collect_set", args, distinct, true));
        registry.aggregate("max_by", (args, distinct) -> extremumBy("max_by", args, distinct, true));
        registry.aggregate("min_by", (args, distinct) -> extremumBy("min_by", args, distinct, false));
        registerMoment(registry, "stddev", MomentFunction.Statistic.STDDEV_SAMP);
        registerMoment(registry, "std", MomentFunction.Statistic.STDDEV_SAMP);
        registerMoment(registry, "stddev_samp", MomentFunction.Statistic.STDDEV_SAMP);
        registerMoment(registry, "stddev_pop", MomentFunction.Statistic.STDDEV_POP);
        registerMoment(registry, "variance", MomentFunction.Statistic.VAR_SAMP);
        registerMoment(registry, "var_samp", MomentFunction.Statistic.VAR_SAMP);
        registerMoment(registry, "var_pop", MomentFunction.Statistic.VAR_POP);
        registerMoment(registry, "skewness", MomentFunction.Statistic.SKEWNESS);
        registerMoment(registry, "kurtosis", MomentFunction.Statistic.KURTOSIS);
        registerCovariance(registry, "covar_pop", CovarianceFunction.Statistic.COVAR_POP);
        registerCovariance(registry, "covar_samp", CovarianceFunction.Statistic.COVAR_SAMP);
        registerCovariance(registry, "corr", CovarianceFunction.Statistic.CORR);
        registry.aggregate("approx_count_distinct", AggregateFunctions::approxCountDistinct);
        for (String name : List.of("percentile_approx", "approx_percentile")) {
            registry.aggregate(name, (args, distinct) -> percentileApprox(name, args, distinct));
        }
        registry.aggregate("percentile", (args, distinct) -> percentile("percentile", args, distinct));
        registry.aggregate("median", (args, distinct) -> median(args, distinct));
    }

    /** The function, or its {@code DISTINCT} form over its first {@code keyCount} arguments. */
    private static AggregateFunction withDistinct(
            AggregateFunction function, List<Expr> args, int keyCount, boolean distinct) {
        return distinct ? new DistinctAggregate(function, Arguments.types(args, keyCount)) : function;
    }

    private static AggregateFunction count(List<Expr> args, boolean distinct) {
        if (args.isEmpty() && distinct) {
            throw new AnalysisException(
                    ErrorCode.WRONG_ARGUMENTS, "count(DISTINCT) needs at least one argument; use count(*) instead");
        }
        CountFunction function = new CountFunction("count", Arguments.types(args, args.size()), false);
        return withDistinct(function, args, args.size(), distinct);
    }

    private static AggregateFunction countIf(List<Expr> args, boolean distinct) {
        Arguments.expectCount("count_if", args, 1, 1);
        Arguments.expectBoolean("count_if", args.get(0));
        return withDistinct(new CountFunction("count_if", Arguments.types(args, 1), true), args, 1, distinct);
    }

    private static AggregateFunction sum(String name, List<Expr> args, boolean distinct, boolean average) {
        Arguments.expectCount(name, args, 1, 1);
        DataType input = args.get(0).type();
        if (!Arguments.isSummable(input)) {
            throw Arguments.mismatch(name, "a numeric or interval argument", input);
        }
        DataType result =
                switch (input) {
                    case IntType t -> average ? DoubleType.DOUBLE : BigintType.BIGINT;
                    case BigintType t -> average ? DoubleType.DOUBLE : BigintType.BIGINT;
                    case DecimalType d ->
                        average
                                ? Arguments.boundedDecimal(d.precision() + 4, d.scale() + 4)
                                : Arguments.boundedDecimal(d.precision() + 10, d.scale());
                    case IntervalType t -> input;
                    default -> DoubleType.DOUBLE;
                };
        boolean tryMode = name.startsWith("try_");
        return withDistinct(new SumFunction(name, input, result, average, tryMode), args, 1, distinct);
    }

    private static AggregateFunction minMax(String name, List<Expr> args, boolean distinct, boolean max) {
        Arguments.expectCount(name, args, 1, 1);
        return withDistinct(new MinMaxFunction(name, args.get(0).type(), max), args, 1, distinct);
    }

    private static AggregateFunction bool(String name, List<Expr> args, boolean distinct, boolean or) {
        Arguments.expectCount(name, args, 1, 1);
        Arguments.expectBoolean(name, args.get(0));
        return withDistinct(new MinMaxFunction(name, BooleanType.BOOLEAN, or), args, 1, distinct);
    }

    private static AggregateFunction firstLast(String name, List<Expr> args, boolean distinct, boolean last) {
        Arguments.expectCount(name, args, 1, 2);
        boolean ignoreNulls =
                args.size() == 2 && Arguments.constantBoolean(name, args.get(1), "second argument (ignoreNulls)");
        return withDistinct(new FirstLastFunction(name, args.get(0).type(), last, ignoreNulls), args, 1, distinct);
    }

    private static AggregateFunction collect(String name, List<Expr> args, boolean distinct, boolean set) {
        Arguments.expectCount(name, args, 1, 1);
        return withDistinct(new CollectFunction(name, args.get(0).type(), set), args, 1, distinct);
    }

    private static AggregateFunction extremumBy(String name, List<Expr> args, boolean distinct, boolean max) {
        Arguments.expectCount(name, args, 2, 2);
        return withDistinct(
                new ExtremumByFunction(name, args.get(0).type(), args.get(1).type(), max), args, 2, distinct);
    }

    private static void registerMoment(
            FunctionRegistry.Builder registry, String name, MomentFunction.Statistic statistic) {
        registry.aggregate(name, (args, distinct) -> {
            Arguments.expectCount(name, args, 1, 1);
            Arguments.numeric(name, args.get(0));
            return withDistinct(new MomentFunction(name, statistic), args, 1, distinct);
        });
    }

    private static void registerCovariance(
            FunctionRegistry.Builder registry, String name, CovarianceFunction.Statistic statistic) {
        registry.aggregate(name, (args, distinct) -> {
            Arguments.expectCount(name, args, 2, 2);
            Arguments.numeric(name, args.get(0));
            Arguments.numeric(name, args.get(1));
            return withDistinct(new CovarianceFunction(name, statistic), args, 2, distinct);
        });
    }

    private static AggregateFunction approxCountDistinct(List<Expr> args, boolean distinct) {
        String name = "approx_count_distinct";
        Arguments.expectCount(name, args, 1, 2);
        double relativeSd = args.size() == 2 ? Arguments.constantDouble(name, args.get(1), "relativeSD") : 0.05;
        int precision = ApproxCountDistinctFunction.precisionFor(relativeSd);
        if (!(relativeSd > 0)
                || precision < ApproxCountDistinctFunction.MIN_PRECISION
                || precision > ApproxCountDistinctFunction.MAX_PRECISION) {
            throw new AnalysisException(
                    ErrorCode.WRONG_ARGUMENTS,
                    name + " expects a relativeSD between 0.0022 and 0.39, got " + relativeSd);
        }
        return withDistinct(new ApproxCountDistinctFunction(args.get(0).type(), relativeSd), args, 1, distinct);
    }

    private static boolean isPercentileInput(DataType type) {
        return type.isNumeric()
                || type instanceof DateType
                || type instanceof TimestampType
                || type instanceof IntervalType
                || type instanceof NullType;
    }

    private static AggregateFunction percentileApprox(String name, List<Expr> args, boolean distinct) {
        Arguments.expectCount(name, args, 2, 3);
        DataType input = args.get(0).type();
        if (!isPercentileInput(input)) {
            throw Arguments.mismatch(name, "a numeric, date, timestamp or interval argument", input);
        }
        List<Double> percentages = percentages(name, args.get(1));
        int accuracy = PercentileApproxFunction.DEFAULT_ACCURACY;
        if (args.size() == 3) {
            Expr argument = args.get(2);
            if (!(argument instanceof Literal literal)
                    || !(literal.value() instanceof Number number)
                    || !argument.type().isIntegral()
                    || number.longValue() <= 0
                    || number.longValue() > Integer.MAX_VALUE) {
                throw new AnalysisException(
                        ErrorCode.WRONG_ARGUMENTS,
                        name + " expects its accuracy to be a positive integer constant, got " + argument);
            }
            accuracy = (int) number.longValue();
        }
        DataType resultInput = input instanceof NullType ? DoubleType.DOUBLE : input;
        boolean array = args.get(1).type() instanceof ArrayType;
        return withDistinct(
                new PercentileApproxFunction(name, resultInput, percentages, array, accuracy), args, 1, distinct);
    }

    private static AggregateFunction percentile(String name, List<Expr> args, boolean distinct) {
        Arguments.expectCount(name, args, 2, 2);
        Arguments.numeric(name, args.get(0));
        List<Double> percentages = percentages(name, args.get(1));
        boolean array = args.get(1).type() instanceof ArrayType;
        return withDistinct(new PercentileFunction(name, percentages, array), args, 1, distinct);
    }

    private static AggregateFunction median(List<Expr> args, boolean distinct) {
        Arguments.expectCount("median", args, 1, 1);
        Arguments.numeric("median", args.get(0));
        return withDistinct(new PercentileFunction("median", List.of(0.5), false), args, 1, distinct);
    }

    private static List<Double> percentages(String name, Expr argument) {
        List<Double> percentages = Arguments.constantDoubles(name, argument, "percentage");
        for (double percentage : percentages) {
            if (!(percentage >= 0.0 && percentage <= 1.0)) {
                throw new AnalysisException(
                        ErrorCode.WRONG_ARGUMENTS,
                        name + " expects percentages between 0.0 and 1.0, got " + percentage);
            }
        }
        return percentages;
    }
}
