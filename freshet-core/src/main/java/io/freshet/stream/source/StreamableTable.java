package io.freshet.stream.source;

/**
 * A table that can also be read as a stream ({@code FROM STREAM t}, {@code readStream()}): a directory
 * files keep arriving in, a generator, a topic.
 */
public interface StreamableTable {

    /** Opens this table as the source of one streaming query. */
    StreamSource openStream(StreamSourceContext context);
}
