package io.freshet.stream.checkpoint;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A directory of one file per micro-batch, named by the batch id ({@code offsets/7}), each a versioned JSON
 * entry; the shared mechanics of {@link OffsetLog} and {@link CommitLog}.
 *
 * <p>Entries are write-once: writing an entry whose file exists is accepted only when the existing entry is
 * equal (a retried write after a crash), and refused otherwise, because a different entry for the same batch
 * means that another run of the query is using the same checkpoint, or that the logs were edited. Names that
 * are not decimal numbers (temporary files of interrupted writes, {@code .crc} files) are ignored.
 */
final class BatchLog<T> {
    /** How entries of one log are written to and read from JSON. */
    interface Codec<T> {
        long batchId(T entry);

        void write(T entry, Json.Writer writer);

        /** Reads an entry; throws {@link IllegalArgumentException} or a corrupt-file error for bad content. */
        T read(Path file, Json.Reader reader);
    }

    private final Path directory;
    private final Codec<T> codec;

    BatchLog(Path directory, Codec<T> codec) {
        this.directory = requireNonNull(directory, "directory is null");
        this.codec = requireNonNull(codec, "codec is null");
    }

    Path directory() {
        return directory;
    }

    Path file(long batchId) {
        return directory.resolve(Long.toString(batchId));
    }

    void write(T entry) {
        requireNonNull(entry, "entry is null");
        long batchId = codec.batchId(entry);
        checkArgument(batchId >= 0, "batchId must be non-negative: %s", batchId);
        Path file = file(batchId);
        if (Files.exists(file)) {
            T existing = read(file);
            if (existing.equals(entry)) {
                return;
            }
            throw new FreshetException(
                    ErrorCode.IO_ERROR,
                    "Checkpoint file " + file + " already holds a different entry for batch " + batchId
                            + "; another run of this query may be using the same checkpoint directory. Stop it,"
                            + " or give this run its own checkpoint directory");
        }
        Json.Writer writer = new Json.Writer();
        codec.write(entry, writer);
        CheckpointFiles.writeAtomically(file, CheckpointText.versioned(writer.toString()));
    }

    Optional<T> get(long batchId) {
        Path file = file(batchId);
        if (batchId < 0 || !Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    Optional<T> latest() {
        List<Long> ids = batchIds();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(file(ids.get(ids.size() - 1))));
    }

    /** The ids of the entries present, ascending. */
    List<Long> batchIds() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : files.toList()) {
                long id = parseBatchId(path.getFileName().toString());
                if (id >= 0) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot list checkpoint directory " + directory + ": " + e, e);
        }
        Collections.sort(ids);
        return List.copyOf(ids);
    }

    void purgeBefore(long batchId) {
        for (long id : batchIds()) {
            if (id >= batchId) {
                break;
            }
            try {
                Files.deleteIfExists(file(id));
            } catch (IOException e) {
                throw new FreshetException(
                        ErrorCode.IO_ERROR, "Cannot delete checkpoint file " + file(id) + ": " + e, e);
            }
        }
    }

    private T read(Path file) {
        String text = CheckpointFiles.read(file);
        T entry;
        try {
            Json.Reader reader = new Json.Reader(CheckpointText.unversioned(file, text));
            entry = codec.read(file, reader);
            reader.endDocument();
        } catch (IllegalArgumentException e) {
            throw CheckpointText.corrupt(file, e);
        }
        long expected = Long.parseLong(file.getFileName().toString());
        if (codec.batchId(entry) != expected) {
            throw CheckpointText.corrupt(file, "it holds batch " + codec.batchId(entry) + " instead of " + expected);
        }
        return entry;
    }

    /** The batch id a file name stands for, or -1 when the name is not a plain decimal number. */
    static long parseBatchId(String name) {
        if (name.isEmpty() || name.length() > 18) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        if (name.length() > 1 && name.charAt(0) == '0') {
            return -1;
        }
        return Long.parseLong(name);
    }
}
