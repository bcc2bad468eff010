package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** What a write does when its target directory already has data, as Spark's {@code SaveMode}. */
public enum SaveMode {
    /** Fails with {@code PATH_ALREADY_EXISTS} when the directory exists and is not empty (the default). */
    ERROR_IF_EXISTS,
    /** Adds new part files next to the existing ones. */
    APPEND,
    /** Replaces the directory's contents, once the new files are complete. */
    OVERWRITE,
    /** Writes nothing when the directory exists and is not empty. */
    IGNORE;

    /** Parses Spark's names: {@code error}, {@code errorifexists}, {@code append}, {@code overwrite}, {@code ignore}. */
    public static SaveMode parse(String name) {
        requireNonNull(name, "name is null");
        return switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "error", "errorifexists", "default" -> ERROR_IF_EXISTS;
            case "append" -> APPEND;
            case "overwrite" -> OVERWRITE;
            case "ignore" -> IGNORE;
            default ->
                throw new FreshetException(
                        ErrorCode.INVALID_OPTION,
                        "Save mode must be one of error, errorifexists, append, overwrite, ignore, got '" + name + "'");
        };
    }
}
