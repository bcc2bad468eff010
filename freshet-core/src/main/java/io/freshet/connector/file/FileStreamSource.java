package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.TableSource;
import io.freshet.stream.checkpoint.CheckpointFiles;
import io.freshet.stream.source.CounterOffsets;
import io.freshet.stream.source.Offset;
import io.freshet.stream.source.SourceOptions;
import io.freshet.stream.source.StreamSource;
import io.freshet.stream.source.StreamSourceContext;
import io.freshet.types.Schema;
import io.freshet.util.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A directory read as a stream of the files that appear in it, as Spark's file stream source: each file is read
 * once, whole, in the order of modification time then path.
 *
 * <p>Which files are taken: regular files whose names do not start with {@code .} or {@code _} and do not end
 * with {@code .tmp}, {@code .crc}, {@code .inprogress}, {@code .partial}, {@code .COPYING} or {@code ._COPYING_}
 * (case-insensitive), in the directory itself (and in its non-hidden subdirectories with {@code
 * recursiveFileLookup}), and, with {@code minFileAge}, only once their modification time is at least that old.
 * A file is taken when it is first seen, so it must be complete by then: move finished files into the directory
 * with an atomic rename (write them elsewhere, or under an ignored name, first), or set {@code minFileAge} longer
 * than a file takes to write. Files must not change or be deleted once taken; a file replaced under the same
 * path is not read again.
 *
 * <p>Per trigger, at most {@code maxFilesPerTrigger} files and {@code maxBytesPerTrigger} bytes are taken (the
 * first file always, even when larger).
 *
 * <p>Every set of files assigned to a micro-batch is written to the source's metadata directory as one log
 * entry ({@code <n>}: path, size and modification time of each file) before its offset is returned; offsets are
 * entry indexes ({@code {"logOffset":N}}: entries 0 to N). So a restart replays the same files for the same
 * offsets, and an entry written just before a crash, never used by the offset log, is used as it is rather than
 * listed again with different files.
 */
final class FileStreamSource implements StreamSource {
    private static final String OFFSET_NAME = "logOffset";
    private static final List<String> IGNORED_SUFFIXES =
            List.of(".tmp", ".crc", ".inprogress", ".partial", ".copying", "._copying_");

    /** A file the source assigned to a micro-batch, as it was when listed. */
    record LoggedFile(Path path, long size, long modificationTime) {
        LoggedFile {
            requireNonNull(path, "path is null");
        }
    }

    /** The stream options of a file source, and its directory. */
    record Settings(
            Path directory,
            long maxFilesPerTrigger,
            long maxBytesPerTrigger,
            long minFileAgeMillis,
            boolean recursive) {

        /**
         * Checks the directory and parses the options.
         *
         * @throws FreshetException with {@code PATH_NOT_FOUND}, {@code UNSUPPORTED} or {@code INVALID_OPTION}
         */
        static Settings parse(FileFormat format, String directory, Map<String, String> options) {
            Path path =
                    Path.of(FilePaths.stripScheme(directory)).toAbsolutePath().normalize();
            if (!Files.isDirectory(path)) {
                if (FilePaths.hasGlob(directory)) {
                    throw new FreshetException(
                            ErrorCode.UNSUPPORTED,
                            "A file stream reads one directory, and globs are not supported: " + directory
                                    + "; point the stream at the directory the files arrive in");
                }
                if (Files.exists(path)) {
                    throw new FreshetException(
                            ErrorCode.UNSUPPORTED,
                            "A file stream reads a directory, and " + directory + " is a file; give the directory"
                                    + " its files arrive in");
                }
                throw new FreshetException(
                        ErrorCode.PATH_NOT_FOUND,
                        "Path does not exist: " + directory + "; a file stream needs its directory to exist when"
                                + " it starts");
            }
            SourceOptions parsed = new SourceOptions(options);
            boolean recursive = format == FileFormat.CSV
                    ? CsvOptions.parse(options).recursiveFileLookup()
                    : JsonOptions.parse(options).recursiveFileLookup();
            return new Settings(
                    path,
                    parsed.positiveLong("maxFilesPerTrigger", Long.MAX_VALUE),
                    parsed.positiveBytes("maxBytesPerTrigger", Long.MAX_VALUE),
                    parsed.durationMicros("minFileAge", 0) / 1_000,
                    recursive);
        }
    }

    private final FileFormat format;
    private final Map<String, String> options;
    private final ZoneId zone;
    private final Schema schema;
    private final Settings settings;
    private final Path logDirectory;
    private final InstantSource clock;
    private final List<List<LoggedFile>> entries = new ArrayList<>();
    private final Set<Path> seen = new HashSet<>();
    private List<LoggedFile> availableNowFiles;

