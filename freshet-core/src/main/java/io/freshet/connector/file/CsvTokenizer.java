package io.freshet.connector.file;

import java.util.Arrays;

/**
 * Splits one CSV record, given as bytes, into fields. An unquoted field is a span of the record; a quoted
 * field is decoded into a scratch buffer: {@code ""} and the escape character before a quote stand for a
 * quote, and {@code charToEscapeQuoteEscaping} before the escape character before a quote stands for the
 * escape character. Text after a closing quote up to the delimiter is kept, the quote included, as
 * univocity (Spark's parser) keeps it. Not thread-safe.
 */
final class CsvTokenizer {
    private final int delimiter;
    private final int quote;
    private final int escape;
    private final int quoteEscapeEscape;
    private final boolean trimLeading;
    private final boolean trimTrailing;

    int[] fieldStarts = new int[16];
    int[] fieldEnds = new int[16];
    boolean[] fieldQuoted = new boolean[16];
    boolean[] fieldInScratch = new boolean[16];
    byte[] scratch = new byte[1024];
    private int scratchLength;

    CsvTokenizer(CsvOptions options) {
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.escape = options.escape();
        this.quoteEscapeEscape = options.quoteEscapeEscape();
        this.trimLeading = options.ignoreLeadingWhiteSpace();
        this.trimTrailing = options.ignoreTrailingWhiteSpace();
    }

    /** The bytes that field {@code index} of the last record is a span of. */
    byte[] bytes(int index, byte[] record) {
        return fieldInScratch[index] ? scratch : record;
    }

    String text(int index, byte[] record) {
        return ValueParser.utf8(bytes(index, record), fieldStarts[index], fieldEnds[index]);
    }

    /** Splits {@code b[start, end)} into fields; returns the number of fields. */
    int tokenize(byte[] b, int start, int end) {
        scratchLength = 0;
        int count = 0;
        int pos = start;
        while (true) {
            if (count == fieldStarts.length) {
                growFields();
            }
            if (trimLeading) {
                while (pos < end && (b[pos] == ' ' || b[pos] == '\t') && b[pos] != delimiter) {
                    pos++;
                }
            }
            if (pos < end && b[pos] == quote) {
                pos = readQuoted(b, pos + 1, end, count);
            } else {
                int fieldStart = pos;
                while (pos < end && b[pos] != delimiter) {
                    pos++;
                }
                int fieldEnd = pos;
                if (trimTrailing) {
                    while (fieldEnd > fieldStart && (b[fieldEnd - 1] == ' ' || b[fieldEnd - 1] == '\t')) {
                        fieldEnd--;
                    }
                }
                fieldStarts[count] = fieldStart;
                fieldEnds[count] = fieldEnd;
                fieldQuoted[count] = false;
                fieldInScratch[count] = false;
            }
            count++;
            if (pos < end && b[pos] == delimiter) {
                pos++;
                continue;
            }
            return count;
        }
    }

    /** Reads a quoted field's content from {@code pos} (after the opening quote) into the scratch buffer. */
    private int readQuoted(byte[] b, int pos, int end, int index) {
        int valueStart = scratchLength;
        ensureScratch(end - pos);
        byte[] out = scratch;
        int length = scratchLength;
        boolean closed = false;
        while (pos < end) {
            byte c = b[pos];
            if (c == quoteEscapeEscape && c != quote && pos + 2 < end && b[pos + 1] == escape && b[pos + 2] == quote) {
                out[length++] = (byte) escape;
                pos += 2;
            } else if (c == escape && c != quote && pos + 1 < end && b[pos + 1] == quote) {
                out[length++] = (byte) quote;
                pos += 2;
            } else if (c == quote) {
                if (pos + 1 < end && b[pos + 1] == quote) {
                    out[length++] = (byte) quote;
                    pos += 2;
                } else {
                    pos++;
                    closed = true;
                    break;
                }
            } else {
                out[length++] = c;
                pos++;
            }
        }
        if (closed) {
            int rest = pos;
            while (rest < end && b[rest] != delimiter) {
                rest++;
            }
            int restEnd = rest;
            if (trimTrailing) {
                while (restEnd > pos && (b[restEnd - 1] == ' ' || b[restEnd - 1] == '\t')) {
                    restEnd--;
                }
            }
            if (restEnd > pos) {
                out[length++] = (byte) quote;
                System.arraycopy(b, pos, out, length, restEnd - pos);
                length += restEnd - pos;
            }
            pos = rest;
        }
        scratchLength = length;
        fieldStarts[index] = valueStart;
        fieldEnds[index] = length;
        fieldQuoted[index] = true;
        fieldInScratch[index] = true;
        return pos;
    }

    private void ensureScratch(int more) {
        if (scratchLength + more + 1 > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + more + 1));
        }
    }

    private void growFields() {
        int size = fieldStarts.length * 2;
        fieldStarts = Arrays.copyOf(fieldStarts, size);
        fieldEnds = Arrays.copyOf(fieldEnds, size);
        fieldQuoted = Arrays.copyOf(fieldQuoted, size);
        fieldInScratch = Arrays.copyOf(fieldInScratch, size);
    }
}
