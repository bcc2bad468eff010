package io.freshet.stream.source;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Where a source of one streaming query keeps its own metadata ({@code <checkpoint>/sources/<n>/}, e.g.
 * the file source's log of seen files), and the query's id.
 */
public record StreamSourceContext(Path metadataDirectory, String queryId) {
    public StreamSourceContext {
        requireNonNull(metadataDirectory, "metadataDirectory is null");
        requireNonNull(queryId, "queryId is null");
    }
}
