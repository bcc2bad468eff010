package io.freshet.sql.ast;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.ParsedExpr.FrameBound;
import io.freshet.plan.parsed.ParsedExpr.FunctionCall;
import io.freshet.plan.parsed.ParsedExpr.SortItem;
import io.freshet.plan.parsed.ParsedExpr.WindowSpec;
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
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints statements, queries and parsed expressions as canonical, single-line SQL that parses back
 * to the same AST: operators fully parenthesized, literals typed ({@code 1L}, {@code 1.5BD}, {@code
 * 2.0D}), intervals in microseconds. Tests and {@code EXPLAIN} use it to show what was parsed.
 */
public final class AstPrinter {
    private static final Set<String> BINARY_OPERATORS = Set.of(
            "+", "-", "*", "/", "%", "div", "=", "<>", "<", "<=", ">", ">=", "<=>", "||", "&", "|", "^", "and", "or");
    private static final Set<String> RESERVED = Set.of(
            "ALL",
            "AND",
            "ANTI",
            "AS",
            "BETWEEN",
            "BY",
            "CASE",
            "CAST",
            "CROSS",
            "DISTINCT",
            "ELSE",
            "END",
            "EXCEPT",
            "EXISTS",
            "FALSE",
            "FROM",
            "FULL",
            "GROUP",
            "HAVING",
            "ILIKE",
            "IN",
            "INNER",
            "INTERSECT",
            "INTERVAL",
            "IS",
            "JOIN",
            "LEFT",
            "LIKE",
            "MINUS",
            "NATURAL",
            "NOT",
            "NULL",
            "ON",
            "OR",
            "ORDER",
            "OUTER",
            "REGEXP",
            "RIGHT",
            "RLIKE",
            "SELECT",
            "SEMI",
            "TABLE",
            "THEN",
            "TRUE",
            "TRY_CAST",
            "UNION",
            "USING",
            "VALUES",
            "WHEN",
            "WHERE",
            "WITH",
            "CURRENT_DATE",
            "CURRENT_TIMESTAMP");

    private AstPrinter() {}

    // ----- statements

    public static String print(Statement statement) {
        return switch (statement) {
            case Statement.QueryStatement query -> print(query.query());
            case Statement.Explain explain ->
                "EXPLAIN "
                        + (explain.mode() == Statement.ExplainMode.SIMPLE ? "" : explain.mode() + " ")
                        + print(explain.statement());
            case Statement.CreateView view ->
                "CREATE "
                        + (view.orReplace() ? "OR REPLACE " : "")
                        + (view.temporary() ? "TEMPORARY " : "")
                        + "VIEW "
                        + (view.ifNotExists() ? "IF NOT EXISTS " : "")
                        + name(view.name())
                        + (view.columns().isEmpty() ? "" : " " + names(view.columns()))
                        + (view.comment() == null ? "" : " COMMENT " + string(view.comment()))
                        + " AS " + print(view.query());
            case Statement.CreateTable table ->
                "CREATE "
                        + (table.orReplace() ? "OR REPLACE " : "")
                        + "TABLE "
                        + (table.ifNotExists() ? "IF NOT EXISTS " : "")
                        + name(table.name())
                        + tableSpec(table.spec())
                        + (table.query() == null ? "" : " AS " + print(table.query()));
            case Statement.CreateStreamingTable table ->
                "CREATE "
                        + (table.orRefresh() ? "OR REFRESH " : "")
                        + "STREAMING TABLE "
                        + (table.ifNotExists() ? "IF NOT EXISTS " : "")
                        + name(table.name())
                        + tableSpec(table.spec())
                        + " AS " + print(table.query());
            case Statement.Insert insert ->
                "INSERT " + (insert.overwrite() ? "OVERWRITE " : "INTO ")
                        + name(insert.table())
                        + (insert.columns().isEmpty() ? "" : " " + names(insert.columns()))
                        + " " + print(insert.query());
            case Statement.Drop drop ->
                "DROP " + drop.kind() + (drop.ifExists() ? " IF EXISTS " : " ") + name(drop.name());
            case Statement.ShowTables show ->
                "SHOW TABLES"
                        + (show.database() == null ? "" : " IN " + name(show.database()))
                        + (show.pattern() == null ? "" : " LIKE " + string(show.pattern()));
            case Statement.ShowFunctions show ->
                "SHOW FUNCTIONS" + (show.pattern() == null ? "" : " LIKE " + string(show.pattern()));
            case Statement.DescribeTable describe ->
                "DESCRIBE " + (describe.extended() ? "EXTENDED " : "") + name(describe.name());
            case Statement.DescribeQuery describe -> "DESCRIBE QUERY " + print(describe.query());
            case Statement.SetConfig set -> "SET " + set.key() + " = " + set.value();
            case Statement.ShowConfig show -> show.key() == null ? "SET" : "SET " + show.key();
            case Statement.ResetConfig reset -> reset.key() == null ? "RESET" : "RESET " + reset.key();
        };
    }

