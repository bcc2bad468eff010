package io.freshet.plan;

import io.freshet.AnalysisException;
import io.freshet.catalog.TableSource;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.expr.TypeCoercion;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.functions.Casts;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Deduplicate;
import io.freshet.plan.logical.Distinct;
import io.freshet.plan.logical.Expand;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.JoinType;
import io.freshet.plan.logical.Limit;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.logical.SetOperation;
import io.freshet.plan.logical.Sort;
import io.freshet.plan.logical.SortKey;
import io.freshet.plan.logical.Union;
import io.freshet.plan.logical.Values;
import io.freshet.plan.logical.WatermarkAssign;
import io.freshet.plan.logical.Window;
import io.freshet.plan.logical.WindowCall;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import io.freshet.types.DataType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.Schema;
import io.freshet.types.TimestampType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static io.freshet.ErrorCode.COLUMN_NOT_FOUND;
import static io.freshet.ErrorCode.NOT_GROUPED;
import static io.freshet.ErrorCode.TYPE_MISMATCH;
import static io.freshet.ErrorCode.UNSUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * Builds resolved logical plans from relations and parsed expressions. The single entry through which
 * both the SQL planner and the DataFrame API create plans, so that the two cannot diverge.
 */
public final class PlanBuilder {
    // Placeholders for aggregate and window results while a SELECT is resolved; replaced before any
    // plan node is built. Far above any real column count.
    private static final int AGGREGATE_BASE = 1 << 24;
    private static final int WINDOW_BASE = 1 << 25;
    private static final int GROUPING_ID = (1 << 26) - 1;

    private final FunctionRegistry registry;

    /** Plans a subquery (the front end's own query representation) with the enclosing scopes visible. */
    @FunctionalInterface
    public interface SubqueryPlanner {
        Relation plan(Object query, List<List<ColumnBinding>> outerScopes);
    }

