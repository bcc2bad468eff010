package io.freshet.state;

/** Iterates the entries of a {@link KeyGroupState}: {@code while (cursor.next()) { cursor.key() … }}. */
public interface StateCursor {

    /** Moves to the next entry; false at the end. */
    boolean next();

    byte[] key();

    byte[] value();

    /** Removes the current entry. */
    void remove();
}
