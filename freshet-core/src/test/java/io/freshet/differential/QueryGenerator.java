package io.freshet.differential;

import io.freshet.differential.RandomTables.Column;
import io.freshet.differential.RandomTables.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Random SQL queries over {@link RandomTables}, drawn from a grammar on which Spark SQL (and so
 * Freshet) and DuckDB agree: no integer division, no overflow (small values, bounded depth),
 * explicit null ordering, concat only of non-null arguments, and ordered comparison only where
 * the order is total.
 */
final class QueryGenerator {
    /** How deep expressions nest; with leaves of at most 25 in size, products stay far below overflow. */
    private static final int MAX_DEPTH = 3;

    private static final Pattern INTEGER_LITERAL = Pattern.compile("\\(?-?\\d+\\)?");

    /** Shapes and constructs of the grammar, each of which can be kept out (see {@link DifferentialTest}). */
    enum Feature {
        PROJECTION,
        DISTINCT,
        AGGREGATE,
        GLOBAL_AGGREGATE,
        JOIN,
        SEMI_ANTI_JOIN,
        SET_OPERATION,
        WINDOW,
        SCALAR_SUBQUERY,
        DERIVED_TABLE,
        ORDER_BY_LIMIT
    }

    /** A generated query, whether its result is ordered, and the shape that produced it. */
    record Query(String sql, boolean ordered, Feature shape) {}

    /** A column in scope, as written in the query. */
    private record Ref(String sql, Kind kind) {}

    private final Random random;
    private final Set<Feature> enabled;
    private final Set<KnownBugs.Bug> bugs;

    QueryGenerator(Random random, Set<Feature> enabled, Set<KnownBugs.Bug> bugs) {
        this.random = random;
        this.enabled = enabled.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(enabled);
        this.bugs = Set.copyOf(bugs);
    }

    /** Whether the generator may produce a shape that shows the given known bug. */
    private boolean allows(KnownBugs.Bug bug) {
        return bugs.contains(bug);
    }