    public PlanBuilder(FunctionRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    public FunctionRegistry registry() {
        return registry;
    }

    // ---- leaves --------------------------------------------------------------------------------------

    public Relation scan(String name, TableSource source, boolean streaming) {
        return Relation.of(Scan.of(name, source, streaming), name);
    }

    /** {@code VALUES (…), (…)}: every row must have the same number of constant expressions. */
    public Relation values(List<List<ParsedExpr>> rows, List<String> names) {
        ExprResolver resolver = new ExprResolver(registry, List.of(), List.of(), ExprResolver.NO_HOOKS);
        int width = rows.get(0).size();
        List<List<Expr>> resolved = new ArrayList<>();
        for (List<ParsedExpr> row : rows) {
            if (row.size() != width) {
                Position position = row.isEmpty() ? Position.NONE : row.get(0).position();
                throw new AnalysisException(
                        TYPE_MISMATCH,
                        position.line(),
                        position.column(),
                        "VALUES rows must all have " + width + " values, but one has " + row.size());
            }
            List<Expr> exprs = new ArrayList<>();
            for (ParsedExpr value : row) {
                exprs.add(resolver.resolve(value));
            }
            resolved.add(exprs);
        }
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<DataType> types = new ArrayList<>();
            for (List<Expr> row : resolved) {
                types.add(row.get(c).type());
            }
            final int column = c;
            DataType type = TypeCoercion.commonType(types)
                    .orElseThrow(() -> new AnalysisException(
                            TYPE_MISMATCH, "VALUES column " + (column + 1) + " mixes incompatible types " + types));
            String name = names != null && c < names.size() ? names.get(c) : "col" + (c + 1);
            fields.add(Field.of(name, type));
        }
        List<List<Object>> values = new ArrayList<>();
        for (List<Expr> row : resolved) {
            List<Object> out = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                Expr value = Casts.cast(row.get(c), fields.get(c).type());
                out.add(ConstantFolder.evaluate(value));
            }
            values.add(out);
        }
        return Relation.of(new Values(new Schema(fields), values), null);
    }

    // ---- filter --------------------------------------------------------------------------------------

    /** {@code WHERE condition}; EXISTS and IN subqueries among its AND-ed terms become semi or anti joins. */
    public Relation filter(
            Relation input, ParsedExpr condition, List<List<ColumnBinding>> outer, SubqueryPlanner subqueries) {
        List<ParsedExpr> conjuncts = new ArrayList<>();
        splitConjuncts(condition, conjuncts);
        Relation current = input;
        List<ParsedExpr> plain = new ArrayList<>();
        for (ParsedExpr conjunct : conjuncts) {
            Relation joined = Subqueries.asSemiJoin(this, current, conjunct, outer, subqueries);
            if (joined != null) {
                current = joined;
            } else {
                plain.add(conjunct);
            }
        }
        if (plain.isEmpty()) {
            return current;
        }
        SubqueryHook hook = new SubqueryHook(this, current, outer, subqueries);
        ExprResolver resolver = new ExprResolver(registry, current.columns(), outer, hook);
        Expr predicate = null;
        for (ParsedExpr term : plain) {
            Expr resolved = resolver.resolveCondition(term, "WHERE");
            predicate = predicate == null ? resolved : resolver.scalar("and", term.position(), predicate, resolved);
        }
        Relation withSubqueries = hook.current;
        Relation filtered = new Relation(new Filter(withSubqueries.plan(), predicate), withSubqueries.columns());
        return hook.added() ? keepColumns(filtered, current.width()) : filtered;
    }

    private static void splitConjuncts(ParsedExpr expr, List<ParsedExpr> out) {
        if (expr instanceof ParsedExpr.FunctionCall call
                && call.name().equalsIgnoreCase("and")
                && call.args().size() == 2
                && call.over() == null) {
            splitConjuncts(call.args().get(0), out);
            splitConjuncts(call.args().get(1), out);
        } else {
            out.add(expr);
        }
    }

    /** The first {@code width} columns of a relation. */
    static Relation keepColumns(Relation relation, int width) {
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            ColumnBinding column = relation.columns().get(i);
            exprs.add(new InputRef(i, column.type(), column.name()));
            names.add(column.name());
        }
        return new Relation(
                new Project(relation.plan(), exprs, names), relation.columns().subList(0, width));
    }

    // ---- select --------------------------------------------------------------------------------------

    /** A SELECT block over {@code input}: projection, grouping, HAVING, window functions, QUALIFY, DISTINCT and ORDER BY. */
    public Relation select(
            Relation input, SelectSpec spec, List<List<ColumnBinding>> outer, SubqueryPlanner subqueries) {
        return new SelectPlanner(this, input, spec, outer, subqueries).plan();
    }

    // ---- joins ---------------------------------------------------------------------------------------

    /**
     * Joins two relations on a condition (null for none), or on {@code using} columns (equal names on
     * both sides, which then appear once), or naturally on all common names.
     */
    public Relation join(
            Relation left,
            Relation right,
            JoinType type,
            ParsedExpr on,
            List<String> using,
            boolean natural,
            List<List<ColumnBinding>> outer) {
        if (natural) {
            List<String> common = new ArrayList<>();
            for (ColumnBinding column : left.columns()) {
                for (ColumnBinding other : right.columns()) {
                    if (!column.qualifiedOnly()
                            && !other.qualifiedOnly()
                            && column.name().equalsIgnoreCase(other.name())
                            && !common.contains(column.name())) {
                        common.add(column.name());
                    }
                }
            }
            using = common;
        }
        List<ColumnBinding> columns = new ArrayList<>(left.columns());
        columns.addAll(right.columns());
        ExprResolver resolver = new ExprResolver(registry, columns, outer, ExprResolver.NO_HOOKS);
        if (using != null && !using.isEmpty()) {
            return joinUsing(left, right, type, using, resolver);
        }
        Expr condition = on == null ? null : resolver.resolveCondition(on, "ON");
        JoinType effective = type == JoinType.CROSS && condition != null ? JoinType.INNER : type;
        Join join = new Join(left.plan(), right.plan(), effective, condition);
        return new Relation(join, effective.leftOnly() ? left.columns() : columns);
    }

    private Relation joinUsing(
            Relation left, Relation right, JoinType type, List<String> using, ExprResolver resolver) {
        Expr condition = null;
        List<int[]> pairs = new ArrayList<>();
        for (String name : using) {
            int l = indexOf(left, name);
            int r = indexOf(right, name);
            if (l < 0 || r < 0) {
                throw new AnalysisException(
                        COLUMN_NOT_FOUND, "USING column '" + name + "' must exist on both sides of the join");
            }
            pairs.add(new int[] {l, r});
            ColumnBinding lc = left.columns().get(l);
            ColumnBinding rc = right.columns().get(r);
            Expr equal = resolver.scalar(
                    "=",
                    Position.NONE,
                    new InputRef(l, lc.type(), lc.name()),
                    new InputRef(left.width() + r, rc.type(), rc.name()));
            condition = condition == null ? equal : resolver.scalar("and", Position.NONE, condition, equal);
        }
        Join join = new Join(left.plan(), right.plan(), type == JoinType.CROSS ? JoinType.INNER : type, condition);
        if (type.leftOnly()) {
            return new Relation(join, left.columns());
        }
        // Spark's output: the USING columns once (coalesced for a full join), then the rest of each side.
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ColumnBinding> bindings = new ArrayList<>();
        Set<Integer> usedLeft = new java.util.HashSet<>();
        Set<Integer> usedRight = new java.util.HashSet<>();
        for (int[] pair : pairs) {
            ColumnBinding lc = left.columns().get(pair[0]);
            ColumnBinding rc = right.columns().get(pair[1]);
            Expr l = new InputRef(pair[0], lc.type(), lc.name());
            Expr r = new InputRef(left.width() + pair[1], rc.type(), rc.name());
            Expr key =
                    switch (type) {
                        case RIGHT -> r;
                        case FULL -> resolver.scalar("coalesce", Position.NONE, l, r);
                        default -> l;
                    };
            exprs.add(key);
            names.add(lc.name());
            bindings.add(new ColumnBinding(null, lc.name(), key.type(), union(lc.origins(), rc.origins())));
            usedLeft.add(pair[0]);
            usedRight.add(pair[1]);
        }
        addVisible(left, 0, usedLeft, exprs, names, bindings);
        addVisible(right, left.width(), usedRight, exprs, names, bindings);
        // Each side's own USING column (and the hidden columns of earlier USING joins) stays reachable
        // through its qualifier, as in Spark: a.k is null where a has no match in an outer join.
        addHidden(left, 0, usedLeft, exprs, names, bindings);
        addHidden(right, left.width(), usedRight, exprs, names, bindings);
        return new Relation(new Project(join, exprs, names), bindings);
    }

    /** Adds the visible columns of one join side that are not USING columns. */
    private static void addVisible(
            Relation side,
            int offset,
            Set<Integer> keys,
            List<Expr> exprs,
            List<String> names,
            List<ColumnBinding> bindings) {
        for (int i = 0; i < side.width(); i++) {
            ColumnBinding c = side.columns().get(i);
            if (!keys.contains(i) && !c.qualifiedOnly()) {
                exprs.add(new InputRef(offset + i, c.type(), c.name()));
                names.add(c.name());
                bindings.add(c);
            }
        }
    }

    /** Adds one join side's USING columns and hidden columns as qualified-only columns. */
    private static void addHidden(
            Relation side,
            int offset,
            Set<Integer> keys,
            List<Expr> exprs,
            List<String> names,
            List<ColumnBinding> bindings) {
        for (int i = 0; i < side.width(); i++) {
            ColumnBinding c = side.columns().get(i);
            ColumnBinding hidden = keys.contains(i) || c.qualifiedOnly() ? c.hidden() : null;
            if (hidden != null) {
                exprs.add(new InputRef(offset + i, c.type(), c.name()));
                names.add(c.name());
                bindings.add(hidden);
            }
        }
    }

    private static Set<Object> union(Set<Object> a, Set<Object> b) {
        Set<Object> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static int indexOf(Relation relation, String name) {
        for (int i = 0; i < relation.width(); i++) {
            ColumnBinding column = relation.columns().get(i);
            if (!column.qualifiedOnly() && column.name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    // ---- set operations ------------------------------------------------------------------------------

    /** {@code UNION [ALL]} by position; column types widen to their common type. */
    public Relation union(List<Relation> inputs, boolean distinct) {
        List<Relation> aligned = align(inputs, "UNION");
        List<LogicalPlan> plans = aligned.stream().map(Relation::plan).toList();
        LogicalPlan union = new Union(plans);
        if (distinct) {
            union = new Distinct(union);
        }
        return Relation.of(union, null);
    }

    /** {@code INTERSECT} or {@code EXCEPT}, with or without ALL. */
    public Relation setOperation(Relation left, Relation right, SetOperation.Kind kind, boolean all) {
        List<Relation> aligned = align(List.of(left, right), kind.name());
        return Relation.of(
                new SetOperation(aligned.get(0).plan(), aligned.get(1).plan(), kind, all), null);
    }

    private List<Relation> align(List<Relation> inputs, String operation) {
        int width = inputs.get(0).width();
        for (Relation input : inputs) {
            if (input.width() != width) {
                throw new AnalysisException(
                        TYPE_MISMATCH,
                        operation + " needs inputs with the same number of columns, but they have "
                                + inputs.stream()
                                        .map(r -> String.valueOf(r.width()))
                                        .toList());
            }
        }
        List<DataType> types = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<DataType> columnTypes = new ArrayList<>();
            for (Relation input : inputs) {
                columnTypes.add(input.columns().get(c).type());
            }
            final int column = c;
            types.add(TypeCoercion.commonType(columnTypes)
                    .orElseThrow(() -> new AnalysisException(
                            TYPE_MISMATCH,
                            operation + " column " + (column + 1) + " ("
                                    + inputs.get(0).columns().get(column).name()
                                    + ") has incompatible types "
                                    + columnTypes.stream()
                                            .map(DataType::sqlName)
                                            .toList()
                                    + "; cast them to one type")));
        }
        List<Relation> aligned = new ArrayList<>();
        for (Relation input : inputs) {
            boolean same = true;
            for (int c = 0; c < width; c++) {
                same &= input.columns().get(c).type().equals(types.get(c));
            }
            if (same) {
                aligned.add(input);
                continue;
            }
            List<Expr> exprs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                ColumnBinding column = input.columns().get(c);
                exprs.add(Casts.cast(new InputRef(c, column.type(), column.name()), types.get(c)));
                names.add(column.name());
            }
            aligned.add(Relation.of(new Project(input.plan(), exprs, names), null));
        }
        return aligned;
    }

    // ---- ordering and limits ---------------------------------------------------------------------------

    /** {@code ORDER BY} over a relation's columns (used after set operations and by DataFrames). */
    public Relation sort(Relation input, List<ParsedExpr.SortItem> items, List<List<ColumnBinding>> outer) {
        ExprResolver resolver = new ExprResolver(registry, input.columns(), outer, ExprResolver.NO_HOOKS);
        List<SortKey> keys = new ArrayList<>();
        for (ParsedExpr.SortItem item : items) {
            Expr expr = ordinalOrResolve(item.expr(), input, resolver);
            keys.add(new SortKey(expr, item.ascending(), item.nullsFirst()));
        }
        return new Relation(new Sort(input.plan(), keys), input.columns());
    }

    private static Expr ordinalOrResolve(ParsedExpr expr, Relation input, ExprResolver resolver) {
        if (expr instanceof ParsedExpr.Constant constant && constant.type() instanceof IntType) {
            int ordinal = (Integer) constant.value();
            if (ordinal < 1 || ordinal > input.width()) {
                throw new AnalysisException(
                        COLUMN_NOT_FOUND,
                        constant.position().line(),
                        constant.position().column(),
                        "ORDER BY position " + ordinal + " is not in the select list (1.." + input.width() + ")");
            }
            ColumnBinding column = input.columns().get(ordinal - 1);
            return new InputRef(ordinal - 1, column.type(), column.name());
        }
        return resolver.resolve(expr);
    }

    public Relation limit(Relation input, long skip, OptionalLong fetch) {
        return new Relation(new Limit(input.plan(), skip, fetch), input.columns());
    }

    public Relation distinct(Relation input) {
        return new Relation(new Distinct(input.plan()), input.columns());
    }

    /** {@code dropDuplicates(columns)}; all columns when the list is empty. */
    public Relation dropDuplicates(Relation input, List<String> columns) {
        return dropDuplicates(input, columns, false);
    }

    /** {@code dropDuplicatesWithinWatermark}: see {@link Deduplicate#withinWatermark()}. */
    public Relation dropDuplicates(Relation input, List<String> columns, boolean withinWatermark) {
        int[] keys;
        if (columns.isEmpty()) {
            keys = new int[input.width()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = i;
            }
        } else {
            keys = new int[columns.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = indexOf(input, columns.get(i));
                if (keys[i] < 0) {
                    throw new AnalysisException(
                            COLUMN_NOT_FOUND, "dropDuplicates: column '" + columns.get(i) + "' does not exist");
                }
            }
        }
        return new Relation(new Deduplicate(input.plan(), keys, withinWatermark), input.columns());
    }

    /** Marks {@code column} as event time with a watermark {@code delayMicros} behind the largest value seen. */
    public Relation withWatermark(Relation input, ParsedExpr column, long delayMicros) {
        ExprResolver resolver = new ExprResolver(registry, input.columns(), List.of(), ExprResolver.NO_HOOKS);
        Expr resolved = resolver.resolve(column);
        if (!(resolved instanceof InputRef ref)) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    column.position().line(),
                    column.position().column(),
                    "A watermark must be declared on a column of the input, not on an expression");
        }
        if (!(ref.type() instanceof TimestampType)) {
            throw new AnalysisException(
                    TYPE_MISMATCH,
                    column.position().line(),
                    column.position().column(),
                    "The watermark column '" + ref.name() + "' must be a timestamp, but it is "
                            + ref.type().sqlName());
        }
        return new Relation(new WatermarkAssign(input.plan(), ref.index(), delayMicros), input.columns());
    }

    /** Renames a relation's columns ({@code AS t(a, b)}, {@code toDF(…)}), keeping its qualifiers. */
    public Relation renameColumns(Relation input, List<String> names) {
        if (names.size() != input.width()) {
            throw new AnalysisException(
                    TYPE_MISMATCH, "Expected " + input.width() + " column names, got " + names.size() + ": " + names);
        }
        List<Expr> exprs = new ArrayList<>();
        List<ColumnBinding> bindings = new ArrayList<>();
        for (int i = 0; i < input.width(); i++) {
            ColumnBinding column = input.columns().get(i);
            exprs.add(new InputRef(i, column.type(), column.name()));
            bindings.add(column.withName(names.get(i)));
        }
        return new Relation(new Project(input.plan(), exprs, names), bindings);
    }

    /**
     * The rows of an {@code INSERT} in the table's column order and types: by position, or by the
     * listed column names (the others null); each value is cast to its column's type.
     */
    public Relation alignForInsert(Relation rows, String table, Schema target, List<String> columns) {
        int expected = columns.isEmpty() ? target.size() : columns.size();
        if (rows.width() != expected) {
            throw new AnalysisException(
                    TYPE_MISMATCH,
                    "Cannot insert into '" + table + "': it expects " + expected + " columns "
                            + (columns.isEmpty() ? target.names() : columns) + " but the query gives " + rows.width());
        }
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            Field field = target.field(i);
            int source = i;
            if (!columns.isEmpty()) {
                source = -1;
                for (int k = 0; k < columns.size(); k++) {
                    if (columns.get(k).equalsIgnoreCase(field.name())) {
                        source = k;
                    }
                }
            }
            Expr value = source < 0
                    ? new Literal(null, field.type())
                    : new InputRef(
                            source,
                            rows.columns().get(source).type(),
                            rows.columns().get(source).name());
            exprs.add(value.type().equals(field.type()) ? value : Casts.cast(value, field.type()));
            names.add(field.name());
        }
        for (String column : columns) {
            if (target.indexOf(column) < 0) {
                throw new AnalysisException(COLUMN_NOT_FOUND, "Table '" + table + "' has no column '" + column + "'");
            }
        }
        return Relation.of(new Project(rows.plan(), exprs, names), null);
    }

    // ---- helpers shared with SelectPlanner -------------------------------------------------------------

    static boolean isPlaceholder(int index) {
        return index >= AGGREGATE_BASE;
    }

    static int aggregatePlaceholder(int k) {
        return AGGREGATE_BASE + k;
    }

    static int windowPlaceholder(int k) {
        return WINDOW_BASE + k;
    }

    /** Placeholders for columns of one-row subquery results joined after an aggregation (HAVING). */
    static int postAggregatePlaceholder(int k) {
        return GROUPING_ID + 1 + k;
    }

    static boolean isPostAggregatePlaceholder(int index) {
        return index > GROUPING_ID;
    }

    static int groupingIdPlaceholder() {
        return GROUPING_ID;
    }

    static boolean isAggregatePlaceholder(int index) {
        return index >= AGGREGATE_BASE && index < WINDOW_BASE;
    }

    static boolean isWindowPlaceholder(int index) {
        return index >= WINDOW_BASE && index < GROUPING_ID;
    }

    /** The aggregate calls collected while resolving a grouped SELECT, deduplicated. */
    static final class AggregateCollector {
        final List<AggregateCall> calls = new ArrayList<>();
        private final Map<String, Integer> byKey = new HashMap<>();

        int add(AggregateFunction function, List<Expr> args, Expr filter) {
            StringBuilder key = new StringBuilder(function.toString())
                    .append(function.name())
                    .append(function.distinct());
            for (Expr arg : args) {
                key.append('|').append(Exprs.key(arg));
            }
            key.append("|f:").append(filter == null ? "" : Exprs.key(filter));
            return byKey.computeIfAbsent(key.toString(), k -> {
                calls.add(new AggregateCall(function, args, filter));
                return calls.size() - 1;
            });
        }
    }

    /** Builds the Expand under a GROUPING SETS aggregate: the input columns, then the keys (null where a set leaves them out), then the grouping id. */
    static Expand expandForGroupingSets(LogicalPlan input, List<Expr> keys, List<List<Integer>> sets) {
        Schema inputSchema = input.schema();
        List<Field> fields = new ArrayList<>(inputSchema.fields());
        for (int k = 0; k < keys.size(); k++) {
            fields.add(Field.of("_key" + k, keys.get(k).type()));
        }
        fields.add(new Field("spark_grouping_id", io.freshet.types.BigintType.BIGINT, false));
        List<List<Expr>> projections = new ArrayList<>();
        for (List<Integer> set : sets) {
            List<Expr> projection = new ArrayList<>();
            for (int i = 0; i < inputSchema.size(); i++) {
                projection.add(new InputRef(
                        i, inputSchema.type(i), inputSchema.field(i).name()));
            }
            long groupingId = 0;
            for (int k = 0; k < keys.size(); k++) {
                boolean present = set.contains(k);
                projection.add(
                        present ? keys.get(k) : new Literal(null, keys.get(k).type()));
                groupingId = (groupingId << 1) | (present ? 0 : 1);
            }
            projection.add(new Literal(groupingId, io.freshet.types.BigintType.BIGINT));
            projections.add(projection);
        }
        return new Expand(input, projections, new Schema(fields));
    }

    static AnalysisException notGrouped(InputRef ref, Position position) {
        return new AnalysisException(
                NOT_GROUPED,
                position.line(),
                position.column(),
                "Column '" + ref.name() + "' is neither in GROUP BY nor inside an aggregate function; "
                        + "add it to GROUP BY, or wrap it in an aggregate such as first(" + ref.name()
                        + ") or any_value(" + ref.name() + ")");
    }

    static Window window(LogicalPlan input, List<WindowCall> calls) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            names.add("_w" + i);
        }
        return new Window(input, calls, names);
    }

    static Aggregate aggregate(LogicalPlan input, List<Expr> keys, List<AggregateCall> calls) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            names.add("_k" + i);
        }
        for (int i = 0; i < calls.size(); i++) {
            names.add("_a" + i);
        }
        return new Aggregate(input, keys, calls, names);
    }
}
