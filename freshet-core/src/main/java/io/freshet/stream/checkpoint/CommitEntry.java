package io.freshet.stream.checkpoint;

import java.util.List;

import static io.freshet.util.Checks.checkArgument;

/**
 * The commit record of micro-batch {@code batchId} ({@code commits/<batchId>}), written once its sink output and
 * state are committed; it carries the watermark the next batch starts with.
 *
 * @param nextWatermarkMicros the query's watermark after this batch, in microseconds; {@link Long#MIN_VALUE}
 *     when there is none yet
 * @param inputWatermarksMicros the watermark of each watermarked input after this batch
 */
public record CommitEntry(long batchId, long nextWatermarkMicros, List<Long> inputWatermarksMicros) {
    public CommitEntry {
        checkArgument(batchId >= 0, "batchId must be non-negative: %s", batchId);
        inputWatermarksMicros = List.copyOf(inputWatermarksMicros);
    }
}
