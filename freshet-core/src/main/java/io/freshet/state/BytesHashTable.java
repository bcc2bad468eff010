package io.freshet.state;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Hashing;
import java.util.Arrays;

/**
 * An open-addressing hash table from byte-string keys to byte-string values over primitive storage: the
 * records live back to back in one growing byte slab, and an {@code int[]} index holds, per slot, a 32-bit
 * hash fingerprint and the slab address of the record. It is the working storage of the in-memory state
 * store and the change buffer of both stores. Not thread-safe.
 *
 * <p>A record is {@code varint keyLength | varint valueLength | key | value}. Replacing a value writes it in
 * place when its length is unchanged and the record lies above the protected mark; otherwise a new record is
 * appended and the old one becomes dead space, reclaimed by {@link #compact()}. Records below the protected
 * mark ({@link #protect()}) are never modified, so a caller can keep their addresses to restore them
 * (the in-memory store's abort). Slots use linear probing and backward-shift deletion (no tombstones).
 */
public final class BytesHashTable {
    /** Address 0 marks an empty slot, so records start at 1. */
    private static final int FIRST_ADDRESS = 1;

    private static final int MAX_SLAB_BYTES = Integer.MAX_VALUE - 16;
    private static final int MIN_CAPACITY = 16;

    private byte[] slab;
    private int slabEnd = FIRST_ADDRESS;
    private int protectedEnd = FIRST_ADDRESS;
    private long liveBytes;

    /** Two ints per slot: the fingerprint (high half of the key hash) and the record's address (0 = empty). */
    private int[] slots;

    private int mask;
    private int size;
    private int growAt;

    /** A table sized for about {@code expectedEntries} entries of {@code expectedRecordBytes} each. */
    public BytesHashTable(int expectedEntries, int expectedRecordBytes) {
        int capacity = capacityFor(Math.max(expectedEntries, 1));
        allocateSlots(capacity);
        long slabBytes = FIRST_ADDRESS + (long) Math.max(expectedEntries, 1) * Math.max(expectedRecordBytes, 8);
        slab = new byte[(int) Math.min(Math.max(slabBytes, 64), 1 << 20)];
    }

    public BytesHashTable() {
        this(MIN_CAPACITY / 2, 32);
    }

