package io.freshet.state;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Reads one state checkpoint file in the {@link StateFileFormat} and hands its records to a {@link Visitor},
 * checking the magic, format version, kind, key-group count, version, record count and CRC-32; a truncated
 * or corrupt file fails with a {@link FreshetException} that names it. Records reach the visitor as they are
 * read: a file that fails its checksum at the end has already delivered some, so callers discard what they
 * loaded when reading fails.
 */
public final class StateFileReader {
    private static final int BUFFER_BYTES = 1 << 16;

    /** Receives the records of a state file; arrays are reused between calls, valid for {@code [0, length)}. */
    public interface Visitor {
        void put(int keyGroup, byte[] key, int keyLength, byte[] value, int valueLength);

        void remove(int keyGroup, byte[] key, int keyLength);
    }

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final CRC32 crc = new CRC32();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long consumed;
    private byte[] key = new byte[64];
    private byte[] value = new byte[64];

    private StateFileReader(Path file, FileChannel channel, long fileSize) {
        this.file = file;
        this.channel = channel;
        this.fileSize = fileSize;
        buffer.limit(0);
    }

    /**
     * Reads {@code file}, which must be a {@code kind} file of {@code version} for {@code keyGroups} key groups,
     * into {@code visitor}; returns the number of records.
     */
    static long read(Path file, int kind, long version, int keyGroups, Visitor visitor) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            StateFileReader reader = new StateFileReader(file, channel, channel.size());
            return reader.readAll(kind, version, keyGroups, visitor);
        } catch (NoSuchFileException e) {
            throw new FreshetException(
                    ErrorCode.PATH_NOT_FOUND, "State checkpoint file " + file + " is missing; it was deleted or moved");
        } catch (EOFException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR,
                    "State checkpoint file " + file + " is truncated: it ends after " + fileSizeOf(file)
                            + " bytes in the middle of a record. It was not written completely; restore it from a "
                            + "copy of the checkpoint, or start the query on a new checkpoint",
                    e);
        } catch (IOException e) {
            throw new FreshetException(ErrorCode.IO_ERROR, "Cannot read state checkpoint file " + file + ": " + e, e);
        }
    }

    private long readAll(int kind, long version, int keyGroups, Visitor visitor) throws IOException {
        readHeader(kind, version, keyGroups);
        long records = 0;
        while (true) {
            int keyGroup = readInt();
            if (keyGroup == StateFileFormat.END_OF_FILE) {
                break;
            }
            if (keyGroup < 0 || keyGroup >= keyGroups) {
                throw corrupt("a section names key group " + keyGroup + ", outside 0.." + (keyGroups - 1));
            }
            records += readSection(keyGroup, visitor);
        }
        long storedRecords = readLong();
        long computed = crc.getValue();
        int storedCrc = readInt();
        if ((int) computed != storedCrc) {
            throw corrupt(String.format("its CRC-32 is %08x but the file says %08x", (int) computed, storedCrc));
        }
        if (storedRecords != records) {
            throw corrupt("it holds " + records + " records but says " + storedRecords);
        }
        if (consumed != fileSize) {
            throw corrupt("it has " + (fileSize - consumed) + " bytes after its end");
        }
        return records;
    }

    private void readHeader(int kind, long version, int keyGroups) throws IOException {
        if (fileSize < StateFileFormat.HEADER_BYTES) {
            throw new EOFException();
        }
        int magic = readInt();
        if (magic != StateFileFormat.MAGIC) {
            throw corrupt("it does not start with the state file magic \"FRST\"; it is not a Freshet state file");
        }
        int format = (readByte() << 8) | readByte();
        if (format > StateFileFormat.FORMAT_VERSION) {
            throw new FreshetException(
                    ErrorCode.UNSUPPORTED,
                    "State checkpoint file " + file + " has format version " + format + ", written by a newer "
                            + "Freshet; this version reads format " + StateFileFormat.FORMAT_VERSION
                            + ". Run the query with the Freshet version that wrote the checkpoint");
        }
        if (format < 1) {
            throw corrupt("its format version is " + format);
        }
        int fileKind = readByte();
        readByte();
        if (fileKind != kind) {
            throw corrupt("it is a " + StateFileFormat.kindName(fileKind) + " file under a "
                    + StateFileFormat.kindName(kind) + " file's name");
        }
        int fileKeyGroups = readInt();
        if (fileKeyGroups != keyGroups) {
            throw keyGroupsChanged(file.getParent(), fileKeyGroups, keyGroups);
        }
        long fileVersion = readLong();
        if (fileVersion != version) {
            throw corrupt("it holds version " + fileVersion + " under the name of version " + version);
        }
    }

    /** The error for a store opened with another number of key groups than its checkpoint has. */
    static FreshetException keyGroupsChanged(Path directory, int checkpointKeyGroups, int requestedKeyGroups) {
        return new FreshetException(
                ErrorCode.INVALID_OPTION,
                "The state checkpoint in " + directory + " has " + checkpointKeyGroups + " key groups, but the "
                        + "query asked for " + requestedKeyGroups + ". The number of key groups "
                        + "(freshet.state.key-groups) is fixed at the query's first run; set it back to "
                        + checkpointKeyGroups + " or start the query on a new checkpoint");
    }

    private long readSection(int keyGroup, Visitor visitor) throws IOException {
        long records = 0;
        while (true) {
            int op = readByte();
            switch (op) {
                case StateFileFormat.OP_END_OF_SECTION -> {
                    return records;
                }
                case StateFileFormat.OP_PUT -> {
                    int keyLength = readLength("key");
                    key = readInto(key, keyLength);
                    int valueLength = readLength("value");
                    value = readInto(value, valueLength);
                    visitor.put(keyGroup, key, keyLength, value, valueLength);
                }
                case StateFileFormat.OP_REMOVE -> {
                    int keyLength = readLength("key");
                    key = readInto(key, keyLength);
                    visitor.remove(keyGroup, key, keyLength);
                }
                default -> throw corrupt("it holds a record of unknown kind " + op);
            }
            records++;
        }
    }

    private int readLength(String what) throws IOException {
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 28) {
                throw corrupt("a " + what + " length is not a valid varint");
            }
            int b = readByte();
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        long remaining = fileSize - consumed;
        if (length < 0 || length > remaining) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR,
                    "State checkpoint file " + file + " is truncated or corrupt: a " + what + " of " + length
                            + " bytes runs past its end (" + remaining + " bytes left). Restore it from a copy of "
                            + "the checkpoint, or start the query on a new checkpoint");
        }
        return length;
    }

    private byte[] readInto(byte[] target, int length) throws IOException {
        byte[] array = target.length >= length ? target : new byte[Math.max(length, target.length * 2)];
        int filled = 0;
        while (filled < length) {
            if (!buffer.hasRemaining()) {
                fill();
            }
            int chunk = Math.min(buffer.remaining(), length - filled);
            buffer.get(array, filled, chunk);
            filled += chunk;
        }
        crc.update(array, 0, length);
        consumed += length;
        return array;
    }

    private int readByte() throws IOException {
        if (!buffer.hasRemaining()) {
            fill();
        }
        byte b = buffer.get();
        crc.update(b);
        consumed++;
        return b & 0xFF;
    }

    private int readInt() throws IOException {
        if (buffer.remaining() < 4) {
            return (readByte() << 24) | (readByte() << 16) | (readByte() << 8) | readByte();
        }
        int start = buffer.position();
        int result = buffer.getInt();
        crc.update(buffer.array(), start, 4);
        consumed += 4;
        return result;
    }

    private long readLong() throws IOException {
        return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
    }

    private void fill() throws IOException {
        buffer.compact();
        int read = channel.read(buffer);
        buffer.flip();
        if (read <= 0 && !buffer.hasRemaining()) {
            throw new EOFException();
        }
    }

    private FreshetException corrupt(String why) {
        return new FreshetException(
                ErrorCode.IO_ERROR,
                "State checkpoint file " + file + " is corrupt: " + why + ". Restore it from a copy of the "
                        + "checkpoint, or start the query on a new checkpoint");
    }

    private static String fileSizeOf(Path file) {
        try {
            return Long.toString(java.nio.file.Files.size(file));
        } catch (IOException e) {
            return "?";
        }
    }
}
