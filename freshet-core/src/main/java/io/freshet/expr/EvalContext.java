package io.freshet.expr;

import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * What expression evaluation may depend on besides its input: the session time zone and the query's
 * start time, fixed once per query so that {@code current_timestamp()} is the same in every row.
 *
 * @param currentTimestampMicros the query's start, microseconds since the epoch
 */
public record EvalContext(ZoneId timeZone, long currentTimestampMicros) {
    public EvalContext {
        requireNonNull(timeZone, "timeZone is null");
    }

    /** A context in UTC at the current time (tests and constant folding). */
    public static EvalContext utcNow() {
        java.time.Instant now = java.time.Instant.now();
        return new EvalContext(ZoneId.of("UTC"), now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
    }
}
