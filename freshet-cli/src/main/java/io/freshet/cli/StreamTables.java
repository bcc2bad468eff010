package io.freshet.cli;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.Freshet;
import io.freshet.FreshetException;
import io.freshet.catalog.TableSource;
import io.freshet.connector.file.FileFormat;
import io.freshet.connector.file.FileTableSource;
import io.freshet.sql.SqlParser;
import io.freshet.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Registers the {@code --table NAME=PATH[:csv|json]} tables of {@code freshet stream} and {@code freshet run}: read
 * as a stream where a query says {@code FROM STREAM name} and as a batch where it says {@code FROM name}, with the
 * CSV reading rules of {@code freshet sql} (a header row; an empty field is null).
 */
final class StreamTables {
    private StreamTables() {}

    /** A {@code --table} argument: the table's name, its directory or file, and the format if a suffix named it. */
    record TableArgument(String name, String path, FileFormat format) {
        TableArgument {
            requireNonNull(name, "name is null");
            requireNonNull(path, "path is null");
        }

        /**
         * Parses {@code NAME=PATH}, {@code NAME=PATH:csv} or {@code NAME=PATH:json}.
         *
         * @throws SqlCommand.UsageException when there is no {@code NAME=}
         */
        static TableArgument parse(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0 || equals == text.length() - 1) {
                throw new SqlCommand.UsageException("--table expects NAME=PATH[:csv|json], got '" + text + "'");
            }
            String name = text.substring(0, equals).trim();
            String path = text.substring(equals + 1).trim();
            String lower = path.toLowerCase(Locale.ROOT);
            FileFormat format = null;
            if (lower.endsWith(":csv")) {
                format = FileFormat.CSV;
                path = path.substring(0, path.length() - 4);
            } else if (lower.endsWith(":json")) {
                format = FileFormat.JSON;
                path = path.substring(0, path.length() - 5);
            }
            if (path.isEmpty()) {
                throw new SqlCommand.UsageException("--table " + name + " needs a path, got '" + text + "'");
            }
            return new TableArgument(name, path, format);
        }
    }

    /**
     * Registers {@code table} in {@code freshet}. A directory is a stream of the files that arrive in it; a single
     * file is a stream of that one file. Without {@code ddl}, the schema is inferred from the first file (the oldest,
     * as the stream reads them), so that it stays the same when files arrive between runs.
     *
     * @throws FreshetException naming the option when the path does not exist, the schema is invalid or cannot be
     *     inferred
     */
    static void register(Freshet freshet, TableArgument table, String ddl) {
        String name = table.name();
        Path path = Path.of(table.path());
        if (!Files.exists(path)) {
            throw new FreshetException(
                    ErrorCode.PATH_NOT_FOUND, "--table " + name + ": path does not exist: " + table.path());
        }
        FileFormat format = formatOf(table);
        Schema schema = null;
        if (ddl != null) {
            try {
                schema = SqlParser.parseSchema(ddl);
            } catch (AnalysisException e) {
                throw new FreshetException(e.errorCode(), "--schema " + name + ": " + e.plainMessage());
            }
        }
        Map<String, String> options = format == FileFormat.CSV
                ? (schema == null ? Map.of("header", "true", "inferSchema", "true") : Map.of("header", "true"))
                : Map.of();
        TableSource source;
        try {
            if (Files.isDirectory(path)) {
                source = FileTableSource.createStream(
                        format, table.path(), options, freshet.conf().timeZone(), schema);
            } else {
                FileTableSource file = FileTableSource.create(
                        format, List.of(table.path()), options, freshet.conf().timeZone(), schema);
                source = new SingleFileStreamTable(file);
            }
        } catch (AnalysisException e) {
            throw new FreshetException(e.errorCode(), "--table " + name + ": " + e.plainMessage());
        } catch (FreshetException e) {
            if (e.errorCode() == ErrorCode.INVALID_SCHEMA && schema == null) {
                throw new FreshetException(ErrorCode.INVALID_SCHEMA, noSchemaMessage(name, path, format));
            }
            throw new FreshetException(e.errorCode(), "--table " + name + ": " + e.getMessage());
        }
        freshet.registerTable(name, source);
    }

    /** The format named by the suffix, else by the file extension (for a directory, its files'), else CSV. */
    static FileFormat formatOf(TableArgument table) {
        if (table.format() != null) {
            return table.format();
        }
        FileFormat byExtension = FileTableSource.formatOf(table.path());
        return byExtension != null ? byExtension : FileFormat.CSV;
    }

    private static String noSchemaMessage(String name, Path path, FileFormat format) {
        String hint = "; pass --schema " + name + "='column TYPE, ...' (e.g. --schema " + name
                + "='ts TIMESTAMP, id BIGINT, name STRING')";
        if (!Files.isDirectory(path) || hasVisibleFiles(path)) {
            return "--table " + name + ": cannot infer the schema of " + path + ": its first "
                    + format.name().toLowerCase(Locale.ROOT) + " file has no records" + hint;
        }
        return "--table " + name + ": the directory " + path + " has no files to infer the schema from" + hint;
    }

    private static boolean hasVisibleFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> Files.isRegularFile(file)
                    && !file.getFileName().toString().startsWith(".")
                    && !file.getFileName().toString().startsWith("_"));
        } catch (IOException e) {
            return false;
        }
    }
}
