package io.freshet.state;

/** Maps key hashes to key groups, and key groups to the partitions of a run. */
public final class KeyGroups {
    /** The default number of key groups of a new query ({@code freshet.state.key-groups}). */
    public static final int DEFAULT = 64;

    private KeyGroups() {}

    /** The key group of a key with this 64-bit hash. */
    public static int of(long hash, int keyGroups) {
        return (int) Math.floorMod(hash ^ (hash >>> 32), (long) keyGroups);
    }

    /** The partition (of {@code partitions}) that owns a key group: contiguous ranges of groups. */
    public static int partitionOf(int keyGroup, int keyGroups, int partitions) {
        return (int) ((long) keyGroup * partitions / keyGroups);
    }
}
