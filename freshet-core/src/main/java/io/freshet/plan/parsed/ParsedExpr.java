package io.freshet.plan.parsed;

import io.freshet.types.DataType;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An expression as written, before names and types are resolved. Both the SQL parser and the
 * DataFrame {@code Column} API build these; the analyzer turns them into typed {@code Expr}s, so the
 * two front ends cannot diverge.
 *
 * <p>Operators are function calls with canonical names: {@code + - * / % = <> < <= > >= <=> and or
 * not negate ||}; {@code IS NULL} is {@code isnull}, {@code IS NOT NULL} is {@code isnotnull},
 * {@code LIKE} is {@code like}, {@code RLIKE} is {@code rlike}, {@code ILIKE} is {@code ilike}.
 */
public sealed interface ParsedExpr {

    Position position();

    /** A column reference {@code a}, {@code t.a}, or a struct field access {@code w.start}. */
    record Identifier(List<String> parts, Position position, Object origin) implements ParsedExpr {
        public Identifier {
            parts = List.copyOf(parts);
        }

        public Identifier(List<String> parts, Position position) {
            this(parts, position, null);
        }

        public String name() {
            return parts.get(parts.size() - 1);
        }
    }

    /** {@code *} or {@code t.*}; {@code except} lists columns to leave out ({@code * EXCEPT (a, b)}). */
    record Star(List<String> qualifier, List<String> except, Position position) implements ParsedExpr {
        public Star {
            qualifier = List.copyOf(qualifier);
            except = List.copyOf(except);
        }
    }

    /** A literal; {@code value} is in internal representation (see {@code DataType}), null for NULL. */
    record Constant(Object value, DataType type, Position position) implements ParsedExpr {
        public Constant {
            requireNonNull(type, "type is null");
        }
    }

    /**
     * A call of a scalar, aggregate or window function, or of an operator.
     *
     * @param filter the aggregate's {@code FILTER (WHERE …)}, or null
     * @param over the window of a window function call, or null
     * @param ignoreNulls {@code IGNORE NULLS} of {@code first}, {@code last}, {@code lag}, ...
     */
    record FunctionCall(
            String name,
            List<ParsedExpr> args,
            boolean distinct,
            ParsedExpr filter,
            WindowSpec over,
            boolean ignoreNulls,
            Position position)
            implements ParsedExpr {
        public FunctionCall {
            args = List.copyOf(args);
        }

        public static FunctionCall of(String name, Position position, ParsedExpr... args) {
            return new FunctionCall(name, List.of(args), false, null, null, false, position);
        }
    }

    /** {@code CAST(expr AS type)} or, with {@code tryCast}, {@code TRY_CAST}. */
    record Cast(ParsedExpr expr, DataType type, boolean tryCast, Position position) implements ParsedExpr {}

    /**
     * {@code CASE [operand] WHEN … THEN … [ELSE …] END}; {@code operand} and {@code elseResult} may be
     * null.
     */
    record Case(
            ParsedExpr operand,
            List<ParsedExpr> whens,
            List<ParsedExpr> thens,
            ParsedExpr elseResult,
            Position position)
            implements ParsedExpr {
        public Case {
            whens = List.copyOf(whens);
            thens = List.copyOf(thens);
        }
    }

    /** {@code expr [NOT] IN (v1, v2, …)}. */
    record InList(ParsedExpr expr, List<ParsedExpr> values, boolean negated, Position position) implements ParsedExpr {
        public InList {
            values = List.copyOf(values);
        }
    }

    /** {@code expr [NOT] BETWEEN low AND high}. */
    record Between(ParsedExpr expr, ParsedExpr low, ParsedExpr high, boolean negated, Position position)
            implements ParsedExpr {}

    /**
     * A subquery used as an expression: scalar {@code (SELECT …)}, {@code EXISTS (…)}, or {@code lhs
     * [NOT] IN (SELECT …)}. {@code query} is the front end's own representation of the query (the SQL
     * AST); the front end plans it.
     */
    record Subquery(SubqueryKind kind, Object query, ParsedExpr lhs, boolean negated, Position position)
            implements ParsedExpr {}

    enum SubqueryKind {
        SCALAR,
        EXISTS,
        IN
    }

    /** {@code expr AS name}. */
    record Alias(ParsedExpr expr, String name, Position position) implements ParsedExpr {}

    /** {@code expr[index]} on an array, or {@code expr.field} on a struct-valued expression. */
    record Subscript(ParsedExpr expr, ParsedExpr index, Position position) implements ParsedExpr {}

    /** {@code expr.field} where {@code expr} is not a plain identifier (e.g. {@code f(x).start}). */
    record FieldAccess(ParsedExpr expr, String field, Position position) implements ParsedExpr {}

    /** The sort order of one {@code ORDER BY} item. */
    record SortItem(ParsedExpr expr, boolean ascending, NullOrder nullOrder) {
        /** Spark's default: nulls first when ascending, last when descending. */
        public boolean nullsFirst() {
            return switch (nullOrder) {
                case FIRST -> true;
                case LAST -> false;
                case DEFAULT -> ascending;
            };
        }
    }

    enum NullOrder {
        FIRST,
        LAST,
        DEFAULT
    }

    /** {@code OVER (PARTITION BY … ORDER BY … frame)}; {@code frame} may be null (the default frame). */
    record WindowSpec(List<ParsedExpr> partitionBy, List<SortItem> orderBy, WindowFrame frame) {
        public WindowSpec {
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** {@code ROWS|RANGE BETWEEN start AND end}. */
    record WindowFrame(FrameType type, FrameBound start, FrameBound end) {}

    enum FrameType {
        ROWS,
        RANGE
    }

    /**
     * A frame bound: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW}, {@code n
     * FOLLOWING}, {@code UNBOUNDED FOLLOWING}; {@code offset} is the constant n (null otherwise).
     */
    record FrameBound(BoundType type, ParsedExpr offset) {}

    enum BoundType {
        UNBOUNDED_PRECEDING,
        PRECEDING,
        CURRENT_ROW,
        FOLLOWING,
        UNBOUNDED_FOLLOWING
    }
}
