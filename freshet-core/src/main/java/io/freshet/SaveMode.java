package io.freshet;

import java.util.Locale;

/** What a write does when its target already exists, as in Spark. */
public enum SaveMode {
    /** Fail if the target exists and is not empty (the default). */
    ERROR_IF_EXISTS,
    /** Add to what is there. */
    APPEND,
    /** Replace what is there, once the new data is complete. */
    OVERWRITE,
    /** Do nothing if the target exists. */
    IGNORE;

    /** Parses Spark's names: {@code error}, {@code errorifexists}, {@code append}, {@code overwrite}, {@code ignore}. */
    public static SaveMode parse(String text) {
        java.util.Objects.requireNonNull(text, "text is null");
        return switch (text.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "error", "errorifexists", "default" -> ERROR_IF_EXISTS;
            case "append" -> APPEND;
            case "overwrite" -> OVERWRITE;
            case "ignore" -> IGNORE;
            default ->
                throw new FreshetException(
                        ErrorCode.INVALID_OPTION,
                        "Save mode must be one of error, errorifexists, append, overwrite, ignore, got '" + text + "'");
        };
    }
}
