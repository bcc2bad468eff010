package io.freshet.sql;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.ParsedExpr.BoundType;
import io.freshet.plan.parsed.ParsedExpr.Constant;
import io.freshet.plan.parsed.ParsedExpr.FrameBound;
import io.freshet.plan.parsed.ParsedExpr.FrameType;
import io.freshet.plan.parsed.ParsedExpr.FunctionCall;
import io.freshet.plan.parsed.ParsedExpr.Identifier;
import io.freshet.plan.parsed.ParsedExpr.NullOrder;
import io.freshet.plan.parsed.ParsedExpr.SortItem;
import io.freshet.plan.parsed.ParsedExpr.Subquery;
import io.freshet.plan.parsed.ParsedExpr.SubqueryKind;
import io.freshet.plan.parsed.ParsedExpr.WindowFrame;
import io.freshet.plan.parsed.ParsedExpr.WindowSpec;
import io.freshet.plan.parsed.Position;
import io.freshet.sql.FreshetSqlParser.ArithmeticBinaryContext;
import io.freshet.sql.FreshetSqlParser.ArithmeticUnaryContext;
import io.freshet.sql.FreshetSqlParser.BetweenPredicateContext;
import io.freshet.sql.FreshetSqlParser.BooleanExpressionContext;
import io.freshet.sql.FreshetSqlParser.BooleanLiteralContext;
import io.freshet.sql.FreshetSqlParser.CastContext;
import io.freshet.sql.FreshetSqlParser.ColonCastContext;
import io.freshet.sql.FreshetSqlParser.ColumnReferenceContext;
import io.freshet.sql.FreshetSqlParser.ComparisonContext;
import io.freshet.sql.FreshetSqlParser.ConstantDefaultContext;
import io.freshet.sql.FreshetSqlParser.DereferenceContext;
import io.freshet.sql.FreshetSqlParser.DistinctFromPredicateContext;
import io.freshet.sql.FreshetSqlParser.ExistsContext;
import io.freshet.sql.FreshetSqlParser.ExpressionContext;
import io.freshet.sql.FreshetSqlParser.ExtractContext;
import io.freshet.sql.FreshetSqlParser.FrameBoundContext;
import io.freshet.sql.FreshetSqlParser.FunctionCallContext;
import io.freshet.sql.FreshetSqlParser.FunctionCallExpressionContext;
import io.freshet.sql.FreshetSqlParser.FunctionNameContext;
import io.freshet.sql.FreshetSqlParser.InListPredicateContext;
import io.freshet.sql.FreshetSqlParser.InSubqueryPredicateContext;
import io.freshet.sql.FreshetSqlParser.IntervalContext;
import io.freshet.sql.FreshetSqlParser.IntervalLiteralContext;
import io.freshet.sql.FreshetSqlParser.IntervalValueContext;
import io.freshet.sql.FreshetSqlParser.LikePredicateContext;
import io.freshet.sql.FreshetSqlParser.LogicalBinaryContext;
import io.freshet.sql.FreshetSqlParser.LogicalNotContext;
import io.freshet.sql.FreshetSqlParser.NamedExpressionContext;
import io.freshet.sql.FreshetSqlParser.NullLiteralContext;
import io.freshet.sql.FreshetSqlParser.NullPredicateContext;
import io.freshet.sql.FreshetSqlParser.NumberContext;
import io.freshet.sql.FreshetSqlParser.NumericLiteralContext;
import io.freshet.sql.FreshetSqlParser.ParenthesizedExpressionContext;
import io.freshet.sql.FreshetSqlParser.PredicateContext;
import io.freshet.sql.FreshetSqlParser.PredicatedContext;
import io.freshet.sql.FreshetSqlParser.RangeIntervalContext;
import io.freshet.sql.FreshetSqlParser.RegexPredicateContext;
import io.freshet.sql.FreshetSqlParser.RowConstructorContext;
import io.freshet.sql.FreshetSqlParser.SearchedCaseContext;
import io.freshet.sql.FreshetSqlParser.SimpleCaseContext;
import io.freshet.sql.FreshetSqlParser.SortItemContext;
import io.freshet.sql.FreshetSqlParser.StarContext;
import io.freshet.sql.FreshetSqlParser.StringConstantContext;
import io.freshet.sql.FreshetSqlParser.StringIntervalContext;
import io.freshet.sql.FreshetSqlParser.StringLiteralContext;
import io.freshet.sql.FreshetSqlParser.SubqueryExpressionContext;
import io.freshet.sql.FreshetSqlParser.SubscriptContext;
import io.freshet.sql.FreshetSqlParser.SubstringContext;
import io.freshet.sql.FreshetSqlParser.TrimContext;
import io.freshet.sql.FreshetSqlParser.TruthPredicateContext;
import io.freshet.sql.FreshetSqlParser.TypedLiteralContext;
import io.freshet.sql.FreshetSqlParser.UnitIntervalContext;
import io.freshet.sql.FreshetSqlParser.ValueExpressionContext;
import io.freshet.sql.FreshetSqlParser.ValuePrimaryContext;
import io.freshet.sql.FreshetSqlParser.WhenClauseContext;
import io.freshet.sql.FreshetSqlParser.WindowFrameContext;
import io.freshet.sql.FreshetSqlParser.WindowSpecContext;
import io.freshet.sql.Literals.LiteralException;
import io.freshet.sql.Literals.TypedValue;
import io.freshet.types.BooleanType;
import io.freshet.types.DateType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import static java.util.Objects.requireNonNull;