    private static String tableSpec(TableSpec spec) {
        StringBuilder text = new StringBuilder();
        if (!spec.columns().isEmpty()) {
            text.append(spec.columns().stream()
                    .map(column -> identifier(column.name()) + " "
                            + typeName(column.type())
                            + (column.nullable() ? "" : " NOT NULL")
                            + (column.comment() == null ? "" : " COMMENT " + string(column.comment())))
                    .collect(Collectors.joining(", ", " (", ")")));
        }
        if (spec.format() != null) {
            text.append(" USING ").append(spec.format());
        }
        if (!spec.options().isEmpty()) {
            text.append(" OPTIONS ").append(properties(spec.options()));
        }
        if (!spec.partitionedBy().isEmpty()) {
            text.append(" PARTITIONED BY ").append(names(spec.partitionedBy()));
        }
        if (spec.location() != null) {
            text.append(" LOCATION ").append(string(spec.location()));
        }
        if (spec.comment() != null) {
            text.append(" COMMENT ").append(string(spec.comment()));
        }
        if (!spec.properties().isEmpty()) {
            text.append(" TBLPROPERTIES ").append(properties(spec.properties()));
        }
        return text.toString();
    }

    private static String properties(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(entry -> string(entry.getKey()) + " = " + string(entry.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    // ----- queries

    public static String print(QueryBody body) {
        return switch (body) {
            case Query query -> query(query);
            case Select select -> select(select);
            case SetOperation operation ->
                setOperand(operation.left())
                        + " " + operation.operator() + (operation.all() ? " ALL " : " ")
                        + setOperand(operation.right());
            case Values values ->
                "VALUES "
                        + values.rows().stream()
                                .map(row -> join(row, AstPrinter::print, "(", ")"))
                                .collect(Collectors.joining(", "));
        };
    }

    private static String query(Query query) {
        StringBuilder text = new StringBuilder();
        if (!query.with().isEmpty()) {
            text.append(query.with().stream()
                    .map(cte -> identifier(cte.name())
                            + (cte.columns().isEmpty() ? "" : names(cte.columns()))
                            + " AS (" + print(cte.query()) + ")")
                    .collect(Collectors.joining(", ", "WITH ", " ")));
        }
        text.append(query.body() instanceof Query nested ? "(" + print(nested) + ")" : print(query.body()));
        if (!query.orderBy().isEmpty()) {
            text.append(" ORDER BY ").append(sortItems(query.orderBy()));
        }
        if (query.limit() != null) {
            text.append(" LIMIT ").append(print(query.limit()));
        }
        if (query.offset() != null) {
            text.append(" OFFSET ").append(print(query.offset()));
        }
        return text.toString();
    }

    private static String setOperand(QueryBody body) {
        return body instanceof SetOperation || body instanceof Query ? "(" + print(body) + ")" : print(body);
    }

    private static String select(Select select) {
        StringBuilder text = new StringBuilder("SELECT ");
        if (select.distinct()) {
            text.append("DISTINCT ");
        }
        text.append(join(select.items(), AstPrinter::print, "", ""));
        if (select.from() != null) {
            text.append(" FROM ").append(print(select.from()));
        }
        if (select.where() != null) {
            text.append(" WHERE ").append(print(select.where()));
        }
        if (select.groupBy() != null) {
            text.append(" GROUP BY ").append(groupBy(select.groupBy()));
        }
        if (select.having() != null) {
            text.append(" HAVING ").append(print(select.having()));
        }
        if (select.qualify() != null) {
            text.append(" QUALIFY ").append(print(select.qualify()));
        }
        return text.toString();
    }

    private static String groupBy(GroupBy groupBy) {
        if (groupBy.all()) {
            return "ALL";
        }
        return groupBy.elements().stream()
                .map(element -> switch (element) {
                    case GroupingElement.Single single -> print(single.expr());
                    case GroupingElement.Rollup rollup -> "ROLLUP" + join(rollup.exprs(), AstPrinter::print, "(", ")");
                    case GroupingElement.Cube cube -> "CUBE" + join(cube.exprs(), AstPrinter::print, "(", ")");
                    case GroupingElement.GroupingSets sets ->
                        "GROUPING SETS" + join(sets.sets(), set -> join(set, AstPrinter::print, "(", ")"), "(", ")");
                })
                .collect(Collectors.joining(", "));
    }

    // ----- relations

    public static String print(Relation relation) {
        return switch (relation) {
            case Relation.TableRef table ->
                (table.streaming() ? "STREAM " : "")
                        + name(table.name())
                        + (table.watermark() == null
                                ? ""
                                : " WATERMARK " + print(table.watermark().column()) + " DELAY OF "
                                        + interval(table.watermark().delayMicros()))
                        + alias(table.alias());
            case Relation.SubqueryRelation subquery -> "(" + print(subquery.query()) + ")" + alias(subquery.alias());
            case Relation.Join join -> join(join);
            case Relation.TableFunction function ->
                function.name() + join(function.args(), AstPrinter::print, "(", ")") + alias(function.alias());
        };
    }

    private static String join(Relation.Join join) {
        String right = join.right() instanceof Relation.Join ? "(" + print(join.right()) + ")" : print(join.right());
        String keyword =
                switch (join.type()) {
                    case INNER -> "INNER JOIN";
                    case LEFT -> "LEFT JOIN";
                    case RIGHT -> "RIGHT JOIN";
                    case FULL -> "FULL JOIN";
                    case SEMI -> "LEFT SEMI JOIN";
                    case ANTI -> "LEFT ANTI JOIN";
                    case CROSS -> "CROSS JOIN";
                };
        return switch (join.criteria()) {
            case JoinCriteria.On on ->
                print(join.left()) + " " + keyword + " " + right + " ON " + print(on.condition());
            case JoinCriteria.Using using ->
                print(join.left()) + " " + keyword + " " + right + " USING " + names(using.columns());
            case JoinCriteria.Natural natural -> print(join.left()) + " NATURAL " + keyword + " " + right;
            case JoinCriteria.NoCondition none -> print(join.left()) + " " + keyword + " " + right;
        };
    }

    private static String alias(TableAlias alias) {
        if (alias == null) {
            return "";
        }
        return " AS " + identifier(alias.name()) + (alias.columns().isEmpty() ? "" : names(alias.columns()));
    }

    // ----- expressions

    public static String print(ParsedExpr expr) {
        return switch (expr) {
            case ParsedExpr.Identifier identifier -> name(identifier.parts());
            case ParsedExpr.Star star ->
                (star.qualifier().isEmpty() ? "" : name(star.qualifier()) + ".") + "*"
                        + (star.except().isEmpty()
                                ? ""
                                : " EXCEPT " + join(star.except(), AstPrinter::identifier, "(", ")"));
            case ParsedExpr.Constant constant -> constant(constant);
            case FunctionCall call -> call(call);
            case ParsedExpr.Cast cast ->
                (cast.tryCast() ? "TRY_CAST(" : "CAST(") + print(cast.expr()) + " AS " + typeName(cast.type()) + ")";
            case ParsedExpr.Case caseExpr -> caseExpression(caseExpr);
            case ParsedExpr.InList in ->
                "(" + print(in.expr()) + (in.negated() ? " NOT IN " : " IN ")
                        + join(in.values(), AstPrinter::print, "(", ")") + ")";
            case ParsedExpr.Between between ->
                "(" + print(between.expr()) + (between.negated() ? " NOT" : "") + " BETWEEN " + print(between.low())
                        + " AND " + print(between.high()) + ")";
            case ParsedExpr.Subquery subquery -> subquery(subquery);
            case ParsedExpr.Alias alias -> print(alias.expr()) + " AS " + identifier(alias.name());
            case ParsedExpr.Subscript subscript -> print(subscript.expr()) + "[" + print(subscript.index()) + "]";
            case ParsedExpr.FieldAccess access ->
                (access.expr() instanceof ParsedExpr.Identifier
                                ? "(" + print(access.expr()) + ")"
                                : print(access.expr()))
                        + "." + identifier(access.field());
        };
    }

    private static String subquery(ParsedExpr.Subquery subquery) {
        String query = subquery.query() instanceof QueryBody body ? print(body) : String.valueOf(subquery.query());
        return switch (subquery.kind()) {
            case SCALAR -> "(" + query + ")";
            case EXISTS -> subquery.negated() ? "(NOT EXISTS (" + query + "))" : "EXISTS (" + query + ")";
            case IN -> "(" + print(subquery.lhs()) + (subquery.negated() ? " NOT IN (" : " IN (") + query + "))";
        };
    }

    private static String caseExpression(ParsedExpr.Case caseExpr) {
        StringBuilder text = new StringBuilder("CASE");
        if (caseExpr.operand() != null) {
            text.append(' ').append(print(caseExpr.operand()));
        }
        for (int i = 0; i < caseExpr.whens().size(); i++) {
            text.append(" WHEN ").append(print(caseExpr.whens().get(i)));
            text.append(" THEN ").append(print(caseExpr.thens().get(i)));
        }
        if (caseExpr.elseResult() != null) {
            text.append(" ELSE ").append(print(caseExpr.elseResult()));
        }
        return text.append(" END").toString();
    }

    private static String call(FunctionCall call) {
        List<ParsedExpr> args = call.args();
        boolean plain = !call.distinct() && call.filter() == null && call.over() == null && !call.ignoreNulls();
        if (plain && args.size() == 2 && BINARY_OPERATORS.contains(call.name())) {
            String operator = call.name().matches("[a-z]+") ? call.name().toUpperCase(Locale.ROOT) : call.name();
            return "(" + print(args.get(0)) + " " + operator + " " + print(args.get(1)) + ")";
        }
        if (plain && args.size() == 1) {
            switch (call.name()) {
                case "not" -> {
                    return "(NOT " + print(args.get(0)) + ")";
                }
                case "negate" -> {
                    return "(-(" + print(args.get(0)) + "))";
                }
                case "isnull" -> {
                    return "(" + print(args.get(0)) + " IS NULL)";
                }
                case "isnotnull" -> {
                    return "(" + print(args.get(0)) + " IS NOT NULL)";
                }
                default -> {}
            }
        }
        if (plain
                && (call.name().equals("like")
                        || call.name().equals("ilike")
                        || call.name().equals("rlike"))
                && (args.size() == 2 || (args.size() == 3 && !call.name().equals("rlike")))) {
            return "(" + print(args.get(0)) + " " + call.name().toUpperCase(Locale.ROOT) + " " + print(args.get(1))
                    + (args.size() == 3 ? " ESCAPE " + print(args.get(2)) : "") + ")";
        }
        StringBuilder text = new StringBuilder(call.name()).append('(');
        if (call.distinct()) {
            text.append("DISTINCT ");
        }
        text.append(join(args, AstPrinter::print, "", "")).append(')');
        if (call.filter() != null) {
            text.append(" FILTER (WHERE ").append(print(call.filter())).append(')');
        }
        if (call.ignoreNulls()) {
            text.append(" IGNORE NULLS");
        }
        if (call.over() != null) {
            text.append(" OVER ").append(windowSpec(call.over()));
        }
        return text.toString();
    }

    private static String windowSpec(WindowSpec spec) {
        StringBuilder text = new StringBuilder("(");
        if (!spec.partitionBy().isEmpty()) {
            text.append("PARTITION BY ").append(join(spec.partitionBy(), AstPrinter::print, "", ""));
        }
        if (!spec.orderBy().isEmpty()) {
            text.append(text.length() > 1 ? " " : "").append("ORDER BY ").append(sortItems(spec.orderBy()));
        }
        if (spec.frame() != null) {
            text.append(text.length() > 1 ? " " : "")
                    .append(spec.frame().type())
                    .append(" BETWEEN ")
                    .append(frameBound(spec.frame().start()))
                    .append(" AND ")
                    .append(frameBound(spec.frame().end()));
        }
        return text.append(')').toString();
    }

    private static String frameBound(FrameBound bound) {
        return switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case PRECEDING -> print(bound.offset()) + " PRECEDING";
            case CURRENT_ROW -> "CURRENT ROW";
            case FOLLOWING -> print(bound.offset()) + " FOLLOWING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
        };
    }

    private static String sortItems(List<SortItem> items) {
        return join(
                items,
                item -> print(item.expr())
                        + (item.ascending() ? "" : " DESC")
                        + switch (item.nullOrder()) {
                            case FIRST -> " NULLS FIRST";
                            case LAST -> " NULLS LAST";
                            case DEFAULT -> "";
                        },
                "",
                "");
    }

    private static String constant(ParsedExpr.Constant constant) {
        Object value = constant.value();
        if (value == null) {
            return "NULL";
        }
        return switch (constant.type()) {
            case BigintType bigint -> value + "L";
            case DoubleType doubleType ->
                Double.isFinite((Double) value) ? value + "D" : "CAST(" + string(value.toString()) + " AS DOUBLE)";
            case DecimalType decimal -> ((BigDecimal) value).toPlainString() + "BD";
            case StringType string -> string((String) value);
            case DateType date -> "DATE '" + LocalDate.ofEpochDay((Integer) value) + "'";
            case IntervalType interval -> interval((Long) value);
            case TimestampType timestamp -> "timestamp_micros(" + value + "L)";
            case BooleanType bool -> value.toString().toUpperCase(Locale.ROOT);
            case IntType integer -> value.toString();
            case NullType nullType -> "NULL";
            case StructType struct -> "CAST(NULL AS " + typeName(struct) + ")";
            case ArrayType array -> "CAST(NULL AS " + typeName(array) + ")";
        };
    }

    /** A data type in DDL form that parses back to it, e.g. {@code STRUCT<`end`: TIMESTAMP>}. */
    public static String typeName(DataType type) {
        return switch (type) {
            case StructType struct ->
                struct.fields().stream()
                        .map(field -> identifier(field.name()) + ": " + typeName(field.type())
                                + (field.nullable() ? "" : " NOT NULL"))
                        .collect(Collectors.joining(", ", "STRUCT<", ">"));
            case ArrayType array -> "ARRAY<" + typeName(array.elementType()) + ">";
            case IntervalType interval -> "INTERVAL DAY TO SECOND";
            case DecimalType decimal -> "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
            case NullType nullType -> "VOID";
            case BooleanType bool -> "BOOLEAN";
            case IntType integer -> "INT";
            case BigintType bigint -> "BIGINT";
            case DoubleType doubleType -> "DOUBLE";
            case StringType string -> "STRING";
            case DateType date -> "DATE";
            case TimestampType timestamp -> "TIMESTAMP";
        };
    }

    private static String interval(long micros) {
        return "INTERVAL '" + micros + "' MICROSECONDS";
    }

    /** A string literal that parses back to {@code value}. */
    public static String string(String value) {
        StringBuilder text = new StringBuilder("'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> text.append("\\'");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
        return text.append('\'').toString();
    }

    // ----- names

    /** A name part, backquoted when it is not a plain identifier or is a reserved word. */
    public static String identifier(String name) {
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    private static String name(List<String> parts) {
        return parts.stream().map(AstPrinter::identifier).collect(Collectors.joining("."));
    }

    private static String names(List<String> names) {
        return join(names, AstPrinter::identifier, "(", ")");
    }

    private static <T> String join(List<T> items, Function<T, String> printer, String prefix, String suffix) {
        return items.stream().map(printer).collect(Collectors.joining(", ", prefix, suffix));
    }
}
