package io.freshet;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import io.freshet.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An expression over the columns of a DataFrame, as in Spark's {@code Column}: built with {@link
 * functions} ({@code col("a")}, {@code lit(1)}, {@code sum(col("x"))}) and combined with the methods
 * below. Nothing is resolved until the column is used in a DataFrame operation.
 */
public final class Column {
    private final ParsedExpr expr;

    Column(ParsedExpr expr) {
        this.expr = requireNonNull(expr, "expr is null");
    }

    /** The unresolved expression (for Freshet's own planner). */
    public ParsedExpr expr() {
        return expr;
    }

    static ParsedExpr.FunctionCall call(String name, ParsedExpr... args) {
        return ParsedExpr.FunctionCall.of(name, Position.NONE, args);
    }

    private Column binary(String operator, Object other) {
        return new Column(call(operator, expr, functions.lit(other).expr()));
    }

    public Column plus(Object other) {
        return binary("+", other);
    }

    public Column minus(Object other) {
        return binary("-", other);
    }

    public Column multiply(Object other) {
        return binary("*", other);
    }

    public Column divide(Object other) {
        return binary("/", other);
    }

    public Column mod(Object other) {
        return binary("%", other);
    }

    public Column equalTo(Object other) {
        return binary("=", other);
    }

    public Column notEqual(Object other) {
        return binary("<>", other);
    }

    /** Null-safe equality ({@code <=>}): true when both sides are null. */
    public Column eqNullSafe(Object other) {
        return binary("<=>", other);
    }

    public Column gt(Object other) {
        return binary(">", other);
    }

    public Column geq(Object other) {
        return binary(">=", other);
    }

    public Column lt(Object other) {
        return binary("<", other);
    }

    public Column leq(Object other) {
        return binary("<=", other);
    }

    public Column and(Column other) {
        return binary("and", other);
    }

    public Column or(Column other) {
        return binary("or", other);
    }

    public Column not() {
        return new Column(call("not", expr));
    }

    public Column unary_minus() {
        return new Column(call("negate", expr));
    }

    public Column isNull() {
        return new Column(call("isnull", expr));
    }

    public Column isNotNull() {
        return new Column(call("isnotnull", expr));
    }

    public Column isin(Object... values) {
        List<ParsedExpr> list = new ArrayList<>();
        for (Object value : values) {
            list.add(functions.lit(value).expr());
        }
        return new Column(new ParsedExpr.InList(expr, list, false, Position.NONE));
    }

    public Column between(Object low, Object high) {
        return new Column(new ParsedExpr.Between(
                expr, functions.lit(low).expr(), functions.lit(high).expr(), false, Position.NONE));
    }

    public Column like(String pattern) {
        return binary("like", pattern);
    }

    public Column rlike(String pattern) {
        return binary("rlike", pattern);
    }

    public Column startsWith(Object prefix) {
        return binary("startswith", prefix);
    }

    public Column endsWith(Object suffix) {
        return binary("endswith", suffix);
    }

    public Column contains(Object infix) {
        return binary("contains", infix);
    }

    public Column substr(int position, int length) {
        return new Column(call(
                "substring",
                expr,
                functions.lit(position).expr(),
                functions.lit(length).expr()));
    }

    /** The column named {@code alias} in the result. */
    public Column as(String alias) {
        ParsedExpr inner = expr instanceof ParsedExpr.Alias existing ? existing.expr() : expr;
        return new Column(new ParsedExpr.Alias(inner, alias, Position.NONE));
    }

    public Column alias(String alias) {
        return as(alias);
    }

    public Column name(String alias) {
        return as(alias);
    }

    /** {@code CAST(this AS type)}, the type as SQL text ({@code "bigint"}, {@code "decimal(10,2)"}). */
    public Column cast(String type) {
        return cast(io.freshet.sql.SqlParser.parseDataType(type));
    }

    public Column cast(DataType type) {
        return new Column(new ParsedExpr.Cast(expr, type, false, Position.NONE));
    }

    public Column try_cast(DataType type) {
        return new Column(new ParsedExpr.Cast(expr, type, true, Position.NONE));
    }

    /** A field of a struct column ({@code window.start}). */
    public Column getField(String field) {
        return new Column(new ParsedExpr.FieldAccess(expr, field, Position.NONE));
    }

    /** An element of an array column, 0-based. */
    public Column getItem(Object index) {
        return new Column(new ParsedExpr.Subscript(expr, functions.lit(index).expr(), Position.NONE));
    }

    /** For {@code functions.when(…)} chains: another branch. */
    public Column when(Column condition, Object value) {
        if (!(expr instanceof ParsedExpr.Case caseExpr) || caseExpr.elseResult() != null) {
            throw new IllegalStateException("when() can only follow functions.when(...) or another when()");
        }
        List<ParsedExpr> whens = new ArrayList<>(caseExpr.whens());
        List<ParsedExpr> thens = new ArrayList<>(caseExpr.thens());
        whens.add(condition.expr);
        thens.add(functions.lit(value).expr());
        return new Column(new ParsedExpr.Case(null, whens, thens, null, Position.NONE));
    }

    /** For {@code functions.when(…)} chains: the value when no branch matches. */
    public Column otherwise(Object value) {
        if (!(expr instanceof ParsedExpr.Case caseExpr) || caseExpr.elseResult() != null) {
            throw new IllegalStateException("otherwise() can only follow functions.when(...)");
        }
        return new Column(new ParsedExpr.Case(
                null, caseExpr.whens(), caseExpr.thens(), functions.lit(value).expr(), Position.NONE));
    }

    public SortColumn asc() {
        return new SortColumn(this, true, ParsedExpr.NullOrder.DEFAULT);
    }

    public SortColumn desc() {
        return new SortColumn(this, false, ParsedExpr.NullOrder.DEFAULT);
    }

    public SortColumn asc_nulls_first() {
        return new SortColumn(this, true, ParsedExpr.NullOrder.FIRST);
    }

    public SortColumn asc_nulls_last() {
        return new SortColumn(this, true, ParsedExpr.NullOrder.LAST);
    }

    public SortColumn desc_nulls_first() {
        return new SortColumn(this, false, ParsedExpr.NullOrder.FIRST);
    }

    public SortColumn desc_nulls_last() {
        return new SortColumn(this, false, ParsedExpr.NullOrder.LAST);
    }

    /** A column with an ordering, for {@code orderBy}. */
    public record SortColumn(Column column, boolean ascending, ParsedExpr.NullOrder nullOrder) {
        ParsedExpr.SortItem item() {
            return new ParsedExpr.SortItem(column.expr(), ascending, nullOrder);
        }
    }

    static List<ParsedExpr> exprs(Column... columns) {
        return Arrays.stream(columns).map(Column::expr).toList();
    }

    @Override
    public String toString() {
        return expr.toString();
    }
}
