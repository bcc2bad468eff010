package io.freshet.stream.checkpoint;

import io.freshet.util.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The write-ahead entry of micro-batch {@code batchId} ({@code offsets/<batchId>}): where each source ends for
 * this batch, and the time values the batch runs with, so that a restart re-runs it identically.
 *
 * @param sourceOffsets each source's end offset as its JSON text, in the query's source order; null for a source
 *     that has had no data yet
 * @param batchWatermarkMicros the event-time watermark the batch runs with, in microseconds; {@link
 *     Long#MIN_VALUE} when there is none yet
 * @param inputWatermarksMicros the watermark of each watermarked input, in the same units ({@link Long#MIN_VALUE}
 *     for none yet)
 * @param batchTimestampMillis the processing time of the batch ({@code current_timestamp()}), epoch milliseconds
 * @param conf configuration pinned for the life of the checkpoint (state partitions, watermark policy, ...)
 */
public record OffsetEntry(
        long batchId,
        List<String> sourceOffsets,
        long batchWatermarkMicros,
        List<Long> inputWatermarksMicros,
        long batchTimestampMillis,
        Map<String, String> conf) {
    public OffsetEntry {
        checkArgument(batchId >= 0, "batchId must be non-negative: %s", batchId);
        requireNonNull(sourceOffsets, "sourceOffsets is null");
        for (String offset : sourceOffsets) {
            checkArgument(
                    offset == null || Json.isCompactValue(offset),
                    "a source offset must be one JSON value without surrounding white space: %s",
                    offset);
        }
        // Copied by hand: List.copyOf refuses the nulls that stand for sources without data.
        sourceOffsets = Collections.unmodifiableList(new ArrayList<>(sourceOffsets));
        inputWatermarksMicros = List.copyOf(inputWatermarksMicros);
        conf = Map.copyOf(conf);
    }
}
