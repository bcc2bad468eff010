package io.freshet.plan.parsed;

/** A place in the query text: 1-based line and column; {@link #NONE} for DataFrame-built expressions. */
public record Position(int line, int column) {
    public static final Position NONE = new Position(0, 0);

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
