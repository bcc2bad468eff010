package io.freshet.stream.source;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.util.Json;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Offsets that are a single count, {@code {"<name>":N}}, as the built-in sources use: the rate source counts rows
 * ({@code {"rows":N}}), a {@link MemoryStream} counts added batches, the file source counts its log entries.
 */
public final class CounterOffsets {
    private CounterOffsets() {}

    /** The offset {@code {"<name>":value}}. */
    public static Offset of(String name, long value) {
        requireNonNull(name, "name is null");
        checkArgument(value >= 0, "an offset count must be non-negative: %s", value);
        return new Offset(new Json.Writer()
                .beginObject()
                .name(name)
                .value(value)
                .endObject()
                .toString());
    }

    /**
     * The count of {@code offset}, or {@code whenNull} for a null offset (the beginning of the stream).
     *
     * @throws FreshetException with {@code INVALID_ARGUMENT} when the offset is not {@code {"<name>":N}}, e.g. a
     *     checkpoint of a different query
     */
    public static long value(Offset offset, String name, long whenNull, String source) {
        if (offset == null) {
            return whenNull;
        }
        try {
            Json.Reader reader = new Json.Reader(offset.json());
            long value = -1;
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals(name)) {
                    value = reader.nextLong();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            reader.endDocument();
            if (value >= 0) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // Reported below, with what was expected.
        }
        throw new FreshetException(
                ErrorCode.INVALID_ARGUMENT,
                "Offset " + offset.json() + " is not an offset of " + source + ", which expects {\"" + name
                        + "\":N}; the checkpoint may belong to a different query");
    }
}