/**
 * Builds {@link ParsedExpr}s from expression parse trees. Operators become {@link FunctionCall}s
 * with canonical names ({@code + - * / % div = <> < <= > >= <=> and or not negate || & | ^ ~ like
 * ilike rlike isnull isnotnull}); {@code IS [NOT] TRUE|FALSE} and {@code IS [NOT] DISTINCT FROM}
 * become {@code <=>} (under {@code not}), as Spark rewrites them. Every expression carries the
 * position of its first token.
 */
final class ExpressionBuilder extends FreshetSqlBaseVisitor<ParsedExpr> {
    private final SourceMap source;
    private final AstBuilder ast;
    private final DataTypeBuilder types;

    ExpressionBuilder(SourceMap source, AstBuilder ast, DataTypeBuilder types) {
        this.source = requireNonNull(source, "source is null");
        this.ast = requireNonNull(ast, "ast is null");
        this.types = requireNonNull(types, "types is null");
    }

    ParsedExpr expression(ExpressionContext context) {
        return visit(context);
    }

    List<ParsedExpr> expressions(List<? extends ParserRuleContext> contexts) {
        List<ParsedExpr> result = new ArrayList<>(contexts.size());
        for (ParserRuleContext context : contexts) {
            result.add(visit(context));
        }
        return result;
    }

    private Position position(ParserRuleContext context) {
        return source.position(context);
    }

    private static FunctionCall call(String name, Position position, ParsedExpr... args) {
        return FunctionCall.of(name, position, args);
    }

    // ----- boolean expressions and predicates

    @Override
    public ParsedExpr visitNamedExpression(NamedExpressionContext context) {
        ParsedExpr expr = visit(context.expression());
        if (context.identifier() != null) {
            return new ParsedExpr.Alias(expr, AstBuilder.identifier(context.identifier()), position(context));
        }
        if (context.strictIdentifier() != null) {
            return new ParsedExpr.Alias(expr, AstBuilder.identifier(context.strictIdentifier()), position(context));
        }
        return expr;
    }

    @Override
    public ParsedExpr visitExpression(ExpressionContext context) {
        return visit(context.booleanExpression());
    }

    @Override
    public ParsedExpr visitLogicalNot(LogicalNotContext context) {
        ParsedExpr operand = visit(context.booleanExpression());
        if (operand instanceof Subquery subquery
                && subquery.kind() == SubqueryKind.EXISTS
                && context.booleanExpression() instanceof ExistsContext) {
            return new Subquery(SubqueryKind.EXISTS, subquery.query(), null, !subquery.negated(), position(context));
        }
        return call("not", position(context), operand);
    }

    @Override
    public ParsedExpr visitExists(ExistsContext context) {
        return new Subquery(SubqueryKind.EXISTS, ast.query(context.query()), null, false, position(context));
    }

