package io.freshet.stream.exec;

import io.freshet.state.BytesHashTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers distinct byte-string keys densely from 0 in order of first appearance (the join keys of a
 * micro-batch's new rows, or the state keys an eviction touches), over a {@link BytesHashTable}.
 */
final class JoinKeyIndex {
    private final BytesHashTable table;
    private final List<byte[]> keys = new ArrayList<>();
    private int[] keyGroups = new int[16];

    JoinKeyIndex(int expectedKeys) {
        this.table = new BytesHashTable(Math.max(expectedKeys, 1), 24);
    }

    /** The id of a key, adding it (with its key group) when it is new. */
    int idOf(byte[] key, int keyGroup) {
        long hash = BytesHashTable.hash(key, 0, key.length);
        int slot = table.find(key, 0, key.length, hash);
        if (slot >= 0) {
            byte[] slab = table.slab();
            int at = table.valueOffset(table.address(slot));
            return ((slab[at] & 0xff) << 24)
                    | ((slab[at + 1] & 0xff) << 16)
                    | ((slab[at + 2] & 0xff) << 8)
                    | (slab[at + 3] & 0xff);
        }
        int id = keys.size();
        byte[] value = {(byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
        table.insert(slot, hash, key, 0, key.length, value, 0, 4);
        keys.add(key);
        if (id == keyGroups.length) {
            keyGroups = java.util.Arrays.copyOf(keyGroups, id * 2);
        }
        keyGroups[id] = keyGroup;
        return id;
    }

    int size() {
        return keys.size();
    }

    byte[] key(int id) {
        return keys.get(id);
    }

    int keyGroup(int id) {
        return keyGroups[id];
    }
}
