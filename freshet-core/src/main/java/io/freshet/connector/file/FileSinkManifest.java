package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The manifest log of a streaming file sink's output directory: {@code <dir>/_freshet_metadata/<batchId>}, one
 * file per committed micro-batch, listing the data files that batch added. The sink writes a batch's data
 * files first and its manifest file last, atomically; readers of the directory read only the listed files, so
 * files of failed attempts (written, never listed) are never seen. This is Spark's {@code _spark_metadata} log
 * under Freshet's name.
 *
 * <p>Format of a manifest file (UTF-8, lines ended by {@code \n}): a version line {@code v1}; a line {@code
 * {"queryId":"<id>"}} naming the query that committed the batch (the sink's idempotency key is the pair of query
 * id and batch id); then one JSON object per data file, {@code {"path":"part-3-<uuid>.csv","size":1234,"rows":10}},
 * where {@code path} is relative to the output directory (or absolute) and {@code size} is in bytes. A batch that
 * wrote no rows lists no files. Unknown fields are ignored; a higher version is refused. Names that are not a
 * batch number (temporary files of an interrupted write) are ignored. The log is not compacted: listing reads
 * one small file per batch.
 */
public final class FileSinkManifest {
    /** The name of the manifest directory inside the output directory. */
    public static final String DIRECTORY_NAME = "_freshet_metadata";

    private static final int VERSION = 1;
    private static final byte[] PATH = "path".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SIZE = "size".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROWS = "rows".getBytes(StandardCharsets.UTF_8);
    private static final byte[] QUERY_ID = "queryId".getBytes(StandardCharsets.UTF_8);

    /** One data file a micro-batch added: its path relative to the output directory, its size and row count. */
    public record Entry(String path, long size, long rowCount) {
        public Entry {
            requireNonNull(path, "path is null");
            checkArgument(!path.isEmpty(), "path is empty");
            checkArgument(size >= 0, "size must be non-negative: %s", size);
            checkArgument(rowCount >= 0, "rowCount must be non-negative: %s", rowCount);
        }
    }

    /** One committed micro-batch: the query that wrote it and the files it added. */
    public record Commit(long batchId, String queryId, List<Entry> files) {
        public Commit {
            checkArgument(batchId >= 0, "batchId must be non-negative: %s", batchId);
            requireNonNull(queryId, "queryId is null");
            files = List.copyOf(files);
        }
    }

    private final Path outputDirectory;
    private final Path manifestDirectory;

    public FileSinkManifest(Path outputDirectory) {
        this.outputDirectory = requireNonNull(outputDirectory, "outputDirectory is null");
        this.manifestDirectory = outputDirectory.resolve(DIRECTORY_NAME);
    }

