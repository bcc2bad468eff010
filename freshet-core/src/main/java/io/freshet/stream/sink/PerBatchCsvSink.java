package io.freshet.stream.sink;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.connector.file.CsvResultFormat;
import io.freshet.connector.file.DurableFiles;
import io.freshet.data.Batch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Writes each micro-batch's rows to a file of its own, {@code <dir>/batch-<batchId>.csv}, in exactly the CSV
 * that {@code freshet sql --format csv} prints ({@link CsvResultFormat}): a header line, then the rows; a batch
 * without rows gives a header-only file. Any output mode (in complete mode each file holds the whole result).
 *
 * <p>Exactly-once: a file is written under a hidden temporary name, synced and renamed into place, so a batch
 * file is complete or absent, never partial. A re-run of a batch replaces its file atomically with the same
 * content, so the directory holds exactly one file per batch id; temporary files an interrupted attempt left
 * are deleted. Not thread-safe: one query writes a directory.
 */
public final class PerBatchCsvSink implements StreamSink {
    private final Path directory;
    private final ZoneId zone;

    public PerBatchCsvSink(Path directory, ZoneId zone) {
        this.directory = requireNonNull(directory, "directory is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    public Path directory() {
        return directory;
    }

    /** The file batch {@code batchId} is written to. */
    public Path fileOf(long batchId) {
        checkArgument(batchId >= 0, "batchId must be non-negative: %s", batchId);
        return directory.resolve("batch-" + batchId + ".csv");
    }

    @Override
    public String describe() {
        return "PerBatchCsvSink[" + directory + "]";
    }

    @Override
    public void addBatch(SinkBatch batch) {
        requireNonNull(batch, "batch is null");
        Path target = fileOf(batch.batchId());
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new FreshetException(ErrorCode.IO_ERROR, "Cannot create " + directory + ": " + e.getMessage(), e);
        }
        DurableFiles.deleteLeftovers(target);
        CsvResultFormat csv = new CsvResultFormat(batch.schema(), zone);
        List<Batch> batches = batch.batches();
        DurableFiles.writeAtomically(target, out -> {
            StringBuilder text = new StringBuilder(1024);
            csv.appendHeader(text);
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            for (Batch rows : batches) {
                text.setLength(0);
                csv.appendRows(text, rows);
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
