package io.freshet.expr.aggregate;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Hashing;

/**
 * A set of (group, long key) pairs in one open-addressing table with linear probing, the heart of
 * {@code count(DISTINCT …)}: no boxing and no per-group sets. Each slot takes two adjacent longs,
 * the key and a word holding {@code group + 1} (low half, 0 = empty slot) and the slot of the
 * group's previous entry plus one (high half), so that one cache line answers a probe and each
 * group's entries can be walked without scanning the table.
 */
final class LongKeySet {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int MAX_SLOTS = 1 << 30;
    /** Rows per two-pass chunk of {@link #addAll}: their home cache lines should stay in L2 between the passes. */
    private static final int CHUNK = 1024;

    private long[] table;
    private int mask;
    private int size;
    private int resizeAt;
    /** Per group, the slot of its most recent entry plus one; 0 when the group has none. */
    private int[] heads = new int[0];

    private int[] groupSizes = new int[0];
    /** Scratch for {@link #addAll}: the home slot of each row of the batch. */
    private int[] homes = new int[0];
    /** Keeps the loads of {@link #addAll}'s first pass from being optimized away. */
    private long touched;

    LongKeySet() {
        allocate(1024);
    }

    private void allocate(int slots) {
        table = new long[slots * 2];
        mask = slots - 1;
        resizeAt = (int) (slots * 0.6);
    }

    void ensureGroups(int groupCount) {
        heads = GroupArrays.grow(heads, groupCount);
        groupSizes = GroupArrays.grow(groupSizes, groupCount);
    }

    static int slotOf(int group, long key, int mask) {
        return (int) Hashing.mix(key + group * GOLDEN) & mask;
    }

    /** Adds a pair; true when it was not in the set. */
    boolean add(int group, long key) {
        long[] table = this.table;
        int mask = this.mask;
        int tag = group + 1;
        int slot = slotOf(group, key, mask);
        while (true) {
            int i = slot << 1;
            long meta = table[i + 1];
            if (meta == 0) {
                table[i] = key;
                table[i + 1] = (tag & 0xFFFFFFFFL) | ((long) heads[group] << 32);
                heads[group] = slot + 1;
                groupSizes[group]++;
                if (++size > resizeAt) {
                    rehash(table.length);
                }
                return true;
            }
            if ((int) meta == tag && table[i] == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Adds the pairs {@code (groupIds[i], keys[i])} for {@code i < rowCount}; returns how many were
     * new. Works in two passes over chunks of the batch: the first only computes the home slots and
     * loads them, which the processor overlaps freely because nothing depends on the loaded values,
     * so the second pass (the probes, with their unpredictable branches) mostly finds its cache lines
     * already loaded. Tables larger than the cache are bound by these loads.
     */
    int addAll(int[] groupIds, long[] keys, int rowCount) {
        int[] homes = homeSlots(Math.min(rowCount, CHUNK));
        int added = 0;
        for (int chunkStart = 0; chunkStart < rowCount; chunkStart += CHUNK) {
            int chunkEnd = Math.min(rowCount, chunkStart + CHUNK);
            while (size + (chunkEnd - chunkStart) > resizeAt) {
                // Grow up front so that the home slots computed for the chunk stay valid.
                rehash(table.length);
            }
            int chunkAdded = addChunk(groupIds, keys, chunkStart, chunkEnd, homes);
            size += chunkAdded;
            added += chunkAdded;
        }
        return added;
    }

    private int addChunk(int[] groupIds, long[] keys, int from, int to, int[] homes) {
        long[] table = this.table;
        int mask = this.mask;
        long touched = 0;
        for (int i = from; i < to; i++) {
            int slot = slotOf(groupIds[i], keys[i], mask);
            homes[i - from] = slot;
            touched += table[(slot << 1) + 1];
        }
        this.touched += touched;
        int added = 0;
        for (int i = from; i < to; i++) {
            int group = groupIds[i];
            long key = keys[i];
            int tag = group + 1;
            int slot = homes[i - from];
            while (true) {
                int index = slot << 1;
                long meta = table[index + 1];
                if (meta == 0) {
                    table[index] = key;
                    table[index + 1] = (tag & 0xFFFFFFFFL) | ((long) heads[group] << 32);
                    heads[group] = slot + 1;
                    groupSizes[group]++;
                    added++;
                    break;
                }
                if ((int) meta == tag && table[index] == key) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return added;
    }

    private int[] homeSlots(int rowCount) {
        if (homes.length < rowCount) {
            homes = new int[rowCount];
        }
        return homes;
    }

    /** The number of keys of a group. */
    int size(int group) {
        return groupSizes[group];
    }

    int totalSize() {
        return size;
    }

    /** The number of slots; slots {@code 0..slotCount())} may be scanned with {@link #groupAt}. */
    int slotCount() {
        return mask + 1;
    }

    /** The group of the entry in a slot, or -1 for an empty slot. */
    int groupAt(int slot) {
        return (int) table[(slot << 1) + 1] - 1;
    }

    long keyAt(int slot) {
        return table[slot << 1];
    }

    /** The slot of a group's first entry (in no particular order) plus one, or 0. */
    int firstOf(int group) {
        return heads[group];
    }

    /** The slot plus one of the entry after the one in {@code slot}, or 0. */
    int nextOf(int slot) {
        return (int) (table[(slot << 1) + 1] >>> 32);
    }

    /** Removes every key of a group (rebuilds the table; meant for the rare state replacement). */
    void clearGroup(int group) {
        if (group >= groupSizes.length || groupSizes[group] == 0) {
            return;
        }
        size -= groupSizes[group];
        groupSizes[group] = 0;
        rebuild(table, mask + 1, group);
    }

    private void rehash(int newSlots) {
        if (newSlots > MAX_SLOTS) {
            throw new FreshetException(
                    ErrorCode.MEMORY_LIMIT_EXCEEDED, "too many distinct values for one aggregation: " + size);
        }
        rebuild(table, Math.max(newSlots, 2 * (mask + 1)), -1);
    }

    /** Reinserts the entries of {@code old} into a table of {@code slots} slots, leaving out {@code skipGroup}. */
    private void rebuild(long[] old, int slots, int skipGroup) {
        allocate(slots);
        java.util.Arrays.fill(heads, 0);
        long[] table = this.table;
        int mask = this.mask;
        for (int i = 0; i < old.length; i += 2) {
            long meta = old[i + 1];
            int tag = (int) meta;
            if (tag == 0 || tag - 1 == skipGroup) {
                continue;
            }
            int group = tag - 1;
            long key = old[i];
            int slot = slotOf(group, key, mask);
            while (table[(slot << 1) + 1] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot << 1] = key;
            table[(slot << 1) + 1] = (tag & 0xFFFFFFFFL) | ((long) heads[group] << 32);
            heads[group] = slot + 1;
        }
    }

    long estimatedBytes() {
        return 8L * table.length + 8L * heads.length;
    }
}