    /** The hash of a key as the table uses it (seeded apart from the key-group hash). */
    public static long hash(byte[] key, int offset, int length) {
        return Hashing.mix(Hashing.hashBytes(key, offset, length) ^ 0x2545F4914F6CDD1DL);
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    /** The number of slots (a power of two); slots are {@code 0 .. capacity() - 1}. */
    public int capacity() {
        return mask + 1;
    }

    /** The slab; addresses and offsets returned by this table index into it until the next change. */
    public byte[] slab() {
        return slab;
    }

    /** The end of the used part of the slab. */
    public int slabEnd() {
        return slabEnd;
    }

    /** Bytes of the slab held by live records. */
    public long liveBytes() {
        return liveBytes;
    }

    /** Bytes held by the slab and the index. */
    public long memoryBytes() {
        return slab.length + 4L * slots.length;
    }

    /**
     * The slot holding {@code key}, or {@code -(emptySlot + 1)} where {@code emptySlot} is where it would be
     * inserted (pass that to {@link #insert} before any other change).
     */
    public int find(byte[] key, int offset, int length, long hash) {
        int fingerprint = (int) (hash >>> 32);
        int slot = fingerprint & mask;
        while (true) {
            int address = slots[2 * slot + 1];
            if (address == 0) {
                return -(slot + 1);
            }
            if (slots[2 * slot] == fingerprint && keyEquals(address, key, offset, length)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether a slot holds an entry. */
    public boolean occupied(int slot) {
        return slots[2 * slot + 1] != 0;
    }

    /** The slab address of the record in an occupied slot. */
    public int address(int slot) {
        return slots[2 * slot + 1];
    }

    /** The length of the key of the record at {@code address}. */
    public int keyLength(int address) {
        return readVarint(slab, address);
    }

    /** The slab offset of the key of the record at {@code address}. */
    public int keyOffset(int address) {
        int keyLength = readVarint(slab, address);
        int afterKeyLength = address + varintSize(keyLength);
        return afterKeyLength + varintSize(readVarint(slab, afterKeyLength));
    }

    /** The length of the value of the record at {@code address}. */
    public int valueLength(int address) {
        return readVarint(slab, address + varintSize(readVarint(slab, address)));
    }

    /** The slab offset of the value of the record at {@code address}. */
    public int valueOffset(int address) {
        return keyOffset(address) + keyLength(address);
    }

    /** A copy of the key of the record at {@code address}. */
    public byte[] copyKey(int address) {
        int offset = keyOffset(address);
        return Arrays.copyOfRange(slab, offset, offset + keyLength(address));
    }

    /** A copy of the value of the record at {@code address}. */
    public byte[] copyValue(int address) {
        int offset = valueOffset(address);
        return Arrays.copyOfRange(slab, offset, offset + valueLength(address));
    }

    /**
     * Inserts a key that {@link #find} reported missing as {@code notFound}; returns the new entry's slot.
     * The key must not be present.
     */
    public int insert(
            int notFound,
            long hash,
            byte[] key,
            int keyOffset,
            int keyLength,
            byte[] value,
            int valueOffset,
            int valueLength) {
        int address = appendRecord(key, keyOffset, keyLength, value, valueOffset, valueLength);
        return insertAddress(notFound, hash, address);
    }

    /**
     * Puts an entry for a key that {@link #find} reported missing as {@code notFound}, pointing at an existing
     * record (one below the protected mark that an abort restores).
     */
    public int insertAddress(int notFound, long hash, int address) {
        int slot = -notFound - 1;
        if (size >= growAt) {
            grow();
            slot = emptySlotFor((int) (hash >>> 32));
        }
        slots[2 * slot] = (int) (hash >>> 32);
        slots[2 * slot + 1] = address;
        size++;
        liveBytes += recordSize(address);
        return slot;
    }

    /** Replaces the value of the entry in {@code slot}. */
    public void replaceValue(int slot, byte[] value, int valueOffset, int valueLength) {
        int address = slots[2 * slot + 1];
        if (address >= protectedEnd && valueLength(address) == valueLength) {
            System.arraycopy(value, valueOffset, slab, valueOffset(address), valueLength);
            return;
        }
        int keyLength = keyLength(address);
        int needed = varintSize(keyLength) + varintSize(valueLength) + keyLength + valueLength;
        ensureSlab(needed);
        // the old record's key is copied within the slab, after any growth of the slab
        int newAddress = slabEnd;
        int position = writeVarint(slab, newAddress, keyLength);
        position = writeVarint(slab, position, valueLength);
        System.arraycopy(slab, keyOffset(address), slab, position, keyLength);
        position += keyLength;
        System.arraycopy(value, valueOffset, slab, position, valueLength);
        slabEnd = position + valueLength;
        liveBytes += needed - recordSize(address);
        slots[2 * slot + 1] = newAddress;
    }

    /** Points the entry in {@code slot} at another record (one below the protected mark). */
    public void setAddress(int slot, int address) {
        liveBytes += recordSize(address) - recordSize(slots[2 * slot + 1]);
        slots[2 * slot + 1] = address;
    }

    /**
     * Removes the entry in {@code slot}. Entries further along its probe run may move back by one or more
     * slots, never past an empty slot and never before {@code slot}.
     */
    public void remove(int slot) {
        liveBytes -= recordSize(slots[2 * slot + 1]);
        size--;
        int hole = slot;
        int index = (slot + 1) & mask;
        while (slots[2 * index + 1] != 0) {
            int home = slots[2 * index] & mask;
            // the entry may fill the hole when the hole lies on its probe path, between home and index
            if (((index - home) & mask) >= ((index - hole) & mask)) {
                slots[2 * hole] = slots[2 * index];
                slots[2 * hole + 1] = slots[2 * index + 1];
                hole = index;
            }
            index = (index + 1) & mask;
        }
        slots[2 * hole] = 0;
        slots[2 * hole + 1] = 0;
    }

    /** A slot that is empty (one always is); a cursor that starts after it sees no entry move behind it. */
    public int firstEmptySlot() {
        for (int slot = 0; ; slot++) {
            if (slots[2 * slot + 1] == 0) {
                return slot;
            }
        }
    }

    /** Marks every record written so far as protected: none of them will be overwritten in place. */
    public void protect() {
        protectedEnd = slabEnd;
    }

    /** The protected mark: records at lower addresses are never modified. */
    public int protectedEnd() {
        return protectedEnd;
    }

    /** Forgets the records at or above {@code end} (no slot may point to them any more). */
    public void truncate(int end) {
        slabEnd = end;
        protectedEnd = Math.min(protectedEnd, end);
    }

    /** Removes every entry, keeping the arrays unless they are much larger than the entries they held. */
    public void clear() {
        int capacity = capacity();
        if (capacity > 1024 && size < capacity / 8) {
            allocateSlots(capacityFor(Math.max(size, MIN_CAPACITY)));
        } else {
            Arrays.fill(slots, 0);
        }
        if (slab.length > (1 << 20) && slabEnd < slab.length / 8) {
            slab = new byte[Math.max(slabEnd, 1 << 16)];
        }
        size = 0;
        slabEnd = FIRST_ADDRESS;
        protectedEnd = FIRST_ADDRESS;
        liveBytes = 0;
    }

    /** Whether dead records take more than half the slab and enough bytes to be worth a copy. */
    public boolean worthCompacting() {
        long dead = slabEnd - FIRST_ADDRESS - liveBytes;
        return dead > liveBytes && dead > (1 << 16);
    }

    /** Copies the live records into a new slab, dropping dead space, and protects them all. */
    public void compact() {
        long target = FIRST_ADDRESS + liveBytes + liveBytes / 4 + 64;
        byte[] compacted = new byte[(int) Math.min(target, MAX_SLAB_BYTES)];
        int end = FIRST_ADDRESS;
        for (int slot = 0; slot <= mask; slot++) {
            int address = slots[2 * slot + 1];
            if (address != 0) {
                int length = recordSize(address);
                System.arraycopy(slab, address, compacted, end, length);
                slots[2 * slot + 1] = end;
                end += length;
            }
        }
        slab = compacted;
        slabEnd = end;
        protectedEnd = end;
    }

    private boolean keyEquals(int address, byte[] key, int offset, int length) {
        int keyLength = readVarint(slab, address);
        if (keyLength != length) {
            return false;
        }
        int keyStart = keyOffset(address);
        return Arrays.equals(slab, keyStart, keyStart + length, key, offset, offset + length);
    }

    private int recordSize(int address) {
        int keyLength = readVarint(slab, address);
        int afterKeyLength = address + varintSize(keyLength);
        int valueLength = readVarint(slab, afterKeyLength);
        return varintSize(keyLength) + varintSize(valueLength) + keyLength + valueLength;
    }

    private int appendRecord(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength) {
        int needed = varintSize(keyLength) + varintSize(valueLength) + keyLength + valueLength;
        ensureSlab(needed);
        int address = slabEnd;
        int position = writeVarint(slab, address, keyLength);
        position = writeVarint(slab, position, valueLength);
        System.arraycopy(key, keyOffset, slab, position, keyLength);
        position += keyLength;
        System.arraycopy(value, valueOffset, slab, position, valueLength);
        slabEnd = position + valueLength;
        return address;
    }

    private void ensureSlab(int needed) {
        long required = (long) slabEnd + needed;
        if (required <= slab.length) {
            return;
        }
        if (required > MAX_SLAB_BYTES) {
            throw new FreshetException(
                    ErrorCode.MEMORY_LIMIT_EXCEEDED,
                    "A key group of the in-memory state store outgrew 2 GiB; use the rocksdb state store "
                            + "(freshet.state.provider = rocksdb) or more key groups (freshet.state.key-groups) "
                            + "in a new checkpoint");
        }
        long grown = Math.max(required, Math.min((long) slab.length * 2, MAX_SLAB_BYTES));
        slab = Arrays.copyOf(slab, (int) grown);
    }

    private void grow() {
        int[] old = slots;
        checkCapacity(2L * capacity());
        allocateSlots(capacity() * 2);
        for (int slot = 0; slot < old.length / 2; slot++) {
            int address = old[2 * slot + 1];
            if (address != 0) {
                int target = emptySlotFor(old[2 * slot]);
                slots[2 * target] = old[2 * slot];
                slots[2 * target + 1] = address;
            }
        }
    }

    private int emptySlotFor(int fingerprint) {
        int slot = fingerprint & mask;
        while (slots[2 * slot + 1] != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void allocateSlots(int capacity) {
        slots = new int[2 * capacity];
        mask = capacity - 1;
        growAt = (int) (capacity * 0.7);
    }

    private static int capacityFor(int entries) {
        long wanted = Math.max(MIN_CAPACITY, (long) Math.ceil(entries / 0.7) + 1);
        checkCapacity(wanted);
        return (int) Long.highestOneBit(wanted - 1) << 1;
    }

    private static void checkCapacity(long wanted) {
        // two ints per slot: 2^29 slots is the largest index a Java array holds
        if (wanted > (1 << 29)) {
            throw new FreshetException(
                    ErrorCode.MEMORY_LIMIT_EXCEEDED,
                    "A key group of the in-memory state store cannot hold more than 375 million entries; "
                            + "use more key groups (freshet.state.key-groups) in a new checkpoint");
        }
    }

    static int varintSize(int value) {
        if ((value & ~0x7F) == 0) {
            return 1;
        }
        if ((value & ~0x3FFF) == 0) {
            return 2;
        }
        if ((value & ~0x1FFFFF) == 0) {
            return 3;
        }
        if ((value & ~0xFFFFFFF) == 0) {
            return 4;
        }
        return 5;
    }

    /** Writes a non-negative int as an unsigned LEB128 varint; returns the position after it. */
    static int writeVarint(byte[] target, int position, int value) {
        int remaining = value;
        int index = position;
        while ((remaining & ~0x7F) != 0) {
            target[index++] = (byte) ((remaining & 0x7F) | 0x80);
            remaining >>>= 7;
        }
        target[index++] = (byte) remaining;
        return index;
    }

    static int readVarint(byte[] source, int position) {
        int value = 0;
        int shift = 0;
        int index = position;
        while (true) {
            byte b = source[index++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
            shift += 7;
        }
    }
}
