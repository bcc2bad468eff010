package io.freshet.sql;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Splits a SQL script into its {@code ;}-separated statements with the SQL lexer, so that a {@code
 * ;} inside a comment ({@code --}, {@code /* *\/}), a string literal or a backquoted name does not
 * end a statement. Each statement keeps its starting line and column in the script; pass them to
 * {@link SqlParser#parseStatement(String, int, int)} so that errors point into the script.
 */
public final class SqlScripts {
    private SqlScripts() {}

    /**
     * One statement of a script: its text without the ending {@code ;} (nor comments before it or
     * after its last token), and where it starts in the script (1-based line and column).
     */
    public record ScriptStatement(String text, int line, int column) {
        public ScriptStatement {
            requireNonNull(text, "text is null");
            checkArgument(line >= 1 && column >= 1, "line and column are 1-based: %s:%s", line, column);
        }
    }

    /** The non-empty statements of {@code script}, in order. */
    public static List<ScriptStatement> split(String script) {
        requireNonNull(script, "script is null");
        CodePointCharStream input = CharStreams.fromString(script);
        FreshetSqlLexer lexer = new FreshetSqlLexer(input);
        lexer.removeErrorListeners();
        List<ScriptStatement> statements = new ArrayList<>();
        Token first = null;
        Token last = null;
        for (Token token = lexer.nextToken(); ; token = lexer.nextToken()) {
            int type = token.getType();
            if (type == Token.EOF || type == FreshetSqlLexer.SEMICOLON) {
                if (first != null) {
                    String text = input.getText(Interval.of(first.getStartIndex(), last.getStopIndex()));
                    statements.add(new ScriptStatement(text, first.getLine(), first.getCharPositionInLine() + 1));
                }
                if (type == Token.EOF) {
                    return statements;
                }
                first = null;
                last = null;
            } else if (token.getChannel() == Token.DEFAULT_CHANNEL || SqlParser.isUnclosedComment(token)) {
                // An unclosed comment stays in the statement so that parsing it reports the comment.
                if (first == null) {
                    first = token;
                }
                last = token;
            }
        }
    }
}
