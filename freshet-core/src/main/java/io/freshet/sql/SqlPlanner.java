package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.expr.Expr;
import io.freshet.expr.Literal;
import io.freshet.plan.ColumnBinding;
import io.freshet.plan.PlanBuilder;
import io.freshet.plan.Relation;
import io.freshet.plan.SelectSpec;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import io.freshet.sql.ast.Cte;
import io.freshet.sql.ast.GroupBy;
import io.freshet.sql.ast.GroupingElement;
import io.freshet.sql.ast.JoinCriteria;
import io.freshet.sql.ast.Query;
import io.freshet.sql.ast.QueryBody;
import io.freshet.sql.ast.Select;
import io.freshet.sql.ast.SetOperation;
import io.freshet.sql.ast.TableAlias;
import io.freshet.sql.ast.Values;
import io.freshet.types.BigintType;
import io.freshet.types.IntType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static io.freshet.ErrorCode.INVALID_ARGUMENT;
import static io.freshet.ErrorCode.TABLE_NOT_FOUND;
import static io.freshet.ErrorCode.UNSUPPORTED;

/**
 * Turns the SQL AST of a query into a {@link Relation}, through the {@link PlanBuilder} only: the same
 * calls the DataFrame API makes.
 */
final class SqlPlanner {
    /** Finds what a table name refers to: a CTE in scope is looked up before the catalog. */
    interface TableResolver {
        Relation table(List<String> name, boolean streaming, Position position);
    }

    private final PlanBuilder builder;
    private final TableResolver tables;
    private final Map<String, Cte> ctes;

    SqlPlanner(PlanBuilder builder, TableResolver tables) {
        this(builder, tables, Map.of());
    }

    private SqlPlanner(PlanBuilder builder, TableResolver tables, Map<String, Cte> ctes) {
        this.builder = builder;
        this.tables = tables;
        this.ctes = ctes;
    }

    Relation plan(Query query) {
        return plan(query, List.of());
    }

    Relation plan(Query query, List<List<ColumnBinding>> outer) {
        SqlPlanner scoped = this;
        if (!query.with().isEmpty()) {
            Map<String, Cte> withCtes = new HashMap<>(ctes);
            for (Cte cte : query.with()) {
                withCtes.put(cte.name().toLowerCase(Locale.ROOT), cte);
            }
            scoped = new SqlPlanner(builder, tables, withCtes);
        }
        return scoped.planQuery(query, outer);
    }

    private Relation planQuery(Query query, List<List<ColumnBinding>> outer) {
        Relation relation;
        if (query.body() instanceof Select select && !query.orderBy().isEmpty()) {
            // ORDER BY of a SELECT may use select aliases and columns that are not selected.
            relation = planSelect(select, query.orderBy(), outer);
        } else {
            relation = planBody(query.body(), outer);
            if (!query.orderBy().isEmpty()) {
                relation = builder.sort(relation, query.orderBy(), outer);
            }
        }
        long offset = query.offset() == null ? 0 : constantCount(query.offset(), "OFFSET");
        OptionalLong limit = query.limit() == null ? OptionalLong.empty() : limitValue(query.limit());
        if (offset > 0 || limit.isPresent()) {
            relation = builder.limit(relation, offset, limit);
        }
        return relation;
    }

    private OptionalLong limitValue(ParsedExpr limit) {
        if (limit instanceof ParsedExpr.Constant constant && constant.value() == null) {
            return OptionalLong.empty(); // LIMIT ALL
        }
        return OptionalLong.of(constantCount(limit, "LIMIT"));
    }

    private long constantCount(ParsedExpr expr, String clause) {
        Expr resolved = resolveConstant(expr);
        if (resolved instanceof Literal literal
                && literal.value() instanceof Number number
                && (literal.type() instanceof IntType || literal.type() instanceof BigintType)) {
            long value = number.longValue();
            if (value < 0) {
                throw new AnalysisException(
                        INVALID_ARGUMENT,
                        expr.position().line(),
                        expr.position().column(),
                        clause + " must not be negative, got " + value);
            }
            return value;
        }
        throw new AnalysisException(
                INVALID_ARGUMENT,
                expr.position().line(),
                expr.position().column(),
                clause + " must be a constant integer");
    }

    private Expr resolveConstant(ParsedExpr expr) {
        Relation values = builder.values(List.of(List.of(expr)), List.of("v"));
        Object value =
                ((io.freshet.plan.logical.Values) values.plan()).rows().get(0).get(0);
        return new Literal(value, values.schema().type(0));
    }

