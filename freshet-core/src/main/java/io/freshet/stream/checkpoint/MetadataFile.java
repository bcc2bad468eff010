package io.freshet.stream.checkpoint;

import io.freshet.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code metadata} file of a checkpoint directory: one JSON object with the {@link QueryMetadata}. It has no
 * version line, as Spark's; unknown members are ignored so that newer writers stay readable.
 */
public final class MetadataFile {
    /** The file's name inside the checkpoint directory. */
    public static final String NAME = "metadata";

    private MetadataFile() {}

    /**
     * The metadata of the checkpoint, or empty when the directory or its metadata file does not exist.
     *
     * @throws io.freshet.FreshetException with {@code IO_ERROR} naming the file when it cannot be read or parsed
     */
    public static Optional<QueryMetadata> read(Path checkpointDir) {
        requireNonNull(checkpointDir, "checkpointDir is null");
        Path file = checkpointDir.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = CheckpointFiles.read(file);
        try {
            return Optional.of(parse(file, text));
        } catch (IllegalArgumentException e) {
            throw CheckpointText.corrupt(file, e);
        }
    }

    /**
     * Writes (or replaces) the metadata file atomically.
     *
     * @throws io.freshet.FreshetException with {@code IO_ERROR} naming the file when it cannot be written
     */
    public static void write(Path checkpointDir, QueryMetadata metadata) {
        requireNonNull(checkpointDir, "checkpointDir is null");
        requireNonNull(metadata, "metadata is null");
        Json.Writer writer = new Json.Writer()
                .beginObject()
                .name("queryId")
                .value(metadata.queryId())
                .name("engineVersion")
                .value(metadata.engineVersion())
                .name("planFingerprint")
                .value(metadata.planFingerprint())
                .name("conf");
        CheckpointText.writeStringMap(writer, metadata.conf());
        writer.endObject();
        CheckpointFiles.writeAtomically(checkpointDir.resolve(NAME), writer + "\n");
    }

    private static QueryMetadata parse(Path file, String text) {
        Json.Reader reader = new Json.Reader(text);
        String queryId = null;
        String engineVersion = null;
        String planFingerprint = null;
        Map<String, String> conf = Map.of();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "queryId" -> queryId = reader.nextString();
                case "engineVersion" -> engineVersion = reader.nextString();
                case "planFingerprint" -> planFingerprint = reader.nextString();
                case "conf" -> conf = CheckpointText.readStringMap(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        reader.endDocument();
        if (queryId == null) {
            throw CheckpointText.missing(file, "queryId");
        }
        if (engineVersion == null) {
            throw CheckpointText.missing(file, "engineVersion");
        }
        if (planFingerprint == null) {
            throw CheckpointText.missing(file, "planFingerprint");
        }
        return new QueryMetadata(queryId, engineVersion, planFingerprint, conf);
    }
}
