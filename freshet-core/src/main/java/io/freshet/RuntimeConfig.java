package io.freshet;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's settings ({@code SET key = value} in SQL, {@code session.conf()} in Java). Keys are
 * lowercase dotted names with the unit in the name, as STYLE.md asks.
 */
public final class RuntimeConfig {
    /** Threads a query runs on; default: the machine's cores. */
    public static final String PARALLELISM = "freshet.parallelism";
    /** Bytes of memory one query may hold in hash tables and buffers; default: 60% of the heap. */
    public static final String MEMORY_LIMIT_BYTES = "freshet.memory.limit-bytes";
    /** The session time zone, for timestamps read and printed as text; default UTC. */
    public static final String TIME_ZONE = "freshet.session.time-zone";
    /** Spark's name for the session time zone, accepted as an alias. */
    public static final String SPARK_TIME_ZONE = "spark.sql.session.timeZone";

    private final Map<String, String> values = new ConcurrentHashMap<>();

    RuntimeConfig(Map<String, String> initial) {
        initial.forEach(this::set);
    }

    public RuntimeConfig set(String key, String value) {
        String normalized = normalize(key);
        validate(normalized, value);
        values.put(normalized, value);
        return this;
    }

    public RuntimeConfig set(String key, long value) {
        return set(key, Long.toString(value));
    }

    public String get(String key) {
        String normalized = normalize(key);
        String value = values.get(normalized);
        return value != null ? value : defaultValue(normalized);
    }

    public void unset(String key) {
        values.remove(normalize(key));
    }

    /** Every explicitly set key, sorted. */
    public Map<String, String> getAll() {
        return new TreeMap<>(values);
    }

    public int parallelism() {
        return Integer.parseInt(get(PARALLELISM));
    }

    public long memoryLimitBytes() {
        return Long.parseLong(get(MEMORY_LIMIT_BYTES));
    }

    public ZoneId timeZone() {
        return ZoneId.of(get(TIME_ZONE));
    }

    private static String normalize(String key) {
        String lower = key.trim();
        return lower.equalsIgnoreCase(SPARK_TIME_ZONE) ? TIME_ZONE : lower;
    }

    private static String defaultValue(String key) {
        return switch (key) {
            case PARALLELISM -> Integer.toString(Runtime.getRuntime().availableProcessors());
            case MEMORY_LIMIT_BYTES ->
                Long.toString((long) (Runtime.getRuntime().maxMemory() * 0.6));
            case TIME_ZONE -> "UTC";
            default -> null;
        };
    }

    private static void validate(String key, String value) {
        try {
            switch (key) {
                case PARALLELISM -> {
                    if (Integer.parseInt(value) < 1) {
                        throw new NumberFormatException();
                    }
                }
                case MEMORY_LIMIT_BYTES -> {
                    if (Long.parseLong(value) < 1) {
                        throw new NumberFormatException();
                    }
                }
                case TIME_ZONE -> ZoneId.of(value);
                default -> {}
            }
        } catch (RuntimeException e) {
            throw new FreshetException(
                    ErrorCode.INVALID_OPTION,
                    "Invalid value for setting '" + key + "': '" + value + "'"
                            + switch (key) {
                                case PARALLELISM -> "; expected a positive number of threads";
                                case MEMORY_LIMIT_BYTES -> "; expected a positive number of bytes";
                                case TIME_ZONE -> "; expected a zone id such as UTC, Europe/Paris or +02:00";
                                default -> "";
                            });
        }
    }
}
