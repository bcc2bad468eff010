package io.freshet.plan;

import io.freshet.AnalysisException;
import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.functions.SessionWindowFunctions;
import io.freshet.expr.functions.TimeWindowFunctions;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Distinct;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.Sort;
import io.freshet.plan.logical.SortKey;
import io.freshet.plan.logical.WindowCall;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import io.freshet.types.IntType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.freshet.ErrorCode.COLUMN_NOT_FOUND;
import static io.freshet.ErrorCode.INVALID_AGGREGATE;
import static io.freshet.ErrorCode.NOT_GROUPED;
import static io.freshet.ErrorCode.UNSUPPORTED;

/** Plans one SELECT block: the order of its clauses is FROM, WHERE, GROUP BY, HAVING, windows, QUALIFY, DISTINCT, ORDER BY. */
final class SelectPlanner {
    private final PlanBuilder builder;
    private Relation input;
    private String slidingWindowText;
    private int slidingWindowColumn = -1;
    // The GROUP BY key that is a session_window(…), or -1.
    private int sessionKey = -1;
    // Where `session_window` (Spark's name for the session column) resolves while a grouped SELECT is read, or -1.
    private int sessionColumn = -1;
    private final SelectSpec spec;
    private final List<List<ColumnBinding>> outer;
    private final PlanBuilder.SubqueryPlanner subqueries;
    private final List<WindowCall> windows = new ArrayList<>();
    // Uncorrelated subqueries of a grouped query (HAVING) join as one-row relations after the aggregation.
    private SubqueryHook postAggregateSubqueries;
    private int postAggregateOffset;

    /** A select item: an expression as written, or (star expansion) an input column; and its output name. */
    private record Item(ParsedExpr expr, int column, String name, boolean aliased) {}

    SelectPlanner(
            PlanBuilder builder,
            Relation input,
            SelectSpec spec,
            List<List<ColumnBinding>> outer,
            PlanBuilder.SubqueryPlanner subqueries) {
        this.builder = builder;
        this.input = input;
        this.spec = spec;
        this.outer = outer;
        this.subqueries = subqueries;
    }

    Relation plan() {
        expandSlidingWindow();
        List<Item> items = expandStars();
        boolean aggregated = !spec.groupBy().isEmpty()
                || spec.groupByAll()
                || spec.having() != null
                || items.stream().anyMatch(i -> i.expr() != null && containsAggregate(i.expr()))
                || spec.orderBy().stream().anyMatch(s -> containsAggregate(s.expr()));
        return aggregated ? planAggregate(items) : planPlain(items);
    }

    // ---- sliding windows -------------------------------------------------------------------------------

