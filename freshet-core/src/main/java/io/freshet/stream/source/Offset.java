package io.freshet.stream.source;

import static java.util.Objects.requireNonNull;

/**
 * A position in a {@link StreamSource}, as the JSON text the offset log stores. Opaque to the engine:
 * only the source that made it reads it; two offsets are equal when their texts are.
 */
public record Offset(String json) {
    public Offset {
        requireNonNull(json, "json is null");
    }

    @Override
    public String toString() {
        return json;
    }
}
