package io.freshet.exec.ops;

import io.freshet.data.Vector;
import io.freshet.types.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * An open-addressing hash table from rows of key columns to dense group ids {@code 0, 1, 2, …} in
 * order of first appearance; keys are copied into {@link KeyStore}s. Nulls are keys like any other.
 * Single-threaded.
 */
final class GroupTable {
    private final KeyStore[] stores;
    private int[] slots;
    private int mask;
    private long[] groupHashes;
    private int groupCount;

    GroupTable(List<DataType> keyTypes) {
        stores = new KeyStore[keyTypes.size()];
        for (int i = 0; i < stores.length; i++) {
            stores[i] = KeyStore.forType(keyTypes.get(i));
        }
        slots = new int[64];
        mask = slots.length - 1;
        groupHashes = new long[32];
    }

    int groupCount() {
        return groupCount;
    }

    long groupHash(int group) {
        return groupHashes[group];
    }

    /** Writes the group of each row {@code 0..rowCount)} into {@code groupIds}, adding new groups. */
    void findOrInsert(Vector[] keys, int rowCount, long[] hashes, int[] groupIds) {
        for (int i = 0; i < rowCount; i++) {
            groupIds[i] = findOrInsert(keys, i, hashes[i]);
        }
    }

    /** Writes the group of each row into {@code groupIds}, or -1 for rows whose key is not in the table. */
    void find(Vector[] keys, int rowCount, long[] hashes, int[] groupIds) {
        for (int i = 0; i < rowCount; i++) {
            groupIds[i] = find(keys, i, hashes[i]);
        }
    }

    int find(Vector[] keys, int row, long hash) {
        int slot = (int) hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            int group = entry - 1;
            if (groupHashes[group] == hash && keysMatch(group, keys, row)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    int findOrInsert(Vector[] keys, int row, long hash) {
        int slot = (int) hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return insert(slot, keys, row, hash);
            }
            int group = entry - 1;
            if (groupHashes[group] == hash && keysMatch(group, keys, row)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean keysMatch(int group, Vector[] keys, int row) {
        for (int k = 0; k < stores.length; k++) {
            if (!stores[k].matches(group, keys[k], row)) {
                return false;
            }
        }
        return true;
    }

    private int insert(int slot, Vector[] keys, int row, long hash) {
        int group = groupCount++;
        if (group == groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, group * 2);
        }
        groupHashes[group] = hash;
        for (int k = 0; k < stores.length; k++) {
            stores[k].append(keys[k], row);
        }
        slots[slot] = group + 1;
        if (groupCount * 2 > slots.length) {
            rehash();
        }
        return group;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) groupHashes[group] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = group + 1;
        }
    }

    /** The keys of all groups, one vector per key column, indexed by group id. */
    Vector[] keys() {
        Vector[] result = new Vector[stores.length];
        for (int k = 0; k < stores.length; k++) {
            result[k] = stores[k].build();
        }
        return result;
    }

    long estimatedBytes() {
        long bytes = slots.length * 4L + groupHashes.length * 8L;
        for (KeyStore store : stores) {
            bytes += store.estimatedBytes();
        }
        return bytes;
    }
}
