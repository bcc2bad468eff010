package io.freshet.stream.checkpoint;

import io.freshet.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The write-ahead log of a streaming query's micro-batches, {@code <checkpoint>/offsets/<batchId>}: the entry of
 * batch N is written before batch N runs, so that a restart re-runs an uncommitted batch with the same offsets.
 *
 * <p>A file is the line {@code v1} and one JSON object; each source offset is embedded as its own JSON text, and
 * read back byte for byte. Entries are write-once: {@link #write} of an existing batch is a no-op when the entry
 * is equal (a retry) and refused with {@code IO_ERROR} when it differs, since that means two runs share the
 * checkpoint. An unknown version line or malformed content is an {@code IO_ERROR} naming the file.
 */
public final class OffsetLog {
    /** The log's directory name inside the checkpoint directory. */
    public static final String DIRECTORY = "offsets";

    private final BatchLog<OffsetEntry> log;

    public OffsetLog(Path checkpointDir) {
        requireNonNull(checkpointDir, "checkpointDir is null");
        this.log = new BatchLog<>(checkpointDir.resolve(DIRECTORY), new Codec());
    }

    /**
     * Writes the entry of {@code entry.batchId()} atomically.
     *
     * @throws io.freshet.FreshetException with {@code IO_ERROR} when a different entry for that batch exists or
     *     the file cannot be written
     */
    public void write(OffsetEntry entry) {
        log.write(entry);
    }

    /** The entry with the highest batch id, or empty for a new checkpoint; gaps below it do not matter. */
    public Optional<OffsetEntry> latest() {
        return log.latest();
    }

    /** The entry of {@code batchId}, or empty when it was never written or was purged. */
    public Optional<OffsetEntry> get(long batchId) {
        return log.get(batchId);
    }

    /** The batch ids present, ascending. */
    public List<Long> batchIds() {
        return log.batchIds();
    }

    /** Deletes the entries of batches before {@code batchId} (those no restart can need any more). */
    public void purgeBefore(long batchId) {
        log.purgeBefore(batchId);
    }

    /** The file of a batch's entry (for messages and tests). */
    public Path file(long batchId) {
        return log.file(batchId);
    }

    private static final class Codec implements BatchLog.Codec<OffsetEntry> {
        @Override
        public long batchId(OffsetEntry entry) {
            return entry.batchId();
        }

        @Override
        public void write(OffsetEntry entry, Json.Writer writer) {
            writer.beginObject().name("batchId").value(entry.batchId()).name("sourceOffsets");
            writer.beginArray();
            for (String offset : entry.sourceOffsets()) {
                if (offset == null) {
                    writer.nullValue();
                } else {
                    writer.rawValue(offset);
                }
            }
            writer.endArray();
            writer.name("batchWatermarkMicros").value(entry.batchWatermarkMicros());
            writer.name("inputWatermarksMicros").longs(entry.inputWatermarksMicros());
            writer.name("batchTimestampMillis").value(entry.batchTimestampMillis());
            writer.name("conf");
            CheckpointText.writeStringMap(writer, entry.conf());
            writer.endObject();
        }

        @Override
        public OffsetEntry read(Path file, Json.Reader reader) {
            Long batchId = null;
            List<String> sourceOffsets = null;
            Long batchWatermark = null;
            List<Long> inputWatermarks = List.of();
            Long batchTimestamp = null;
            Map<String, String> conf = Map.of();
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "batchId" -> batchId = reader.nextLong();
                    case "sourceOffsets" -> sourceOffsets = readOffsets(reader);
                    case "batchWatermarkMicros" -> batchWatermark = reader.nextLong();
                    case "inputWatermarksMicros" -> inputWatermarks = CheckpointText.readLongs(reader);
                    case "batchTimestampMillis" -> batchTimestamp = reader.nextLong();
                    case "conf" -> conf = CheckpointText.readStringMap(reader);
                    default -> reader.skipValue(); // written by a newer Freshet; not needed here
                }
            }
            reader.endObject();
            if (batchId == null) {
                throw CheckpointText.missing(file, "batchId");
            }
            if (sourceOffsets == null) {
                throw CheckpointText.missing(file, "sourceOffsets");
            }
            if (batchWatermark == null) {
                throw CheckpointText.missing(file, "batchWatermarkMicros");
            }
            if (batchTimestamp == null) {
                throw CheckpointText.missing(file, "batchTimestampMillis");
            }
            return new OffsetEntry(batchId, sourceOffsets, batchWatermark, inputWatermarks, batchTimestamp, conf);
        }

        private static List<String> readOffsets(Json.Reader reader) {
            List<String> offsets = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
                if (reader.peek() == Json.Token.NULL) {
                    reader.nextNull();
                    offsets.add(null);
                } else {
                    offsets.add(reader.nextRaw());
                }
            }
            reader.endArray();
            return offsets;
        }
    }
}