    /**
     * A sliding {@code window(ts, size, slide)} puts each row in several windows: expand the input with
     * one row per window the row falls in (as Spark does), as a new column that the window call then reads.
     */
    private void expandSlidingWindow() {
        List<ParsedExpr> candidates = new ArrayList<>(spec.items());
        candidates.addAll(spec.groupBy());
        ParsedExpr.FunctionCall found = null;
        for (ParsedExpr candidate : candidates) {
            ParsedExpr.FunctionCall call = findWindowCall(candidate);
            if (call != null && call.args().size() >= 3) {
                found = call;
                break;
            }
        }
        if (found == null) {
            return;
        }
        ExprResolver plain = new ExprResolver(builder.registry(), input.columns(), outer, ExprResolver.NO_HOOKS);
        List<Expr> args = new ArrayList<>();
        for (ParsedExpr arg : found.args()) {
            args.add(plain.resolve(arg));
        }
        io.freshet.expr.functions.TimeWindowFunctions.WindowSpec windowSpec =
                io.freshet.expr.functions.TimeWindowFunctions.spec(args);
        if (windowSpec.tumbling()) {
            return;
        }
        int width = input.width();
        List<List<Expr>> projections = new ArrayList<>();
        for (int i = 0; i < windowSpec.windowsPerRow(); i++) {
            List<Expr> projection = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                projection.add(column(input, c));
            }
            projection.add(new io.freshet.expr.Call(
                    new io.freshet.expr.functions.TimeWindowFunctions.SlidingWindow(windowSpec, i), args.get(0)));
            projections.add(projection);
        }
        List<io.freshet.types.Field> fields = new ArrayList<>(input.schema().fields());
        fields.add(io.freshet.types.Field.of("window", io.freshet.expr.functions.TimeWindowFunctions.WINDOW_TYPE));
        LogicalPlan expanded =
                new io.freshet.plan.logical.Expand(input.plan(), projections, new io.freshet.types.Schema(fields));
        InputRef windowColumn =
                new InputRef(width, io.freshet.expr.functions.TimeWindowFunctions.WINDOW_TYPE, "window");
        LogicalPlan filtered = new Filter(
                expanded, builder.registry().scalar("isnotnull").orElseThrow().bind(List.of(windowColumn)));
        List<ColumnBinding> columns = new ArrayList<>(input.columns());
        columns.add(new ColumnBinding(null, "__window", windowColumn.type(), Set.of()));
        input = new Relation(filtered, columns);
        slidingWindowText = ParsedExprPrinter.print(found);
        slidingWindowColumn = width;
    }

    private static ParsedExpr.FunctionCall findWindowCall(ParsedExpr expr) {
        if (expr instanceof ParsedExpr.Alias alias) {
            return findWindowCall(alias.expr());
        }
        if (expr instanceof ParsedExpr.FieldAccess access) {
            return findWindowCall(access.expr());
        }
        if (expr instanceof ParsedExpr.FunctionCall call) {
            if (call.name().equalsIgnoreCase("window") && call.over() == null) {
                return call;
            }
            for (ParsedExpr arg : call.args()) {
                ParsedExpr.FunctionCall found = findWindowCall(arg);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private Expr slidingWindow(ParsedExpr.FunctionCall call) {
        if (slidingWindowText == null || !ParsedExprPrinter.print(call).equals(slidingWindowText)) {
            return null;
        }
        return new InputRef(slidingWindowColumn, io.freshet.expr.functions.TimeWindowFunctions.WINDOW_TYPE, "window");
    }

    // ---- items -----------------------------------------------------------------------------------------

    private List<Item> expandStars() {
        List<Item> items = new ArrayList<>();
        for (ParsedExpr expr : spec.items()) {
            if (expr instanceof ParsedExpr.Star star) {
                int before = items.size();
                for (int i = 0; i < input.width(); i++) {
                    ColumnBinding column = input.columns().get(i);
                    if (column.name().startsWith("__") || (star.qualifier().isEmpty() && column.qualifiedOnly())) {
                        continue;
                    }
                    if (!star.qualifier().isEmpty()
                            && (column.qualifier() == null
                                    || !column.qualifier().equalsIgnoreCase(String.join(".", star.qualifier())))) {
                        continue;
                    }
                    if (star.except().stream().anyMatch(name -> name.equalsIgnoreCase(column.name()))) {
                        continue;
                    }
                    items.add(new Item(null, i, column.name(), false));
                }
                if (items.size() == before && !star.qualifier().isEmpty()) {
                    throw new AnalysisException(
                            COLUMN_NOT_FOUND,
                            star.position().line(),
                            star.position().column(),
                            "No table or alias named '" + String.join(".", star.qualifier()) + "' in FROM for "
                                    + String.join(".", star.qualifier()) + ".*");
                }
            } else if (expr instanceof ParsedExpr.Alias alias) {
                items.add(new Item(alias.expr(), -1, alias.name(), true));
            } else {
                items.add(new Item(expr, -1, ParsedExprPrinter.name(expr), false));
            }
        }
        return items;
    }

    private boolean containsAggregate(ParsedExpr expr) {
        return switch (expr) {
            case ParsedExpr.FunctionCall call -> {
                if (call.over() == null
                        && builder.registry().aggregate(call.name()).isPresent()
                        && builder.registry().scalar(call.name()).isEmpty()) {
                    yield true;
                }
                if (call.over() != null) {
                    // Aggregates inside a window call's arguments or spec still make the query grouped.
                    boolean inside = call.args().stream().anyMatch(this::containsAggregate)
                            || call.over().partitionBy().stream().anyMatch(this::containsAggregate)
                            || call.over().orderBy().stream().anyMatch(s -> containsAggregate(s.expr()));
                    yield inside;
                }
                yield call.args().stream().anyMatch(this::containsAggregate);
            }
            case ParsedExpr.Alias alias -> containsAggregate(alias.expr());
            case ParsedExpr.Cast cast -> containsAggregate(cast.expr());
            case ParsedExpr.Case c ->
                (c.operand() != null && containsAggregate(c.operand()))
                        || c.whens().stream().anyMatch(this::containsAggregate)
                        || c.thens().stream().anyMatch(this::containsAggregate)
                        || (c.elseResult() != null && containsAggregate(c.elseResult()));
            case ParsedExpr.InList in ->
                containsAggregate(in.expr()) || in.values().stream().anyMatch(this::containsAggregate);
            case ParsedExpr.Between b ->
                containsAggregate(b.expr()) || containsAggregate(b.low()) || containsAggregate(b.high());
            case ParsedExpr.Subscript s -> containsAggregate(s.expr()) || containsAggregate(s.index());
            case ParsedExpr.FieldAccess f -> containsAggregate(f.expr());
            default -> false;
        };
    }

    // ---- without GROUP BY ------------------------------------------------------------------------------

    private Relation planPlain(List<Item> items) {
        SubqueryHook subqueryHook = new SubqueryHook(builder, input, outer, subqueries);
        ExprResolver.Hooks hooks = new ExprResolver.Hooks() {
            @Override
            public Expr window(WindowCall call, Position position) {
                windows.add(call);
                return new InputRef(
                        PlanBuilder.windowPlaceholder(windows.size() - 1), call.resultType(), call.functionName());
            }

            @Override
            public Expr subquery(ParsedExpr.Subquery subquery) {
                return subqueryHook.subquery(subquery);
            }

            @Override
            public Expr timeWindow(ParsedExpr.FunctionCall call) {
                return slidingWindow(call);
            }
        };
        ExprResolver resolver = new ExprResolver(builder.registry(), input.columns(), outer, hooks);
        List<Expr> exprs = new ArrayList<>();
        for (Item item : items) {
            exprs.add(item.expr() == null ? column(input, item.column()) : resolver.resolve(item.expr()));
        }
        Expr qualify = spec.qualify() == null
                ? null
                : withSelectAliases(resolver, hooks, items, exprs).resolveCondition(spec.qualify(), "QUALIFY");
        List<SortKey> order = orderKeys(items, exprs, resolver);
        List<ColumnBinding> bindings = outputBindings(items, exprs, subqueryHook.current);
        return finish(subqueryHook.current, exprs, items, bindings, qualify, order);
    }

    /**
     * A resolver that reads a one-part name that is a select-list alias as the aliased (already resolved)
     * expression, before the input's columns, as Spark does in HAVING; names inside aggregate calls still
     * resolve against the input.
     */
    private static ExprResolver withSelectAliases(
            ExprResolver resolver, ExprResolver.Hooks hooks, List<Item> items, List<Expr> exprs) {
        return resolver.withHooks(new ExprResolver.Hooks() {
            @Override
            public Expr aggregate(AggregateFunction function, List<Expr> args, Expr filter, Position position) {
                return hooks.aggregate(function, args, filter, position);
            }

            @Override
            public Expr window(WindowCall call, Position position) {
                return hooks.window(call, position);
            }

            @Override
            public Expr subquery(ParsedExpr.Subquery subquery) {
                return hooks.subquery(subquery);
            }

            @Override
            public Expr timeWindow(ParsedExpr.FunctionCall call) {
                return hooks.timeWindow(call);
            }

            @Override
            public Expr sessionWindow(Expr call, Position position) {
                return hooks.sessionWindow(call, position);
            }

            @Override
            public Expr grouping(String name, List<Expr> args, Position position) {
                return hooks.grouping(name, args, position);
            }

            @Override
            public boolean insideAggregate() {
                return hooks.insideAggregate();
            }

            @Override
            public Expr selectAlias(String name) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).aliased() && items.get(i).name().equalsIgnoreCase(name)) {
                        return exprs.get(i);
                    }
                }
                return hooks.selectAlias(name);
            }
        });
    }

    private static InputRef column(Relation relation, int index) {
        ColumnBinding column = relation.columns().get(index);
        return new InputRef(index, column.type(), column.name());
    }

    private List<SortKey> orderKeys(List<Item> items, List<Expr> exprs, ExprResolver resolver) {
        List<SortKey> keys = new ArrayList<>();
        for (ParsedExpr.SortItem item : spec.orderBy()) {
            keys.add(new SortKey(orderExpr(item.expr(), items, exprs, resolver), item.ascending(), item.nullsFirst()));
        }
        return keys;
    }

    /** An ORDER BY (or GROUP BY) term: a 1-based position in the select list, a select alias, or an expression. */
    private Expr orderExpr(ParsedExpr expr, List<Item> items, List<Expr> exprs, ExprResolver resolver) {
        if (expr instanceof ParsedExpr.Constant constant && constant.type() instanceof IntType) {
            int ordinal = (Integer) constant.value();
            if (ordinal < 1 || ordinal > items.size()) {
                throw new AnalysisException(
                        COLUMN_NOT_FOUND,
                        constant.position().line(),
                        constant.position().column(),
                        "Position " + ordinal + " is not in the select list (1.." + items.size() + ")");
            }
            return exprs.get(ordinal - 1);
        }
        if (expr instanceof ParsedExpr.Identifier identifier
                && identifier.parts().size() == 1) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).aliased() && items.get(i).name().equalsIgnoreCase(identifier.name())) {
                    return exprs.get(i);
                }
            }
            // The name of an unaliased item (session_window.start is named start) when no input column has
            // it: Spark resolves ORDER BY against the select list's output too.
            boolean inputColumn = resolver.columns().stream()
                    .anyMatch(c -> !c.qualifiedOnly() && c.name().equalsIgnoreCase(identifier.name()));
            int named = -1;
            int matches = 0;
            for (int i = 0; i < items.size() && !inputColumn; i++) {
                if (items.get(i).expr() != null && items.get(i).name().equalsIgnoreCase(identifier.name())) {
                    named = i;
                    matches++;
                }
            }
            if (matches == 1) {
                return exprs.get(named);
            }
        }
        if (expr instanceof ParsedExpr.Identifier identifier
                && identifier.parts().size() > 1) {
            // alias.field of a struct-valued select item (ORDER BY w.start), unless a table or column is named so
            String head = identifier.parts().get(0);
            boolean taken = input.columns().stream()
                    .anyMatch(c -> c.name().equalsIgnoreCase(head)
                            || (c.qualifier() != null && c.qualifier().equalsIgnoreCase(head)));
            for (int i = 0; i < items.size() && !taken; i++) {
                if (items.get(i).aliased() && items.get(i).name().equalsIgnoreCase(head)) {
                    Expr result = exprs.get(i);
                    for (String field :
                            identifier.parts().subList(1, identifier.parts().size())) {
                        result = io.freshet.expr.functions.StructFunctions.getField(result, field);
                    }
                    return result;
                }
            }
        }
        return resolver.resolve(expr);
    }

    private List<ColumnBinding> outputBindings(List<Item> items, List<Expr> exprs, Relation source) {
        List<ColumnBinding> bindings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Expr expr = exprs.get(i);
            Item item = items.get(i);
            if (expr instanceof InputRef ref
                    && !PlanBuilder.isPlaceholder(ref.index())
                    && ref.index() < source.width()
                    && !item.aliased()) {
                ColumnBinding column = source.columns().get(ref.index());
                bindings.add(new ColumnBinding(column.qualifier(), item.name(), expr.type(), column.origins()));
            } else {
                bindings.add(new ColumnBinding(null, item.name(), expr.type(), Set.of()));
            }
        }
        return bindings;
    }

    /**
     * The clauses after grouping: window functions, QUALIFY, the projection, DISTINCT and ORDER BY.
     * Expressions may hold window placeholders, which become the Window node's columns.
     */
    private Relation finish(
            Relation current,
            List<Expr> exprs,
            List<Item> items,
            List<ColumnBinding> bindings,
            Expr qualify,
            List<SortKey> order) {
        LogicalPlan plan = current.plan();
        int width = plan.schema().size();
        if (!windows.isEmpty()) {
            plan = PlanBuilder.window(plan, windows);
            exprs = exprs.stream().map(e -> resolveWindows(e, width)).toList();
            qualify = qualify == null ? null : resolveWindows(qualify, width);
            order = order.stream()
                    .map(k -> new SortKey(resolveWindows(k.expr(), width), k.ascending(), k.nullsFirst()))
                    .toList();
        }
        if (qualify != null) {
            if (windows.isEmpty()) {
                throw new AnalysisException(UNSUPPORTED, "QUALIFY needs a window function in the query");
            }
            plan = new Filter(plan, qualify);
        }
        List<String> names = items.stream().map(Item::name).toList();
        if (spec.distinct()) {
            plan = new Distinct(new Project(plan, exprs, names));
            if (!order.isEmpty()) {
                List<SortKey> onOutput = new ArrayList<>();
                for (SortKey key : order) {
                    int index = indexOfKey(exprs, key.expr());
                    if (index < 0) {
                        throw new AnalysisException(
                                UNSUPPORTED,
                                "With SELECT DISTINCT, ORDER BY terms must appear in the select list: " + key);
                    }
                    onOutput.add(new SortKey(
                            new InputRef(index, key.expr().type(), names.get(index)),
                            key.ascending(),
                            key.nullsFirst()));
                }
                plan = new Sort(plan, onOutput);
            }
            return new Relation(plan, bindings);
        }
        if (order.isEmpty()) {
            return new Relation(new Project(plan, exprs, names), bindings);
        }
        // Sort on the projected columns, adding hidden ones for ORDER BY terms that are not selected.
        List<Expr> extended = new ArrayList<>(exprs);
        List<String> extendedNames = new ArrayList<>(names);
        List<SortKey> onOutput = new ArrayList<>();
        for (SortKey key : order) {
            int index = indexOfKey(extended, key.expr());
            if (index < 0) {
                extended.add(key.expr());
                extendedNames.add("__sort" + extended.size());
                index = extended.size() - 1;
            }
            onOutput.add(new SortKey(
                    new InputRef(index, key.expr().type(), extendedNames.get(index)),
                    key.ascending(),
                    key.nullsFirst()));
        }
        plan = new Sort(new Project(plan, extended, extendedNames), onOutput);
        if (extended.size() > exprs.size()) {
            List<Expr> keep = new ArrayList<>();
            for (int i = 0; i < exprs.size(); i++) {
                keep.add(new InputRef(i, exprs.get(i).type(), names.get(i)));
            }
            plan = new Project(plan, keep, names);
        }
        return new Relation(plan, bindings);
    }

    private static int indexOfKey(List<Expr> exprs, Expr expr) {
        String key = Exprs.key(expr);
        for (int i = 0; i < exprs.size(); i++) {
            if (Exprs.key(exprs.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static Expr resolveWindows(Expr expr, int width) {
        return Exprs.transformUp(
                expr,
                e -> e instanceof InputRef ref && PlanBuilder.isWindowPlaceholder(ref.index())
                        ? new InputRef(width + ref.index() - PlanBuilder.windowPlaceholder(0), ref.type(), ref.name())
                        : e);
    }

    // ---- with GROUP BY ---------------------------------------------------------------------------------

    private Relation planAggregate(List<Item> items) {
        ExprResolver plain = new ExprResolver(builder.registry(), input.columns(), outer, new ExprResolver.Hooks() {
            @Override
            public Expr timeWindow(ParsedExpr.FunctionCall call) {
                return slidingWindow(call);
            }

            @Override
            public Expr sessionWindow(Expr call, Position position) {
                return call;
            }
        });
        List<ParsedExpr> groupBy = new ArrayList<>();
        if (spec.groupByAll()) {
            for (Item item : items) {
                if (item.expr() == null) {
                    groupBy.add(new ParsedExpr.Identifier(
                            List.of(input.columns().get(item.column()).name()), Position.NONE));
                } else if (!containsAggregate(item.expr())) {
                    groupBy.add(item.expr());
                }
            }
        } else {
            groupBy.addAll(spec.groupBy());
        }
        List<Expr> keys = new ArrayList<>();
        for (ParsedExpr expr : groupBy) {
            keys.add(groupKey(expr, items, plain));
        }
        boolean groupingSets = spec.groupingSets() != null;
        sessionKey = sessionKey(keys, groupingSets);
        LogicalPlan aggregateInput = input.plan();
        List<Expr> aggregateKeys = keys;
        int keyCount = keys.size();
        if (groupingSets) {
            aggregateInput = PlanBuilder.expandForGroupingSets(input.plan(), keys, spec.groupingSets());
            aggregateKeys = new ArrayList<>();
            for (int k = 0; k <= keys.size(); k++) {
                aggregateKeys.add(
                        new InputRef(input.width() + k, aggregateInput.schema().type(input.width() + k), "_key" + k));
            }
            keyCount = keys.size() + 1;
        }
        PlanBuilder.AggregateCollector collector = new PlanBuilder.AggregateCollector();
        ExprResolver.Hooks hooks = new ExprResolver.Hooks() {
            @Override
            public Expr aggregate(AggregateFunction function, List<Expr> args, Expr filter, Position position) {
                int index = collector.add(function, args, filter);
                return new InputRef(PlanBuilder.aggregatePlaceholder(index), function.resultType(), function.name());
            }

            @Override
            public Expr window(WindowCall call, Position position) {
                windows.add(call);
                return new InputRef(
                        PlanBuilder.windowPlaceholder(windows.size() - 1), call.resultType(), call.functionName());
            }

            @Override
            public Expr timeWindow(ParsedExpr.FunctionCall call) {
                return slidingWindow(call);
            }

            @Override
            public Expr sessionWindow(Expr call, Position position) {
                return call;
            }

            @Override
            public Expr grouping(String name, List<Expr> args, Position position) {
                if (!groupingSets) {
                    return ExprResolver.Hooks.super.grouping(name, args, position);
                }
                return groupingFunction(name, args, keys, position);
            }

            @Override
            public Expr subquery(ParsedExpr.Subquery subquery) {
                if (subquery.kind() != ParsedExpr.SubqueryKind.SCALAR || subqueries == null) {
                    return ExprResolver.Hooks.super.subquery(subquery);
                }
                if (postAggregateSubqueries == null) {
                    postAggregateSubqueries = new SubqueryHook(
                            builder, Relation.of(io.freshet.plan.logical.Values.oneRow(), null), outer, subqueries);
                }
                InputRef value = (InputRef) postAggregateSubqueries.subquery(subquery);
                return new InputRef(PlanBuilder.postAggregatePlaceholder(value.index()), value.type(), value.name());
            }
        };
        ExprResolver resolver = new ExprResolver(builder.registry(), sessionColumns(), outer, hooks);
        List<Expr> exprs = new ArrayList<>();
        for (Item item : items) {
            exprs.add(item.expr() == null ? column(input, item.column()) : resolver.resolve(item.expr()));
        }
        ExprResolver aliasResolver = withSelectAliases(resolver, hooks, items, exprs);
        Expr having = spec.having() == null ? null : aliasResolver.resolveCondition(spec.having(), "HAVING");
        Expr qualify = spec.qualify() == null ? null : aliasResolver.resolveCondition(spec.qualify(), "QUALIFY");
        List<SortKey> order = orderKeys(items, exprs, resolver);
        checkSessionOutsideAggregates(collector);

        final int aggregateOffset = keyCount;
        postAggregateOffset = keyCount + collector.calls.size();
        List<String> keyNames = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            keyNames.add(keys.get(k) instanceof InputRef ref ? ref.name() : "_k" + k);
        }
        List<Position> itemPositions = items.stream()
                .map(i -> i.expr() == null ? Position.NONE : i.expr().position())
                .toList();
        List<Expr> grouped = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            grouped.add(regroup(exprs.get(i), keys, keyNames, aggregateOffset, itemPositions.get(i)));
        }
        Expr groupedHaving = having == null
                ? null
                : regroup(having, keys, keyNames, aggregateOffset, spec.having().position());
        Expr groupedQualify = qualify == null
                ? null
                : regroup(
                        qualify, keys, keyNames, aggregateOffset, spec.qualify().position());
        List<SortKey> groupedOrder = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            SortKey key = order.get(i);
            Position position = spec.orderBy().get(i).expr().position();
            groupedOrder.add(new SortKey(
                    regroup(key.expr(), keys, keyNames, aggregateOffset, position), key.ascending(), key.nullsFirst()));
        }
        List<WindowCall> groupedWindows = new ArrayList<>();
        for (WindowCall call : windows) {
            groupedWindows.add(new WindowCall(
                    call.windowFunction(),
                    call.aggregate(),
                    call.args().stream()
                            .map(e -> regroup(e, keys, keyNames, aggregateOffset, Position.NONE))
                            .toList(),
                    call.partitionBy().stream()
                            .map(e -> regroup(e, keys, keyNames, aggregateOffset, Position.NONE))
                            .toList(),
                    call.orderBy().stream()
                            .map(k -> new SortKey(
                                    regroup(k.expr(), keys, keyNames, aggregateOffset, Position.NONE),
                                    k.ascending(),
                                    k.nullsFirst()))
                            .toList(),
                    call.frame()));
        }
        windows.clear();
        windows.addAll(groupedWindows);

        LogicalPlan plan = PlanBuilder.aggregate(aggregateInput, aggregateKeys, collector.calls);
        if (postAggregateSubqueries != null) {
            plan = new io.freshet.plan.logical.Join(
                    plan, postAggregateSubqueries.current.plan(), io.freshet.plan.logical.JoinType.CROSS, null);
        }
        if (groupedHaving != null) {
            plan = new Filter(plan, groupedHaving);
        }
        List<ColumnBinding> aggregateColumns = new ArrayList<>();
        for (int i = 0; i < plan.schema().size(); i++) {
            aggregateColumns.add(new ColumnBinding(
                    null, plan.schema().field(i).name(), plan.schema().type(i), Set.of()));
        }
        Relation current = new Relation(plan, aggregateColumns);
        List<ColumnBinding> bindings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            ColumnBinding binding =
                    new ColumnBinding(null, item.name(), grouped.get(i).type(), Set.of());
            if (!item.aliased() && exprs.get(i) instanceof InputRef ref && ref.index() < input.width()) {
                ColumnBinding source = input.columns().get(ref.index());
                binding = new ColumnBinding(
                        source.qualifier(), item.name(), grouped.get(i).type(), source.origins());
            }
            bindings.add(binding);
        }
        return finish(current, grouped, items, bindings, groupedQualify, groupedOrder);
    }

    // ---- session windows ---------------------------------------------------------------------------

    /**
     * The index of the {@code session_window(…)} key, or -1; refuses a session window nested in a key,
     * several of them, one next to another time window (as Spark does) or under grouping sets.
     */
    private int sessionKey(List<Expr> keys, boolean groupingSets) {
        int found = -1;
        for (int k = 0; k < keys.size(); k++) {
            Expr key = keys.get(k);
            if (SessionWindowFunctions.isSessionWindow(key)) {
                if (found >= 0) {
                    throw new AnalysisException(
                            UNSUPPORTED,
                            "A query can group by only one session_window(…), and only once; list one session"
                                    + " window in GROUP BY");
                }
                found = k;
            } else if (SessionWindowFunctions.containsSessionWindow(key)) {
                throw new AnalysisException(
                        UNSUPPORTED,
                        "session_window(…) must be a GROUP BY key by itself, not inside "
                                + io.freshet.expr.ExprPrinter.print(key)
                                + "; group by session_window(…) and use its start or end in SELECT");
            }
        }
        if (found < 0) {
            return -1;
        }
        if (groupingSets) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    "session_window(…) cannot be used with GROUPING SETS, ROLLUP or CUBE; run one aggregation per"
                            + " grouping instead");
        }
        for (Expr key : keys) {
            if (isTimeWindow(key)) {
                throw new AnalysisException(
                        UNSUPPORTED,
                        "A query cannot group by both window(…) and session_window(…): the rows would be"
                                + " grouped by every combination of windows; use one of them");
            }
        }
        if (input.columns().stream()
                .noneMatch(c -> !c.qualifiedOnly() && c.name().equalsIgnoreCase(SessionWindowFunctions.COLUMN_NAME))) {
            sessionColumn = input.width();
        }
        return found;
    }

    private boolean isTimeWindow(Expr expr) {
        if (expr instanceof io.freshet.expr.Call call
                && (call.function() instanceof TimeWindowFunctions.TumblingWindow
                        || call.function() instanceof TimeWindowFunctions.SlidingWindow)) {
            return true;
        }
        if (expr instanceof InputRef ref && slidingWindowColumn >= 0 && ref.index() == slidingWindowColumn) {
            return true;
        }
        for (Expr child : expr.children()) {
            if (isTimeWindow(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The input's columns, plus {@code session_window} standing for the session key (so that, as in Spark,
     * {@code session_window.start} reads the key's start) unless a column already has that name.
     */
    private List<ColumnBinding> sessionColumns() {
        if (sessionColumn < 0) {
            return input.columns();
        }
        List<ColumnBinding> columns = new ArrayList<>(input.columns());
        columns.add(
                new ColumnBinding(null, SessionWindowFunctions.COLUMN_NAME, TimeWindowFunctions.WINDOW_TYPE, Set.of()));
        return columns;
    }

    /** Replaces the stand-in {@code session_window} column by the session key itself. */
    private Expr withSessionKey(Expr expr, Expr key) {
        if (sessionColumn < 0) {
            return expr;
        }
        return Exprs.transformUp(expr, e -> e instanceof InputRef ref && ref.index() == sessionColumn ? key : e);
    }

    /** Aggregates run per row of their group, where no session exists yet: refuse a session inside them. */
    private void checkSessionOutsideAggregates(PlanBuilder.AggregateCollector collector) {
        for (AggregateCall call : collector.calls) {
            List<Expr> parts = new ArrayList<>(call.args());
            if (call.filter() != null) {
                parts.add(call.filter());
            }
            for (Expr part : parts) {
                if (SessionWindowFunctions.containsSessionWindow(part) || readsColumn(part, sessionColumn)) {
                    throw new AnalysisException(
                            INVALID_AGGREGATE,
                            "session_window cannot be used inside the aggregate function "
                                    + call.function().name()
                                    + "(…): the session of a row is known only after grouping; use"
                                    + " session_window.start or .end outside the aggregate");
                }
            }
        }
    }

    private static boolean readsColumn(Expr expr, int column) {
        if (column < 0) {
            return false;
        }
        if (expr instanceof InputRef ref && ref.index() == column) {
            return true;
        }
        for (Expr child : expr.children()) {
            if (readsColumn(child, column)) {
                return true;
            }
        }
        return false;
    }

    private AnalysisException sessionNotGrouped(Position position) {
        String message = sessionKey < 0
                ? "session_window(…) must be a GROUP BY key to be selected; add it to GROUP BY"
                : "This session_window(…) differs from the one in GROUP BY (time column or gap); write the"
                        + " same call, or use session_window, session_window.start and session_window.end";
        return new AnalysisException(NOT_GROUPED, position.line(), position.column(), message);
    }

    private Expr groupKey(ParsedExpr expr, List<Item> items, ExprResolver plain) {
        if (expr instanceof ParsedExpr.Constant constant && constant.type() instanceof IntType) {
            int ordinal = (Integer) constant.value();
            if (ordinal < 1 || ordinal > items.size()) {
                throw new AnalysisException(
                        COLUMN_NOT_FOUND,
                        constant.position().line(),
                        constant.position().column(),
                        "GROUP BY position " + ordinal + " is not in the select list (1.." + items.size() + ")");
            }
            Item item = items.get(ordinal - 1);
            if (item.expr() == null) {
                return column(input, item.column());
            }
            if (containsAggregate(item.expr())) {
                throw new AnalysisException(
                        INVALID_AGGREGATE,
                        constant.position().line(),
                        constant.position().column(),
                        "GROUP BY position " + ordinal + " refers to an aggregate, " + item.name()
                                + "; group by a column instead");
            }
            return plain.resolve(item.expr());
        }
        if (expr instanceof ParsedExpr.Identifier identifier
                && identifier.parts().size() == 1) {
            boolean inputColumn = input.columns().stream()
                    .anyMatch(c -> !c.qualifiedOnly() && c.name().equalsIgnoreCase(identifier.name()));
            if (!inputColumn) {
                for (Item item : items) {
                    if (item.aliased()
                            && item.name().equalsIgnoreCase(identifier.name())
                            && !containsAggregate(item.expr())) {
                        return plain.resolve(item.expr());
                    }
                }
            }
        }
        if (containsAggregate(expr)) {
            throw new AnalysisException(
                    INVALID_AGGREGATE,
                    expr.position().line(),
                    expr.position().column(),
                    "Aggregate functions are not allowed in GROUP BY");
        }
        return plain.resolve(expr);
    }

    /**
     * {@code grouping(col)}: 1 when the row's grouping set leaves {@code col} out, else 0;
     * {@code grouping_id(cols…)}: those bits for the given columns (all keys when none), the first
     * column in the highest bit, as in Spark.
     */
    private Expr groupingFunction(String name, List<Expr> args, List<Expr> keys, Position position) {
        List<Expr> columns = args;
        if (name.equals("grouping") && args.size() != 1) {
            throw new AnalysisException(
                    io.freshet.ErrorCode.WRONG_ARGUMENTS,
                    position.line(),
                    position.column(),
                    "grouping() expects one column");
        }
        if (columns.isEmpty()) {
            columns = keys;
        }
        List<String> keyText = keys.stream().map(Exprs::key).toList();
        Expr gid = new InputRef(
                PlanBuilder.groupingIdPlaceholder(), io.freshet.types.BigintType.BIGINT, "spark_grouping_id");
        Expr result = null;
        for (Expr column : columns) {
            int k = keyText.indexOf(Exprs.key(column));
            if (k < 0) {
                throw new AnalysisException(
                        io.freshet.ErrorCode.INVALID_AGGREGATE,
                        position.line(),
                        position.column(),
                        name + "() arguments must be grouping columns; " + io.freshet.expr.ExprPrinter.print(column)
                                + " is not one");
            }
            long shift = 1L << (keys.size() - 1 - k);
            Expr bit = scalar("%", scalar("div", gid, literal(shift)), literal(2L));
            result = result == null ? bit : scalar("+", scalar("*", result, literal(2L)), bit);
        }
        return name.equals("grouping") ? io.freshet.expr.functions.Casts.cast(result, IntType.INT) : result;
    }

    private Expr scalar(String name, Expr... args) {
        return builder.registry().scalar(name).orElseThrow().bind(List.of(args));
    }

    private static Expr literal(long value) {
        return new Literal(value, io.freshet.types.BigintType.BIGINT);
    }

    /**
     * Rewrites an expression over the input (with aggregate placeholders) into one over the aggregate's
     * output: group keys become key columns, placeholders become aggregate columns; any other input
     * column is an error, because it is not grouped.
     */
    private Expr regroup(Expr expr, List<Expr> keys, List<String> keyNames, int aggregateOffset, Position position) {
        List<String> keyText = keys.stream().map(Exprs::key).toList();
        Expr withSession = sessionKey < 0 ? expr : withSessionKey(expr, keys.get(sessionKey));
        return Exprs.transformDown(withSession, e -> {
            int key = keyText.indexOf(Exprs.key(e));
            if (key >= 0 && !(e instanceof Literal)) {
                return new InputRef(key, e.type(), keyNames.get(key));
            }
            if (SessionWindowFunctions.isSessionWindow(e)) {
                throw sessionNotGrouped(position);
            }
            if (e instanceof InputRef ref) {
                if (PlanBuilder.isAggregatePlaceholder(ref.index())) {
                    int index = ref.index() - PlanBuilder.aggregatePlaceholder(0);
                    return new InputRef(aggregateOffset + index, ref.type(), ref.name());
                }
                if (ref.index() == PlanBuilder.groupingIdPlaceholder()) {
                    return new InputRef(aggregateOffset - 1, ref.type(), "spark_grouping_id");
                }
                if (PlanBuilder.isPostAggregatePlaceholder(ref.index())) {
                    int index = ref.index() - PlanBuilder.postAggregatePlaceholder(0);
                    return new InputRef(postAggregateOffset + index, ref.type(), ref.name());
                }
                if (PlanBuilder.isWindowPlaceholder(ref.index())) {
                    return ref;
                }
                throw PlanBuilder.notGrouped(ref, position);
            }
            return null;
        });
    }
}
