package io.freshet.state;

import java.nio.file.Path;

import static io.freshet.util.Checks.checkArgument;
import static io.freshet.util.Checks.checkIndex;
import static io.freshet.util.Checks.checkState;
import static java.util.Objects.requireNonNull;

/**
 * A {@link StateStore} that keeps every key group in a {@link BytesHashTable} on the heap and checkpoints
 * it as deltas and snapshots ({@link StateCheckpoint}).
 *
 * <p>Each key group logs the keys changed since the last commit, with the slab address of their committed
 * record (or none for a new key), in a second table. Committed records are never overwritten in place, so
 * {@link #abort()} points the changed keys back at their committed records and cuts the slab back to its
 * committed end; {@link #commit()} writes the logged keys' final values (or removes) as the delta.
 */
public final class InMemoryStateStore implements StateStore {
    private static final int ABSENT = 0;

    private final StateCheckpoint checkpoint;
    private final Group[] groups;
    private long version;
    private boolean closed;
    private StateStoreMetrics metrics = new StateStoreMetrics(0, 0, 0, 0, 0);

    private InMemoryStateStore(StateCheckpoint checkpoint, int keyGroups) {
        this.checkpoint = checkpoint;
        this.groups = new Group[keyGroups];
        for (int i = 0; i < keyGroups; i++) {
            groups[i] = new Group();
        }
    }

    /** Opens the state in {@code directory} at {@code version} (0: empty). */
    public static InMemoryStateStore open(Path directory, int keyGroups, long version, StateStoreOptions options) {
        requireNonNull(directory, "directory is null");
        checkArgument(version >= 0, "version must be non-negative: %s", version);
        InMemoryStateStore store =
                new InMemoryStateStore(new StateCheckpoint(directory, keyGroups, options), keyGroups);
        store.checkpoint.load(version, store.new Restorer());
        for (Group group : store.groups) {
            group.markCommitted();
        }
        store.version = version;
        store.metrics = new StateStoreMetrics(store.rowsTotal(), 0, 0, store.memoryBytes(), 0);
        return store;
    }

