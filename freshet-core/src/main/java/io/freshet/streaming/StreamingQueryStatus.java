package io.freshet.streaming;

/**
 * What a streaming query is doing right now.
 *
 * @param message e.g. {@code Waiting for data to arrive}, {@code Processing new data}, {@code Stopped}
 * @param isDataAvailable whether the last check of the sources found new data
 * @param isTriggerActive whether a micro-batch is running
 */
public record StreamingQueryStatus(String message, boolean isDataAvailable, boolean isTriggerActive) {}