    /** Whether {@code directory} is the output of a streaming file sink, so that readers must go through its log. */
    public static boolean existsIn(Path directory) {
        return Files.isDirectory(directory.resolve(DIRECTORY_NAME));
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    /** Whether batch {@code batchId} has been committed. */
    public boolean contains(long batchId) {
        return Files.isRegularFile(fileOf(batchId));
    }

    /**
     * Commits a batch: writes its manifest file atomically and durably. The data files it lists must already be
     * durable in the output directory.
     *
     * @throws FreshetException with {@code IO_ERROR}
     */
    public void add(Commit commit) {
        requireNonNull(commit, "commit is null");
        StringBuilder text = new StringBuilder("v").append(VERSION).append('\n');
        text.append("{\"queryId\":");
        ValueFormatter.appendJsonString(text, commit.queryId());
        text.append("}\n");
        for (Entry entry : commit.files()) {
            text.append("{\"path\":");
            ValueFormatter.appendJsonString(text, entry.path());
            text.append(",\"size\":").append(entry.size());
            text.append(",\"rows\":").append(entry.rowCount());
            text.append("}\n");
        }
        try {
            Files.createDirectories(manifestDirectory);
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot create " + manifestDirectory + ": " + e.getMessage(), e);
        }
        Path file = fileOf(commit.batchId());
        DurableFiles.deleteLeftovers(file);
        DurableFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The committed batch ids, ascending.
     *
     * @throws FreshetException with {@code IO_ERROR}
     */
    public List<Long> batchIds() {
        List<Long> ids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(manifestDirectory)) {
            for (Path entry : entries) {
                long id = parseBatchId(entry.getFileName().toString());
                if (id >= 0) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot list " + manifestDirectory + ": " + e.getMessage(), e);
        }
        ids.sort(null);
        return List.copyOf(ids);
    }

    /** The highest committed batch id, if any. */
    public OptionalLong latestBatchId() {
        List<Long> ids = batchIds();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(ids.size() - 1));
    }

    /**
     * Batch {@code batchId} as committed, or empty when it is not.
     *
     * @throws FreshetException with {@code IO_ERROR} for an unreadable or corrupt manifest file
     */
    public Optional<Commit> read(long batchId) {
        Path file = fileOf(batchId);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new FreshetException(ErrorCode.IO_ERROR, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("v")) {
            throw corrupt(file, "the version line is missing");
        }
        int version = parseVersion(file, lines.get(0));
        if (version > VERSION) {
            throw corrupt(
                    file,
                    "it has version " + version + " but this Freshet reads up to version " + VERSION
                            + "; read it with a newer Freshet");
        }
        ValueParser values = new ValueParser(ZoneOffset.UTC, Optional.empty(), Optional.empty());
        JsonParser parser = JsonParser.of(JsonOptions.DEFAULT, values);
        String queryId = null;
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Line parsed = parseLine(parser, values, line);
                if (queryId == null) {
                    checkArgument(parsed.queryId() != null, "queryId is missing");
                    queryId = parsed.queryId();
                } else {
                    checkArgument(parsed.path() != null, "path is missing");
                    checkArgument(parsed.size() >= 0, "size is missing");
                    entries.add(new Entry(parsed.path(), parsed.size(), parsed.rows()));
                }
            } catch (JsonParser.MalformedJsonException e) {
                throw corrupt(file, "line " + (i + 1) + " is not valid JSON: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw corrupt(file, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (queryId == null) {
            throw corrupt(file, "the queryId line is missing");
        }
        return Optional.of(new Commit(batchId, queryId, entries));
    }

    /**
     * The data files of all committed batches, in batch order: what a reader of the directory reads.
     *
     * @throws FreshetException with {@code PATH_NOT_FOUND} when a listed file is missing, {@code IO_ERROR}
     */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (long batchId : batchIds()) {
            // A manifest file that vanished since the listing would mean someone deletes the log; report it.
            Commit commit = read(batchId)
                    .orElseThrow(() -> new FreshetException(
                            ErrorCode.PATH_NOT_FOUND,
                            "Batch " + batchId + " vanished from the manifest " + manifestDirectory
                                    + " while listing"));
            for (Entry entry : commit.files()) {
                Path file = outputDirectory.resolve(entry.path());
                if (!Files.isRegularFile(file)) {
                    throw new FreshetException(
                            ErrorCode.PATH_NOT_FOUND,
                            "File " + file + " of batch " + batchId + " in the manifest " + manifestDirectory
                                    + " is missing; the output directory was changed outside the streaming sink");
                }
                files.add(file);
            }
        }
        return List.copyOf(files);
    }

    private Path fileOf(long batchId) {
        return manifestDirectory.resolve(Long.toString(batchId));
    }

    /** The batch id a manifest file name stands for, or -1 for other names (temporary files). */
    private static long parseBatchId(String name) {
        if (name.isEmpty() || name.length() > 18) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Long.parseLong(name);
    }

    private static int parseVersion(Path file, String line) {
        try {
            return Integer.parseInt(line.substring(1).trim());
        } catch (NumberFormatException e) {
            throw corrupt(file, "the version line '" + line + "' is not v<number>");
        }
    }

    /** The fields of one manifest line; a field that is absent is null or -1. */
    private record Line(String queryId, String path, long size, long rows) {}

    private static Line parseLine(JsonParser parser, ValueParser values, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        parser.reset(bytes, 0, bytes.length);
        if (parser.nextToken() != JsonParser.OBJECT) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String queryId = null;
        String path = null;
        long size = -1;
        long rows = 0;
        parser.enter();
        boolean first = true;
        while (parser.nextField(first)) {
            first = false;
            if (parser.stringEquals(PATH)) {
                checkArgument(parser.nextToken() == JsonParser.STRING, "path is not a string");
                path = parser.string();
            } else if (parser.stringEquals(SIZE)) {
                size = parseLong(parser, values, "size");
            } else if (parser.stringEquals(QUERY_ID)) {
                checkArgument(parser.nextToken() == JsonParser.STRING, "queryId is not a string");
                queryId = parser.string();
            } else if (parser.stringEquals(ROWS)) {
                rows = parseLong(parser, values, "rows");
            } else {
                parser.skipRest(parser.nextToken());
            }
        }
        parser.exit();
        checkArgument(parser.atEnd(), "text after the JSON object");
        return new Line(queryId, path, size, rows);
    }

    private static long parseLong(JsonParser parser, ValueParser values, String field) {
        checkArgument(parser.nextToken() == JsonParser.NUMBER && parser.numberToLong(), "%s is not an integer", field);
        return values.longValue;
    }

    private static FreshetException corrupt(Path file, String reason) {
        return new FreshetException(ErrorCode.IO_ERROR, "Corrupt streaming sink manifest " + file + ": " + reason);
    }
}
