package io.freshet.state.rocksdb;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.state.BytesHashTable;
import io.freshet.state.KeyGroupState;
import io.freshet.state.StateCheckpoint;
import io.freshet.state.StateCursor;
import io.freshet.state.StateFileWriter;
import io.freshet.state.StateStore;
import io.freshet.state.StateStoreMetrics;
import io.freshet.state.StateStoreOptions;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import static io.freshet.util.Checks.checkArgument;
import static io.freshet.util.Checks.checkIndex;
import static io.freshet.util.Checks.checkState;
import static java.util.Objects.requireNonNull;

/**
 * A {@link StateStore} whose committed state lives in a RocksDB instance in a local working directory, so
 * that it can exceed the heap; it checkpoints the same delta and snapshot files as the in-memory store.
 *
 * <p>Keys are stored with their key group as a 2-byte big-endian prefix, so a key group is one contiguous
 * key range. Changes since the last commit stay in a per-key-group change buffer on the heap (a
 * {@link BytesHashTable} of key → state byte and value) that reads consult first; {@link #commit()} writes
 * the buffered changes as the delta file and then into RocksDB in one write batch (without RocksDB's own
 * write-ahead log: the working directory is rebuilt from the checkpoint after a crash), and {@link #abort()}
 * drops the buffers. So a micro-batch's changes must fit in memory, while the state need not.
 */
public final class RocksDbStateStore implements StateStore {
    private static final byte[] NO_BYTES = new byte[0];

    /** Bit set in a change's state byte when the key is in RocksDB (the committed state). */
    private static final byte COMMITTED = 1;

    /** Bit set in a change's state byte when the key is present now (put), clear when removed. */
    private static final byte PRESENT = 2;

    /** Entries read from RocksDB per cursor chunk; the RocksDB iterator is closed between chunks. */
    private static final int CURSOR_CHUNK_ENTRIES = 1024;

    /** Bytes of a write batch before it is written, while loading a checkpoint. */
    private static final long LOAD_BATCH_BYTES = 32L << 20;

    static {
        RocksDB.loadLibrary();
    }

    private final StateCheckpoint checkpoint;
    private final Path workingDirectory;
    private final Group[] groups;
    private final BloomFilter bloomFilter;
    private final Options options;
    private final ReadOptions readOptions;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private long version;
    private boolean closed;
    private StateStoreMetrics metrics = new StateStoreMetrics(0, 0, 0, 0, 0);

