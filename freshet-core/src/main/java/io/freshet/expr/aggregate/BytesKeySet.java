package io.freshet.expr.aggregate;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Hashing;
import java.util.Arrays;

/**
 * A set of (group, byte string) pairs: keys are stored once in a byte slab and compared exactly, so
 * a hash collision never merges two different values. The table holds entry numbers with 32 bits
 * of the hash, so most mismatches are rejected without touching the slab; entries of one group are
 * linked so a group can be walked on its own.
 */
final class BytesKeySet {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int MAX_SLOTS = 1 << 30;

    /** Per slot: entry number plus one (low half, 0 = empty) and the high half of the hash. */
    private long[] table;

    private int mask;
    private int resizeAt;

    private int entryCount;
    private int liveCount;
    private int[] entryGroups = new int[0];
    private int[] entryNext = new int[0];
    private long[] entryHashes = new long[0];
    private int[] entryOffsets = new int[0];
    private int[] entryLengths = new int[0];
    private byte[] bytes = new byte[1024];
    private int byteCount;

    private int[] heads = new int[0];
    private int[] groupSizes = new int[0];

    BytesKeySet() {
        allocate(1024);
    }

    private void allocate(int slots) {
        table = new long[slots];
        mask = slots - 1;
        resizeAt = (int) (slots * 0.6);
    }

    void ensureGroups(int groupCount) {
        heads = GroupArrays.grow(heads, groupCount);
        groupSizes = GroupArrays.grow(groupSizes, groupCount);
    }

    private static long hashOf(int group, long keyHash) {
        return Hashing.mix(keyHash + group * GOLDEN);
    }

    /** Adds a pair given the key's 64-bit hash (which must depend only on the key bytes); true when new. */
    boolean add(int group, byte[] source, int offset, int length, long keyHash) {
        long hash = hashOf(group, keyHash);
        int tag = (int) (hash >>> 32);
        int slot = (int) hash & mask;
        while (true) {
            long word = table[slot];
            if (word == 0) {
                int entry = append(group, source, offset, length, hash);
                table[slot] = (entry + 1) | ((long) tag << 32);
                if (++liveCount > resizeAt) {
                    rebuild(table.length * 2);
                }
                return true;
            }
            if ((int) (word >>> 32) == tag) {
                int entry = (int) word - 1;
                int start = entryOffsets[entry];
                if (entryGroups[entry] == group
                        && entryLengths[entry] == length
                        && Arrays.equals(bytes, start, start + length, source, offset, offset + length)) {
                    return false;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private int append(int group, byte[] source, int offset, int length, long hash) {
        int entry = entryCount++;
        if (entry == entryGroups.length) {
            int capacity = GroupArrays.grownLength(entryGroups.length, entry + 1);
            entryGroups = Arrays.copyOf(entryGroups, capacity);
            entryNext = Arrays.copyOf(entryNext, capacity);
            entryHashes = Arrays.copyOf(entryHashes, capacity);
            entryOffsets = Arrays.copyOf(entryOffsets, capacity);
            entryLengths = Arrays.copyOf(entryLengths, capacity);
        }
        if ((long) byteCount + length > Integer.MAX_VALUE - 16) {
            throw new FreshetException(
                    ErrorCode.MEMORY_LIMIT_EXCEEDED, "distinct values of one aggregation exceed 2 GB");
        }
        bytes = GroupArrays.grow(bytes, byteCount + length);
        System.arraycopy(source, offset, bytes, byteCount, length);
        entryGroups[entry] = group;
        entryHashes[entry] = hash;
        entryOffsets[entry] = byteCount;
        entryLengths[entry] = length;
        entryNext[entry] = heads[group];
        heads[group] = entry + 1;
        groupSizes[group]++;
        byteCount += length;
        return entry;
    }

    int size(int group) {
        return groupSizes[group];
    }

    /** The number of entries ever added; entries {@code 0..entryCount())} may be scanned. */
    int entryCount() {
        return entryCount;
    }

    /** The group of an entry, or -1 when its group was cleared. */
    int groupOf(int entry) {
        return entryGroups[entry];
    }

    byte[] bytes() {
        return bytes;
    }

    int offsetOf(int entry) {
        return entryOffsets[entry];
    }

    int lengthOf(int entry) {
        return entryLengths[entry];
    }

    /** The entry plus one of a group's most recent key, or 0 when the group has none. */
    int firstOf(int group) {
        return heads[group];
    }

    /** The entry plus one of the group's key added before {@code entry}, or 0. */
    int nextOf(int entry) {
        return entryNext[entry];
    }

    /** Removes every key of a group; its bytes stay in the slab unreferenced. */
    void clearGroup(int group) {
        if (group >= groupSizes.length || groupSizes[group] == 0) {
            return;
        }
        for (int e = heads[group]; e != 0; e = entryNext[e - 1]) {
            entryGroups[e - 1] = -1;
        }
        liveCount -= groupSizes[group];
        heads[group] = 0;
        groupSizes[group] = 0;
        rebuild(table.length);
    }

    private void rebuild(int slots) {
        if (slots > MAX_SLOTS) {
            throw new FreshetException(
                    ErrorCode.MEMORY_LIMIT_EXCEEDED, "too many distinct values for one aggregation: " + liveCount);
        }
        allocate(slots);
        for (int entry = 0; entry < entryCount; entry++) {
            if (entryGroups[entry] < 0) {
                continue;
            }
            long hash = entryHashes[entry];
            int slot = (int) hash & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = (entry + 1) | ((hash >>> 32) << 32);
        }
    }

    long estimatedBytes() {
        return 8L * table.length + 24L * entryGroups.length + bytes.length + 8L * heads.length;
    }
}
