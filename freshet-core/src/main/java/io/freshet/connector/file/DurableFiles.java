package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Writes files so that a crash leaves either the old file or the complete new one, and so that what a write
 * returned from survives a power loss: content to a hidden temporary name in the same directory, fsync,
 * atomic rename, fsync of the directory. Used by the streaming sinks and their manifest.
 */
public final class DurableFiles {
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final int BUFFER_SIZE = 1 << 16;

    private DurableFiles() {}

    /**
     * Replaces {@code target} atomically with {@code content}: readers see the old file or the new one, never
     * a part. The temporary file is named {@code .<target name>.<uuid>.tmp}, hidden from the file readers.
     *
     * @throws FreshetException with {@code IO_ERROR}
     */
    public static void writeAtomically(Path target, byte[] content) {
        requireNonNull(content, "content is null");
        writeAtomically(target, out -> out.write(content));
    }

    /** Writes a file's content to a stream; the stream is buffered, and closed by the caller. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} atomically with the bytes {@code content} writes, streamed to the temporary file
     * (see {@link #writeAtomically(Path, byte[])}).
     *
     * @throws FreshetException with {@code IO_ERROR}
     */
    public static void writeAtomically(Path target, Content content) {
        requireNonNull(target, "target is null");
        requireNonNull(content, "content is null");
        Path directory = parent(target);
        Path temporary = directory.resolve(temporaryPrefix(target) + UUID.randomUUID() + TEMPORARY_SUFFIX);
        boolean renamed = false;
        try {
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            // Renaming within one directory is atomic on the local file systems Freshet writes to.
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
            syncDirectory(directory);
        } catch (IOException e) {
            throw new FreshetException(ErrorCode.IO_ERROR, "Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (!renamed) {
                deleteQuietly(temporary);
            }
        }
    }

    /** Deletes a temporary file after a failed write; the failure being reported matters more than this one. */
    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Left behind, the file is hidden from readers and removed by deleteLeftovers on the next write.
        }
    }

    /**
     * Deletes the temporary files that interrupted {@link #writeAtomically} calls for {@code target} left behind
     * (a crash between writing and renaming).
     *
     * @throws FreshetException with {@code IO_ERROR}
     */
    public static void deleteLeftovers(Path target) {
        Path directory = parent(target);
        if (!Files.isDirectory(directory)) {
            return;
        }
        String prefix = temporaryPrefix(target);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException e) {
            throw new FreshetException(ErrorCode.IO_ERROR, "Cannot clean up " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Forces a written file's content to the storage device.
     *
     * @throws FreshetException with {@code IO_ERROR}
     */
    public static void sync(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new FreshetException(ErrorCode.IO_ERROR, "Cannot sync " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forces a directory's entries (new, renamed files) to the storage device where the platform allows it. */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open or sync a directory; the rename is then as durable as the
            // file system makes it on its own, which is the best available there.
        }
    }

    private static Path parent(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        requireNonNull(parent, "target has no parent directory");
        return parent;
    }

    private static String temporaryPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }
}
