package io.freshet.stream.exec;

import io.freshet.state.KeyGroupState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state layout of a stream-stream join: both sides in one store, several rows per join key. The
 * rows of a side with one join key are numbered densely from 0, so reading them is a run of point
 * lookups that ends at the first missing number, and removing rows moves later ones into the gaps.
 *
 * <pre>
 *   key   = side (0 left, 1 right) | encoded join key | row number (4 bytes, big-endian)
 *   value = expiry (8 bytes: the row leaves the state once expiry &lt;= watermark) | matched (1 byte) | row
 * </pre>
 *
 * A join key's entries of both sides hash to the same key group (the group of the encoded join key), so
 * one partition owns them.
 */
final class JoinStateRows {
    static final byte LEFT = 0;
    static final byte RIGHT = 1;
    private static final int HEADER = 9;

    private JoinStateRows() {}

    /** The entry key of row {@code number} of a side's join key. */
    static byte[] key(byte side, byte[] joinKey, int number) {
        byte[] key = new byte[joinKey.length + 5];
        key[0] = side;
        System.arraycopy(joinKey, 0, key, 1, joinKey.length);
        int at = joinKey.length + 1;
        key[at] = (byte) (number >>> 24);
        key[at + 1] = (byte) (number >>> 16);
        key[at + 2] = (byte) (number >>> 8);
        key[at + 3] = (byte) number;
        return key;
    }

    /** The side and join key of an entry key: all but the row number. */
    static byte[] prefix(byte[] entryKey) {
        return Arrays.copyOf(entryKey, entryKey.length - 4);
    }

    /** The rows (entry values) of a side's join key, in row-number order. */
    static List<byte[]> read(KeyGroupState group, byte side, byte[] joinKey) {
        List<byte[]> rows = new ArrayList<>(4);
        for (int number = 0; ; number++) {
            byte[] value = group.get(key(side, joinKey, number));
            if (value == null) {
                return rows;
            }
            rows.add(value);
        }
    }

    /**
     * Makes {@code after} the rows of a side's join key where they were {@code before}, writing only the
     * numbers whose entry changed (unchanged entries are the same arrays) and removing the numbers beyond.
     */
    static void write(KeyGroupState group, byte side, byte[] joinKey, List<byte[]> before, List<byte[]> after) {
        for (int number = 0; number < after.size(); number++) {
            if (number >= before.size() || before.get(number) != after.get(number)) {
                group.put(key(side, joinKey, number), after.get(number));
            }
        }
        for (int number = after.size(); number < before.size(); number++) {
            group.remove(key(side, joinKey, number));
        }
    }

    static byte[] value(long expiry, boolean matched, byte[] row) {
        byte[] value = new byte[HEADER + row.length];
        for (int i = 0; i < 8; i++) {
            value[i] = (byte) (expiry >>> (56 - 8 * i));
        }
        value[8] = (byte) (matched ? 1 : 0);
        System.arraycopy(row, 0, value, HEADER, row.length);
        return value;
    }

    static long expiry(byte[] value) {
        long expiry = 0;
        for (int i = 0; i < 8; i++) {
            expiry = (expiry << 8) | (value[i] & 0xff);
        }
        return expiry;
    }

    static boolean matched(byte[] value) {
        return value[8] != 0;
    }

    /** A copy of an entry value with the matched flag set. */
    static byte[] withMatched(byte[] value) {
        byte[] copy = value.clone();
        copy[8] = 1;
        return copy;
    }

    /** The encoded row of an entry value. */
    static byte[] row(byte[] value) {
        return Arrays.copyOfRange(value, HEADER, value.length);
    }
}