    /** Walks a left-deep chain such as {@code a OR b OR c …} in a loop, so long chains do not exhaust the stack. */
    @Override
    public ParsedExpr visitLogicalBinary(LogicalBinaryContext context) {
        List<LogicalBinaryContext> chain = new ArrayList<>();
        BooleanExpressionContext leftmost = context;
        while (leftmost instanceof LogicalBinaryContext binary) {
            chain.add(binary);
            leftmost = binary.left;
        }
        ParsedExpr result = visit(leftmost);
        for (int i = chain.size() - 1; i >= 0; i--) {
            LogicalBinaryContext binary = chain.get(i);
            String name = binary.operator.getType() == FreshetSqlParser.AND ? "and" : "or";
            result = call(name, position(binary), result, visit(binary.right));
        }
        return result;
    }

    @Override
    public ParsedExpr visitPredicated(PredicatedContext context) {
        ParsedExpr value = visit(context.valueExpression());
        if (context.predicate() == null) {
            return value;
        }
        return predicate(value, context.predicate(), position(context));
    }

    private ParsedExpr predicate(ParsedExpr value, PredicateContext context, Position position) {
        return switch (context) {
            case BetweenPredicateContext between ->
                new ParsedExpr.Between(
                        value, visit(between.lower), visit(between.upper), between.NOT() != null, position);
            case InSubqueryPredicateContext in ->
                new Subquery(SubqueryKind.IN, ast.query(in.query()), value, in.NOT() != null, position);
            case InListPredicateContext in ->
                new ParsedExpr.InList(value, expressions(in.expression()), in.NOT() != null, position);
            case RegexPredicateContext regex ->
                negateIf(regex.NOT() != null, call("rlike", position, value, visit(regex.pattern)));
            case LikePredicateContext like -> negateIf(like.NOT() != null, like(value, like, position));
            case NullPredicateContext isNull -> call(isNull.NOT() == null ? "isnull" : "isnotnull", position, value);
            case TruthPredicateContext truth ->
                negateIf(
                        truth.NOT() != null,
                        call(
                                "<=>",
                                position,
                                value,
                                booleanConstant(truth.kind.getType() == FreshetSqlParser.TRUE, truth)));
            case DistinctFromPredicateContext distinct ->
                negateIf(distinct.NOT() == null, call("<=>", position, value, visit(distinct.right)));
            default -> throw new IllegalStateException("unexpected predicate " + context.getClass());
        };
    }

    private ParsedExpr like(ParsedExpr value, LikePredicateContext context, Position position) {
        String name = context.kind.getType() == FreshetSqlParser.LIKE ? "like" : "ilike";
        ParsedExpr pattern = visit(context.pattern);
        if (context.escape == null) {
            return call(name, position, value, pattern);
        }
        String escape = string(context.escape);
        if (escape.length() != 1) {
            throw source.error(
                    context.escape,
                    "The ESCAPE of " + name.toUpperCase(Locale.ROOT) + " must be a single character, not '" + escape
                            + "'");
        }
        return call(name, position, value, pattern, new Constant(escape, StringType.STRING, position(context.escape)));
    }

    private static ParsedExpr negateIf(boolean negate, ParsedExpr expr) {
        return negate ? call("not", expr.position(), expr) : expr;
    }

    private Constant booleanConstant(boolean value, ParserRuleContext context) {
        return new Constant(value, BooleanType.BOOLEAN, position(context));
    }

    // ----- arithmetic and comparison

    @Override
    public ParsedExpr visitValuePrimary(ValuePrimaryContext context) {
        return visit(context.primaryExpression());
    }

    @Override
    public ParsedExpr visitArithmeticUnary(ArithmeticUnaryContext context) {
        Position position = position(context);
        return switch (context.operator.getType()) {
            case FreshetSqlParser.MINUS -> {
                NumberContext number = bareNumber(context.valueExpression());
                yield number != null
                        ? numberConstant("-" + number.getText(), number, position)
                        : call("negate", position, visit(context.valueExpression()));
            }
            case FreshetSqlParser.TILDE -> call("~", position, visit(context.valueExpression()));
            // Unary plus changes nothing.
            default -> visit(context.valueExpression());
        };
    }

