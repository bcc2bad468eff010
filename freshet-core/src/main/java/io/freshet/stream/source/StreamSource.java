package io.freshet.stream.source;

import io.freshet.catalog.TableSource;
import io.freshet.types.Schema;

/**
 * A replayable input of a streaming query: its data is addressed by {@link Offset}s, and the rows
 * between two offsets are the same every time they are read, so that a re-run batch sees the same
 * input. One instance serves one streaming query; the engine calls it from one thread.
 */
public interface StreamSource extends AutoCloseable {

    /** A short description for progress and plans, e.g. {@code FileStreamSource[/data/in]}. */
    String describe();

    Schema schema();

    /**
     * The end offset of the next micro-batch starting at {@code start} (null: from the beginning),
     * within this source's per-trigger limits ({@code maxFilesPerTrigger} and the like) unless {@code
     * limited} is false. Returns {@code start} when nothing new is there, and null when the source has
     * never had data.
     */
    Offset latestOffset(Offset start, boolean limited);

    /**
     * Fixes what "available now" means for a trigger that processes what is there and stops: from now
     * on {@link #latestOffset} never goes past the data available at this call.
     */
    default void prepareForAvailableNow() {}

    /** The rows after {@code start} (null: from the beginning) up to and including {@code end}, as a table. */
    TableSource read(Offset start, Offset end);

    /** Everything up to {@code end} is committed; the source may forget what it kept for replaying it. */
    default void commit(Offset end) {}

    /** Releases what the source holds (threads, files, connections). */
    @Override
    default void close() {}
}
