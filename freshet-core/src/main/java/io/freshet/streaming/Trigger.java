package io.freshet.streaming;

import io.freshet.expr.Intervals;

import static io.freshet.util.Checks.checkArgument;

/**
 * When a streaming query runs its micro-batches. The names follow Spark's {@code Trigger}, so that
 * {@code Trigger.ProcessingTime("1 second")} reads the same.
 */
public sealed interface Trigger {

    /**
     * The default: the next micro-batch starts as soon as the previous one ended and new data (or a
     * watermark that closes windows) is there, for the lowest latency.
     */
    record Continuous() implements Trigger {}

    /**
     * Micro-batches start on multiples of the interval; a batch that overruns starts the next one at
     * once, and missed intervals are not caught up in a burst.
     */
    record ProcessingTime(long intervalMillis) implements Trigger {
        public ProcessingTime {
            checkArgument(intervalMillis >= 0, "the interval must not be negative: %s", intervalMillis);
        }
    }

    /**
     * Processes what is available when the query starts, in micro-batches within the sources' rate
     * limits, runs the final no-data micro-batch, then stops.
     */
    record AvailableNow() implements Trigger {}

    /** Processes what is available when the query starts in one micro-batch (ignoring rate limits), then stops. */
    record Once() implements Trigger {}

    /** A micro-batch every {@code interval} (e.g. {@code "1 second"}, {@code "500 milliseconds"}). */
    @SuppressWarnings("MethodName")
    static Trigger ProcessingTime(String interval) {
        return new ProcessingTime(Intervals.parseMicros(interval) / 1000);
    }

    @SuppressWarnings("MethodName")
    static Trigger ProcessingTime(long intervalMillis) {
        return new ProcessingTime(intervalMillis);
    }

    @SuppressWarnings("MethodName")
    static Trigger AvailableNow() {
        return new AvailableNow();
    }

    @SuppressWarnings("MethodName")
    static Trigger Once() {
        return new Once();
    }

    /**
     * Parses a trigger as the command line and SQL properties write it: {@code available-now}, {@code
     * once}, {@code continuous} (the low-latency default) or an interval such as {@code 5 seconds}.
     */
    static Trigger parse(String text) {
        String trimmed = text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (trimmed) {
            case "available-now", "availablenow", "available_now" -> new AvailableNow();
            case "once" -> new Once();
            case "continuous", "default", "" -> new Continuous();
            default -> {
                try {
                    yield new ProcessingTime(Intervals.parseMicros(trimmed) / 1000);
                } catch (RuntimeException e) {
                    throw new io.freshet.AnalysisException(
                            io.freshet.ErrorCode.INVALID_OPTION,
                            "Unknown trigger '" + text + "': use available-now, once, continuous or an interval such as"
                                    + " '5 seconds'");
                }
            }
        };
    }

    /** The low-latency default trigger (Freshet's continuous mode runs micro-batches back to back). */
    @SuppressWarnings("MethodName")
    static Trigger Continuous() {
        return new Continuous();
    }
}