    private RocksDbStateStore(StateCheckpoint checkpoint, int keyGroups, Path workingDirectory) {
        this.checkpoint = checkpoint;
        this.workingDirectory = workingDirectory;
        this.bloomFilter = new BloomFilter(10, false);
        this.options = new Options()
                .setCreateIfMissing(true)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloomFilter));
        this.readOptions = new ReadOptions();
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        try {
            this.db = RocksDB.open(options, workingDirectory.toString());
        } catch (RocksDBException e) {
            closeOptions();
            throw failure("open RocksDB in " + workingDirectory, e);
        }
        this.groups = new Group[keyGroups];
        for (int g = 0; g < keyGroups; g++) {
            groups[g] = new Group(g);
        }
    }

    /**
     * Opens the state in {@code directory} at {@code version} (0: empty), in a new RocksDB working directory
     * under {@code options.rocksDbDirectory()} (or {@code java.io.tmpdir}), deleted again on {@link #close()}.
     */
    public static RocksDbStateStore open(Path directory, int keyGroups, long version, StateStoreOptions options) {
        requireNonNull(directory, "directory is null");
        checkArgument(version >= 0, "version must be non-negative: %s", version);
        StateCheckpoint checkpoint = new StateCheckpoint(directory, keyGroups, options);
        Path parent = options.rocksDbDirectory() != null
                ? options.rocksDbDirectory()
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path workingDirectory;
        try {
            Files.createDirectories(parent);
            workingDirectory = Files.createTempDirectory(parent, "freshet-rocksdb-");
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR,
                    "Cannot create a RocksDB working directory under " + parent + " (set "
                            + StateStoreOptions.ROCKSDB_DIRECTORY + " to a writable directory): " + e,
                    e);
        }
        RocksDbStateStore store = new RocksDbStateStore(checkpoint, keyGroups, workingDirectory);
        Restorer restorer = store.new Restorer();
        try {
            checkpoint.load(version, restorer);
        } catch (RuntimeException e) {
            restorer.discard();
            store.close();
            throw e;
        }
        store.version = version;
        store.metrics = new StateStoreMetrics(store.rowsTotal(), 0, 0, store.memoryBytes(), 0);
        return store;
    }

    /** The local directory RocksDB works in (not the checkpoint). */
    public Path workingDirectory() {
        return workingDirectory;
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
            for (Group group : groups) {
                long changes = group.writeChanges(delta);
                updated += changes >>> 32;
                removed += changes & 0xFFFFFFFFL;
            }
            delta.commit();
        }
        if (checkpoint.snapshotDue(next)) {
            // written from the merged view before RocksDB changes, so a failure leaves the store uncommitted
            try (StateFileWriter snapshot = checkpoint.startSnapshot(next)) {
                for (Group group : groups) {
                    group.writeAll(snapshot);
                }
                snapshot.commit();
            }
            checkpoint.cleanUp(next);
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (Group group : groups) {
                group.addChanges(batch);
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure("write version " + next + " into RocksDB in " + workingDirectory, e);
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
        if (closed) {
            return;
        }
        closed = true;
        db.close();
        closeOptions();
        deleteRecursively(workingDirectory);
    }

    private void closeOptions() {
        writeOptions.close();
        readOptions.close();
        options.close();
        bloomFilter.close();
    }

    private long rowsTotal() {
        long total = 0;
        for (Group group : groups) {
            total += group.size;
        }
        return total;
    }

    private long memoryBytes() {
        long total = 0;
        for (Group group : groups) {
            total += group.changes.memoryBytes();
        }
        try {
            total += db.getLongProperty("rocksdb.cur-size-all-mem-tables");
            total += db.getLongProperty("rocksdb.estimate-table-readers-mem");
            total += db.getLongProperty("rocksdb.block-cache-usage");
        } catch (RocksDBException e) {
            throw failure("read the memory use of RocksDB in " + workingDirectory, e);
        }
        return total;
    }

    private static FreshetException failure(String action, RocksDBException e) {
        return new FreshetException(ErrorCode.IO_ERROR, "Cannot " + action + ": " + e.getMessage(), e);
    }

    private static void deleteRecursively(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot delete the RocksDB working directory " + directory + ": " + e, e);
        }
    }

    /** Loads checkpoint files into RocksDB in write batches, counting the entries of each key group. */
    private final class Restorer implements StateCheckpoint.Loader {
        private WriteBatch batch;
        private boolean snapshot;

        @Override
        public void beginFile(boolean isSnapshot, long fileVersion) {
            this.snapshot = isSnapshot;
            this.batch = new WriteBatch();
        }

        @Override
        public void put(int keyGroup, byte[] key, int keyLength, byte[] value, int valueLength) {
            Group group = groups[keyGroup];
            // a snapshot is read into an empty database; a delta names each key once, so RocksDB without
            // the pending batch still holds the key's state from before this file
            if (snapshot || !group.committedContains(key, 0, keyLength)) {
                group.size++;
            }
            try {
                batch.put(group.prefixed(key, 0, keyLength), Arrays.copyOf(value, valueLength));
            } catch (RocksDBException e) {
                throw failure("load state into RocksDB in " + workingDirectory, e);
            }
            flushIfLarge();
        }

        @Override
        public void remove(int keyGroup, byte[] key, int keyLength) {
            Group group = groups[keyGroup];
            if (group.committedContains(key, 0, keyLength)) {
                group.size--;
            }
            try {
                batch.delete(group.prefixed(key, 0, keyLength));
            } catch (RocksDBException e) {
                throw failure("load state into RocksDB in " + workingDirectory, e);
            }
            flushIfLarge();
        }

        void discard() {
            if (batch != null) {
                batch.close();
                batch = null;
            }
        }

        @Override
        public void endFile() {
            write();
            discard();
            for (Group group : groups) {
                group.committedSize = group.size;
            }
        }

        private void flushIfLarge() {
            if (batch.getDataSize() >= LOAD_BATCH_BYTES) {
                write();
                batch.clear();
            }
        }

        private void write() {
            try {
                db.write(writeOptions, batch);
            } catch (RocksDBException e) {
                throw failure("load state into RocksDB in " + workingDirectory, e);
            }
        }
    }

    /** One key group: committed entries in RocksDB under its prefix, uncommitted changes in a buffer. */
    private final class Group implements KeyGroupState {
        private final int keyGroup;
        /** Changed key → state byte ({@link #COMMITTED}, {@link #PRESENT}) followed by the value when present. */
        private final BytesHashTable changes = new BytesHashTable();

        private byte[] keyScratch = new byte[64];
        private byte[] valueScratch = new byte[64];
        private long size;
        private long committedSize;

        Group(int keyGroup) {
            this.keyGroup = keyGroup;
        }

        @Override
        public byte[] get(byte[] key) {
            requireNonNull(key, "key is null");
            int slot = changes.find(key, 0, key.length, BytesHashTable.hash(key, 0, key.length));
            if (slot >= 0) {
                int address = changes.address(slot);
                int offset = changes.valueOffset(address);
                byte[] slab = changes.slab();
                if ((slab[offset] & PRESENT) == 0) {
                    return null;
                }
                return Arrays.copyOfRange(slab, offset + 1, offset + changes.valueLength(address));
            }
            int length = prefix(key, 0, key.length);
            try {
                return db.get(readOptions, keyScratch, 0, length);
            } catch (RocksDBException e) {
                throw failure("read RocksDB in " + workingDirectory, e);
            }
        }

        @Override
        public void put(byte[] key, byte[] value) {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            long hash = BytesHashTable.hash(key, 0, key.length);
            int slot = changes.find(key, 0, key.length, hash);
            byte state;
            if (slot >= 0) {
                int offset = changes.valueOffset(changes.address(slot));
                state = changes.slab()[offset];
                if ((state & PRESENT) == 0) {
                    size++;
                }
            } else {
                state = committedContains(key, 0, key.length) ? COMMITTED : 0;
                if (state == 0) {
                    size++;
                }
            }
            int length = stateAndValue((byte) ((state & COMMITTED) | PRESENT), value);
            if (slot >= 0) {
                changes.replaceValue(slot, valueScratch, 0, length);
            } else {
                changes.insert(slot, hash, key, 0, key.length, valueScratch, 0, length);
            }
        }

        @Override
        public boolean remove(byte[] key) {
            requireNonNull(key, "key is null");
            long hash = BytesHashTable.hash(key, 0, key.length);
            int slot = changes.find(key, 0, key.length, hash);
            if (slot >= 0) {
                byte state = changes.slab()[changes.valueOffset(changes.address(slot))];
                if ((state & PRESENT) == 0) {
                    return false;
                }
                removeChanged(slot, state);
                return true;
            }
            if (!committedContains(key, 0, key.length)) {
                return false;
            }
            valueScratch[0] = COMMITTED;
            changes.insert(slot, hash, key, 0, key.length, valueScratch, 0, 1);
            size--;
            return true;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public StateCursor cursor() {
            return new Cursor(this);
        }

        /** Removes a present key that has a change in {@code slot}. */
        private void removeChanged(int slot, byte state) {
            if ((state & COMMITTED) != 0) {
                valueScratch[0] = COMMITTED;
                changes.replaceValue(slot, valueScratch, 0, 1);
            } else {
                // added in this version: dropping the change is the remove
                changes.remove(slot);
            }
            size--;
        }

        /** Whether RocksDB (the committed state) holds {@code key}. */
        boolean committedContains(byte[] key, int offset, int length) {
            int prefixedLength = prefix(key, offset, length);
            try {
                return db.get(readOptions, keyScratch, 0, prefixedLength, NO_BYTES, 0, 0) != RocksDB.NOT_FOUND;
            } catch (RocksDBException e) {
                throw failure("read RocksDB in " + workingDirectory, e);
            }
        }

        /** Writes the key group prefix and the key into the key scratch; returns the length. */
        private int prefix(byte[] key, int offset, int length) {
            if (keyScratch.length < length + 2) {
                keyScratch = new byte[Math.max(length + 2, keyScratch.length * 2)];
            }
            keyScratch[0] = (byte) (keyGroup >>> 8);
            keyScratch[1] = (byte) keyGroup;
            System.arraycopy(key, offset, keyScratch, 2, length);
            return length + 2;
        }

        /** A new array of the key group prefix and the key. */
        byte[] prefixed(byte[] key, int offset, int length) {
            byte[] result = new byte[length + 2];
            result[0] = (byte) (keyGroup >>> 8);
            result[1] = (byte) keyGroup;
            System.arraycopy(key, offset, result, 2, length);
            return result;
        }

        private int stateAndValue(byte state, byte[] value) {
            if (valueScratch.length < value.length + 1) {
                valueScratch = new byte[Math.max(value.length + 1, valueScratch.length * 2)];
            }
            valueScratch[0] = state;
            System.arraycopy(value, 0, valueScratch, 1, value.length);
            return value.length + 1;
        }

        /** Writes each changed key's final put or remove; returns updated count << 32 | removed count. */
        long writeChanges(StateFileWriter writer) {
            long updated = 0;
            long removed = 0;
            byte[] slab = changes.slab();
            for (int slot = 0; slot < changes.capacity(); slot++) {
                if (!changes.occupied(slot)) {
                    continue;
                }
                int address = changes.address(slot);
                int keyOffset = changes.keyOffset(address);
                int keyLength = changes.keyLength(address);
                int valueOffset = keyOffset + keyLength;
                if ((slab[valueOffset] & PRESENT) != 0) {
                    writer.put(
                            keyGroup,
                            slab,
                            keyOffset,
                            keyLength,
                            slab,
                            valueOffset + 1,
                            changes.valueLength(address) - 1);
                    updated++;
                } else {
                    writer.remove(keyGroup, slab, keyOffset, keyLength);
                    removed++;
                }
            }
            return updated << 32 | removed;
        }

        /** Writes every entry of the merged view (committed overlaid with changes). */
        void writeAll(StateFileWriter writer) {
            Cursor cursor = new Cursor(this);
            while (cursor.next()) {
                byte[] key = cursor.key();
                byte[] value = cursor.value();
                writer.put(keyGroup, key, 0, key.length, value, 0, value.length);
            }
        }

        void addChanges(WriteBatch batch) throws RocksDBException {
            byte[] slab = changes.slab();
            for (int slot = 0; slot < changes.capacity(); slot++) {
                if (!changes.occupied(slot)) {
                    continue;
                }
                int address = changes.address(slot);
                int keyOffset = changes.keyOffset(address);
                int keyLength = changes.keyLength(address);
                int valueOffset = keyOffset + keyLength;
                byte[] key = prefixed(slab, keyOffset, keyLength);
                if ((slab[valueOffset] & PRESENT) != 0) {
                    batch.put(
                            key, Arrays.copyOfRange(slab, valueOffset + 1, valueOffset + changes.valueLength(address)));
                } else {
                    batch.delete(key);
                }
            }
        }

        void markCommitted() {
            changes.clear();
            committedSize = size;
        }

        void rollBack() {
            changes.clear();
            size = committedSize;
        }
    }

    /**
     * Walks a key group's merged view: first RocksDB's entries under the group's prefix, in chunks (an iterator
     * is open only while a chunk is read, and the next chunk seeks past the last key read), each replaced by
     * its change when it has one; then the keys added since the last commit, from the change buffer.
     */
    private final class Cursor implements StateCursor {
        private final Group group;
        private byte[][] keys = new byte[0][];
        private byte[][] values = new byte[0][];
        private int count;
        private int index = -1;
        private byte[] lastKey;
        private boolean committedDone;

        private boolean inChanges;
        private int changesStart;
        private int changesCapacity;
        private int step;
        private int slot = -1;
        private boolean removed;
        private boolean onEntry;

        Cursor(Group group) {
            this.group = group;
        }

        @Override
        public boolean next() {
            checkState(!closed, "state store is closed");
            if (!inChanges) {
                if (nextCommitted()) {
                    return true;
                }
                inChanges = true;
                changesStart = group.changes.firstEmptySlot();
                changesCapacity = group.changes.capacity();
                slot = -1;
            }
            return nextAdded();
        }

        private boolean nextCommitted() {
            while (true) {
                index++;
                if (index >= count) {
                    if (committedDone) {
                        onEntry = false;
                        return false;
                    }
                    readChunk();
                    index = 0;
                    if (count == 0) {
                        onEntry = false;
                        return false;
                    }
                }
                byte[] key = keys[index];
                int changed = group.changes.find(key, 0, key.length, BytesHashTable.hash(key, 0, key.length));
                if (changed >= 0) {
                    int address = group.changes.address(changed);
                    int offset = group.changes.valueOffset(address);
                    byte[] slab = group.changes.slab();
                    if ((slab[offset] & PRESENT) == 0) {
                        continue;
                    }
                    values[index] = Arrays.copyOfRange(slab, offset + 1, offset + group.changes.valueLength(address));
                }
                onEntry = true;
                return true;
            }
        }

        private boolean nextAdded() {
            BytesHashTable changes = group.changes;
            checkState(changes.capacity() == changesCapacity, "the key group changed while a cursor was open");
            if (slot >= 0 && !removed) {
                step++;
            }
            removed = false;
            while (step < changesCapacity - 1) {
                int candidate = (changesStart + 1 + step) & (changesCapacity - 1);
                if (changes.occupied(candidate)) {
                    int address = changes.address(candidate);
                    byte state = changes.slab()[changes.valueOffset(address)];
                    if ((state & COMMITTED) == 0 && (state & PRESENT) != 0) {
                        slot = candidate;
                        onEntry = true;
                        return true;
                    }
                }
                step++;
            }
            slot = -1;
            onEntry = false;
            return false;
        }

        private void readChunk() {
            count = 0;
            if (keys.length == 0) {
                keys = new byte[CURSOR_CHUNK_ENTRIES][];
                values = new byte[CURSOR_CHUNK_ENTRIES][];
            }
            byte[] prefix = {(byte) (group.keyGroup >>> 8), (byte) group.keyGroup};
            try (RocksIterator iterator = db.newIterator(readOptions)) {
                if (lastKey == null) {
                    iterator.seek(prefix);
                } else {
                    iterator.seek(lastKey);
                    if (iterator.isValid() && Arrays.equals(iterator.key(), lastKey)) {
                        iterator.next();
                    }
                }
                while (iterator.isValid() && count < CURSOR_CHUNK_ENTRIES) {
                    byte[] key = iterator.key();
                    if (key.length < 2 || key[0] != prefix[0] || key[1] != prefix[1]) {
                        committedDone = true;
                        break;
                    }
                    lastKey = key;
                    keys[count] = Arrays.copyOfRange(key, 2, key.length);
                    values[count] = iterator.value();
                    count++;
                    iterator.next();
                }
                if (!iterator.isValid()) {
                    iterator.status();
                    committedDone = true;
                }
            } catch (RocksDBException e) {
                throw failure("read RocksDB in " + workingDirectory, e);
            }
        }

        @Override
        public byte[] key() {
            checkState(onEntry && !removed, "the cursor is not on an entry");
            return inChanges ? group.changes.copyKey(group.changes.address(slot)) : keys[index];
        }

        @Override
        public byte[] value() {
            checkState(onEntry && !removed, "the cursor is not on an entry");
            if (inChanges) {
                BytesHashTable changes = group.changes;
                int address = changes.address(slot);
                int offset = changes.valueOffset(address);
                return Arrays.copyOfRange(changes.slab(), offset + 1, offset + changes.valueLength(address));
            }
            return values[index];
        }

        @Override
        public void remove() {
            checkState(onEntry && !removed, "the cursor is not on an entry");
            if (inChanges) {
                group.changes.remove(slot);
                group.size--;
                removed = true;
            } else {
                group.remove(keys[index]);
                onEntry = false;
            }
        }
    }
}
