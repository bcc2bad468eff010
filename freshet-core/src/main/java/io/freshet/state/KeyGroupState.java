package io.freshet.state;

/**
 * The entries of one key group of a {@link StateStore}: byte-string keys to byte-string values. Arrays
 * passed in are copied; arrays returned must not be modified. Not thread-safe.
 */
public interface KeyGroupState {

    /** The value of {@code key}, or null. */
    byte[] get(byte[] key);

    void put(byte[] key, byte[] value);

    /** Removes {@code key}; returns whether it was there. */
    boolean remove(byte[] key);

    /** The number of entries. */
    long size();

    /**
     * A cursor over the entries, in no particular order. {@link StateCursor#remove()} removes the
     * current entry; other changes while iterating are not allowed.
     */
    StateCursor cursor();
}
