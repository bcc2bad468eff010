package io.freshet;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions of the DataFrame API, named as in Spark's {@code org.apache.spark.sql.functions}.
 * Every built-in SQL function is also reachable through {@link #call_function(String, Column...)}.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {
    private functions() {}

    /** A column by name; {@code "t.a"} is qualified, {@code "*"} is all columns. */
    public static Column col(String name) {
        if (name.equals("*")) {
            return new Column(new ParsedExpr.Star(List.of(), List.of(), Position.NONE));
        }
        if (name.endsWith(".*")) {
            return new Column(
                    new ParsedExpr.Star(List.of(name.substring(0, name.length() - 2)), List.of(), Position.NONE));
        }
        return new Column(new ParsedExpr.Identifier(splitName(name), Position.NONE));
    }

    public static Column column(String name) {
        return col(name);
    }

    /** Splits {@code a.b.c} on dots outside backquotes. */
    static List<String> splitName(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** A literal; a Column is returned as it is. */
    public static Column lit(Object value) {
        if (value instanceof Column column) {
            return column;
        }
        ParsedExpr.Constant constant =
                switch (value) {
                    case null -> new ParsedExpr.Constant(null, NullType.NULL, Position.NONE);
                    case Integer i -> new ParsedExpr.Constant(i, IntType.INT, Position.NONE);
                    case Short s -> new ParsedExpr.Constant(s.intValue(), IntType.INT, Position.NONE);
                    case Byte b -> new ParsedExpr.Constant(b.intValue(), IntType.INT, Position.NONE);
                    case Long l -> new ParsedExpr.Constant(l, BigintType.BIGINT, Position.NONE);
                    case Double d -> new ParsedExpr.Constant(d, DoubleType.DOUBLE, Position.NONE);
                    case Float f -> new ParsedExpr.Constant(f.doubleValue(), DoubleType.DOUBLE, Position.NONE);
                    case String s -> new ParsedExpr.Constant(s, StringType.STRING, Position.NONE);
                    case Boolean b -> new ParsedExpr.Constant(b, BooleanType.BOOLEAN, Position.NONE);
                    case BigDecimal d ->
                        new ParsedExpr.Constant(
                                d,
                                new DecimalType(Math.max(d.precision(), d.scale() + 1), Math.max(d.scale(), 0)),
                                Position.NONE);
                    case LocalDate d -> new ParsedExpr.Constant((int) d.toEpochDay(), DateType.DATE, Position.NONE);
                    case Instant t ->
                        new ParsedExpr.Constant(
                                io.freshet.expr.Temporal.toMicros(t), TimestampType.TIMESTAMP, Position.NONE);
                    default ->
                        throw new IllegalArgumentException(
                                "Unsupported literal type: " + value.getClass().getName());
                };
        return new Column(constant);
    }

    /** A SQL expression, parsed: {@code expr("a + 1")}. */
    public static Column expr(String sql) {
        return new Column(io.freshet.sql.SqlParser.parseExpression(sql));
    }

    /** Calls any built-in function by name. */
    public static Column call_function(String name, Column... args) {
        return new Column(
                new ParsedExpr.FunctionCall(name, Column.exprs(args), false, null, null, false, Position.NONE));
    }

    private static Column fn(String name, Column... args) {
        return call_function(name, args);
    }

    private static Column distinctFn(String name, Column... args) {
        return new Column(
                new ParsedExpr.FunctionCall(name, Column.exprs(args), true, null, null, false, Position.NONE));
    }

    // aggregates
    public static Column count(Column column) {
        return fn("count", column);
    }

    public static Column count(String columnName) {
        return columnName.equals("*") ? fn("count", col("*")) : fn("count", col(columnName));
    }

    public static Column countDistinct(Column column, Column... more) {
        Column[] all = new Column[more.length + 1];
        all[0] = column;
        System.arraycopy(more, 0, all, 1, more.length);
        return distinctFn("count", all);
    }

    public static Column count_distinct(Column column, Column... more) {
        return countDistinct(column, more);
    }

    public static Column approx_count_distinct(Column column) {
        return fn("approx_count_distinct", column);
    }

    public static Column approx_count_distinct(Column column, double relativeSd) {
        return fn("approx_count_distinct", column, lit(relativeSd));
    }

    public static Column sum(Column column) {
        return fn("sum", column);
    }

    public static Column sum(String columnName) {
        return sum(col(columnName));
    }

    public static Column sum_distinct(Column column) {
        return distinctFn("sum", column);
    }

    public static Column avg(Column column) {
        return fn("avg", column);
    }

    public static Column avg(String columnName) {
        return avg(col(columnName));
    }

    public static Column mean(Column column) {
        return fn("avg", column);
    }

    public static Column min(Column column) {
        return fn("min", column);
    }

    public static Column min(String columnName) {
        return min(col(columnName));
    }

    public static Column max(Column column) {
        return fn("max", column);
    }

    public static Column max(String columnName) {
        return max(col(columnName));
    }

    public static Column first(Column column) {
        return fn("first", column);
    }

    public static Column last(Column column) {
        return fn("last", column);
    }

    public static Column collect_list(Column column) {
        return fn("collect_list", column);
    }

    public static Column collect_set(Column column) {
        return fn("collect_set", column);
    }

    public static Column stddev(Column column) {
        return fn("stddev", column);
    }

    public static Column variance(Column column) {
        return fn("variance", column);
    }

    public static Column percentile_approx(Column column, Column percentage, Column accuracy) {
        return fn("percentile_approx", column, percentage, accuracy);
    }

    // scalar functions
    public static Column upper(Column column) {
        return fn("upper", column);
    }

    public static Column lower(Column column) {
        return fn("lower", column);
    }

    public static Column length(Column column) {
        return fn("length", column);
    }

    public static Column trim(Column column) {
        return fn("trim", column);
    }

    public static Column concat(Column... columns) {
        return fn("concat", columns);
    }

    public static Column concat_ws(String separator, Column... columns) {
        Column[] all = new Column[columns.length + 1];
        all[0] = lit(separator);
        System.arraycopy(columns, 0, all, 1, columns.length);
        return fn("concat_ws", all);
    }

    public static Column substring(Column column, int position, int length) {
        return fn("substring", column, lit(position), lit(length));
    }

    public static Column regexp_replace(Column column, String pattern, String replacement) {
        return fn("regexp_replace", column, lit(pattern), lit(replacement));
    }

    public static Column regexp_extract(Column column, String pattern, int group) {
        return fn("regexp_extract", column, lit(pattern), lit(group));
    }

    public static Column split(Column column, String pattern) {
        return fn("split", column, lit(pattern));
    }

    public static Column abs(Column column) {
        return fn("abs", column);
    }

    public static Column round(Column column, int scale) {
        return fn("round", column, lit(scale));
    }

    public static Column sqrt(Column column) {
        return fn("sqrt", column);
    }

    public static Column coalesce(Column... columns) {
        return fn("coalesce", columns);
    }

    public static Column greatest(Column... columns) {
        return fn("greatest", columns);
    }

    public static Column least(Column... columns) {
        return fn("least", columns);
    }

    public static Column current_date() {
        return fn("current_date");
    }

    public static Column current_timestamp() {
        return fn("current_timestamp");
    }

    public static Column to_date(Column column) {
        return fn("to_date", column);
    }

    public static Column to_timestamp(Column column) {
        return fn("to_timestamp", column);
    }

    public static Column date_format(Column column, String format) {
        return fn("date_format", column, lit(format));
    }

    public static Column year(Column column) {
        return fn("year", column);
    }

    public static Column month(Column column) {
        return fn("month", column);
    }

    public static Column dayofmonth(Column column) {
        return fn("day", column);
    }

    public static Column hour(Column column) {
        return fn("hour", column);
    }

    public static Column date_trunc(String unit, Column column) {
        return fn("date_trunc", lit(unit), column);
    }

    public static Column hash(Column... columns) {
        return fn("hash", columns);
    }

    public static Column xxhash64(Column... columns) {
        return fn("xxhash64", columns);
    }

    /** A tumbling event-time window of {@code duration} ({@code "5 minutes"}), as a struct of start and end. */
    public static Column window(Column timeColumn, String duration) {
        return fn("window", timeColumn, lit(duration));
    }

    /** A sliding event-time window of {@code duration} every {@code slide}. */
    public static Column window(Column timeColumn, String duration, String slide) {
        return fn("window", timeColumn, lit(duration), lit(slide));
    }

    /**
     * A session window of {@code timeColumn} with a fixed {@code gap} ({@code "10 minutes"}), as a struct of
     * start and end; only as a {@code groupBy} key. Rows closer than the gap form one session, which ends
     * at its last row's time plus the gap.
     */
    public static Column session_window(Column timeColumn, String gap) {
        return fn("session_window", timeColumn, lit(gap));
    }

    /**
     * A session window whose gap is computed per row (a string such as {@code "5 minutes"} or an interval);
     * rows whose gap is null, not an interval or not positive are left out.
     */
    public static Column session_window(Column timeColumn, Column gap) {
        return fn("session_window", timeColumn, gap);
    }

    /** {@code CASE WHEN condition THEN value …}; continue with {@link Column#when} and {@link Column#otherwise}. */
    public static Column when(Column condition, Object value) {
        return new Column(new ParsedExpr.Case(
                null, List.of(condition.expr()), List.of(lit(value).expr()), null, Position.NONE));
    }

    public static Column not(Column column) {
        return column.not();
    }

    public static Column struct(Column... columns) {
        return fn("struct", columns);
    }
}