    Query next() {
        List<Feature> shapes = new ArrayList<>(enabled);
        shapes.remove(Feature.ORDER_BY_LIMIT);
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("Name at least one query shape besides ORDER_BY_LIMIT");
        }
        Feature shape = shapes.get(random.nextInt(shapes.size()));
        String sql =
                switch (shape) {
                    case PROJECTION -> projection(false);
                    case DISTINCT -> projection(true);
                    case AGGREGATE -> aggregate(scope(table(), "a"), from(), true);
                    case GLOBAL_AGGREGATE -> aggregate(scope(table(), "a"), from(), false);
                    case JOIN -> join();
                    case SEMI_ANTI_JOIN -> semiAntiJoin();
                    case SET_OPERATION -> setOperation();
                    case WINDOW -> window();
                    case SCALAR_SUBQUERY -> scalarSubquery();
                    case DERIVED_TABLE -> derivedTable();
                    case ORDER_BY_LIMIT -> throw new IllegalStateException("not a shape of its own");
                };
        boolean orderable = shape != Feature.SET_OPERATION && shape != Feature.WINDOW && shape != Feature.DERIVED_TABLE;
        if (orderable && enabled.contains(Feature.ORDER_BY_LIMIT) && random.nextInt(3) == 0) {
            return new Query(orderByAll(sql), true, shape);
        }
        return new Query(sql, false, shape);
    }

    // ---- query shapes ----

    private String currentTable;

    private String table() {
        currentTable = RandomTables.TABLES.get(random.nextInt(RandomTables.TABLES.size()));
        return currentTable;
    }

    private String from() {
        return currentTable + " a";
    }

    private String projection(boolean distinct) {
        List<Ref> scope = scope(table(), "a");
        return select(distinct, scope) + " FROM " + from() + where(scope);
    }

    private String select(boolean distinct, List<Ref> scope) {
        int count = 1 + random.nextInt(3);
        StringJoiner items = new StringJoiner(", ", distinct ? "SELECT DISTINCT " : "SELECT ", "");
        for (int i = 0; i < count; i++) {
            String item = key(distinct && i > 0, anyKind(), scope, random.nextInt(MAX_DEPTH));
            items.add(item + " AS c" + i);
        }
        return items.toString();
    }

    private String where(List<Ref> scope) {
        return random.nextInt(3) == 0 ? "" : " WHERE " + bool(scope, random.nextInt(MAX_DEPTH));
    }

    private String aggregate(List<Ref> scope, String from, boolean grouped) {
        List<String> keys = new ArrayList<>();
        if (grouped) {
            int keyCount = 1 + random.nextInt(2);
            for (int i = 0; i < keyCount; i++) {
                String key = random.nextInt(4) == 0
                        ? key(i > 0, anyKind(), scope, 1)
                        : pick(scope).sql();
                // An integer literal in GROUP BY is an ordinal, in Spark and DuckDB alike.
                keys.add(INTEGER_LITERAL.matcher(key).matches() ? pick(scope).sql() : key);
            }
        }
        StringJoiner items = new StringJoiner(", ", "SELECT ", "");
        int column = 0;
        for (String key : keys) {
            items.add(key + " AS c" + column++);
        }
        int aggregates = 1 + random.nextInt(3);
        for (int i = 0; i < aggregates; i++) {
            items.add(aggregateCall(scope) + " AS c" + column++);
        }
        StringBuilder sql = new StringBuilder(items.toString())
                .append(" FROM ")
                .append(from)
                .append(where(scope));
        if (grouped) {
            sql.append(" GROUP BY ").append(String.join(", ", keys));
            if (random.nextInt(3) == 0) {
                sql.append(" HAVING ").append(having(scope));
            }
        }
        return sql.toString();
    }

    private String aggregateCall(List<Ref> scope) {
        return switch (random.nextInt(8)) {
            case 0 -> "count(*)";
            case 1 -> "count(" + expr(anyKind(), scope, 1) + ")";
            case 2 -> "count(DISTINCT " + expr(anyKind(), scope, 1) + ")";
            case 3 -> "sum(" + expr(Kind.BIGINT, scope, 1) + ")";
            case 4 -> "sum(" + expr(Kind.DOUBLE, scope, 1) + ")";
            case 5 -> "avg(" + expr(random.nextBoolean() ? Kind.DOUBLE : Kind.INT, scope, 1) + ")";
            case 6 -> "min(" + expr(orderedKind(), scope, 1) + ")";
            default -> "max(" + expr(orderedKind(), scope, 1) + ")";
        };
    }

    private String having(List<Ref> scope) {
        String condition =
                switch (random.nextInt(4)) {
                    case 0 -> "count(*) > " + random.nextInt(3);
                    case 1 -> "sum(" + expr(Kind.INT, scope, 0) + ") " + comparison() + " " + literal(Kind.INT);
                    case 2 -> "min(" + expr(Kind.STRING, scope, 0) + ") " + comparison() + " " + literal(Kind.STRING);
                    default -> "max(" + expr(Kind.DATE, scope, 0) + ") " + comparison() + " " + literal(Kind.DATE);
                };
        return random.nextInt(4) == 0 ? "NOT (" + condition + ")" : condition;
    }

    private String join() {
        String left = table();
        String right = RandomTables.TABLES.get(random.nextInt(RandomTables.TABLES.size()));
        List<Ref> scope = new ArrayList<>(scope(left, "a"));
        scope.addAll(scope(right, "b"));
        String type =
                switch (random.nextInt(4)) {
                    case 0 -> "JOIN";
                    case 1 -> "LEFT JOIN";
                    case 2 -> "RIGHT JOIN";
                    default -> "FULL OUTER JOIN";
                };
        String on = random.nextInt(4) == 0 ? "a.k = b.k AND a.i = b.i" : "a.k = b.k";
        if (random.nextInt(4) == 0) {
            on += " AND " + bool(scope, 1);
        }
        String from = left + " a " + type + " " + right + " b ON " + on;
        if (random.nextInt(4) == 0) {
            String third = RandomTables.TABLES.get(random.nextInt(RandomTables.TABLES.size()));
            scope.addAll(scope(third, "c"));
            String joinKey = random.nextBoolean() ? "a.k" : "b.k";
            from += (random.nextBoolean() ? " JOIN " : " LEFT JOIN ") + third + " c ON c.k = " + joinKey;
        }
        if (random.nextInt(3) == 0) {
            return aggregate(scope, from, random.nextInt(4) != 0);
        }
        return select(random.nextInt(5) == 0, scope) + " FROM " + from + where(scope);
    }

    private String semiAntiJoin() {
        String outer = table();
        String inner = RandomTables.TABLES.get(random.nextInt(RandomTables.TABLES.size()));
        List<Ref> outerScope = scope(outer, "a");
        List<Ref> innerScope = scope(inner, "b");
        String not = random.nextBoolean() ? "NOT " : "";
        String predicate;
        if (random.nextBoolean()) {
            // DuckDB 1.1 drops outer rows from NOT EXISTS when a correlated predicate other than the
            // key equality is NULL for them (duckdb/duckdb#16803), so there only the inner side may
            // appear in the extra predicate; Spark (and Freshet) keep such rows.
            List<Ref> both = new ArrayList<>(not.isEmpty() ? outerScope : List.of());
            both.addAll(innerScope);
            String extra = random.nextInt(3) == 0 ? " AND " + bool(both, 1) : "";
            predicate = not + "EXISTS (SELECT 1 FROM " + inner + " b WHERE b.k = a.k" + extra + ")";
        } else {
            Kind kind = random.nextBoolean() ? Kind.BIGINT : Kind.STRING;
            String column = kind == Kind.BIGINT ? "k" : "s";
            String innerWhere = random.nextInt(3) == 0 ? " WHERE " + bool(innerScope, 1) : "";
            predicate =
                    "a." + column + " " + not + "IN (SELECT b." + column + " FROM " + inner + " b" + innerWhere + ")";
        }
        switch (random.nextInt(6)) {
            case 0, 1 -> predicate = predicate + " AND " + bool(outerScope, 1);
            case 2 -> {
                if (allows(KnownBugs.Bug.SUBQUERY_UNDER_OR)) {
                    predicate = "(" + predicate + " OR " + bool(outerScope, 1) + ")";
                }
            }
            default -> {}
        }
        return select(false, outerScope) + " FROM " + outer + " a WHERE " + predicate;
    }

    private String setOperation() {
        int width = 1 + random.nextInt(2);
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            kinds.add(random.nextInt(3) == 0 ? anyKind() : Kind.BIGINT);
        }
        String operator =
                switch (random.nextInt(6)) {
                    case 0 -> "UNION ALL";
                    case 1 -> "UNION";
                    case 2 -> "INTERSECT";
                    case 3 -> "INTERSECT ALL";
                    case 4 -> "EXCEPT ALL";
                    default -> "EXCEPT";
                };
        return setOperand(kinds) + " " + operator + " " + setOperand(kinds);
    }

    private String setOperand(List<Kind> kinds) {
        List<Ref> scope = scope(table(), "a");
        StringJoiner items = new StringJoiner(", ", "SELECT ", "");
        for (int i = 0; i < kinds.size(); i++) {
            // Mostly bare columns, so that the two sides share values often.
            Kind kind = kinds.get(i);
            String item = random.nextInt(3) == 0 ? key(i > 0, kind, scope, 1) : leaf(kind, scope);
            items.add(item + " AS c" + i);
        }
        return items + " FROM " + from() + where(scope);
    }

    private String window() {
        List<Ref> scope = scope(table(), "a");
        String partition = random.nextInt(4) == 0 ? "" : "PARTITION BY a." + pick(List.of("k", "s", "dt")) + " ";
        StringJoiner items = new StringJoiner(", ", "SELECT a.id, ", "");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String sortKey = "a." + pick(List.of("i", "d", "s", "dt")) + " " + direction() + " " + nulls();
            String function =
                    switch (random.nextInt(8)) {
                        // a.id is unique, so row_number is deterministic.
                        case 0 -> "row_number() OVER (" + partition + "ORDER BY " + sortKey + ", a.id)";
                        case 1 -> "rank() OVER (" + partition + "ORDER BY " + sortKey + ")";
                        case 2 -> "dense_rank() OVER (" + partition + "ORDER BY " + sortKey + ")";
                        case 3 -> "sum(a.i) OVER (" + partition.trim() + ")";
                        case 4 -> "sum(a.d) OVER (" + partition + "ORDER BY " + sortKey + ")";
                        case 5 -> "count(a.s) OVER (" + partition + "ORDER BY " + sortKey + ")";
                        case 6 -> "max(a.i) OVER (" + partition + "ORDER BY " + sortKey + ", a.id)";
                        default ->
                            "sum(a.i) OVER (" + partition + "ORDER BY " + sortKey + ", a.id ROWS BETWEEN "
                                    + random.nextInt(3) + " PRECEDING AND " + random.nextInt(2) + " FOLLOWING)";
                    };
            items.add(function + " AS w" + i);
        }
        return items + " FROM " + from() + where(scope);
    }

    /** A scalar subquery in the select list (an aggregate, so one row), correlated where supported. */
    private String scalarSubquery() {
        List<Ref> scope = scope(table(), "a");
        String inner = RandomTables.TABLES.get(random.nextInt(RandomTables.TABLES.size()));
        String aggregate = pick(List.of("max(b.i)", "count(*)", "sum(b.d)", "min(b.s)", "count(DISTINCT b.dt)"));
        String condition;
        if (random.nextBoolean()) {
            // Spark allows only equality predicates on outer columns here, so the rest is inner-only.
            condition = "b.k = a.k" + (random.nextInt(3) == 0 ? " AND " + bool(scope(inner, "b"), 1) : "");
        } else {
            condition = bool(scope(inner, "b"), 1);
        }
        return "SELECT " + expr(anyKind(), scope, 1) + " AS c0, (SELECT " + aggregate + " FROM " + inner + " b WHERE "
                + condition + ") AS c1 FROM " + from() + where(scope);
    }

    /** An aggregate over a derived table (a projection or a join in a FROM subquery). */
    private String derivedTable() {
        String inner = random.nextBoolean() ? projection(random.nextInt(4) == 0) : join();
        int columns = countColumns(inner);
        StringJoiner items = new StringJoiner(", ", "SELECT ", "");
        items.add("x.c0 AS g");
        items.add("count(*) AS n");
        for (int i = 1; i < columns; i++) {
            items.add("count(DISTINCT x.c" + i + ") AS d" + i);
        }
        return items + " FROM (" + inner + ") x GROUP BY x.c0";
    }

    /** Orders by every output column, which makes the order total, and sometimes limits. */
    private String orderByAll(String sql) {
        int columns = countColumns(sql);
        StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
        for (int i = 0; i < columns; i++) {
            order.add("c" + i + " " + direction() + " " + nulls());
        }
        String limit = random.nextBoolean() ? " LIMIT " + random.nextInt(8) : "";
        return sql + order + limit;
    }

    private static int countColumns(String sql) {
        int count = 0;
        while (sql.contains(" AS c" + count + ",") || sql.contains(" AS c" + count + " ")) {
            count++;
        }
        return count;
    }

    /**
     * Generates a grouping key (of DISTINCT, GROUP BY or a set operation).
     */
    private String key(boolean laterKey, Kind kind, List<Ref> scope, int depth) {
        return expr(kind, scope, depth);
    }

    // ---- expressions ----

    private static List<Ref> scope(String table, String alias) {
        List<Ref> refs = new ArrayList<>();
        for (Column column : RandomTables.COLUMNS) {
            refs.add(new Ref(alias + "." + column.name(), column.kind()));
        }
        return refs;
    }

    private String expr(Kind kind, List<Ref> scope, int depth) {
        if (kind == Kind.BOOLEAN) {
            return bool(scope, depth);
        }
        if (depth <= 0 || random.nextInt(3) == 0) {
            return leaf(kind, scope);
        }
        int next = depth - 1;
        int choice = random.nextInt(10);
        if (choice == 0) {
            String otherwise = random.nextInt(4) == 0 ? "" : " ELSE " + expr(kind, scope, next);
            if (random.nextInt(3) == 0) {
                Kind subjectKind = orderedKind();
                return "CASE " + expr(subjectKind, scope, next) + " WHEN " + literal(subjectKind) + " THEN "
                        + expr(kind, scope, next) + " WHEN " + literal(subjectKind) + " THEN "
                        + expr(kind, scope, next) + otherwise + " END";
            }
            String second =
                    random.nextBoolean() ? " WHEN " + bool(scope, next) + " THEN " + expr(kind, scope, next) : "";
            return "CASE WHEN " + bool(scope, next) + " THEN " + expr(kind, scope, next) + second + otherwise + " END";
        }
        if (choice == 1) {
            return random.nextInt(4) == 0
                    ? "nullif(" + expr(kind, scope, next) + ", " + expr(kind, scope, next) + ")"
                    : "COALESCE(" + expr(kind, scope, next) + ", " + expr(kind, scope, next) + ")";
        }
        return switch (kind) {
            case BIGINT, INT ->
                switch (random.nextInt(8)) {
                    case 0, 1 -> "(" + expr(kind, scope, next) + " + " + expr(integral(), scope, next) + ")";
                    case 2, 3 -> "(" + expr(kind, scope, next) + " - " + expr(integral(), scope, next) + ")";
                    case 4 -> "(" + expr(kind, scope, next) + " * " + expr(integral(), scope, next) + ")";
                    case 5 -> "(-" + expr(kind, scope, next) + ")";
                    case 6 -> "(" + expr(kind, scope, next) + " % " + (1 + random.nextInt(4)) + ")";
                    default ->
                        random.nextBoolean()
                                ? "abs(" + expr(kind, scope, next) + ")"
                                : "length(" + expr(Kind.STRING, scope, next) + ")";
                };
            case DOUBLE ->
                switch (random.nextInt(5)) {
                    case 0 -> "(" + expr(Kind.DOUBLE, scope, next) + " + " + expr(numeric(), scope, next) + ")";
                    case 1 -> "(" + expr(numeric(), scope, next) + " - " + expr(Kind.DOUBLE, scope, next) + ")";
                    case 2 -> "(" + expr(Kind.DOUBLE, scope, next) + " * " + expr(integral(), scope, next) + ")";
                    case 3 -> "(-" + expr(Kind.DOUBLE, scope, next) + ")";
                    default -> "abs(" + expr(Kind.DOUBLE, scope, next) + ")";
                };
            case STRING ->
                switch (random.nextInt(5)) {
                    case 0 -> "upper(" + expr(Kind.STRING, scope, next) + ")";
                    case 1 -> "lower(" + expr(Kind.STRING, scope, next) + ")";
                    case 2 ->
                        "substring(" + expr(Kind.STRING, scope, next) + ", " + (1 + random.nextInt(3)) + ", "
                                + random.nextInt(4) + ")";
                    default ->
                        "concat(COALESCE(" + expr(Kind.STRING, scope, next) + ", 'z'), " + literal(Kind.STRING) + ")";
                };
            case DATE -> leaf(kind, scope);
            case BOOLEAN -> throw new IllegalStateException("handled above");
        };
    }

    private String leaf(Kind kind, List<Ref> scope) {
        List<Ref> columns = new ArrayList<>();
        for (Ref ref : scope) {
            if (ref.kind() == kind || (kind.isIntegral() && ref.kind().isIntegral())) {
                columns.add(ref);
            }
        }
        if (columns.isEmpty() || random.nextInt(4) == 0) {
            return random.nextInt(20) == 0 ? "NULL" : literal(kind);
        }
        return pick(columns).sql();
    }

    /** A boolean expression, parenthesized so that it can be an operand anywhere (Spark's grammar needs that). */
    private String bool(List<Ref> scope, int depth) {
        return "(" + predicate(scope, depth) + ")";
    }

    private String predicate(List<Ref> scope, int depth) {
        int choices = depth <= 0 ? 5 : 8;
        int next = Math.max(0, depth - 1);
        return switch (random.nextInt(choices)) {
            case 0, 1 -> {
                Kind kind = orderedKind();
                yield expr(kind, scope, next) + " " + comparison() + " " + expr(kind, scope, next);
            }
            case 2 -> expr(anyKind(), scope, next) + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
            case 3 -> {
                Kind kind = orderedKind();
                StringJoiner list = new StringJoiner(", ", " IN (", ")");
                int size = 1 + random.nextInt(3);
                String value = expr(kind, scope, next);
                boolean nullsInList = true;
                for (int i = 0; i < size; i++) {
                    list.add(nullsInList && random.nextInt(6) == 0 ? "NULL" : literal(kind));
                }
                yield value + (random.nextBoolean() ? " NOT" : "") + list;
            }
            case 4 -> {
                Kind kind = orderedKind();
                yield expr(kind, scope, next) + (random.nextBoolean() ? " NOT" : "") + " BETWEEN " + literal(kind)
                        + " AND " + literal(kind);
            }
            case 5 -> bool(scope, next) + " AND " + bool(scope, next);
            case 6 -> bool(scope, next) + " OR " + bool(scope, next);
            default -> "NOT " + bool(scope, next);
        };
    }

    private String literal(Kind kind) {
        return switch (kind) {
            case BIGINT, INT -> {
                int value = random.nextInt(16) - 5;
                yield value < 0 ? "(" + value + ")" : Integer.toString(value);
            }
            case DOUBLE -> "CAST(" + RandomTables.DOUBLES[random.nextInt(RandomTables.DOUBLES.length)] + " AS DOUBLE)";
            case STRING -> RandomTables.quote(RandomTables.STRINGS[random.nextInt(RandomTables.STRINGS.length)]);
            case DATE -> "DATE '" + RandomTables.FIRST_DATE.plusDays(random.nextInt(RandomTables.DATE_COUNT)) + "'";
            case BOOLEAN -> random.nextBoolean() ? "TRUE" : "FALSE";
        };
    }

    private String comparison() {
        return pick(List.of("=", "<>", "<", "<=", ">", ">="));
    }

    private String direction() {
        return random.nextBoolean() ? "ASC" : "DESC";
    }

    private String nulls() {
        return random.nextBoolean() ? "NULLS FIRST" : "NULLS LAST";
    }

    private Kind anyKind() {
        return pick(List.of(Kind.BIGINT, Kind.INT, Kind.DOUBLE, Kind.STRING, Kind.DATE, Kind.BOOLEAN));
    }

    private Kind orderedKind() {
        return pick(List.of(Kind.BIGINT, Kind.INT, Kind.DOUBLE, Kind.STRING, Kind.DATE));
    }

    private Kind integral() {
        return random.nextBoolean() ? Kind.BIGINT : Kind.INT;
    }

    private Kind numeric() {
        return pick(List.of(Kind.BIGINT, Kind.INT, Kind.DOUBLE));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