    @Override
    public int keyGroups() {
        return groups.length;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public KeyGroupState group(int keyGroup) {
        checkState(!closed, "state store is closed");
        return groups[checkIndex(keyGroup, groups.length)];
    }

    @Override
    public void commit() {
        checkState(!closed, "state store is closed");
        long start = System.nanoTime();
        long next = version + 1;
        long updated = 0;
        long removed = 0;
        try (StateFileWriter delta = checkpoint.startDelta(next)) {
            for (int g = 0; g < groups.length; g++) {
                long changes = groups[g].writeChanges(g, delta);
                updated += changes >>> 32;
                removed += changes & 0xFFFFFFFFL;
            }
            delta.commit();
        }
        if (checkpoint.snapshotDue(next)) {
            try (StateFileWriter snapshot = checkpoint.startSnapshot(next)) {
                for (int g = 0; g < groups.length; g++) {
                    groups[g].writeAll(g, snapshot);
                }
                snapshot.commit();
            }
            checkpoint.cleanUp(next);
        }
        for (Group group : groups) {
            group.markCommitted();
        }
        version = next;
        long millis = (System.nanoTime() - start) / 1_000_000;
        metrics = new StateStoreMetrics(rowsTotal(), updated, removed, memoryBytes(), millis);
    }

    @Override
    public void abort() {
        checkState(!closed, "state store is closed");
        for (Group group : groups) {
            group.rollBack();
        }
    }

    @Override
    public StateStoreMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = null;
        }
    }

    private long rowsTotal() {
        long total = 0;
        for (Group group : groups) {
            total += group.size();
        }
        return total;
    }

    private long memoryBytes() {
        long total = 0;
        for (Group group : groups) {
            total += group.table.memoryBytes() + group.changes.memoryBytes();
        }
        return total;
    }

    /** Loads checkpoint files straight into the key groups' tables, bypassing the change logs. */
    private final class Restorer implements StateCheckpoint.Loader {
        @Override
        public void put(int keyGroup, byte[] key, int keyLength, byte[] value, int valueLength) {
            BytesHashTable table = groups[keyGroup].table;
            long hash = BytesHashTable.hash(key, 0, keyLength);
            int slot = table.find(key, 0, keyLength, hash);
            if (slot >= 0) {
                table.replaceValue(slot, value, 0, valueLength);
            } else {
                table.insert(slot, hash, key, 0, keyLength, value, 0, valueLength);
            }
        }

        @Override
        public void remove(int keyGroup, byte[] key, int keyLength) {
            BytesHashTable table = groups[keyGroup].table;
            int slot = table.find(key, 0, keyLength, BytesHashTable.hash(key, 0, keyLength));
            if (slot >= 0) {
                table.remove(slot);
            }
        }
    }

    /** One key group: its entries, and the keys changed since the last commit with their committed records. */
    private static final class Group implements KeyGroupState {
        private final BytesHashTable table = new BytesHashTable();
        /** Changed key → 4-byte big-endian slab address of its committed record, or {@link #ABSENT}. */
        private final BytesHashTable changes = new BytesHashTable();

        private final byte[] addressBytes = new byte[4];
        private int committedEnd;

        @Override
        public byte[] get(byte[] key) {
            int slot = table.find(key, 0, key.length, BytesHashTable.hash(key, 0, key.length));
            return slot < 0 ? null : table.copyValue(table.address(slot));
        }

        @Override
        public void put(byte[] key, byte[] value) {
            requireNonNull(value, "value is null");
            long hash = BytesHashTable.hash(key, 0, key.length);
            int slot = table.find(key, 0, key.length, hash);
            if (slot >= 0) {
                int address = table.address(slot);
                if (address < committedEnd) {
                    // the first change of a committed entry in this version
                    logChange(key, 0, key.length, hash, address);
                }
                table.replaceValue(slot, value, 0, value.length);
            } else {
                // a key absent now: new, or removed earlier in this version (then already logged)
                if (changes.find(key, 0, key.length, hash) < 0) {
                    logChange(key, 0, key.length, hash, ABSENT);
                }
                table.insert(slot, hash, key, 0, key.length, value, 0, value.length);
            }
        }

        @Override
        public boolean remove(byte[] key) {
            int slot = table.find(key, 0, key.length, BytesHashTable.hash(key, 0, key.length));
            if (slot < 0) {
                return false;
            }
            removeAt(slot);
            return true;
        }

        @Override
        public long size() {
            return table.size();
        }

        @Override
        public StateCursor cursor() {
            return new Cursor(this);
        }

        private void removeAt(int slot) {
            int address = table.address(slot);
            if (address < committedEnd) {
                int keyOffset = table.keyOffset(address);
                int keyLength = table.keyLength(address);
                long hash = BytesHashTable.hash(table.slab(), keyOffset, keyLength);
                logChange(table.slab(), keyOffset, keyLength, hash, address);
            }
            table.remove(slot);
        }

        /** Logs the first change of {@code key} in this version; it must not be logged yet. */
        private void logChange(byte[] key, int offset, int length, long hash, int committedAddress) {
            addressBytes[0] = (byte) (committedAddress >>> 24);
            addressBytes[1] = (byte) (committedAddress >>> 16);
            addressBytes[2] = (byte) (committedAddress >>> 8);
            addressBytes[3] = (byte) committedAddress;
            int slot = changes.find(key, offset, length, hash);
            changes.insert(slot, hash, key, offset, length, addressBytes, 0, 4);
        }

        private int loggedAddress(int address) {
            byte[] slab = changes.slab();
            int offset = changes.valueOffset(address);
            return (slab[offset] & 0xFF) << 24
                    | (slab[offset + 1] & 0xFF) << 16
                    | (slab[offset + 2] & 0xFF) << 8
                    | (slab[offset + 3] & 0xFF);
        }

        /** Writes the final change of each logged key; returns updated count << 32 | removed count. */
        long writeChanges(int keyGroup, StateFileWriter writer) {
            long updated = 0;
            long removed = 0;
            byte[] changedKeys = changes.slab();
            for (int c = 0; c < changes.capacity(); c++) {
                if (!changes.occupied(c)) {
                    continue;
                }
                int changeAddress = changes.address(c);
                int keyOffset = changes.keyOffset(changeAddress);
                int keyLength = changes.keyLength(changeAddress);
                long hash = BytesHashTable.hash(changedKeys, keyOffset, keyLength);
                int slot = table.find(changedKeys, keyOffset, keyLength, hash);
                if (slot >= 0) {
                    int address = table.address(slot);
                    writer.put(
                            keyGroup,
                            changedKeys,
                            keyOffset,
                            keyLength,
                            table.slab(),
                            table.valueOffset(address),
                            table.valueLength(address));
                    updated++;
                } else if (loggedAddress(changeAddress) != ABSENT) {
                    writer.remove(keyGroup, changedKeys, keyOffset, keyLength);
                    removed++;
                }
            }
            return updated << 32 | removed;
        }

        void writeAll(int keyGroup, StateFileWriter writer) {
            byte[] slab = table.slab();
            for (int slot = 0; slot < table.capacity(); slot++) {
                if (table.occupied(slot)) {
                    int address = table.address(slot);
                    int keyOffset = table.keyOffset(address);
                    int keyLength = table.keyLength(address);
                    writer.put(
                            keyGroup,
                            slab,
                            keyOffset,
                            keyLength,
                            slab,
                            keyOffset + keyLength,
                            table.valueLength(address));
                }
            }
        }

        void markCommitted() {
            changes.clear();
            if (table.worthCompacting()) {
                table.compact();
            }
            table.protect();
            committedEnd = table.slabEnd();
        }

        void rollBack() {
            byte[] changedKeys = changes.slab();
            for (int c = 0; c < changes.capacity(); c++) {
                if (!changes.occupied(c)) {
                    continue;
                }
                int changeAddress = changes.address(c);
                int keyOffset = changes.keyOffset(changeAddress);
                int keyLength = changes.keyLength(changeAddress);
                int committedAddress = loggedAddress(changeAddress);
                long hash = BytesHashTable.hash(changedKeys, keyOffset, keyLength);
                int slot = table.find(changedKeys, keyOffset, keyLength, hash);
                if (committedAddress == ABSENT) {
                    if (slot >= 0) {
                        table.remove(slot);
                    }
                } else if (slot >= 0) {
                    table.setAddress(slot, committedAddress);
                } else {
                    table.insertAddress(slot, hash, committedAddress);
                }
            }
            changes.clear();
            table.truncate(committedEnd);
            table.protect();
        }
    }

    /**
     * Walks the slots from just after an empty one, so that the entries a removal shifts back land on slots
     * not yet visited (or on the current one, which is visited again).
     */
    private static final class Cursor implements StateCursor {
        private final Group group;
        private final BytesHashTable table;
        private final int start;
        private final int capacity;
        private int step;
        private int slot = -1;
        private boolean removed;

        Cursor(Group group) {
            this.group = group;
            this.table = group.table;
            this.start = table.firstEmptySlot();
            this.capacity = table.capacity();
        }

        @Override
        public boolean next() {
            checkState(table.capacity() == capacity, "the key group changed while a cursor was open");
            if (slot >= 0 && !removed) {
                step++;
            }
            removed = false;
            while (step < capacity - 1) {
                int candidate = (start + 1 + step) & (capacity - 1);
                if (table.occupied(candidate)) {
                    slot = candidate;
                    return true;
                }
                step++;
            }
            slot = -1;
            return false;
        }

        @Override
        public byte[] key() {
            return table.copyKey(current());
        }

        @Override
        public byte[] value() {
            return table.copyValue(current());
        }

        @Override
        public void remove() {
            current();
            group.removeAt(slot);
            removed = true;
        }

        private int current() {
            checkState(slot >= 0 && !removed, "the cursor is not on an entry");
            return table.address(slot);
        }
    }
}