    /** The numeric literal that {@code context} is, unparenthesized, or null. */
    private static NumberContext bareNumber(ValueExpressionContext context) {
        if (context instanceof ValuePrimaryContext primary
                && primary.primaryExpression() instanceof ConstantDefaultContext constant
                && constant.constant() instanceof NumericLiteralContext numeric) {
            return numeric.number();
        }
        return null;
    }

    /** Walks a left-deep chain such as {@code a + b + c …} in a loop, so long chains do not exhaust the stack. */
    @Override
    public ParsedExpr visitArithmeticBinary(ArithmeticBinaryContext context) {
        List<ArithmeticBinaryContext> chain = new ArrayList<>();
        ValueExpressionContext leftmost = context;
        while (leftmost instanceof ArithmeticBinaryContext binary) {
            chain.add(binary);
            leftmost = binary.left;
        }
        ParsedExpr result = visit(leftmost);
        for (int i = chain.size() - 1; i >= 0; i--) {
            ArithmeticBinaryContext binary = chain.get(i);
            result = call(operatorName(binary), position(binary), result, visit(binary.right));
        }
        return result;
    }

    private static String operatorName(ArithmeticBinaryContext context) {
        return switch (context.operator.getType()) {
            case FreshetSqlParser.ASTERISK -> "*";
            case FreshetSqlParser.SLASH -> "/";
            case FreshetSqlParser.PERCENT -> "%";
            case FreshetSqlParser.DIV -> "div";
            case FreshetSqlParser.PLUS -> "+";
            case FreshetSqlParser.MINUS -> "-";
            case FreshetSqlParser.CONCAT_PIPE -> "||";
            case FreshetSqlParser.AMPERSAND -> "&";
            case FreshetSqlParser.HAT -> "^";
            case FreshetSqlParser.PIPE -> "|";
            default -> throw new IllegalStateException("unexpected operator " + context.operator.getText());
        };
    }

    @Override
    public ParsedExpr visitComparison(ComparisonContext context) {
        Token operator = context.comparisonOperator().getStart();
        String name =
                switch (operator.getType()) {
                    case FreshetSqlParser.EQ, FreshetSqlParser.DOUBLE_EQ -> "=";
                    case FreshetSqlParser.NEQ, FreshetSqlParser.NEQJ -> "<>";
                    case FreshetSqlParser.LT -> "<";
                    case FreshetSqlParser.LTE -> "<=";
                    case FreshetSqlParser.GT -> ">";
                    case FreshetSqlParser.GTE -> ">=";
                    case FreshetSqlParser.NSEQ -> "<=>";
                    default -> throw new IllegalStateException("unexpected comparison " + operator.getText());
                };
        return call(name, position(context), visit(context.left), visit(context.right));
    }

    // ----- primary expressions

    @Override
    public ParsedExpr visitSearchedCase(SearchedCaseContext context) {
        return caseExpression(null, context.whenClause(), context.elseExpression, context);
    }

    @Override
    public ParsedExpr visitSimpleCase(SimpleCaseContext context) {
        return caseExpression(visit(context.operand), context.whenClause(), context.elseExpression, context);
    }

    private ParsedExpr caseExpression(
            ParsedExpr operand,
            List<WhenClauseContext> clauses,
            ExpressionContext elseContext,
            ParserRuleContext context) {
        List<ParsedExpr> whens = new ArrayList<>();
        List<ParsedExpr> thens = new ArrayList<>();
        for (WhenClauseContext clause : clauses) {
            whens.add(visit(clause.condition));
            thens.add(visit(clause.result));
        }
        ParsedExpr elseResult = elseContext == null ? null : visit(elseContext);
        return new ParsedExpr.Case(operand, whens, thens, elseResult, position(context));
    }

    @Override
    public ParsedExpr visitCast(CastContext context) {
        boolean tryCast = context.kind.getType() == FreshetSqlParser.TRY_CAST;
        return new ParsedExpr.Cast(
                visit(context.expression()), types.dataType(context.dataType()), tryCast, position(context));
    }

    @Override
    public ParsedExpr visitColonCast(ColonCastContext context) {
        return new ParsedExpr.Cast(
                visit(context.primaryExpression()), types.dataType(context.dataType()), false, position(context));
    }

