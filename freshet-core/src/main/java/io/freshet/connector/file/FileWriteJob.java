package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.SaveMode;
import io.freshet.data.Batch;
import io.freshet.types.Schema;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.freshet.util.Checks.checkArgument;
import static io.freshet.util.Checks.checkState;
import static java.util.Objects.requireNonNull;

/**
 * Writes a CSV or JSON dataset as a directory of part files, as Spark's file writers do.
 *
 * <p>Each part ({@link #newPart()}, one per writing thread) is written under {@code
 * <dir>/_temporary/<job id>/} and named {@code part-<n>-<job id>.<csv|json>[.gz]}; {@link #commit()} moves the
 * finished parts into the directory and writes an empty {@code _SUCCESS} marker; readers skip names starting
 * with {@code _}, so a reader never sees a half-written part. Save modes: {@code ERROR_IF_EXISTS} fails at
 * {@link #start} with {@code PATH_ALREADY_EXISTS} when the directory exists and is not empty; {@code IGNORE}
 * then writes nothing ({@code start} returns empty); {@code APPEND} adds parts; {@code OVERWRITE} deletes the old
 * contents at commit, only once all new parts are complete. On failure, {@link #abort()} deletes the
 * temporary files and leaves the directory as it was.
 *
 * <p>A streaming file sink writes each micro-batch as a job of its own ({@link #startMicroBatch}): it appends,
 * names its parts {@code part-<batch id>-<uuid>.<csv|json>[.gz]} and writes no {@code _SUCCESS} marker, since
 * the sink's manifest ({@link FileSinkManifest}) commits the batch instead.
 */
public final class FileWriteJob {
    private static final String TEMPORARY = "_temporary";
    private static final String SUCCESS = "_SUCCESS";

    private final Path directory;
    private final FileFormat format;
    private final SaveMode mode;
    private final Schema schema;
    private final CsvOptions csvOptions;
    private final JsonOptions jsonOptions;
    private final ValueFormatter formatter;
    private final String jobId = UUID.randomUUID().toString();
    private final Path temporaryDirectory;
    private final List<PartWriter> parts = new ArrayList<>();
    /** The micro-batch a streaming sink writes, or -1 for a batch write. */
    private final long batchId;

    private boolean finished;

    private FileWriteJob(
            Path directory,
            FileFormat format,
            SaveMode mode,
            Schema schema,
            CsvOptions csvOptions,
            JsonOptions jsonOptions,
            ValueFormatter formatter,
            long batchId) {
        this.directory = directory;
        this.format = format;
        this.mode = mode;
        this.schema = schema;
        this.csvOptions = csvOptions;
        this.jsonOptions = jsonOptions;
        this.formatter = formatter;
        this.batchId = batchId;
        this.temporaryDirectory = directory.resolve(TEMPORARY).resolve(jobId);
    }

    /**
     * Starts writing CSV to {@code directory}; empty when the save mode is IGNORE and the directory has data.
     *
     * @throws FreshetException with {@code PATH_ALREADY_EXISTS} (mode ERROR_IF_EXISTS and existing data) or
     *     {@code IO_ERROR}
     */
    public static Optional<FileWriteJob> start(
            Path directory, Schema schema, CsvOptions options, SaveMode mode, ZoneId zone) {
        requireNonNull(options, "options is null");
        ValueFormatter formatter = new ValueFormatter(zone, options.dateFormat(), options.timestampFormat(), true);
        return start(new FileWriteJob(directory, FileFormat.CSV, mode, schema, options, null, formatter, -1));
    }

    /**
     * Starts writing JSON Lines to {@code directory}; empty when the save mode is IGNORE and the directory has
     * data.
     *
     * @throws FreshetException with {@code PATH_ALREADY_EXISTS} (mode ERROR_IF_EXISTS and existing data) or
     *     {@code IO_ERROR}
     */
    public static Optional<FileWriteJob> start(
            Path directory, Schema schema, JsonOptions options, SaveMode mode, ZoneId zone) {
        requireNonNull(options, "options is null");
        ValueFormatter formatter =
                new ValueFormatter(zone, options.dateFormat(), options.timestampFormat(), options.ignoreNullFields());
        return start(new FileWriteJob(directory, FileFormat.JSON, mode, schema, null, options, formatter, -1));
    }

    /**
     * Starts writing micro-batch {@code batchId} of a streaming file sink as CSV into {@code directory}.
     *
     * @throws FreshetException with {@code IO_ERROR}, also when {@code directory} is a file
     */
    public static FileWriteJob startMicroBatch(
            Path directory, Schema schema, CsvOptions options, ZoneId zone, long batchId) {
        requireNonNull(options, "options is null");
        checkArgument(batchId >= 0, "batchId must be non-negative: %s", batchId);
        ValueFormatter formatter = new ValueFormatter(zone, options.dateFormat(), options.timestampFormat(), true);
        return start(new FileWriteJob(
                        directory, FileFormat.CSV, SaveMode.APPEND, schema, options, null, formatter, batchId))
                .orElseThrow();
    }

    /**
     * Starts writing micro-batch {@code batchId} of a streaming file sink as JSON Lines into {@code directory}.
     *
     * @throws FreshetException with {@code IO_ERROR}, also when {@code directory} is a file
     */
    public static FileWriteJob startMicroBatch(
            Path directory, Schema schema, JsonOptions options, ZoneId zone, long batchId) {
        requireNonNull(options, "options is null");
        checkArgument(batchId >= 0, "batchId must be non-negative: %s", batchId);
        ValueFormatter formatter =
                new ValueFormatter(zone, options.dateFormat(), options.timestampFormat(), options.ignoreNullFields());
        return start(new FileWriteJob(
                        directory, FileFormat.JSON, SaveMode.APPEND, schema, null, options, formatter, batchId))
                .orElseThrow();
    }

