package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.sql.FreshetSqlParser.ColumnDefinitionContext;
import io.freshet.sql.ast.ColumnDefinition;
import io.freshet.sql.ast.Query;
import io.freshet.sql.ast.Statement;
import io.freshet.types.DataType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import static java.util.Objects.requireNonNull;

/**
 * Parses Freshet's SQL dialect (Spark SQL plus the streaming clauses) into the statement AST of
 * {@code io.freshet.sql.ast}, and expressions into {@link ParsedExpr}. All entry points are static
 * and thread-safe.
 *
 * <p>Parsing runs ANTLR in SLL mode first, which is fast for typical queries, and falls back to full
 * LL only when SLL fails. Syntax errors are {@link AnalysisException}s with code {@link
 * ErrorCode#PARSE_ERROR}, the 1-based line and column of the offending token, a message in Spark's
 * words ({@code Syntax error at or near 'FORM': did you mean 'FROM'?}) and the query text, so that
 * {@link AnalysisException#getMessage()} shows the line with a caret.
 */
public final class SqlParser {
    /**
     * The deepest nesting of parentheses and brackets accepted: far beyond what people write, and
     * well within what the recursive-descent parser handles on a default thread stack.
     */
    static final int MAX_NESTING = 500;

    private SqlParser() {}

    /**
     * Parses a {@code ;}-separated script of statements (empty statements are skipped).
     *
     * @throws AnalysisException if a statement is not valid; its position is in the whole script
     */
    public static List<Statement> parseStatements(String sql) {
        List<Statement> statements = new ArrayList<>();
        for (SqlScripts.ScriptStatement statement : SqlScripts.split(sql)) {
            statements.add(parseStatement(statement.text(), statement.line(), statement.column()));
        }
        return statements;
    }

    /**
     * Parses one statement (a trailing {@code ;} is allowed).
     *
     * @throws AnalysisException if the text is not one valid statement
     */
    public static Statement parseStatement(String sql) {
        return parseStatement(sql, 1, 1);
    }

    /**
     * Parses one statement that starts at {@code startLine:startColumn} (1-based) of a larger script,
     * as {@link SqlScripts#split} reports; positions in the AST and in errors are in the script.
     *
     * @throws AnalysisException if the text is not one valid statement
     */
    public static Statement parseStatement(String sql, int startLine, int startColumn) {
        return parse(
                sql,
                new SourceMap(startLine, startColumn),
                FreshetSqlParser::singleStatement,
                (builder, tree) -> builder.statement(tree.statement()));
    }

    /**
     * Parses a query ({@code SELECT …}, {@code VALUES …}, {@code WITH …}, set operations).
     *
     * @throws AnalysisException if the text is not a valid query
     */
    public static Query parseQuery(String sql) {
        Statement statement = parseStatement(sql);
        if (statement instanceof Statement.QueryStatement query) {
            return query.query();
        }
        throw new AnalysisException(
                        ErrorCode.PARSE_ERROR,
                        statement.position().line(),
                        statement.position().column(),
                        "Expected a query (SELECT, VALUES or WITH), not a statement of another kind")
                .withQueryText(sql);
    }

    /**
     * Parses one expression, optionally with an alias ({@code a + 1 AS b}), as the DataFrame API's
     * {@code expr} and {@code filter} take it.
     *
     * @throws AnalysisException if the text is not one valid expression
     */
    public static ParsedExpr parseExpression(String text) {
        return parse(
                text, SourceMap.IDENTITY, FreshetSqlParser::singleExpression, (builder, tree) -> builder.expressions()
                        .visit(tree.namedExpression()));
    }

    /**
     * Parses a schema in DDL form, e.g. {@code ts TIMESTAMP, user_id BIGINT NOT NULL, s STRUCT<a: INT>
     * COMMENT 'x'}; names may be backquoted, comments are dropped, and an empty text is an empty
     * schema.
     *
     * @throws AnalysisException if the text is not a valid schema or names a column twice
     */
    public static Schema parseSchema(String ddl) {
        return parse(ddl, SourceMap.IDENTITY, FreshetSqlParser::singleSchema, (builder, tree) -> {
            List<Field> fields = new ArrayList<>();
            List<ColumnDefinitionContext> columns = tree.columnDefinition();
            for (ColumnDefinition column : builder.columnDefinitions(columns)) {
                fields.add(column.toField());
            }
            return new Schema(fields);
        });
    }

    /**
     * Parses a data type, e.g. {@code DECIMAL(10, 2)} or {@code ARRAY<STRUCT<a: INT, b: STRING>>}.
     *
     * @throws AnalysisException if the text is not a supported data type
     */
    public static DataType parseDataType(String text) {
        return parse(text, SourceMap.IDENTITY, FreshetSqlParser::singleDataType, (builder, tree) -> builder.types()
                .dataType(tree.dataType()));
    }

    private static <C extends ParserRuleContext, R> R parse(
            String text, SourceMap source, Function<FreshetSqlParser, C> entry, BiFunction<AstBuilder, C, R> build) {
        requireNonNull(text, "text is null");
        try {
            CodePointCharStream input = CharStreams.fromString(text);
            FreshetSqlLexer lexer = new FreshetSqlLexer(input);
            lexer.removeErrorListeners();
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            tokens.fill();
            checkCommentsAndNesting(tokens, source);
            C tree = parseTree(tokens, source, entry);
            return build.apply(new AstBuilder(source, input), tree);
        } catch (AnalysisException e) {
            throw e.withQueryText(source.displayText(text));
        } catch (StackOverflowError e) {
            throw new AnalysisException(ErrorCode.PARSE_ERROR, source.startLine(), source.startColumn(), tooDeep())
                    .withQueryText(source.displayText(text));
        }
    }

    /** Parses in SLL mode, bailing out at the first error, then in LL mode with error reporting. */
    private static <C extends ParserRuleContext> C parseTree(
            CommonTokenStream tokens, SourceMap source, Function<FreshetSqlParser, C> entry) {
        FreshetSqlParser parser = new FreshetSqlParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return entry.apply(parser);
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(new SyntaxErrorListener(source));
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return entry.apply(parser);
        }
    }

    private static void checkCommentsAndNesting(CommonTokenStream tokens, SourceMap source) {
        int depth = 0;
        for (Token token : tokens.getTokens()) {
            switch (token.getType()) {
                case FreshetSqlLexer.LEFT_PAREN, FreshetSqlLexer.LEFT_BRACKET -> depth++;
                case FreshetSqlLexer.RIGHT_PAREN, FreshetSqlLexer.RIGHT_BRACKET -> depth--;
                default -> {}
            }
            if (depth > MAX_NESTING) {
                throw source.error(token, tooDeep());
            }
            if (isUnclosedComment(token)) {
                throw source.error(token, "The comment starting here is not closed; add */");
            }
        }
    }

    private static String tooDeep() {
        return "The statement is nested too deeply to parse (more than " + MAX_NESTING
                + " levels); split it up, e.g. with WITH clauses";
    }

    /** Whether a token is a bracketed comment that runs to the end of the input without its {@code *}{@code /}. */
    static boolean isUnclosedComment(Token token) {
        if (token.getType() != FreshetSqlLexer.BRACKETED_COMMENT) {
            return false;
        }
        String text = token.getText();
        int depth = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
                depth++;
                i++;
            } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                depth--;
                i++;
            }
        }
        return depth > 0;
    }
}
