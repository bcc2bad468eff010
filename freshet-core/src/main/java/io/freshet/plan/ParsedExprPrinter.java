package io.freshet.plan;

import io.freshet.expr.ExprPrinter;
import io.freshet.plan.parsed.ParsedExpr;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names an unaliased select item the way Spark does, from the expression as written: a column by its
 * name, {@code sum(amount)}, {@code (a + 1)}, {@code count(1)} for {@code count(*)}.
 */
final class ParsedExprPrinter {
    private static final Set<String> INFIX =
            Set.of("+", "-", "*", "/", "%", "=", "<>", "!=", "<", "<=", ">", ">=", "<=>", "and", "or", "||", "div");

    private ParsedExprPrinter() {}

    static String name(ParsedExpr expr) {
        return switch (expr) {
            case ParsedExpr.Identifier identifier -> identifier.name();
            case ParsedExpr.Alias alias -> alias.name();
            case ParsedExpr.FieldAccess access -> access.field();
            case ParsedExpr.FunctionCall call
            when call.over() == null
                    && (call.name().equalsIgnoreCase("window") || call.name().equalsIgnoreCase("session_window")) ->
                call.name().toLowerCase(Locale.ROOT);
            default -> print(expr);
        };
    }

    static String print(ParsedExpr expr) {
        return switch (expr) {
            case ParsedExpr.Identifier identifier -> String.join(".", identifier.parts());
            case ParsedExpr.Star star -> star.qualifier().isEmpty() ? "*" : String.join(".", star.qualifier()) + ".*";
            case ParsedExpr.Constant constant ->
                constant.value() instanceof String s ? s : ExprPrinter.literal(constant.value(), constant.type());
            case ParsedExpr.Alias alias -> print(alias.expr());
            case ParsedExpr.Cast cast ->
                (cast.tryCast() ? "TRY_CAST(" : "CAST(") + print(cast.expr()) + " AS "
                        + cast.type().sqlName().toUpperCase(Locale.ROOT) + ")";
            case ParsedExpr.FunctionCall call -> printCall(call);
            case ParsedExpr.Case caseExpr ->
                "CASE" + (caseExpr.operand() == null ? "" : " " + print(caseExpr.operand())) + whens(caseExpr)
                        + (caseExpr.elseResult() == null ? "" : " ELSE " + print(caseExpr.elseResult())) + " END";
            case ParsedExpr.InList in ->
                "(" + print(in.expr()) + (in.negated() ? " NOT IN (" : " IN (")
                        + in.values().stream().map(ParsedExprPrinter::print).collect(Collectors.joining(", ")) + "))";
            case ParsedExpr.Between between ->
                "(" + print(between.expr()) + (between.negated() ? " NOT" : "") + " BETWEEN " + print(between.low())
                        + " AND " + print(between.high()) + ")";
            case ParsedExpr.Subquery subquery ->
                switch (subquery.kind()) {
                    case SCALAR -> "scalarsubquery()";
                    case EXISTS -> "exists()";
                    case IN -> "(" + print(subquery.lhs()) + " IN (listquery()))";
                };
            case ParsedExpr.Subscript subscript -> print(subscript.expr()) + "[" + print(subscript.index()) + "]";
            case ParsedExpr.FieldAccess access -> print(access.expr()) + "." + access.field();
        };
    }

    private static String whens(ParsedExpr.Case caseExpr) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < caseExpr.whens().size(); i++) {
            text.append(" WHEN ")
                    .append(print(caseExpr.whens().get(i)))
                    .append(" THEN ")
                    .append(print(caseExpr.thens().get(i)));
        }
        return text.toString();
    }

    private static String printCall(ParsedExpr.FunctionCall call) {
        String name = call.name().toLowerCase(Locale.ROOT);
        List<ParsedExpr> args = call.args();
        if (INFIX.contains(name) && args.size() == 2) {
            String operator = name.equals("and") || name.equals("or") ? name.toUpperCase(Locale.ROOT) : name;
            return "(" + print(args.get(0)) + " " + operator + " " + print(args.get(1)) + ")";
        }
        switch (name) {
            case "negate" -> {
                return "(- " + print(args.get(0)) + ")";
            }
            case "not" -> {
                return "(NOT " + print(args.get(0)) + ")";
            }
            case "isnull" -> {
                return "(" + print(args.get(0)) + " IS NULL)";
            }
            case "isnotnull" -> {
                return "(" + print(args.get(0)) + " IS NOT NULL)";
            }
            default -> {}
        }
        String argText;
        if (name.equals("count") && args.size() == 1 && args.get(0) instanceof ParsedExpr.Star) {
            argText = "1";
        } else {
            argText = args.stream().map(ParsedExprPrinter::print).collect(Collectors.joining(", "));
        }
        String text = name + "(" + (call.distinct() ? "DISTINCT " : "") + argText + ")";
        if (call.over() != null) {
            text += " OVER (...)";
        }
        return text;
    }
}
