package io.freshet.expr.functions;

/** XXH64 over little-endian words, as Spark's {@code xxhash64} function computes it. */
final class HashXxHash64 {
    private HashXxHash64() {}

    private static final long PRIME1 = 0x9E3779B185EBCA87L;
    private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME3 = 0x165667B19E3779F9L;
    private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME5 = 0x27D4EB2F165667C5L;

    static long hashInt(int value, long seed) {
        long hash = seed + PRIME5 + 4L;
        hash ^= (value & 0xFFFFFFFFL) * PRIME1;
        hash = Long.rotateLeft(hash, 23) * PRIME2 + PRIME3;
        return finish(hash);
    }

    static long hashLong(long value, long seed) {
        long hash = seed + PRIME5 + 8L;
        hash ^= Long.rotateLeft(value * PRIME2, 31) * PRIME1;
        hash = Long.rotateLeft(hash, 27) * PRIME1 + PRIME4;
        return finish(hash);
    }

    static long hashBytes(byte[] bytes, int offset, int length, long seed) {
        int end = offset + length;
        int position = offset;
        long hash;
        if (length >= 32) {
            long v1 = seed + PRIME1 + PRIME2;
            long v2 = seed + PRIME2;
            long v3 = seed;
            long v4 = seed - PRIME1;
            int limit = end - 32;
            do {
                v1 = round(v1, littleEndianLong(bytes, position));
                v2 = round(v2, littleEndianLong(bytes, position + 8));
                v3 = round(v3, littleEndianLong(bytes, position + 16));
                v4 = round(v4, littleEndianLong(bytes, position + 24));
                position += 32;
            } while (position <= limit);
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            hash = mergeRound(hash, v1);
            hash = mergeRound(hash, v2);
            hash = mergeRound(hash, v3);
            hash = mergeRound(hash, v4);
        } else {
            hash = seed + PRIME5;
        }
        hash += length;
        while (position + 8 <= end) {
            hash ^= round(0, littleEndianLong(bytes, position));
            hash = Long.rotateLeft(hash, 27) * PRIME1 + PRIME4;
            position += 8;
        }
        if (position + 4 <= end) {
            hash ^= (HashMurmur3.littleEndianInt(bytes, position) & 0xFFFFFFFFL) * PRIME1;
            hash = Long.rotateLeft(hash, 23) * PRIME2 + PRIME3;
            position += 4;
        }
        while (position < end) {
            hash ^= (bytes[position] & 0xFFL) * PRIME5;
            hash = Long.rotateLeft(hash, 11) * PRIME1;
            position++;
        }
        return finish(hash);
    }

    private static long round(long accumulator, long input) {
        accumulator += input * PRIME2;
        accumulator = Long.rotateLeft(accumulator, 31);
        return accumulator * PRIME1;
    }

    private static long mergeRound(long hash, long value) {
        hash ^= round(0, value);
        return hash * PRIME1 + PRIME4;
    }

    private static long littleEndianLong(byte[] bytes, int offset) {
        return (HashMurmur3.littleEndianInt(bytes, offset) & 0xFFFFFFFFL)
                | (long) HashMurmur3.littleEndianInt(bytes, offset + 4) << 32;
    }

    private static long finish(long hash) {
        hash ^= hash >>> 33;
        hash *= PRIME2;
        hash ^= hash >>> 29;
        hash *= PRIME3;
        hash ^= hash >>> 32;
        return hash;
    }
}
