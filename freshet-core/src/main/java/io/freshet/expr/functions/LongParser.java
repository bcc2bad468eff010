package io.freshet.expr.functions;

import java.nio.charset.StandardCharsets;

/**
 * Parses {@code [+-]digits} surrounded by optional whitespace into a long without allocating, as Spark's
 * ANSI string-to-integer cast does (no decimal point, no exponent). One instance per batch; not thread-safe.
 */
final class LongParser {
    /** Whether the last {@code parse} call saw malformed or out-of-range text. */
    boolean failed;

    long parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    long parse(byte[] bytes, int start, int end) {
        failed = false;
        int from = start;
        int to = end;
        while (from < to && (bytes[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (bytes[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        if (from == to) {
            return fail();
        }
        boolean negative = false;
        if (bytes[from] == '-' || bytes[from] == '+') {
            negative = bytes[from] == '-';
            from++;
            if (from == to) {
                return fail();
            }
        }
        // accumulate negatively so that Long.MIN_VALUE parses too
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyLimit = limit / 10;
        long result = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9 || result < multiplyLimit) {
                return fail();
            }
            result *= 10;
            if (result < limit + digit) {
                return fail();
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    private long fail() {
        failed = true;
        return 0;
    }
}