    /** {@code EXTRACT(field FROM source)} is {@code date_part('field', source)}. */
    @Override
    public ParsedExpr visitExtract(ExtractContext context) {
        String field = AstBuilder.identifier(context.field);
        Constant fieldName = new Constant(field, StringType.STRING, position(context.field));
        return call("date_part", position(context), fieldName, visit(context.source));
    }

    @Override
    public ParsedExpr visitSubstring(SubstringContext context) {
        Position position = position(context);
        if (context.len == null) {
            return call("substring", position, visit(context.str), visit(context.pos));
        }
        return call("substring", position, visit(context.str), visit(context.pos), visit(context.len));
    }

    /** {@code TRIM(BOTH|LEADING|TRAILING chars FROM source)} is {@code trim|ltrim|rtrim(source, chars)}. */
    @Override
    public ParsedExpr visitTrim(TrimContext context) {
        String name = context.trimOption == null
                ? "trim"
                : switch (context.trimOption.getType()) {
                    case FreshetSqlParser.LEADING -> "ltrim";
                    case FreshetSqlParser.TRAILING -> "rtrim";
                    default -> "trim";
                };
        Position position = position(context);
        if (context.trimString == null) {
            return call(name, position, visit(context.source));
        }
        return call(name, position, visit(context.source), visit(context.trimString));
    }

    @Override
    public ParsedExpr visitPosition(FreshetSqlParser.PositionContext context) {
        return call("position", position(context), visit(context.substr), visit(context.str));
    }

    @Override
    public ParsedExpr visitConstantDefault(ConstantDefaultContext context) {
        return visit(context.constant());
    }

    @Override
    public ParsedExpr visitStar(StarContext context) {
        List<String> qualifier =
                context.qualifiedName() == null ? List.of() : AstBuilder.qualifiedName(context.qualifiedName());
        List<String> except = new ArrayList<>();
        if (context.starExcept() != null) {
            for (FreshetSqlParser.QualifiedNameContext name :
                    context.starExcept().qualifiedName()) {
                except.add(String.join(".", AstBuilder.qualifiedName(name)));
            }
        }
        return new ParsedExpr.Star(qualifier, except, position(context));
    }

    /** {@code (a, b)} is {@code struct(a, b)}, as in Spark. */
    @Override
    public ParsedExpr visitRowConstructor(RowConstructorContext context) {
        return new FunctionCall(
                "struct", expressions(context.expression()), false, null, null, false, position(context));
    }

    @Override
    public ParsedExpr visitSubqueryExpression(SubqueryExpressionContext context) {
        return new Subquery(SubqueryKind.SCALAR, ast.query(context.query()), null, false, position(context));
    }

    @Override
    public ParsedExpr visitParenthesizedExpression(ParenthesizedExpressionContext context) {
        return visit(context.expression());
    }

    @Override
    public ParsedExpr visitColumnReference(ColumnReferenceContext context) {
        Position position = position(context);
        Token token = context.identifier().getStart();
        if (token.getType() == FreshetSqlParser.IDENTIFIER) {
            // Spark's niladic functions, written without parentheses; backquote the name for a column.
            String lower = token.getText().toLowerCase(Locale.ROOT);
            if (lower.equals("current_date") || lower.equals("current_timestamp")) {
                return call(lower, position);
            }
        }
        return new Identifier(List.of(AstBuilder.identifier(context.identifier())), position);
    }

    @Override
    public ParsedExpr visitDereference(DereferenceContext context) {
        ParsedExpr base = visit(context.base);
        String field = AstBuilder.identifier(context.fieldName);
        boolean nameChain =
                context.base instanceof ColumnReferenceContext || context.base instanceof DereferenceContext;
        if (nameChain && base instanceof Identifier identifier) {
            List<String> parts = new ArrayList<>(identifier.parts());
            parts.add(field);
            return new Identifier(parts, identifier.position());
        }
        return new ParsedExpr.FieldAccess(base, field, position(context));
    }

    @Override
    public ParsedExpr visitSubscript(SubscriptContext context) {
        return new ParsedExpr.Subscript(visit(context.value), visit(context.index), position(context));
    }

    // ----- function calls and windows

    @Override
    public ParsedExpr visitFunctionCallExpression(FunctionCallExpressionContext context) {
        return functionCall(context.functionCall());
    }