    private Relation planBody(QueryBody body, List<List<ColumnBinding>> outer) {
        return switch (body) {
            case Select select -> planSelect(select, List.of(), outer);
            case Values values -> builder.values(values.rows(), null);
            case Query query -> plan(query, outer);
            case SetOperation operation -> planSetOperation(operation, outer);
        };
    }

    private Relation planSetOperation(SetOperation operation, List<List<ColumnBinding>> outer) {
        Relation left = planBody(operation.left(), outer);
        Relation right = planBody(operation.right(), outer);
        return switch (operation.operator()) {
            case UNION -> builder.union(List.of(left, right), !operation.all());
            case INTERSECT ->
                builder.setOperation(left, right, io.freshet.plan.logical.SetOperation.Kind.INTERSECT, operation.all());
            case EXCEPT ->
                builder.setOperation(left, right, io.freshet.plan.logical.SetOperation.Kind.EXCEPT, operation.all());
        };
    }

    private Relation planSelect(Select select, List<ParsedExpr.SortItem> orderBy, List<List<ColumnBinding>> outer) {
        Relation relation = select.from() == null
                ? builder.values(List.of(List.of()), List.of())
                : planRelation(select.from(), outer);
        PlanBuilder.SubqueryPlanner subqueries = (query, scopes) -> plan((Query) query, scopes);
        if (select.where() != null) {
            relation = builder.filter(relation, select.where(), outer, subqueries);
        }
        List<ParsedExpr> groupBy = new ArrayList<>();
        List<List<Integer>> groupingSets = null;
        boolean groupByAll = false;
        GroupBy group = select.groupBy();
        if (group != null) {
            groupByAll = group.all();
            groupingSets = groupingSets(group, groupBy);
        }
        SelectSpec spec = new SelectSpec(
                select.items(),
                select.distinct(),
                groupBy,
                groupingSets,
                groupByAll,
                select.having(),
                select.qualify(),
                orderBy);
        return builder.select(relation, spec, outer, subqueries);
    }

