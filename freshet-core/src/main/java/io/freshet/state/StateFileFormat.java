package io.freshet.state;

/**
 * The layout of state checkpoint files ({@code <version>.delta} and {@code <version>.snapshot}), shared by
 * every state store provider so that a checkpoint does not depend on the provider that wrote it.
 *
 * <pre>
 * file    := header section* end
 * header  := magic "FRST" (4 bytes) | format u16 = 1 | kind u8 (1 delta, 2 snapshot) | 0 u8
 *            | keyGroups i32 | version i64
 * section := keyGroup i32 (0 .. keyGroups - 1) | record* | 0 u8
 * record  := 1 u8 (put) | varint keyLength | key | varint valueLength | value
 *          | 2 u8 (remove) | varint keyLength | key
 * end     := -1 i32 | recordCount i64 | crc32 i32 (CRC-32 of every byte before it)
 * </pre>
 *
 * <p>Integers are big-endian; varints are unsigned LEB128. A snapshot holds only puts, one per entry; a
 * delta holds the final change of each key changed in its version.
 */
public final class StateFileFormat {
    /** "FRST". */
    static final int MAGIC = 0x46525354;

    /** The format this code writes; readers refuse newer ones. */
    static final int FORMAT_VERSION = 1;

    static final int KIND_DELTA = 1;
    static final int KIND_SNAPSHOT = 2;

    static final int HEADER_BYTES = 20;

    static final int OP_END_OF_SECTION = 0;
    static final int OP_PUT = 1;
    static final int OP_REMOVE = 2;

    static final int END_OF_FILE = -1;

    /** The suffix of delta files. */
    public static final String DELTA_SUFFIX = ".delta";

    /** The suffix of snapshot files. */
    public static final String SNAPSHOT_SUFFIX = ".snapshot";

    private StateFileFormat() {}

    static String kindName(int kind) {
        return kind == KIND_SNAPSHOT ? "snapshot" : "delta";
    }
}