    private ParsedExpr functionCall(FunctionCallContext context) {
        Position position = position(context);
        String name = functionName(context.functionName());
        boolean distinct =
                context.setQuantifier() != null && context.setQuantifier().DISTINCT() != null;
        List<ParsedExpr> args = new ArrayList<>();
        for (FreshetSqlParser.FunctionArgumentContext argument : context.functionArgument()) {
            ParsedExpr value = visit(argument.expression());
            args.add(
                    argument.identifier() == null
                            ? value
                            : new ParsedExpr.Alias(
                                    value, AstBuilder.identifier(argument.identifier()), position(argument)));
        }
        if (name.equals("count") && !distinct && args.size() == 1 && isPlainStar(args.get(0))) {
            // count(*) counts rows: count(1), as Spark does.
            args = List.of(new Constant(1, IntType.INT, args.get(0).position()));
        }
        if (args.size() == 3
                && UNIT_FUNCTIONS.contains(name)
                && args.get(0) instanceof ParsedExpr.Identifier unit
                && unit.parts().size() == 1) {
            // timestampadd(DAY, 1, ts): the unit is a keyword, not a column; pass it as its name.
            args = new ArrayList<>(args);
            args.set(0, new Constant(unit.name().toUpperCase(Locale.ROOT), StringType.STRING, unit.position()));
        }
        ParsedExpr filter = context.filter == null ? null : visit(context.filter);
        boolean ignoreNulls = context.nullsOption != null && context.nullsOption.getType() == FreshetSqlParser.IGNORE;
        WindowSpec over = context.windowSpec() == null ? null : windowSpec(context.windowSpec());
        return new FunctionCall(name, args, distinct, filter, over, ignoreNulls, position);
    }

    /** Functions whose three-argument form starts with a unit keyword, as {@code timestampdiff(HOUR, a, b)}. */
    private static final Set<String> UNIT_FUNCTIONS =
            Set.of("timestampadd", "dateadd", "date_add", "timestampdiff", "datediff", "date_diff");

    private static boolean isPlainStar(ParsedExpr expr) {
        return expr instanceof ParsedExpr.Star star
                && star.qualifier().isEmpty()
                && star.except().isEmpty();
    }

    /** The lower-case name of a function; qualified names are joined with dots. */
    static String functionName(FunctionNameContext context) {
        if (context.qualifiedName() == null) {
            return context.getText().toLowerCase(Locale.ROOT);
        }
        return String.join(".", AstBuilder.qualifiedName(context.qualifiedName()))
                .toLowerCase(Locale.ROOT);
    }

    WindowSpec windowSpec(WindowSpecContext context) {
        if (context.name != null) {
            return ast.namedWindow(context.name);
        }
        List<ParsedExpr> partitionBy = expressions(context.partition);
        List<SortItem> orderBy = sortItems(context.sortItem());
        WindowFrame frame = context.windowFrame() == null ? null : windowFrame(context.windowFrame());
        return new WindowSpec(partitionBy, orderBy, frame);
    }

    private WindowFrame windowFrame(WindowFrameContext context) {
        FrameType type = context.frameType.getType() == FreshetSqlParser.ROWS ? FrameType.ROWS : FrameType.RANGE;
        FrameBound start = frameBound(context.start);
        FrameBound end = context.end == null ? new FrameBound(BoundType.CURRENT_ROW, null) : frameBound(context.end);
        return new WindowFrame(type, start, end);
    }

    private FrameBound frameBound(FrameBoundContext context) {
        if (context.CURRENT() != null) {
            return new FrameBound(BoundType.CURRENT_ROW, null);
        }
        boolean preceding = context.boundType.getType() == FreshetSqlParser.PRECEDING;
        if (context.UNBOUNDED() != null) {
            return new FrameBound(preceding ? BoundType.UNBOUNDED_PRECEDING : BoundType.UNBOUNDED_FOLLOWING, null);
        }
        return new FrameBound(preceding ? BoundType.PRECEDING : BoundType.FOLLOWING, visit(context.offset));
    }