    /** Collects the distinct grouping expressions; returns the grouping sets, or null for a plain GROUP BY. */
    private static List<List<Integer>> groupingSets(GroupBy group, List<ParsedExpr> keys) {
        List<String> keyText = new ArrayList<>();
        boolean plain = true;
        List<List<List<Integer>>> perElement = new ArrayList<>();
        for (GroupingElement element : group.elements()) {
            List<List<ParsedExpr>> sets =
                    switch (element) {
                        case GroupingElement.Single single -> List.of(List.of(single.expr()));
                        case GroupingElement.Rollup rollup -> {
                            plain = false;
                            List<List<ParsedExpr>> rollups = new ArrayList<>();
                            for (int n = rollup.exprs().size(); n >= 0; n--) {
                                rollups.add(rollup.exprs().subList(0, n));
                            }
                            yield rollups;
                        }
                        case GroupingElement.Cube cube -> {
                            plain = false;
                            List<List<ParsedExpr>> cubes = new ArrayList<>();
                            int n = cube.exprs().size();
                            for (int mask = (1 << n) - 1; mask >= 0; mask--) {
                                List<ParsedExpr> set = new ArrayList<>();
                                for (int i = 0; i < n; i++) {
                                    if ((mask & (1 << (n - 1 - i))) != 0) {
                                        set.add(cube.exprs().get(i));
                                    }
                                }
                                cubes.add(set);
                            }
                            yield cubes;
                        }
                        case GroupingElement.GroupingSets groupingSets -> {
                            plain = false;
                            yield groupingSets.sets();
                        }
                    };
            List<List<Integer>> indexed = new ArrayList<>();
            for (List<ParsedExpr> set : sets) {
                List<Integer> indexes = new ArrayList<>();
                for (ParsedExpr expr : set) {
                    String text = io.freshet.sql.ast.AstPrinter.print(expr);
                    int index = keyText.indexOf(text);
                    if (index < 0) {
                        keyText.add(text);
                        keys.add(expr);
                        index = keys.size() - 1;
                    }
                    indexes.add(index);
                }
                indexed.add(indexes);
            }
            perElement.add(indexed);
        }
        if (plain) {
            return null;
        }
        // Several grouping elements combine as a cross product of their sets, as in Spark.
        List<List<Integer>> result = List.of(List.of());
        for (List<List<Integer>> element : perElement) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> prefix : result) {
                for (List<Integer> set : element) {
                    Set<Integer> combined = new LinkedHashSet<>(prefix);
                    combined.addAll(set);
                    next.add(new ArrayList<>(combined));
                }
            }
            result = next;
        }
        return result;
    }

    private Relation planRelation(io.freshet.sql.ast.Relation relation, List<List<ColumnBinding>> outer) {
        return switch (relation) {
            case io.freshet.sql.ast.Relation.TableRef ref -> {
                Relation table = tableRef(ref);
                if (ref.watermark() != null) {
                    table = builder.withWatermark(
                            table, ref.watermark().column(), ref.watermark().delayMicros());
                }
                yield alias(table, ref.alias(), ref.name().get(ref.name().size() - 1));
            }
            case io.freshet.sql.ast.Relation.SubqueryRelation subquery -> {
                Relation planned = plan(subquery.query(), outer);
                yield subquery.alias() == null
                        ? Relation.of(planned.plan(), null)
                        : alias(planned, subquery.alias(), null);
            }
            case io.freshet.sql.ast.Relation.Join join -> planJoin(join, outer);
            case io.freshet.sql.ast.Relation.TableFunction function -> tableFunction(function);
        };
    }

    private Relation tableRef(io.freshet.sql.ast.Relation.TableRef ref) {
        if (ref.name().size() == 1) {
            Cte cte = ctes.get(ref.name().get(0).toLowerCase(Locale.ROOT));
            if (cte != null) {
                if (ref.streaming()) {
                    throw new AnalysisException(
                            UNSUPPORTED,
                            ref.position().line(),
                            ref.position().column(),
                            "STREAM can only read a table, not the CTE " + cte.name());
                }
                // Plan the CTE where it is used, without the CTEs defined after it.
                Map<String, Cte> visible = new HashMap<>(ctes);
                visible.remove(cte.name().toLowerCase(Locale.ROOT));
                Relation planned = new SqlPlanner(builder, tables, visible).plan(cte.query());
                if (!cte.columns().isEmpty()) {
                    planned = builder.renameColumns(planned, cte.columns());
                }
                return planned.alias(cte.name());
            }
        }
        return tables.table(ref.name(), ref.streaming(), ref.position());
    }

    private Relation alias(Relation relation, TableAlias alias, String defaultName) {
        if (alias == null) {
            return defaultName == null ? relation : relation.alias(defaultName);
        }
        Relation renamed = alias.columns().isEmpty() ? relation : builder.renameColumns(relation, alias.columns());
        return renamed.alias(alias.name());
    }

    private Relation planJoin(io.freshet.sql.ast.Relation.Join join, List<List<ColumnBinding>> outer) {
        Relation left = planRelation(join.left(), outer);
        Relation right = planRelation(join.right(), outer);
        io.freshet.plan.logical.JoinType type =
                switch (join.type()) {
                    case INNER -> io.freshet.plan.logical.JoinType.INNER;
                    case LEFT -> io.freshet.plan.logical.JoinType.LEFT;
                    case RIGHT -> io.freshet.plan.logical.JoinType.RIGHT;
                    case FULL -> io.freshet.plan.logical.JoinType.FULL;
                    case SEMI -> io.freshet.plan.logical.JoinType.LEFT_SEMI;
                    case ANTI -> io.freshet.plan.logical.JoinType.LEFT_ANTI;
                    case CROSS -> io.freshet.plan.logical.JoinType.CROSS;
                };
        return switch (join.criteria()) {
            case JoinCriteria.On on -> builder.join(left, right, type, on.condition(), null, false, outer);
            case JoinCriteria.Using using -> builder.join(left, right, type, null, using.columns(), false, outer);
            case JoinCriteria.Natural natural -> builder.join(left, right, type, null, null, true, outer);
            case JoinCriteria.NoCondition none -> builder.join(left, right, type, null, null, false, outer);
        };
    }

    private Relation tableFunction(io.freshet.sql.ast.Relation.TableFunction function) {
        String name = function.name().toLowerCase(Locale.ROOT);
        if (name.equals("range")) {
            List<Long> args = new ArrayList<>();
            for (ParsedExpr arg : function.args()) {
                args.add(constantCount(arg, "range"));
            }
            long start = args.size() > 1 ? args.get(0) : 0;
            long end = args.size() > 1 ? args.get(1) : args.get(0);
            long step = args.size() > 2 ? args.get(2) : 1;
            List<List<ParsedExpr>> rows = new ArrayList<>();
            for (long v = start; v < end; v += step) {
                rows.add(List.of(new ParsedExpr.Constant(v, BigintType.BIGINT, Position.NONE)));
            }
            if (rows.isEmpty()) {
                throw new AnalysisException(UNSUPPORTED, "range() with no rows is not supported yet");
            }
            Relation values = builder.values(rows, List.of("id"));
            return alias(values, function.alias(), null);
        }
        throw new AnalysisException(
                TABLE_NOT_FOUND,
                function.position().line(),
                function.position().column(),
                "Unknown table function " + function.name());
    }
}