    FileStreamSource(
            FileFormat format,
            String directory,
            Map<String, String> options,
            ZoneId zone,
            Schema schema,
            StreamSourceContext context) {
        this(format, directory, options, zone, schema, context, InstantSource.system());
    }

    FileStreamSource(
            FileFormat format,
            String directory,
            Map<String, String> options,
            ZoneId zone,
            Schema schema,
            StreamSourceContext context,
            InstantSource clock) {
        this.format = requireNonNull(format, "format is null");
        this.options = Map.copyOf(options);
        this.zone = requireNonNull(zone, "zone is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.settings = Settings.parse(format, directory, options);
        this.logDirectory = requireNonNull(context, "context is null").metadataDirectory();
        this.clock = requireNonNull(clock, "clock is null");
        if (schema.size() == 0) {
            throw noSchema(settings.directory());
        }
        loadLog();
    }

    /**
     * The schema of the first file the stream would take (in its order).
     *
     * @throws FreshetException with {@code INVALID_SCHEMA} when there is no such file or it has no records
     */
    static Schema inferSchema(FileFormat format, Settings settings, Map<String, String> options, ZoneId zone) {
        List<LoggedFile> files = listFiles(settings, Set.of(), System.currentTimeMillis());
        if (files.isEmpty()) {
            throw noSchema(settings.directory());
        }
        Path first = files.get(0).path();
        Schema schema = format == FileFormat.CSV
                ? CsvSchemaInference.infer(List.of(first), CsvOptions.parse(options), zone)
                : JsonSchemaInference.infer(List.of(first), JsonOptions.parse(options));
        if (schema.size() == 0) {
            throw new FreshetException(
                    ErrorCode.INVALID_SCHEMA,
                    "Cannot infer the schema of the file stream over " + settings.directory() + " from its first file "
                            + first + ", which has no records; give the schema with .schema(\"...\")");
        }
        return schema;
    }

    private static FreshetException noSchema(Path directory) {
        return new FreshetException(
                ErrorCode.INVALID_SCHEMA,
                "Schema must be specified when creating a file stream over " + directory + ", which has no files"
                        + " yet to infer it from; give the schema with .schema(\"...\") (or a column list in SQL)");
    }

    @Override
    public String describe() {
        return "FileStreamSource[" + settings.directory() + "]";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Offset latestOffset(Offset start, boolean limited) {
        long from = position(start);
        if (limited && from + 1 < entries.size()) {
            // Assigned before, e.g. by a run that crashed before logging the batch: keep those files together.
            return offset(from + 1);
        }
        List<LoggedFile> candidates = candidates();
        if (!candidates.isEmpty()) {
            appendEntry(limited ? limit(candidates) : candidates);
        }
        long last = entries.size() - 1;
        return last > from ? offset(last) : start;
    }

    @Override
    public void prepareForAvailableNow() {
        availableNowFiles = listFiles(settings, seen, clock.millis());
    }

    @Override
    public TableSource read(Offset start, Offset end) {
        long from = position(start);
        long to = position(end);
        if (from > to) {
            throw new FreshetException(
                    ErrorCode.INVALID_ARGUMENT, "Cannot read " + describe() + " from " + start + " back to " + end);
        }
        List<Path> files = new ArrayList<>();
        for (long index = from + 1; index <= to; index++) {
            for (LoggedFile file : entries.get((int) index)) {
                if (!Files.isRegularFile(file.path())) {
                    throw new FreshetException(
                            ErrorCode.PATH_NOT_FOUND,
                            "File " + file.path() + " of " + describe() + " (log entry " + index + " in "
                                    + logDirectory + ") no longer exists; files must stay in the directory once"
                                    + " the stream has taken them");
                }
                files.add(file.path());
            }
        }
        return FileTableSource.ofFiles(format, files, options, zone, schema);
    }

    /** The entries of the log (for tests): the files of each assigned range. */
    List<List<LoggedFile>> entries() {
        return List.copyOf(entries);
    }

    private Offset offset(long index) {
        return CounterOffsets.of(OFFSET_NAME, index);
    }

    private long position(Offset offset) {
        long index = CounterOffsets.value(offset, OFFSET_NAME, -1, describe());
        if (index >= entries.size()) {
            throw new FreshetException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Offset " + offset + " is beyond the log of " + describe() + " in " + logDirectory + ", which has "
                            + entries.size() + " entries; the source's metadata directory was changed or belongs to"
                            + " another query");
        }
        return index;
    }

    /** New files, in stream order: from the available-now snapshot when there is one, else from a listing. */
    private List<LoggedFile> candidates() {
        if (availableNowFiles == null) {
            return listFiles(settings, seen, clock.millis());
        }
        List<LoggedFile> unseen = new ArrayList<>();
        for (LoggedFile file : availableNowFiles) {
            if (!seen.contains(file.path())) {
                unseen.add(file);
            }
        }
        return unseen;
    }

    private List<LoggedFile> limit(List<LoggedFile> candidates) {
        List<LoggedFile> taken = new ArrayList<>();
        long bytes = 0;
        for (LoggedFile file : candidates) {
            if (taken.size() >= settings.maxFilesPerTrigger()) {
                break;
            }
            // The first file is always taken, so that a file larger than the limit cannot stall the stream.
            if (!taken.isEmpty() && file.size() > settings.maxBytesPerTrigger() - bytes) {
                break;
            }
            taken.add(file);
            bytes += file.size();
        }
        return taken;
    }

    /** The eligible files not in {@code seen}, sorted by modification time, then path. */
    static List<LoggedFile> listFiles(Settings settings, Set<Path> seen, long nowMillis) {
        List<LoggedFile> files = new ArrayList<>();
        collect(settings.directory(), settings, seen, nowMillis, files);
        files.sort(Comparator.comparingLong(LoggedFile::modificationTime)
                .thenComparing(file -> file.path().toString()));
        return files;
    }

    private static void collect(
            Path directory, Settings settings, Set<Path> seen, long nowMillis, List<LoggedFile> out) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                if (isIgnored(child.getFileName().toString())) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // deleted or renamed since the listing
                }
                if (attributes.isDirectory()) {
                    if (settings.recursive()) {
                        collect(child, settings, seen, nowMillis, out);
                    }
                    continue;
                }
                long modified = attributes.lastModifiedTime().toMillis();
                if (!attributes.isRegularFile()
                        || seen.contains(child)
                        || (settings.minFileAgeMillis() > 0 && nowMillis - modified < settings.minFileAgeMillis())) {
                    continue;
                }
                out.add(new LoggedFile(child, attributes.size(), modified));
            }
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot list the stream's directory " + directory + ": " + e, e);
        }
    }

    /** Whether a name is hidden or temporary (see the class comment). */
    static boolean isIgnored(String name) {
        if (name.startsWith(".") || name.startsWith("_")) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : IGNORED_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private void appendEntry(List<LoggedFile> files) {
        Json.Writer writer = new Json.Writer().beginObject().name("files").beginArray();
        for (LoggedFile file : files) {
            writer.beginObject()
                    .name("path")
                    .value(file.path().toString())
                    .name("size")
                    .value(file.size())
                    .name("modificationTime")
                    .value(file.modificationTime())
                    .endObject();
        }
        writer.endArray().endObject();
        CheckpointFiles.writeVersioned(logDirectory.resolve(Integer.toString(entries.size())), writer.toString());
        addEntry(files);
    }

    private void addEntry(List<LoggedFile> files) {
        entries.add(List.copyOf(files));
        for (LoggedFile file : files) {
            seen.add(file.path());
        }
    }

    private void loadLog() {
        if (!Files.isDirectory(logDirectory)) {
            return;
        }
        List<Integer> indexes = new ArrayList<>();
        try (Stream<Path> files = Files.list(logDirectory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.matches("0|[1-9][0-9]{0,8}")) {
                    indexes.add(Integer.parseInt(name));
                }
            }
        } catch (IOException e) {
            throw new FreshetException(ErrorCode.IO_ERROR, "Cannot list " + logDirectory + ": " + e, e);
        }
        indexes.sort(null);
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i) != i) {
                throw CheckpointFiles.corrupt(
                        logDirectory.resolve(Integer.toString(i)),
                        "the file source log in " + logDirectory + " has entries " + indexes + " with a gap");
            }
            addEntry(readEntry(logDirectory.resolve(Integer.toString(i))));
        }
    }

    private static List<LoggedFile> readEntry(Path file) {
        List<LoggedFile> files = new ArrayList<>();
        try {
            Json.Reader reader = new Json.Reader(CheckpointFiles.readVersioned(file));
            reader.beginObject();
            while (reader.hasNext()) {
                if (!reader.nextName().equals("files")) {
                    reader.skipValue();
                    continue;
                }
                reader.beginArray();
                while (reader.hasNext()) {
                    files.add(readFile(file, reader));
                }
                reader.endArray();
            }
            reader.endObject();
            reader.endDocument();
        } catch (IllegalArgumentException e) {
            throw CheckpointFiles.corrupt(file, e.getMessage());
        }
        return files;
    }

    private static LoggedFile readFile(Path file, Json.Reader reader) {
        String path = null;
        long size = -1;
        long modified = Long.MIN_VALUE;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "path" -> path = reader.nextString();
                case "size" -> size = reader.nextLong();
                case "modificationTime" -> modified = reader.nextLong();
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (path == null || size < 0 || modified == Long.MIN_VALUE) {
            throw CheckpointFiles.corrupt(file, "a file entry needs path, size and modificationTime");
        }
        return new LoggedFile(Path.of(path), size, modified);
    }
}
