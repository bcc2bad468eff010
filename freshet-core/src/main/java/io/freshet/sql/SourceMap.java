package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.plan.parsed.Position;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import static io.freshet.util.Checks.checkArgument;

/**
 * Maps token positions of a statement to positions in the text it came from: a statement of a
 * script starts at {@code startLine:startColumn} of the script, so its first line is shifted by
 * both and its other lines by the line only.
 */
record SourceMap(int startLine, int startColumn) {
    static final SourceMap IDENTITY = new SourceMap(1, 1);

    SourceMap {
        checkArgument(startLine >= 1, "startLine must be at least 1: %s", startLine);
        checkArgument(startColumn >= 1, "startColumn must be at least 1: %s", startColumn);
    }

    Position position(Token token) {
        return new Position(line(token.getLine()), column(token.getLine(), token.getCharPositionInLine()));
    }

    Position position(ParserRuleContext context) {
        return position(context.getStart());
    }

    int line(int tokenLine) {
        return startLine + tokenLine - 1;
    }

    /** The 1-based column of a 0-based position in a 1-based line of the statement. */
    int column(int tokenLine, int charPositionInLine) {
        return tokenLine == 1 ? startColumn + charPositionInLine : charPositionInLine + 1;
    }

    AnalysisException error(Token token, String message) {
        return error(ErrorCode.PARSE_ERROR, token, message);
    }

    AnalysisException error(ErrorCode code, Token token, String message) {
        Position position = position(token);
        return new AnalysisException(code, position.line(), position.column(), message);
    }

    AnalysisException error(ParserRuleContext context, String message) {
        return error(context.getStart(), message);
    }

    /**
     * The statement text preceded by blank lines and spaces so that its lines and columns match the
     * script's, for the excerpt and caret that {@link AnalysisException#getMessage()} shows.
     */
    String displayText(String text) {
        return "\n".repeat(startLine - 1) + " ".repeat(startColumn - 1) + text;
    }
}
