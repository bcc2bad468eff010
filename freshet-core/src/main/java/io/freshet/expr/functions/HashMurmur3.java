package io.freshet.expr.functions;

/**
 * Murmur3 x86 32-bit, as Spark's {@code hash} function computes it: little-endian 4-byte words, and
 * (unlike the reference algorithm) each trailing byte of a byte string mixed in on its own,
 * sign-extended, so that values equal Spark's.
 */
final class HashMurmur3 {
    private HashMurmur3() {}

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    static int hashInt(int value, int seed) {
        int h1 = mixH1(seed, mixK1(value));
        return finish(h1, 4);
    }

    static int hashLong(long value, int seed) {
        int h1 = mixH1(seed, mixK1((int) value));
        h1 = mixH1(h1, mixK1((int) (value >>> 32)));
        return finish(h1, 8);
    }

    /** Spark's {@code hashUnsafeBytes}: the hash of {@code bytes[offset, offset + length)}. */
    static int hashBytes(byte[] bytes, int offset, int length, int seed) {
        int aligned = length - length % 4;
        int h1 = seed;
        for (int i = 0; i < aligned; i += 4) {
            h1 = mixH1(h1, mixK1(littleEndianInt(bytes, offset + i)));
        }
        for (int i = aligned; i < length; i++) {
            h1 = mixH1(h1, mixK1(bytes[offset + i]));
        }
        return finish(h1, length);
    }

    /** The reference Murmur3 x86_32 (trailing bytes combined into one word), as Scala's {@code bytesHash}. */
    static int hashBytesStandard(byte[] bytes, int seed) {
        int length = bytes.length;
        int aligned = length - length % 4;
        int h1 = seed;
        for (int i = 0; i < aligned; i += 4) {
            h1 = mixH1(h1, mixK1(littleEndianInt(bytes, i)));
        }
        int k1 = 0;
        int remaining = length - aligned;
        if (remaining == 3) {
            k1 ^= (bytes[aligned + 2] & 0xFF) << 16;
        }
        if (remaining >= 2) {
            k1 ^= (bytes[aligned + 1] & 0xFF) << 8;
        }
        if (remaining >= 1) {
            k1 ^= bytes[aligned] & 0xFF;
            h1 ^= mixK1(k1);
        }
        return finish(h1, length);
    }

    static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF)
                | (bytes[offset + 1] & 0xFF) << 8
                | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }

    private static int mixK1(int k1) {
        k1 *= C1;
        k1 = Integer.rotateLeft(k1, 15);
        return k1 * C2;
    }

    private static int mixH1(int h1, int k1) {
        h1 ^= k1;
        h1 = Integer.rotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static int finish(int h1, int length) {
        h1 ^= length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >>> 16;
        return h1;
    }
}
