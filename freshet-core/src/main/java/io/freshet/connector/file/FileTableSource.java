package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.data.Batch;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.stream.source.StreamSource;
import io.freshet.stream.source.StreamSourceContext;
import io.freshet.stream.source.StreamableTable;
import io.freshet.types.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * A table over CSV or JSON files: a file, a directory or a glob. The file list is taken when a scan
 * is created, so files added later are seen by later queries.
 *
 * <p>A table over one directory can also be read as a stream ({@link #openStream}): the files that appear in
 * the directory, each read once; see {@link FileStreamSource}.
 */
public final class FileTableSource implements TableSource, StreamableTable {
    private final FileFormat format;
    private final List<String> paths;
    private final Map<String, String> options;
    private final ZoneId zone;
    private final Schema schema;
    // When set, the table is exactly these files (a micro-batch of a file stream), not an expansion of paths.
    private final List<Path> exactFiles;

    private FileTableSource(
            FileFormat format,
            List<String> paths,
            Map<String, String> options,
            ZoneId zone,
            Schema schema,
            List<Path> exactFiles) {
        this.format = requireNonNull(format, "format is null");
        this.paths = List.copyOf(paths);
        this.options = Map.copyOf(options);
        this.zone = requireNonNull(zone, "zone is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.exactFiles = exactFiles == null ? null : List.copyOf(exactFiles);
    }

    /**
     * A source over the given paths; the schema is inferred from the files when {@code schema} is null.
     *
     * @throws io.freshet.FreshetException with {@code PATH_NOT_FOUND} when a path matches no file, or
     *     {@code INVALID_OPTION} for a bad option
     */
    public static FileTableSource create(
            FileFormat format, List<String> paths, Map<String, String> options, ZoneId zone, Schema schema) {
        Schema resolved = schema;
        if (resolved == null) {
            boolean recursive = format == FileFormat.CSV
                    ? CsvOptions.parse(options).recursiveFileLookup()
                    : JsonOptions.parse(options).recursiveFileLookup();
            List<Path> files = FilePaths.expand(paths, recursive);
            resolved = format == FileFormat.CSV
                    ? CsvSchemaInference.infer(files, CsvOptions.parse(options), zone)
                    : JsonSchemaInference.infer(files, JsonOptions.parse(options));
        } else {
            // Validate options and paths now, so a bad table definition fails where it is written.
            if (format == FileFormat.CSV) {
                CsvOptions.parse(options);
            } else {
                JsonOptions.parse(options);
            }
        }
        return new FileTableSource(format, paths, options, zone, resolved, null);
    }

    /**
     * A table over a directory that files keep arriving in, to be read as a stream. The schema is inferred from
     * the first file (in the stream's order) when {@code schema} is null.
     *
     * @throws io.freshet.FreshetException with {@code PATH_NOT_FOUND} when the directory does not exist, {@code
     *     INVALID_SCHEMA} when no schema is given and there is no file to infer it from, {@code UNSUPPORTED} for a
     *     glob or a file, or {@code INVALID_OPTION} for a bad option
     */
    public static FileTableSource createStream(
            FileFormat format, String directory, Map<String, String> options, ZoneId zone, Schema schema) {
        requireNonNull(format, "format is null");
        requireNonNull(directory, "directory is null");
        // Parsing the settings checks the directory, the stream options and the reader options.
        FileStreamSource.Settings settings = FileStreamSource.Settings.parse(format, directory, options);
        Schema resolved = schema != null ? schema : FileStreamSource.inferSchema(format, settings, options, zone);
        return new FileTableSource(format, List.of(directory), options, zone, resolved, null);
    }

    /** A bounded table over exactly {@code files} (paths are not expanded or globbed), with a known schema. */
    static FileTableSource ofFiles(
            FileFormat format, List<Path> files, Map<String, String> options, ZoneId zone, Schema schema) {
        List<String> names = new ArrayList<>(files.size());
        for (Path file : files) {
            names.add(file.toString());
        }
        return new FileTableSource(format, names, options, zone, schema, files);
    }

    /** The format named by a file's extension ({@code .csv}, {@code .json}, {@code .jsonl}, {@code .ndjson}), or null. */
    public static FileFormat formatOf(String path) {
        String name = path.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) {
            return FileFormat.CSV;
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return FileFormat.JSON;
        }
        if (Files.isDirectory(Path.of(path))) {
            try (var files = Files.list(Path.of(path))) {
                for (Path file : files.sorted().toList()) {
                    FileFormat inner = file.getFileName().toString().startsWith("_")
                                    || file.getFileName().toString().startsWith(".")
                            ? null
                            : formatOf(file.toString());
                    if (inner != null) {
                        return inner;
                    }
                }
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return null;
    }

    public FileFormat format() {
        return format;
    }

    public List<String> paths() {
        return paths;
    }

    public Map<String, String> options() {
        return options;
    }

    @Override
    public String describe() {
        String name = format.name().toLowerCase(java.util.Locale.ROOT);
        if (exactFiles != null && exactFiles.size() > 3) {
            return name + " " + exactFiles.size() + " files (" + exactFiles.get(0) + ", ...)";
        }
        return name + " " + String.join(", ", paths);
    }

    /**
     * Reads this table's directory as a stream of the files that appear in it.
     *
     * @throws io.freshet.FreshetException with {@code UNSUPPORTED} when the table is not one directory, {@code
     *     INVALID_SCHEMA} when it has no columns (an empty directory and no schema given)
     */
    @Override
    public StreamSource openStream(StreamSourceContext context) {
        requireNonNull(context, "context is null");
        if (exactFiles != null || paths.size() != 1) {
            throw new FreshetException(
                    ErrorCode.UNSUPPORTED,
                    "A file stream reads one directory; " + describe() + " is not one directory");
        }
        return new FileStreamSource(format, paths.get(0), options, zone, schema, context);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BatchScan createScan(int[] projection, List<Expr> filters) {
        List<Path> files;
        List<FileSplit> splits;
        if (format == FileFormat.CSV) {
            CsvOptions csv = CsvOptions.parse(options);
            files = exactFiles != null ? exactFiles : FilePaths.expand(paths, csv.recursiveFileLookup());
            splits = FilePaths.splits(files, FilePaths.DEFAULT_SPLIT_SIZE, csv.splittable());
        } else {
            JsonOptions json = JsonOptions.parse(options);
            files = exactFiles != null ? exactFiles : FilePaths.expand(paths, json.recursiveFileLookup());
            splits = FilePaths.splits(files, FilePaths.DEFAULT_SPLIT_SIZE, !json.multiLine());
        }
        List<SplitOfFile> wrapped = new ArrayList<>();
        for (FileSplit split : splits) {
            wrapped.add(new SplitOfFile(split));
        }
        return new FileScan(wrapped, projection.clone());
    }

    /** One byte range of one file. */
    record SplitOfFile(FileSplit split) implements BatchScan.Split {
        @Override
        public String describe() {
            return split.path()
                    + (split.start() > 0 || split.splittable() ? " [" + split.start() + ", " + split.end() + ")" : "");
        }

        @Override
        public long sizeInBytes() {
            return split.length();
        }
    }

    private final class FileScan implements BatchScan {
        private final List<SplitOfFile> splits;
        private final int[] projection;
        private final boolean identity;

        FileScan(List<SplitOfFile> splits, int[] projection) {
            this.splits = splits;
            this.projection = projection;
            boolean same = projection.length == schema.size();
            for (int i = 0; same && i < projection.length; i++) {
                same = projection[i] == i;
            }
            this.identity = same;
        }

        @Override
        public List<? extends Split> splits() {
            return splits;
        }

        @Override
        public void read(Split split, EvalContext context, Consumer<Batch> out) {
            FileSplit fileSplit = ((SplitOfFile) split).split();
            Consumer<Batch> projected = identity ? out : batch -> out.accept(batch.project(projection));
            if (format == FileFormat.CSV) {
                new CsvReader(schema, CsvOptions.parse(options), zone).read(fileSplit, projected);
            } else {
                new JsonReader(schema, JsonOptions.parse(options), zone).read(fileSplit, projected);
            }
        }
    }
}
