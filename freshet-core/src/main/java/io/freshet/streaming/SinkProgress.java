package io.freshet.streaming;

/** What the sink received in a micro-batch. */
public record SinkProgress(String description, long numOutputRows) {}
