package io.freshet.stream.checkpoint;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a checkpoint directory's {@code metadata} file records about its query: the id that sinks use as their
 * idempotency key, the engine version that created it, the fingerprint of the query's plan (to detect changed
 * queries on restart), and configuration fixed for the life of the checkpoint.
 */
public record QueryMetadata(String queryId, String engineVersion, String planFingerprint, Map<String, String> conf) {
    public QueryMetadata {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(engineVersion, "engineVersion is null");
        requireNonNull(planFingerprint, "planFingerprint is null");
        conf = Map.copyOf(conf);
    }
}
