package io.freshet;

/**
 * A query that cannot run as written: a parse error, an unknown name, a type mismatch, a shape the
 * engine refuses. Carries the position ({@code line:column}, both 1-based) of the offending part of
 * the query text when it came from SQL.
 */
public class AnalysisException extends FreshetException {
    private final int line;
    private final int column;
    private String queryText;

    public AnalysisException(ErrorCode errorCode, String message) {
        this(errorCode, 0, 0, message);
    }

    public AnalysisException(ErrorCode errorCode, int line, int column, String message) {
        super(errorCode, message);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line of the problem in the query text, or 0 when there is no position. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem in the query text, or 0 when there is no position. */
    public int column() {
        return column;
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** Attaches the query text so that {@link #getMessage()} can show the line with a caret. */
    public AnalysisException withQueryText(String text) {
        if (queryText == null) {
            this.queryText = text;
        }
        return this;
    }

    /** The message without position or excerpt. */
    public String plainMessage() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        if (!hasPosition()) {
            return super.getMessage();
        }
        StringBuilder message = new StringBuilder();
        message.append(super.getMessage())
                .append(" (line ")
                .append(line)
                .append(':')
                .append(column)
                .append(')');
        if (queryText != null) {
            String[] lines = queryText.split("\r\n|\r|\n", -1);
            if (line <= lines.length) {
                message.append('\n').append(lines[line - 1]).append('\n');
                message.append(" ".repeat(Math.max(0, column - 1))).append('^');
            }
        }
        return message.toString();
    }
}
