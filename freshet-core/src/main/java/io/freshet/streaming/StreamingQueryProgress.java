package io.freshet.streaming;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report of one micro-batch, with the fields Spark users know from {@code lastProgress}, plus the
 * end-to-end latency percentiles.
 *
 * @param timestamp when the micro-batch started (ISO-8601, UTC)
 * @param durationMs time per phase: {@code latestOffset}, {@code walCommit}, {@code queryPlanning},
 *     {@code addBatch}, {@code commitOffsets}, {@code triggerExecution}
 * @param eventTime {@code min}, {@code max}, {@code avg} of the batch's event times and the {@code
 *     watermark} it ran with (ISO-8601), when the query has a watermark
 * @param latencyMs end-to-end latency, from a row's event time to the sink's commit of its batch:
 *     {@code p50}, {@code p95}, {@code p99}, {@code max} over a sample of the batch's rows (empty without an
 *     event-time column)
 */
public record StreamingQueryProgress(
        UUID id,
        UUID runId,
        String name,
        String timestamp,
        long batchId,
        long numInputRows,
        double inputRowsPerSecond,
        double processedRowsPerSecond,
        Map<String, Long> durationMs,
        Map<String, String> eventTime,
        List<StateOperatorProgress> stateOperators,
        List<SourceProgress> sources,
        SinkProgress sink,
        Map<String, Long> latencyMs) {
    public StreamingQueryProgress {
        durationMs = Map.copyOf(durationMs);
        eventTime = Map.copyOf(eventTime);
        stateOperators = List.copyOf(stateOperators);
        sources = List.copyOf(sources);
        latencyMs = Map.copyOf(latencyMs);
    }

    /** The progress as one line of JSON, in Spark's field names. */
    public String json() {
        StringBuilder out = new StringBuilder(512);
        out.append('{');
        field(out, "id", id.toString()).append(',');
        field(out, "runId", runId.toString()).append(',');
        field(out, "name", name).append(',');
        field(out, "timestamp", timestamp).append(',');
        out.append("\"batchId\":").append(batchId).append(',');
        out.append("\"numInputRows\":").append(numInputRows).append(',');
        out.append("\"inputRowsPerSecond\":").append(number(inputRowsPerSecond)).append(',');
        out.append("\"processedRowsPerSecond\":")
                .append(number(processedRowsPerSecond))
                .append(',');
        out.append("\"durationMs\":");
        longs(out, durationMs).append(',');
        out.append("\"eventTime\":{");
        boolean first = true;
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(eventTime).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            field(out, entry.getKey(), entry.getValue());
        }
        out.append("},\"stateOperators\":[");
        for (int i = 0; i < stateOperators.size(); i++) {
            StateOperatorProgress operator = stateOperators.get(i);
            out.append(i == 0 ? "{" : ",{");
            field(out, "operatorName", operator.operatorName()).append(',');
            out.append("\"numRowsTotal\":").append(operator.numRowsTotal()).append(',');
            out.append("\"numRowsUpdated\":").append(operator.numRowsUpdated()).append(',');
            out.append("\"numRowsRemoved\":").append(operator.numRowsRemoved()).append(',');
            out.append("\"numRowsDroppedByWatermark\":")
                    .append(operator.numRowsDroppedByWatermark())
                    .append(',');
            out.append("\"memoryUsedBytes\":")
                    .append(operator.memoryUsedBytes())
                    .append(',');
            out.append("\"commitTimeMs\":").append(operator.commitTimeMs()).append('}');
        }
        out.append("],\"sources\":[");
        for (int i = 0; i < sources.size(); i++) {
            SourceProgress source = sources.get(i);
            out.append(i == 0 ? "{" : ",{");
            field(out, "description", source.description()).append(',');
            out.append("\"startOffset\":")
                    .append(source.startOffset() == null ? "null" : source.startOffset())
                    .append(',');
            out.append("\"endOffset\":")
                    .append(source.endOffset() == null ? "null" : source.endOffset())
                    .append(',');
            out.append("\"numInputRows\":").append(source.numInputRows()).append(',');
            out.append("\"inputRowsPerSecond\":")
                    .append(number(source.inputRowsPerSecond()))
                    .append(',');
            out.append("\"processedRowsPerSecond\":")
                    .append(number(source.processedRowsPerSecond()))
                    .append('}');
        }
        out.append("],\"sink\":{");
        field(out, "description", sink.description()).append(',');
        out.append("\"numOutputRows\":").append(sink.numOutputRows()).append("},\"latencyMs\":");
        longs(out, latencyMs);
        return out.append('}').toString();
    }

    private static StringBuilder longs(StringBuilder out, Map<String, Long> values) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(values).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, entry.getKey()).append(':').append(entry.getValue());
        }
        return out.append('}');
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "0.0";
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        quote(out, name).append(':');
        return value == null ? out.append("null") : quote(out, value);
    }

    private static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    @Override
    public String toString() {
        return json();
    }
}
