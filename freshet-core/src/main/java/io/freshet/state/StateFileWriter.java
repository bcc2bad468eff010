package io.freshet.state;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.zip.CRC32;

import static io.freshet.util.Checks.checkArgument;
import static io.freshet.util.Checks.checkState;

/**
 * Writes one state checkpoint file in the {@link StateFileFormat}: to a temporary file beside the target,
 * then, on {@link #commit()}, forced to disk (when fsync is on) and renamed over the target, so that
 * readers see the whole file or none of it. Closing without committing deletes the temporary file.
 */
public final class StateFileWriter implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path target;
    private final Path temporary;
    private final int keyGroups;
    private final boolean fsync;
    private final FileChannel channel;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final ByteBuffer wrapped = ByteBuffer.wrap(buffer);
    private int position;
    private int currentGroup = -1;
    private long records;
    private boolean done;

    StateFileWriter(Path target, int kind, int keyGroups, long version, boolean fsync) {
        this.target = target;
        this.temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        this.keyGroups = keyGroups;
        this.fsync = fsync;
        try {
            this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failure("create", e);
        }
        writeInt(StateFileFormat.MAGIC);
        writeByte(StateFileFormat.FORMAT_VERSION >>> 8);
        writeByte(StateFileFormat.FORMAT_VERSION);
        writeByte(kind);
        writeByte(0);
        writeInt(keyGroups);
        writeLong(version);
    }

    /** The file this writer produces on commit. */
    public Path target() {
        return target;
    }

    /** Writes a put of {@code key → value} in {@code keyGroup}. */
    public void put(
            int keyGroup, byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength) {
        startRecord(keyGroup, StateFileFormat.OP_PUT);
        writeVarint(keyLength);
        writeBytes(key, keyOffset, keyLength);
        writeVarint(valueLength);
        writeBytes(value, valueOffset, valueLength);
    }

    /** Writes a remove of {@code key} in {@code keyGroup}. */
    public void remove(int keyGroup, byte[] key, int keyOffset, int keyLength) {
        startRecord(keyGroup, StateFileFormat.OP_REMOVE);
        writeVarint(keyLength);
        writeBytes(key, keyOffset, keyLength);
    }

    /** The number of records written so far. */
    public long records() {
        return records;
    }

    /** Finishes the file, forces it to disk when fsync is on, and renames it over the target. */
    public void commit() {
        checkState(!done, "state file %s was already committed or closed", target);
        if (currentGroup >= 0) {
            writeByte(StateFileFormat.OP_END_OF_SECTION);
        }
        writeInt(StateFileFormat.END_OF_FILE);
        writeLong(records);
        flush();
        int checksum = (int) crc.getValue();
        buffer[0] = (byte) (checksum >>> 24);
        buffer[1] = (byte) (checksum >>> 16);
        buffer[2] = (byte) (checksum >>> 8);
        buffer[3] = (byte) checksum;
        position = 4;
        flush();
        done = true;
        try {
            if (fsync) {
                channel.force(true);
            }
            channel.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (fsync) {
                syncDirectory(target.getParent());
            }
        } catch (IOException e) {
            deleteTemporary();
            throw failure("write", e);
        }
    }

    /** Deletes the temporary file unless the writer committed. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } catch (IOException e) {
            // the temporary file is deleted below; a close failure of an abandoned file changes nothing
        }
        deleteTemporary();
    }

    /** Forces a directory's entries (a rename into it) to disk; a no-op where directories cannot be opened. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // some platforms (Windows) cannot open a directory; the rename is as durable as they make it
        }
    }

    private void startRecord(int keyGroup, int op) {
        checkArgument(keyGroup >= 0 && keyGroup < keyGroups, "key group %s out of 0..%s", keyGroup, keyGroups - 1);
        checkState(!done, "state file %s was already committed or closed", target);
        if (keyGroup != currentGroup) {
            if (currentGroup >= 0) {
                writeByte(StateFileFormat.OP_END_OF_SECTION);
            }
            writeInt(keyGroup);
            currentGroup = keyGroup;
        }
        writeByte(op);
        records++;
    }

    private void writeByte(int value) {
        if (position == BUFFER_BYTES) {
            flush();
        }
        buffer[position++] = (byte) value;
    }

    private void writeInt(int value) {
        if (position + 4 > BUFFER_BYTES) {
            flush();
        }
        buffer[position] = (byte) (value >>> 24);
        buffer[position + 1] = (byte) (value >>> 16);
        buffer[position + 2] = (byte) (value >>> 8);
        buffer[position + 3] = (byte) value;
        position += 4;
    }

    private void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    private void writeVarint(int value) {
        if (position + 5 > BUFFER_BYTES) {
            flush();
        }
        position = BytesHashTable.writeVarint(buffer, position, value);
    }

    private void writeBytes(byte[] source, int offset, int length) {
        if (length <= BUFFER_BYTES - position) {
            System.arraycopy(source, offset, buffer, position, length);
            position += length;
            return;
        }
        flush();
        if (length <= BUFFER_BYTES) {
            System.arraycopy(source, offset, buffer, 0, length);
            position = length;
            return;
        }
        crc.update(source, offset, length);
        writeFully(ByteBuffer.wrap(source, offset, length));
    }

    private void flush() {
        if (position == 0) {
            return;
        }
        crc.update(buffer, 0, position);
        wrapped.clear().limit(position);
        writeFully(wrapped);
        position = 0;
    }

    private void writeFully(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            close();
            throw failure("write", e);
        }
    }

    private void deleteTemporary() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // a leftover temporary file is ignored by readers and removed by the next cleanup
        }
    }

    private FreshetException failure(String action, IOException e) {
        return new FreshetException(
                ErrorCode.IO_ERROR, "Cannot " + action + " state checkpoint file " + target + ": " + e, e);
    }
}
