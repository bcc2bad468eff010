package io.freshet.streaming;

/**
 * What one stateful operator did in a micro-batch and holds after it.
 *
 * @param operatorName e.g. {@code aggregate}, {@code deduplicate}
 * @param numRowsTotal state entries held after the batch
 * @param numRowsUpdated entries written in the batch
 * @param numRowsRemoved entries evicted in the batch
 * @param numRowsDroppedByWatermark late input dropped in the batch (for aggregations: late partial groups)
 * @param memoryUsedBytes memory the state holds
 * @param commitTimeMs time the state commit took
 */
public record StateOperatorProgress(
        String operatorName,
        long numRowsTotal,
        long numRowsUpdated,
        long numRowsRemoved,
        long numRowsDroppedByWatermark,
        long memoryUsedBytes,
        long commitTimeMs) {}
