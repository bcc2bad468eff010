package io.freshet.streaming;

/**
 * What one source delivered in a micro-batch.
 *
 * @param startOffset the offset the batch started after (JSON; null at the beginning)
 * @param endOffset the offset the batch read up to (JSON)
 */
public record SourceProgress(
        String description,
        String startOffset,
        String endOffset,
        long numInputRows,
        double inputRowsPerSecond,
        double processedRowsPerSecond) {}
