package io.freshet.expr.functions;

/**
 * Allocation-free helpers over UTF-8 byte ranges {@code [start, end)}. Characters are code points,
 * counted by their lead bytes as Spark's {@code UTF8String} does (an invalid byte counts as one).
 */
final class StringUtf8 {
    private StringUtf8() {}

    /** The number of bytes of the character whose first byte is {@code lead}. */
    static int charWidth(byte lead) {
        if (lead >= 0) {
            return 1;
        }
        if ((lead & 0xE0) == 0xC0) {
            return 2;
        }
        if ((lead & 0xF0) == 0xE0) {
            return 3;
        }
        return (lead & 0xF8) == 0xF0 ? 4 : 1;
    }

    static int charCount(byte[] bytes, int start, int end) {
        int count = 0;
        int i = start;
        while (i < end) {
            i += charWidth(bytes[i]);
            count++;
        }
        return count;
    }

    /** The byte position {@code chars} characters after {@code start}, at most {@code end}. */
    static int advance(byte[] bytes, int start, int end, int chars) {
        int i = start;
        for (int c = 0; c < chars && i < end; c++) {
            i += charWidth(bytes[i]);
        }
        return Math.min(i, end);
    }

    static boolean isAscii(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes[at, at + length)} equals {@code needle[needleStart, needleStart + length)}. */
    static boolean regionEquals(byte[] bytes, int at, byte[] needle, int needleStart, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[at + i] != needle[needleStart + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first byte position at or after {@code from} where {@code needle[needleStart, needleEnd)}
     * occurs within {@code [from, end)}, or -1. UTF-8 is self-synchronizing, so a byte match is a
     * character match.
     */
    static int indexOf(byte[] bytes, int from, int end, byte[] needle, int needleStart, int needleEnd) {
        int length = needleEnd - needleStart;
        if (length == 0) {
            return from <= end ? from : -1;
        }
        byte first = needle[needleStart];
        int last = end - length;
        for (int i = from; i <= last; i++) {
            if (bytes[i] == first && regionEquals(bytes, i + 1, needle, needleStart + 1, length - 1)) {
                return i;
            }
        }
        return -1;
    }
}
