package io.freshet.streaming;

import io.freshet.util.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        Json.Writer out = new Json.Writer()
                .beginObject()
                .name("id")
                .value(id.toString())
                .name("runId")
                .value(runId.toString())
                .name("name");
        if (name == null) {
            out.nullValue();
        } else {
            out.value(name);
        }
        out.name("timestamp")
                .value(timestamp)
                .name("batchId")
                .value(batchId)
                .name("numInputRows")
                .value(numInputRows)
                .name("inputRowsPerSecond")
                .rawValue(number(inputRowsPerSecond))
                .name("processedRowsPerSecond")
                .rawValue(number(processedRowsPerSecond))
                .name("durationMs");
        longs(out, durationMs);
        out.name("eventTime")
                .value(new TreeMap<>(eventTime))
                .name("stateOperators")
                .beginArray();
        for (StateOperatorProgress operator : stateOperators) {
            out.beginObject()
                    .name("operatorName")
                    .value(operator.operatorName())
                    .name("numRowsTotal")
                    .value(operator.numRowsTotal())
                    .name("numRowsUpdated")
                    .value(operator.numRowsUpdated())
                    .name("numRowsRemoved")
                    .value(operator.numRowsRemoved())
                    .name("numRowsDroppedByWatermark")
                    .value(operator.numRowsDroppedByWatermark())
                    .name("memoryUsedBytes")
                    .value(operator.memoryUsedBytes())
                    .name("commitTimeMs")
                    .value(operator.commitTimeMs())
                    .endObject();
        }
        out.endArray().name("sources").beginArray();
        for (SourceProgress source : sources) {
            out.beginObject().name("description").value(source.description()).name("startOffset");
            raw(out, source.startOffset());
            out.name("endOffset");
            raw(out, source.endOffset());
            out.name("numInputRows")
                    .value(source.numInputRows())
                    .name("inputRowsPerSecond")
                    .rawValue(number(source.inputRowsPerSecond()))
                    .name("processedRowsPerSecond")
                    .rawValue(number(source.processedRowsPerSecond()))
                    .endObject();
        }
        out.endArray()
                .name("sink")
                .beginObject()
                .name("description")
                .value(sink.description())
                .name("numOutputRows")
                .value(sink.numOutputRows())
                .endObject()
                .name("latencyMs");
        longs(out, latencyMs);
        return out.endObject().toString();
    }

    private static void longs(Json.Writer out, Map<String, Long> values) {
        out.beginObject();
        for (Map.Entry<String, Long> entry : new TreeMap<>(values).entrySet()) {
            out.name(entry.getKey()).value(entry.getValue());
        }
        out.endObject();
    }

    private static void raw(Json.Writer out, String json) {
        if (json == null) {
            out.nullValue();
        } else {
            out.rawValue(json);
        }
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "0.0";
    }

    @Override
    public String toString() {
        return json();
    }
}