    /** Writes all batches as one part file and commits; false when IGNORE skipped the write. */
    public static boolean writeAll(
            Path directory, Schema schema, CsvOptions options, SaveMode mode, ZoneId zone, Iterable<Batch> batches) {
        Optional<FileWriteJob> job = start(directory, schema, options, mode, zone);
        job.ifPresent(j -> j.writeAndCommit(batches));
        return job.isPresent();
    }

    /** Writes all batches as one part file and commits; false when IGNORE skipped the write. */
    public static boolean writeAll(
            Path directory, Schema schema, JsonOptions options, SaveMode mode, ZoneId zone, Iterable<Batch> batches) {
        Optional<FileWriteJob> job = start(directory, schema, options, mode, zone);
        job.ifPresent(j -> j.writeAndCommit(batches));
        return job.isPresent();
    }

    private void writeAndCommit(Iterable<Batch> batches) {
        try {
            try (PartWriter part = newPart()) {
                for (Batch batch : batches) {
                    part.write(batch);
                }
            }
            commit();
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private static Optional<FileWriteJob> start(FileWriteJob job) {
        requireNonNull(job.directory, "directory is null");
        requireNonNull(job.schema, "schema is null");
        requireNonNull(job.mode, "mode is null");
        Path directory = job.directory;
        try {
            if (Files.exists(directory) && hasData(directory)) {
                switch (job.mode) {
                    case ERROR_IF_EXISTS ->
                        throw new FreshetException(
                                ErrorCode.PATH_ALREADY_EXISTS,
                                "Path already exists: " + directory
                                        + "; write somewhere else, or use save mode 'overwrite' or 'append'");
                    case IGNORE -> {
                        return Optional.empty();
                    }
                    case APPEND, OVERWRITE -> {
                        if (!Files.isDirectory(directory)) {
                            if (job.mode == SaveMode.APPEND) {
                                throw new FreshetException(
                                        ErrorCode.IO_ERROR,
                                        "Cannot append to " + directory + ": it is a file, not a directory");
                            }
                            // Overwriting a plain file: it has to go before a directory can take its place.
                            Files.delete(directory);
                        }
                    }
                }
            }
            Files.createDirectories(job.temporaryDirectory);
        } catch (IOException e) {
            throw new FreshetException(ErrorCode.IO_ERROR, "Cannot prepare " + directory + ": " + e.getMessage(), e);
        }
        return Optional.of(job);
    }

    private static boolean hasData(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return entries.iterator().hasNext();
        }
    }

    public Path directory() {
        return directory;
    }

    public FileFormat format() {
        return format;
    }

    /** Opens a new part file; safe to call from several threads. */
    public synchronized PartWriter newPart() {
        checkState(!finished, "the write job has already committed or aborted");
        Compression compression = format == FileFormat.CSV ? csvOptions.compression() : jsonOptions.compression();
        String fileName = batchId >= 0
                // Each part of a micro-batch gets its own uuid: a re-run of the batch never reuses a name.
                ? String.format(
                        "part-%d-%s.%s%s", batchId, UUID.randomUUID(), format.extension(), compression.extension())
                : String.format("part-%05d-%s.%s%s", parts.size(), jobId, format.extension(), compression.extension());
        Path temporary = temporaryDirectory.resolve(fileName);
        PartWriter part = format == FileFormat.CSV
                ? new PartWriter.CsvPartWriter(temporary, fileName, schema, formatter, csvOptions)
                : new PartWriter.JsonPartWriter(temporary, fileName, schema, formatter, jsonOptions);
        parts.add(part);
        return part;
    }

    /**
     * Moves the finished parts into the directory (first deleting its old contents for OVERWRITE) and writes
     * {@code _SUCCESS} (not for a micro-batch). Every part must be closed.
     *
     * @return the committed part files, in the order they were opened
     */
    public synchronized List<Path> commit() {
        checkState(!finished, "the write job has already committed or aborted");
        for (PartWriter part : parts) {
            checkState(part.isClosed(), "part %s is not closed", part.fileName());
        }
        finished = true;
        try {
            if (mode == SaveMode.OVERWRITE) {
                deleteOldContents();
            }
            List<Path> committed = new ArrayList<>();
            for (PartWriter part : parts) {
                Path target = directory.resolve(part.fileName());
                move(part.temporaryPath, target);
                committed.add(target);
            }
            deleteTemporaryDirectory();
            if (batchId < 0) {
                Path success = directory.resolve(SUCCESS);
                Files.deleteIfExists(success);
                Files.createFile(success);
            }
            return List.copyOf(committed);
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot commit the write to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Closes and deletes the unfinished parts; the directory keeps its old contents. */
    public synchronized void abort() {
        if (finished) {
            return;
        }
        finished = true;
        for (PartWriter part : parts) {
            try {
                part.close();
            } catch (FreshetException e) {
                // the part is being thrown away; a failure to close it does not matter
            }
        }
        try {
            deleteTemporaryDirectory();
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot clean up " + temporaryDirectory + ": " + e.getMessage(), e);
        }
    }

    private void deleteOldContents() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().equals(TEMPORARY)) {
                    continue;
                }
                deleteRecursively(entry);
            }
        }
    }

    private void deleteTemporaryDirectory() throws IOException {
        deleteRecursively(temporaryDirectory);
        Path parent = temporaryDirectory.getParent();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            if (entries.iterator().hasNext()) {
                return; // another job is writing here
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(parent);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
