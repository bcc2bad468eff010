package io.freshet.plan;

import io.freshet.AnalysisException;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.expr.OuterRef;
import io.freshet.expr.ScalarFunctionDefinition;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.aggregate.AggregateFunctionDefinition;
import io.freshet.expr.functions.Casts;
import io.freshet.expr.functions.SessionWindowFunctions;
import io.freshet.expr.functions.StructFunctions;
import io.freshet.expr.window.WindowFunction;
import io.freshet.expr.window.WindowFunctionDefinition;
import io.freshet.plan.logical.SortKey;
import io.freshet.plan.logical.WindowCall;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.freshet.ErrorCode.AMBIGUOUS_COLUMN;
import static io.freshet.ErrorCode.COLUMN_NOT_FOUND;
import static io.freshet.ErrorCode.FUNCTION_NOT_FOUND;
import static io.freshet.ErrorCode.INVALID_AGGREGATE;
import static io.freshet.ErrorCode.INVALID_WINDOW;
import static io.freshet.ErrorCode.TYPE_MISMATCH;
import static io.freshet.ErrorCode.UNSUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * Resolves a {@link ParsedExpr} against the columns of a relation: names to column positions,
 * function names to bound functions (with implicit casts), operators to calls. Aggregate and window
 * function calls and subqueries are handed to hooks, which decide what they stand for.
 */
final class ExprResolver {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final FunctionRegistry registry;
    private final List<ColumnBinding> columns;
    private final List<List<ColumnBinding>> outerScopes;
    private final Hooks hooks;

    /** What the context of an expression allows besides scalar functions. */
    interface Hooks {
        /** An aggregate call; returns the expression that stands for its result. */
        default Expr aggregate(AggregateFunction function, List<Expr> args, Expr filter, Position position) {
            throw new AnalysisException(
                    INVALID_AGGREGATE,
                    position.line(),
                    position.column(),
                    "Aggregate function " + function.name() + "(…) is not allowed here; "
                            + "aggregates belong in SELECT, HAVING or ORDER BY of a grouped query");
        }

        /** A window call; returns the expression that stands for its result. */
        default Expr window(WindowCall call, Position position) {
            throw new AnalysisException(
                    INVALID_WINDOW,
                    position.line(),
                    position.column(),
                    "Window function " + call.functionName() + "(…) OVER (…) is not allowed here; "
                            + "window functions belong in SELECT, QUALIFY or ORDER BY");
        }

