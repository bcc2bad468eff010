package io.freshet.util;

import static java.lang.String.format;

/** Argument and state checks with formatted messages; Freshet's core keeps third-party dependencies out. */
public final class Checks {
    private Checks() {}

    public static void checkArgument(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(format(message, args));
        }
    }

    public static void checkState(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new IllegalStateException(format(message, args));
        }
    }

    public static int checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(format("index %s out of bounds for size %s", index, size));
        }
        return index;
    }
}
