package io.freshet.stream.sink;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.connector.file.CsvOptions;
import io.freshet.connector.file.DurableFiles;
import io.freshet.connector.file.FileFormat;
import io.freshet.connector.file.FileSinkManifest;
import io.freshet.connector.file.FileWriteJob;
import io.freshet.connector.file.JsonOptions;
import io.freshet.connector.file.PartWriter;
import io.freshet.data.Batch;
import io.freshet.streaming.OutputMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Appends a streaming query's output to a directory of CSV or JSON Lines part files, exactly once, as Spark's
 * file sink does.
 *
 * <p>Each micro-batch is written as one part file {@code part-<batchId>-<uuid>.<csv|json>[.gz]} (with the file
 * writer's options: {@link CsvOptions}, {@link JsonOptions}); a batch without rows writes no file. The part
 * is synced, then the batch is committed by adding {@code _freshet_metadata/<batchId>} to the directory's
 * manifest ({@link FileSinkManifest}) atomically. Readers of the directory read only the files the manifest
 * lists, so the files of an attempt that failed before its commit are never seen. A batch whose manifest
 * entry exists is skipped; an entry written by another query (another query id) is refused, since skipping
 * it would lose this query's rows. Append mode only. Not thread-safe: one query writes a directory.
 */
public final class FileStreamSink implements StreamSink {
    private final Path directory;
    private final FileFormat format;
    private final CsvOptions csvOptions;
    private final JsonOptions jsonOptions;
    private final ZoneId zone;
    private final FileSinkManifest manifest;

    /**
     * A sink writing {@code format} files to {@code directory}, values in the session time zone {@code zone}.
     *
     * @throws FreshetException with {@code INVALID_OPTION} for a bad option
     */
    public FileStreamSink(Path directory, FileFormat format, Map<String, String> options, ZoneId zone) {
        this.directory = requireNonNull(directory, "directory is null");
        this.format = requireNonNull(format, "format is null");
        requireNonNull(options, "options is null");
        // Parse the options now so that a bad one fails when the query starts, not at its first batch.
        this.csvOptions = format == FileFormat.CSV ? CsvOptions.parse(options) : null;
        this.jsonOptions = format == FileFormat.JSON ? JsonOptions.parse(options) : null;
        this.zone = requireNonNull(zone, "zone is null");
        this.manifest = new FileSinkManifest(directory);
    }

    public Path directory() {
        return directory;
    }

    public FileFormat format() {
        return format;
    }

    /** The manifest this sink commits its batches to. */
    public FileSinkManifest manifest() {
        return manifest;
    }

    @Override
    public String describe() {
        return "FileSink[" + directory + ", " + format.name().toLowerCase(Locale.ROOT) + "]";
    }

    @Override
    public void checkOutputMode(OutputMode mode) {
        requireNonNull(mode, "mode is null");
        if (mode != OutputMode.APPEND) {
            throw new AnalysisException(
                    ErrorCode.UNSUPPORTED_OUTPUT_MODE,
                    "The file sink supports only append output mode, not "
                            + mode.name().toLowerCase(Locale.ROOT)
                            + ": files once written are never changed. Use append mode (with a watermark for an "
                            + "aggregation), or write to a sink that can replace rows");
        }
    }

    @Override
    public void addBatch(SinkBatch batch) {
        requireNonNull(batch, "batch is null");
        checkOutputMode(batch.mode());
        Optional<FileSinkManifest.Commit> committed = manifest.read(batch.batchId());
        if (committed.isPresent()) {
            if (!committed.get().queryId().equals(batch.queryId())) {
                throw new FreshetException(
                        ErrorCode.PATH_ALREADY_EXISTS,
                        "The output directory " + directory + " already holds batch " + batch.batchId()
                                + " of another query (" + committed.get().queryId() + "; this is query "
                                + batch.queryId() + "). Write to a new directory, or restart the query that "
                                + "wrote it from its checkpoint");
            }
            return; // an earlier attempt committed this batch
        }
        List<FileSinkManifest.Entry> entries = batch.rowCount() == 0 ? List.of() : writeParts(batch);
        manifest.add(new FileSinkManifest.Commit(batch.batchId(), batch.queryId(), entries));
    }

    /** Writes the batch's part file, moves it into the directory and syncs it; the manifest entries of it. */
    private List<FileSinkManifest.Entry> writeParts(SinkBatch batch) {
        FileWriteJob job = format == FileFormat.CSV
                ? FileWriteJob.startMicroBatch(directory, batch.schema(), csvOptions, zone, batch.batchId())
                : FileWriteJob.startMicroBatch(directory, batch.schema(), jsonOptions, zone, batch.batchId());
        List<Path> files;
        long rows;
        try {
            try (PartWriter part = job.newPart()) {
                for (Batch rowsOfBatch : batch.batches()) {
                    part.write(rowsOfBatch);
                }
                rows = part.rowCount();
            }
            files = job.commit();
        } catch (RuntimeException e) {
            job.abort();
            throw e;
        }
        List<FileSinkManifest.Entry> entries = new ArrayList<>();
        for (Path file : files) {
            // The manifest must never list a file whose bytes a power loss could take back.
            DurableFiles.sync(file);
            entries.add(new FileSinkManifest.Entry(file.getFileName().toString(), size(file), rows));
        }
        DurableFiles.syncDirectory(directory);
        return entries;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }
}
