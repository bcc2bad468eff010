package io.freshet.stream.exec;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import java.util.Locale;
import java.util.Map;

/** The configuration keys of streaming queries, their defaults, and which ones a checkpoint pins. */
public final class StreamingConf {
    /** Key groups the state is spread over; fixed at a query's first run. */
    public static final String KEY_GROUPS = "freshet.state.key-groups";
    /** {@code memory} (default) or {@code rocksdb}; fixed at a query's first run. */
    public static final String STATE_PROVIDER = "freshet.state.provider";
    /** {@code min} (default) or {@code max}: how the watermarks of several inputs combine; fixed at the first run. */
    public static final String WATERMARK_POLICY = "freshet.streaming.multiple-watermark-policy";
    /** How long the default trigger waits between looks at idle sources (milliseconds, default 10). */
    public static final String POLL_INTERVAL_MS = "freshet.streaming.poll-interval-ms";
    /** How many progress reports {@code recentProgress()} keeps (default 100). */
    public static final String NUM_RECENT_PROGRESS = "freshet.streaming.num-recent-progress";
    /** Whether a micro-batch without new data runs when the watermark moved (default true, as Spark). */
    public static final String NO_DATA_BATCHES = "freshet.streaming.no-data-micro-batches";
    /** How many batches of offset and commit logs are kept (default 100, Spark's minBatchesToRetain). */
    public static final String MIN_BATCHES_TO_RETAIN = "freshet.streaming.min-batches-to-retain";

    /** The settings a checkpoint records at the first run and refuses to change later. */
    static final String[] PINNED = {KEY_GROUPS, STATE_PROVIDER, WATERMARK_POLICY};

    private final Map<String, String> values;

    StreamingConf(Map<String, String> values) {
        this.values = values;
    }

    String get(String key, String defaultValue) {
        String value = values.get(key);
        return value == null ? defaultValue : value.trim();
    }

    boolean isSet(String key) {
        return values.containsKey(key);
    }

    long getLong(String key, long defaultValue) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new AnalysisException(
                    ErrorCode.INVALID_OPTION, "Configuration " + key + " must be a number, got '" + value + "'");
        }
    }

    boolean getBoolean(String key, boolean defaultValue) {
        String value = values.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    /** The value of a pinned setting for a new checkpoint. */
    String pinnedDefault(String key) {
        return switch (key) {
            case KEY_GROUPS -> Long.toString(getLong(KEY_GROUPS, io.freshet.state.KeyGroups.DEFAULT));
            case STATE_PROVIDER -> get(STATE_PROVIDER, "memory").toLowerCase(Locale.ROOT);
            case WATERMARK_POLICY -> {
                String policy = get(WATERMARK_POLICY, "min").toLowerCase(Locale.ROOT);
                if (!policy.equals("min") && !policy.equals("max")) {
                    throw new AnalysisException(
                            ErrorCode.INVALID_OPTION, WATERMARK_POLICY + " must be min or max, got '" + policy + "'");
                }
                yield policy;
            }
            default -> throw new IllegalArgumentException(key);
        };
    }
}
