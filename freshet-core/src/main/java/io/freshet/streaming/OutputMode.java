package io.freshet.streaming;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import java.util.Locale;

/** What a streaming query writes to its sink each trigger, as in Spark Structured Streaming. */
public enum OutputMode {
    /** Only new rows that can never change again (windows once the watermark passes their end). */
    APPEND,
    /** The rows of the result that changed in this trigger. */
    UPDATE,
    /** The whole result table, every trigger (aggregations only). */
    COMPLETE;

    /** Parses {@code append}, {@code update} or {@code complete}, in any case. */
    public static OutputMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "append" -> APPEND;
            case "update" -> UPDATE;
            case "complete" -> COMPLETE;
            default ->
                throw new AnalysisException(
                        ErrorCode.INVALID_OPTION, "Unknown output mode '" + text + "': use append, update or complete");
        };
    }
}