        /** A subquery used as a value. */
        default Expr subquery(ParsedExpr.Subquery subquery) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    subquery.position().line(),
                    subquery.position().column(),
                    "Subqueries are not supported in this part of the query; "
                            + "use them in WHERE, or in SELECT as a scalar subquery");
        }

        /** {@code grouping(col)} or {@code grouping_id(…)}: only in a query with grouping sets. */
        default Expr grouping(String name, List<Expr> args, Position position) {
            throw new AnalysisException(
                    INVALID_AGGREGATE,
                    position.line(),
                    position.column(),
                    name + "() can only be used with GROUP BY ROLLUP, CUBE or GROUPING SETS");
        }

        /** A {@code window(…)} call the planner expanded rows for (sliding windows), or null. */
        default Expr timeWindow(ParsedExpr.FunctionCall call) {
            return null;
        }

        /**
         * A bound {@code session_window(ts, gap)} call: allowed only where the planner groups by it (it
         * returns the call then); elsewhere an error.
         */
        default Expr sessionWindow(Expr call, Position position) {
            throw new AnalysisException(
                    INVALID_AGGREGATE,
                    position.line(),
                    position.column(),
                    "session_window(…) can only be used as a GROUP BY key of an aggregation (and then in its"
                            + " SELECT, HAVING and ORDER BY), e.g. GROUP BY user, session_window(ts, '10 minutes')");
        }

        /**
         * What a one-part name stands for when it names a select-list alias, or null to resolve it as a
         * column (HAVING and QUALIFY see the aliases of the select list, as in Spark's HAVING).
         */
        default Expr selectAlias(String name) {
            return null;
        }

        /** Whether aggregate calls are collected (their arguments then must not contain aggregates). */
        default boolean insideAggregate() {
            return false;
        }
    }

    static final Hooks NO_HOOKS = new Hooks() {};

    ExprResolver(
            FunctionRegistry registry,
            List<ColumnBinding> columns,
            List<List<ColumnBinding>> outerScopes,
            Hooks hooks) {
        this.registry = requireNonNull(registry, "registry is null");
        this.columns = List.copyOf(columns);
        this.outerScopes = List.copyOf(outerScopes);
        this.hooks = requireNonNull(hooks, "hooks is null");
    }

    ExprResolver withHooks(Hooks newHooks) {
        return new ExprResolver(registry, columns, outerScopes, newHooks);
    }

    List<ColumnBinding> columns() {
        return columns;
    }

    Expr resolve(ParsedExpr expr) {
        try {
            return resolveUnchecked(expr);
        } catch (AnalysisException e) {
            if (!e.hasPosition() && expr.position().isKnown()) {
                throw new AnalysisException(
                        e.errorCode(), expr.position().line(), expr.position().column(), e.plainMessage());
            }
            throw e;
        }
    }

    private Expr resolveUnchecked(ParsedExpr expr) {
        return switch (expr) {
            case ParsedExpr.Identifier identifier -> resolveIdentifier(identifier);
            case ParsedExpr.Constant constant -> new Literal(constant.value(), constant.type());
            case ParsedExpr.Alias alias -> resolve(alias.expr());
            case ParsedExpr.Cast cast -> Casts.cast(resolve(cast.expr()), cast.type(), cast.tryCast());
            case ParsedExpr.FunctionCall call -> resolveCall(call);
            case ParsedExpr.Case caseExpr -> resolveCase(caseExpr);
            case ParsedExpr.InList in -> resolveInList(in);
            case ParsedExpr.Between between -> resolveBetween(between);
            case ParsedExpr.Subquery subquery -> hooks.subquery(subquery);
            case ParsedExpr.Subscript subscript ->
                StructFunctions.subscript(resolve(subscript.expr()), resolve(subscript.index()));
            case ParsedExpr.FieldAccess access -> StructFunctions.getField(resolve(access.expr()), access.field());
            case ParsedExpr.Star star ->
                throw new AnalysisException(
                        UNSUPPORTED,
                        star.position().line(),
                        star.position().column(),
                        "* is only allowed in a SELECT list or count(*)");
        };
    }

    Expr scalar(String name, Position position, Expr... args) {
        ScalarFunctionDefinition definition = registry.scalar(name)
                .orElseThrow(() -> new AnalysisException(
                        FUNCTION_NOT_FOUND, position.line(), position.column(), "Unknown function " + name));
        return definition.bind(List.of(args));
    }

    // ---- names -------------------------------------------------------------------------------------

    private Expr resolveIdentifier(ParsedExpr.Identifier identifier) {
        List<String> parts = identifier.parts();
        if (parts.size() == 1) {
            Expr alias = hooks.selectAlias(parts.get(0));
            if (alias != null) {
                return alias;
            }
        }
        Optional<Expr> found = lookup(columns, parts, identifier, false);
        if (found.isPresent()) {
            return found.get();
        }
        for (List<ColumnBinding> outer : outerScopes) {
            Optional<Expr> outerFound = lookup(outer, parts, identifier, true);
            if (outerFound.isPresent()) {
                return outerFound.get();
            }
        }
        throw new AnalysisException(
                COLUMN_NOT_FOUND,
                identifier.position().line(),
                identifier.position().column(),
                "Column '" + String.join(".", parts) + "' does not exist" + suggestions(identifier.name()));
    }

    private String suggestions(String name) {
        if (columns.isEmpty()) {
            return "; the query has no input columns here";
        }
        List<String> names = new ArrayList<>();
        for (ColumnBinding column : columns) {
            String display = column.displayName();
            if (!names.contains(display)) {
                names.add(display);
            }
        }
        names.sort((a, b) -> Integer.compare(distance(a, name), distance(b, name)));
        List<String> best = names.subList(0, Math.min(5, names.size()));
        return ". Did you mean one of: " + String.join(", ", best) + "?";
    }

    private static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }

    /** Finds {@code parts} as {@code qualifier.name[.field…]} or {@code name[.field…]}. */
    private Optional<Expr> lookup(
            List<ColumnBinding> scope, List<String> parts, ParsedExpr.Identifier identifier, boolean outer) {
        if (parts.size() >= 2) {
            int index = find(scope, parts.get(0), parts.get(1), identifier);
            if (index >= 0) {
                return Optional.of(fields(reference(scope, index, outer), parts.subList(2, parts.size())));
            }
        }
        int index = find(scope, null, parts.get(0), identifier);
        if (index >= 0) {
            return Optional.of(fields(reference(scope, index, outer), parts.subList(1, parts.size())));
        }
        return Optional.empty();
    }

    private static Expr reference(List<ColumnBinding> scope, int index, boolean outer) {
        ColumnBinding column = scope.get(index);
        return outer
                ? new OuterRef(index, column.type(), column.name())
                : new InputRef(index, column.type(), column.name());
    }

    private static Expr fields(Expr base, List<String> fieldNames) {
        Expr result = base;
        for (String field : fieldNames) {
            result = StructFunctions.getField(result, field);
        }
        return result;
    }

    private static int find(
            List<ColumnBinding> scope, String qualifier, String name, ParsedExpr.Identifier identifier) {
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < scope.size(); i++) {
            ColumnBinding column = scope.get(i);
            if (!column.name().equalsIgnoreCase(name) || (qualifier == null && column.qualifiedOnly())) {
                continue;
            }
            if (qualifier != null
                    && (column.qualifier() == null || !column.qualifier().equalsIgnoreCase(qualifier))) {
                continue;
            }
            matches.add(i);
        }
        if (matches.size() > 1 && identifier.origin() != null) {
            matches.removeIf(i -> !scope.get(i).origins().contains(identifier.origin()));
        }
        if (matches.isEmpty()) {
            return -1;
        }
        if (matches.size() > 1) {
            List<String> names = matches.stream()
                    .map(i -> scope.get(i).displayName())
                    .distinct()
                    .toList();
            throw new AnalysisException(
                    AMBIGUOUS_COLUMN,
                    identifier.position().line(),
                    identifier.position().column(),
                    "Column '" + String.join(".", identifier.parts()) + "' is ambiguous: it could be "
                            + String.join(
                                    " or ", names.size() > 1 ? names : List.of(names.get(0) + " (from several inputs)"))
                            + "; qualify it with a table name or alias");
        }
        return matches.get(0);
    }

    // ---- calls -------------------------------------------------------------------------------------

    private Expr resolveCall(ParsedExpr.FunctionCall call) {
        String name = call.name().toLowerCase(Locale.ROOT);
        Position position = call.position();
        if (call.over() != null) {
            return resolveWindowCall(call, name);
        }
        if ((name.equals("grouping") || name.equals("grouping_id"))
                && registry.scalar(name).isEmpty()) {
            return hooks.grouping(name, resolveArgs(call, name), position);
        }
        if (name.equals("window")) {
            Expr expanded = hooks.timeWindow(call);
            if (expanded != null) {
                return expanded;
            }
        }
        if (name.equals(SessionWindowFunctions.COLUMN_NAME)) {
            return hooks.sessionWindow(SessionWindowFunctions.bind(resolveArgs(call, name)), position);
        }
        switch (name) {
            case "struct", "named_struct" -> {
                return resolveStruct(call, name);
            }
            default -> {}
        }
        Optional<AggregateFunctionDefinition> aggregate = registry.aggregate(name);
        if (aggregate.isPresent() && registry.scalar(name).isEmpty()) {
            if (hooks.insideAggregate()) {
                throw new AnalysisException(
                        INVALID_AGGREGATE,
                        position.line(),
                        position.column(),
                        "Aggregate function " + name + "(…) cannot be nested inside another aggregate function");
            }
            ExprResolver inner = withHooks(new Hooks() {
                @Override
                public boolean insideAggregate() {
                    return true;
                }

                @Override
                public Expr subquery(ParsedExpr.Subquery subquery) {
                    return hooks.subquery(subquery);
                }

                @Override
                public Expr timeWindow(ParsedExpr.FunctionCall windowCall) {
                    return hooks.timeWindow(windowCall);
                }
            });
            List<Expr> args = inner.resolveArgs(call, name);
            AggregateFunction function = aggregate.get().bind(args, call.distinct());
            Expr filter = call.filter() == null ? null : inner.resolveCondition(call.filter(), "FILTER");
            return hooks.aggregate(function, args, filter, position);
        }
        if (call.distinct()) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    position.line(),
                    position.column(),
                    "DISTINCT is only allowed in aggregate functions, not in " + name);
        }
        ScalarFunctionDefinition definition = registry.scalar(name).orElseThrow(() -> unknownFunction(name, position));
        return definition.bind(resolveArgs(call, name));
    }

    private AnalysisException unknownFunction(String name, Position position) {
        if (registry.window(name).isPresent()) {
            return new AnalysisException(
                    INVALID_WINDOW,
                    position.line(),
                    position.column(),
                    "Window function " + name + " needs an OVER (…) clause");
        }
        String hint = "";
        List<String> close = registry.names().stream()
                .filter(candidate -> distance(candidate, name) <= 2)
                .limit(3)
                .toList();
        if (!close.isEmpty()) {
            hint = "; did you mean " + String.join(", ", close) + "?";
        }
        return new AnalysisException(
                FUNCTION_NOT_FOUND, position.line(), position.column(), "Unknown function " + name + hint);
    }

    private List<Expr> resolveArgs(ParsedExpr.FunctionCall call, String name) {
        List<Expr> args = new ArrayList<>(call.args().size());
        for (ParsedExpr arg : call.args()) {
            if (arg instanceof ParsedExpr.Star) {
                if (name.equals("count") && call.args().size() == 1) {
                    return List.of();
                }
                throw new AnalysisException(
                        UNSUPPORTED,
                        arg.position().line(),
                        arg.position().column(),
                        "* is only allowed as the argument of count(*)");
            }
            args.add(resolve(arg));
        }
        return args;
    }

    /** Resolves a boolean condition ({@code WHERE}, {@code ON}, {@code HAVING}, {@code FILTER}). */
    Expr resolveCondition(ParsedExpr condition, String clause) {
        Expr resolved = resolve(condition);
        if (!(resolved.type() instanceof BooleanType) && !(resolved.type() instanceof io.freshet.types.NullType)) {
            throw new AnalysisException(
                    TYPE_MISMATCH,
                    condition.position().line(),
                    condition.position().column(),
                    "The " + clause + " condition must be a boolean, but it is "
                            + resolved.type().sqlName());
        }
        return resolved;
    }

    private Expr resolveStruct(ParsedExpr.FunctionCall call, String name) {
        List<String> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        if (name.equals("named_struct")) {
            for (int i = 0; i + 1 < call.args().size(); i += 2) {
                Expr key = resolve(call.args().get(i));
                if (!(key instanceof Literal literal) || !(literal.type() instanceof StringType)) {
                    throw new AnalysisException(TYPE_MISMATCH, "named_struct expects constant string names");
                }
                names.add((String) literal.value());
                values.add(resolve(call.args().get(i + 1)));
            }
        } else {
            for (int i = 0; i < call.args().size(); i++) {
                ParsedExpr arg = call.args().get(i);
                values.add(resolve(arg));
                names.add(
                        arg instanceof ParsedExpr.Identifier id
                                ? id.name()
                                : arg instanceof ParsedExpr.Alias alias ? alias.name() : "col" + (i + 1));
            }
        }
        return StructFunctions.struct(names, values);
    }

    private Expr resolveCase(ParsedExpr.Case caseExpr) {
        List<Expr> args = new ArrayList<>();
        Expr operand = caseExpr.operand() == null ? null : resolve(caseExpr.operand());
        for (int i = 0; i < caseExpr.whens().size(); i++) {
            Expr when = resolve(caseExpr.whens().get(i));
            args.add(operand == null ? when : scalar("=", caseExpr.position(), operand, when));
            args.add(resolve(caseExpr.thens().get(i)));
        }
        if (caseExpr.elseResult() != null) {
            args.add(resolve(caseExpr.elseResult()));
        }
        return scalar("case", caseExpr.position(), args.toArray(new Expr[0]));
    }

    private Expr resolveInList(ParsedExpr.InList in) {
        List<Expr> args = new ArrayList<>();
        args.add(resolve(in.expr()));
        for (ParsedExpr value : in.values()) {
            args.add(resolve(value));
        }
        Expr result = scalar("in", in.position(), args.toArray(new Expr[0]));
        return in.negated() ? scalar("not", in.position(), result) : result;
    }

    private Expr resolveBetween(ParsedExpr.Between between) {
        Expr value = resolve(between.expr());
        Expr low = scalar(">=", between.position(), value, resolve(between.low()));
        Expr high = scalar("<=", between.position(), value, resolve(between.high()));
        Expr result = scalar("and", between.position(), low, high);
        return between.negated() ? scalar("not", between.position(), result) : result;
    }

    // ---- window functions --------------------------------------------------------------------------

    private Expr resolveWindowCall(ParsedExpr.FunctionCall call, String name) {
        Position position = call.position();
        ParsedExpr.WindowSpec spec = call.over();
        List<Expr> partitionBy = new ArrayList<>();
        for (ParsedExpr expr : spec.partitionBy()) {
            partitionBy.add(resolve(expr));
        }
        List<SortKey> orderBy = new ArrayList<>();
        for (ParsedExpr.SortItem item : spec.orderBy()) {
            orderBy.add(new SortKey(resolve(item.expr()), item.ascending(), item.nullsFirst()));
        }
        List<Expr> args = resolveArgs(call, name);
        Optional<WindowFunctionDefinition> windowFunction = registry.window(name);
        WindowCall.Frame frame = frame(spec, orderBy);
        if (windowFunction.isPresent()) {
            WindowFunction function = windowFunction.get().bind(args, call.ignoreNulls());
            if (function.requiresOrder() && orderBy.isEmpty()) {
                throw new AnalysisException(
                        INVALID_WINDOW,
                        position.line(),
                        position.column(),
                        "Window function " + name + " requires an ORDER BY in its OVER clause");
            }
            return hooks.window(new WindowCall(function, null, args, partitionBy, orderBy, frame), position);
        }
        Optional<AggregateFunctionDefinition> aggregate = registry.aggregate(name);
        if (aggregate.isPresent()) {
            AggregateFunction function = aggregate.get().bind(args, call.distinct());
            return hooks.window(new WindowCall(null, function, args, partitionBy, orderBy, frame), position);
        }
        throw new AnalysisException(
                INVALID_WINDOW,
                position.line(),
                position.column(),
                name + " is not a window or aggregate function, so it cannot have OVER (…)");
    }

    private WindowCall.Frame frame(ParsedExpr.WindowSpec spec, List<SortKey> orderBy) {
        ParsedExpr.WindowFrame frame = spec.frame();
        if (frame == null) {
            return orderBy.isEmpty() ? WindowCall.Frame.WHOLE_PARTITION : WindowCall.Frame.DEFAULT_ORDERED;
        }
        WindowCall.FrameType type =
                frame.type() == ParsedExpr.FrameType.ROWS ? WindowCall.FrameType.ROWS : WindowCall.FrameType.RANGE;
        // A RANGE offset is in the units of the order key, so it needs the key's type.
        DataType keyType = type == WindowCall.FrameType.RANGE && orderBy.size() == 1
                ? orderBy.get(0).expr().type()
                : null;
        return new WindowCall.Frame(
                type,
                bound(frame.start()),
                offset(frame.start(), type, keyType),
                bound(frame.end()),
                offset(frame.end(), type, keyType));
    }

    private static WindowCall.Bound bound(ParsedExpr.FrameBound bound) {
        return switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> WindowCall.Bound.UNBOUNDED_PRECEDING;
            case PRECEDING -> WindowCall.Bound.PRECEDING;
            case CURRENT_ROW -> WindowCall.Bound.CURRENT_ROW;
            case FOLLOWING -> WindowCall.Bound.FOLLOWING;
            case UNBOUNDED_FOLLOWING -> WindowCall.Bound.UNBOUNDED_FOLLOWING;
        };
    }

    /**
     * The offset of a frame bound in the units the window operator compares: rows for ROWS, and for
     * RANGE the internal units of the order key (days for a date, microseconds for a timestamp), so an
     * interval offset over a date key is converted to days.
     */
    private Long offset(ParsedExpr.FrameBound bound, WindowCall.FrameType type, DataType keyType) {
        if (bound.offset() == null) {
            return null;
        }
        Position position = bound.offset().position();
        Expr value = resolve(bound.offset());
        if (!(value instanceof Literal literal && literal.value() instanceof Number number)
                || !(literal.type() instanceof IntType
                        || literal.type() instanceof BigintType
                        || literal.type() instanceof IntervalType)) {
            throw new AnalysisException(
                    INVALID_WINDOW,
                    position.line(),
                    position.column(),
                    "A window frame offset must be a constant integer or interval");
        }
        long offset = number.longValue();
        boolean interval = literal.type() instanceof IntervalType;
        if (type == WindowCall.FrameType.ROWS) {
            if (interval) {
                throw new AnalysisException(
                        INVALID_WINDOW,
                        position.line(),
                        position.column(),
                        "A ROWS frame offset counts rows and must be an integer, not an interval; use a RANGE"
                                + " frame to bound by time");
            }
            return offset;
        }
        if (keyType == null) {
            // Several (or no) order keys: the window operator rejects RANGE offsets for those.
            return offset;
        }
        return switch (keyType) {
            case DateType d
            when interval -> {
                if (offset % MICROS_PER_DAY != 0) {
                    throw new AnalysisException(
                            INVALID_WINDOW,
                            position.line(),
                            position.column(),
                            "A RANGE frame over a date can only be offset by whole days; use a day interval or"
                                    + " order by a timestamp");
                }
                yield offset / MICROS_PER_DAY;
            }
            case TimestampType t when interval -> offset;
            case IntervalType i when interval -> offset;
            case TimestampType t ->
                throw new AnalysisException(
                        TYPE_MISMATCH,
                        position.line(),
                        position.column(),
                        "A RANGE frame over a timestamp needs an interval offset, like INTERVAL 1 HOUR, not an"
                                + " integer");
            case DateType d -> offset; // an integer offset over a date counts days
            default -> {
                if (interval || !isNumeric(keyType)) {
                    throw new AnalysisException(
                            TYPE_MISMATCH,
                            position.line(),
                            position.column(),
                            "A RANGE frame offset of type " + literal.type().sqlName()
                                    + " does not fit the ORDER BY key of type " + keyType.sqlName()
                                    + "; order by a numeric, date or timestamp expression, or use a ROWS frame");
                }
                yield offset;
            }
        };
    }

    private static boolean isNumeric(DataType type) {
        return type instanceof IntType
                || type instanceof BigintType
                || type instanceof DoubleType
                || type instanceof DecimalType;
    }
}