    List<SortItem> sortItems(List<SortItemContext> contexts) {
        List<SortItem> items = new ArrayList<>(contexts.size());
        for (SortItemContext context : contexts) {
            boolean ascending = context.ordering == null || context.ordering.getType() == FreshetSqlParser.ASC;
            NullOrder nullOrder = context.nullOrder == null
                    ? NullOrder.DEFAULT
                    : context.nullOrder.getType() == FreshetSqlParser.FIRST ? NullOrder.FIRST : NullOrder.LAST;
            items.add(new SortItem(visit(context.expression()), ascending, nullOrder));
        }
        return items;
    }

    // ----- literals

    @Override
    public ParsedExpr visitNullLiteral(NullLiteralContext context) {
        return new Constant(null, NullType.NULL, position(context));
    }

    @Override
    public ParsedExpr visitBooleanLiteral(BooleanLiteralContext context) {
        return booleanConstant(context.booleanValue().TRUE() != null, context);
    }

    @Override
    public ParsedExpr visitStringConstant(StringConstantContext context) {
        return new Constant(string(context.stringLiteral()), StringType.STRING, position(context));
    }

    @Override
    public ParsedExpr visitNumericLiteral(NumericLiteralContext context) {
        return numberConstant(context.getText(), context, position(context));
    }

    private Constant numberConstant(String text, ParserRuleContext context, Position position) {
        try {
            TypedValue value = Literals.number(text);
            return new Constant(value.value(), value.type(), position);
        } catch (LiteralException e) {
            throw source.error(context, e.getMessage());
        }
    }

    /**
     * {@code DATE '…'} is a date constant; {@code TIMESTAMP '…'} (and its {@code _NTZ}/{@code _LTZ}
     * forms) is a cast of the string, so that a timestamp without zone is read in the session time
     * zone when the cast is evaluated.
     */
    @Override
    public ParsedExpr visitTypedLiteral(TypedLiteralContext context) {
        String text = string(context.stringLiteral());
        Position position = position(context);
        if (context.kind.getType() == FreshetSqlParser.DATE) {
            try {
                return new Constant(Literals.date(text), DateType.DATE, position);
            } catch (LiteralException e) {
                throw source.error(context, e.getMessage());
            }
        }
        Constant string = new Constant(text, StringType.STRING, position(context.stringLiteral()));
        return new ParsedExpr.Cast(string, TimestampType.TIMESTAMP, false, position);
    }

    @Override
    public ParsedExpr visitIntervalLiteral(IntervalLiteralContext context) {
        return new Constant(intervalMicros(context.interval()), IntervalType.INTERVAL, position(context));
    }

    /** The microseconds of an interval literal. */
    long intervalMicros(IntervalContext context) {
        try {
            return switch (context) {
                case UnitIntervalContext units -> unitInterval(units);
                case RangeIntervalContext range ->
                    Intervals.parseRange(
                            intervalValue(range.intervalValue()),
                            Intervals.unit(AstBuilder.identifier(range.from)),
                            Intervals.unit(AstBuilder.identifier(range.to)));
                case StringIntervalContext string -> Intervals.parseUnitString(string(string.stringLiteral()));
                default -> throw new IllegalStateException("unexpected interval " + context.getClass());
            };
        } catch (LiteralException e) {
            throw source.error(context, e.getMessage());
        }
    }

    private long unitInterval(UnitIntervalContext context) {
        long total = 0;
        for (int i = 0; i < context.intervalValue().size(); i++) {
            Intervals.Unit unit;
            try {
                unit = Intervals.unit(AstBuilder.identifier(context.intervalUnit.get(i)));
            } catch (LiteralException e) {
                throw source.error(context.intervalUnit.get(i), e.getMessage());
            }
            total = Intervals.add(total, Intervals.micros(intervalValue(context.intervalValue(i)), unit));
        }
        return total;
    }

    private String intervalValue(IntervalValueContext context) {
        if (context.stringLiteral() != null) {
            return string(context.stringLiteral());
        }
        return context.getText();
    }

    /** The value of adjacent string literals, concatenated. */
    static String string(StringLiteralContext context) {
        List<TerminalNode> parts = context.STRING();
        if (parts.size() == 1) {
            return Literals.unescape(parts.get(0).getText());
        }
        StringBuilder result = new StringBuilder();
        for (TerminalNode part : parts) {
            result.append(Literals.unescape(part.getText()));
        }
        return result.toString();
    }
}
