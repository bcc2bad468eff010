package io.freshet.stream.checkpoint;

import io.freshet.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The commit log of a streaming query, {@code <checkpoint>/commits/<batchId>}: the entry of batch N is written
 * once the sink and the state have committed batch N. Same format and write-once rule as {@link OffsetLog}.
 */
public final class CommitLog {
    /** The log's directory name inside the checkpoint directory. */
    public static final String DIRECTORY = "commits";

    private final BatchLog<CommitEntry> log;

    public CommitLog(Path checkpointDir) {
        requireNonNull(checkpointDir, "checkpointDir is null");
        this.log = new BatchLog<>(checkpointDir.resolve(DIRECTORY), new Codec());
    }

    /**
     * Writes the entry of {@code entry.batchId()} atomically.
     *
     * @throws io.freshet.FreshetException with {@code IO_ERROR} when a different entry for that batch exists or
     *     the file cannot be written
     */
    public void write(CommitEntry entry) {
        log.write(entry);
    }

    /** The entry with the highest batch id, or empty when no batch was committed. */
    public Optional<CommitEntry> latest() {
        return log.latest();
    }

    /** The entry of {@code batchId}, or empty when that batch was not committed or was purged. */
    public Optional<CommitEntry> get(long batchId) {
        return log.get(batchId);
    }

    /** The batch ids present, ascending. */
    public List<Long> batchIds() {
        return log.batchIds();
    }

    /** Deletes the entries of batches before {@code batchId}. */
    public void purgeBefore(long batchId) {
        log.purgeBefore(batchId);
    }

    /** The file of a batch's entry (for messages and tests). */
    public Path file(long batchId) {
        return log.file(batchId);
    }

    private static final class Codec implements BatchLog.Codec<CommitEntry> {
        @Override
        public long batchId(CommitEntry entry) {
            return entry.batchId();
        }

        @Override
        public void write(CommitEntry entry, Json.Writer writer) {
            writer.beginObject()
                    .name("batchId")
                    .value(entry.batchId())
                    .name("nextWatermarkMicros")
                    .value(entry.nextWatermarkMicros())
                    .name("inputWatermarksMicros")
                    .longs(entry.inputWatermarksMicros())
                    .endObject();
        }

        @Override
        public CommitEntry read(Path file, Json.Reader reader) {
            Long batchId = null;
            Long nextWatermark = null;
            List<Long> inputWatermarks = List.of();
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "batchId" -> batchId = reader.nextLong();
                    case "nextWatermarkMicros" -> nextWatermark = reader.nextLong();
                    case "inputWatermarksMicros" -> inputWatermarks = CheckpointText.readLongs(reader);
                    default -> reader.skipValue(); // written by a newer Freshet; not needed here
                }
            }
            reader.endObject();
            if (batchId == null) {
                throw CheckpointText.missing(file, "batchId");
            }
            if (nextWatermark == null) {
                throw CheckpointText.missing(file, "nextWatermarkMicros");
            }
            return new CommitEntry(batchId, nextWatermark, inputWatermarks);
        }
    }
}
