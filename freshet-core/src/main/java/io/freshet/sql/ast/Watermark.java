package io.freshet.sql.ast;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The watermark of a table reference, {@code WATERMARK ts DELAY OF INTERVAL 10 MINUTES}: event time
 * column and the allowed lateness in microseconds.
 */
public record Watermark(ParsedExpr column, long delayMicros, Position position) {
    public Watermark {
        requireNonNull(column, "column is null");
        checkArgument(delayMicros >= 0, "watermark delay must not be negative: %s", delayMicros);
    }
}
