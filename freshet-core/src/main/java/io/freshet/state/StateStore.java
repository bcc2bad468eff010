package io.freshet.state;

/**
 * The versioned key-value state of one stateful operator, spread over a fixed number of key groups
 * (fixed at the query's first run, so the number of worker threads may change between runs).
 *
 * <p>During a micro-batch each key group is used by one thread at a time; different key groups may be
 * used by different threads at once. After the batch the engine calls {@link #commit} from one thread,
 * which makes the changes of all key groups version {@link #version()} + 1 and checkpoints them.
 */
public interface StateStore extends AutoCloseable {

    /** The number of key groups; a key belongs to group {@code KeyGroups.of(hash, keyGroups())}. */
    int keyGroups();

    /** The last committed version (0 before the first commit); the state read is that version's. */
    long version();

    /** The state of one key group; changes stay uncommitted until {@link #commit}. */
    KeyGroupState group(int keyGroup);

    /**
     * Commits the changes of every key group as version {@link #version()} + 1 and writes them durably
     * to the checkpoint (a delta of the changes, and a full snapshot every few versions).
     */
    void commit();

    /** Drops the changes made since the last commit. */
    void abort();

    /** Rows, memory and timings, for progress reports. */
    StateStoreMetrics metrics();

    /** Releases memory and files held open (not the checkpoint). */
    @Override
    void close();
}
