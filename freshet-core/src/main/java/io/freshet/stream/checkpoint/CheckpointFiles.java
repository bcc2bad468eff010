package io.freshet.stream.checkpoint;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Reads and atomically writes the small text files of a checkpoint directory.
 *
 * <p>A write goes to a temporary file in the target's directory (named {@code .<name>.<random>.tmp}, so that
 * listings of log entries never see it), is forced to disk, and is renamed over the target in one atomic step;
 * then the directory is forced so that the rename itself survives a power loss. A crash leaves either the old
 * file or the new one, plus at most a temporary file that readers ignore. Forcing to disk can be turned off
 * with {@code -Dfreshet.checkpoint.fsync=false} (tests, throw-away checkpoints): the rename stays atomic, but a
 * machine crash may then lose the latest files.
 */
public final class CheckpointFiles {
    /** The system property that turns forcing to disk off when set to {@code false}. */
    public static final String FSYNC_PROPERTY = "freshet.checkpoint.fsync";

    private static final String TEMP_SUFFIX = ".tmp";

    private CheckpointFiles() {}

    /**
     * Replaces {@code file} with {@code content} (UTF-8) atomically, creating its directory when missing.
     *
     * @throws FreshetException with {@code IO_ERROR} naming the file when it cannot be written
     */
    public static void writeAtomically(Path file, String content) {
        requireNonNull(file, "file is null");
        requireNonNull(content, "content is null");
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Path temp = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        boolean fsync = fsyncEnabled();
        try {
            Files.createDirectories(directory);
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                if (fsync) {
                    channel.force(true);
                }
            }
            // On POSIX file systems an atomic move is rename(2), which replaces an existing target.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (fsync) {
                forceDirectory(directory);
            }
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(temp);
            throw new FreshetException(
                    ErrorCode.IO_ERROR,
                    "Cannot write checkpoint file " + file + ": the file system does not support atomic renames;"
                            + " put the checkpoint on a local or POSIX file system",
                    e);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot write checkpoint file " + file + ": " + describe(e), e);
        }
    }

    /**
     * The content of {@code file} as UTF-8 text.
     *
     * @throws FreshetException with {@code IO_ERROR} naming the file when it is missing or cannot be read
     */
    public static String read(Path file) {
        requireNonNull(file, "file is null");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot read checkpoint file " + file + ": " + describe(e), e);
        }
    }

    /**
     * Writes {@code json} atomically as a versioned file: the line {@code v1}, then the JSON. Sources use it for
     * the files of their metadata directory.
     */
    public static void writeVersioned(Path file, String json) {
        writeAtomically(file, CheckpointText.versioned(json));
    }

    /**
     * The JSON part of a file written by {@link #writeVersioned}.
     *
     * @throws FreshetException with {@code IO_ERROR} naming the file when it cannot be read, lacks the version
     *     line, or was written by a newer format version
     */
    public static String readVersioned(Path file) {
        return CheckpointText.unversioned(file, read(file));
    }

    /** The error for a checkpoint file whose content is wrong: names the file, the problem and what to do. */
    public static FreshetException corrupt(Path file, String problem) {
        return CheckpointText.corrupt(file, problem);
    }

    /** Whether a file name is one of the temporary names {@link #writeAtomically} uses. */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
    }

    static boolean fsyncEnabled() {
        return !"false"
                .equalsIgnoreCase(System.getProperty(FSYNC_PROPERTY, "true").trim());
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open or force a directory; the rename is then as durable as the
            // file system makes it, which is the best available there.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The write already failed with a better error; a leftover temporary file is ignored by readers.
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.toString();
    }
}
