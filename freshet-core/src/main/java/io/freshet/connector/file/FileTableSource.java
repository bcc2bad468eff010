package io.freshet.connector.file;

import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.data.Batch;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
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
 */
public final class FileTableSource implements TableSource {
    private final FileFormat format;
    private final List<String> paths;
    private final Map<String, String> options;
    private final ZoneId zone;
    private final Schema schema;

    private FileTableSource(
            FileFormat format, List<String> paths, Map<String, String> options, ZoneId zone, Schema schema) {
        this.format = requireNonNull(format, "format is null");
        this.paths = List.copyOf(paths);
        this.options = Map.copyOf(options);
        this.zone = requireNonNull(zone, "zone is null");
        this.schema = requireNonNull(schema, "schema is null");
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
        return new FileTableSource(format, paths, options, zone, resolved);
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
        return format.name().toLowerCase(java.util.Locale.ROOT) + " " + String.join(", ", paths);
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
            files = FilePaths.expand(paths, csv.recursiveFileLookup());
            splits = FilePaths.splits(files, FilePaths.DEFAULT_SPLIT_SIZE, csv.splittable());
        } else {
            JsonOptions json = JsonOptions.parse(options);
            files = FilePaths.expand(paths, json.recursiveFileLookup());
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
