package io.freshet.stream.checkpoint;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shared text format of checkpoint files: a version line ({@code v1}) followed by one JSON object, and
 * helpers to read typed members with errors that name the file.
 */
final class CheckpointText {
    /** The format version this engine writes and the newest it reads. */
    static final int VERSION = 1;

    private CheckpointText() {}

    /** {@code v1}, a line break, then {@code json} and a final line break. */
    static String versioned(String json) {
        return "v" + VERSION + "\n" + json + "\n";
    }

    /**
     * The JSON part of a versioned file's text.
     *
     * @throws FreshetException with {@code IO_ERROR} for a missing or unknown version line
     */
    static String unversioned(Path file, String text) {
        int newline = text.indexOf('\n');
        String first = (newline < 0 ? text : text.substring(0, newline)).trim();
        if (!first.matches("v[0-9]{1,9}")) {
            String shown = first.length() > 40 ? first.substring(0, 40) + "..." : first;
            throw corrupt(file, "it should start with a version line such as v" + VERSION + ", found '" + shown + "'");
        }
        int version = Integer.parseInt(first.substring(1));
        if (version > VERSION || version < 1) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR,
                    "Checkpoint file " + file + " has format " + first + " but this version of Freshet reads only v"
                            + VERSION + "; it was written by a newer Freshet: upgrade Freshet, or start the query"
                            + " with a new checkpoint directory");
        }
        return newline < 0 ? "" : text.substring(newline + 1);
    }

    static FreshetException corrupt(Path file, String problem) {
        return new FreshetException(
                ErrorCode.IO_ERROR,
                "Checkpoint file " + file + " is corrupt: " + problem
                        + "; restore it from a backup or start the query with a new checkpoint directory");
    }

    static FreshetException corrupt(Path file, IllegalArgumentException cause) {
        FreshetException error = corrupt(file, cause.getMessage());
        error.initCause(cause);
        return error;
    }

    static FreshetException missing(Path file, String member) {
        return corrupt(file, "it has no '" + member + "'");
    }

    static Map<String, String> readStringMap(Json.Reader reader) {
        Map<String, String> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            map.put(name, reader.nextString());
        }
        reader.endObject();
        return map;
    }

    static List<Long> readLongs(Json.Reader reader) {
        List<Long> values = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            values.add(reader.nextLong());
        }
        reader.endArray();
        return values;
    }

    /** Writes a map with sorted keys, so that equal maps give equal files. */
    static void writeStringMap(Json.Writer writer, Map<String, String> map) {
        writer.value(new TreeMap<>(map));
    }
}
