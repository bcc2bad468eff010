package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads the records of a {@link FileSplit} as byte ranges of a shared buffer, without decoding text.
 *
 * <p>A record ends at a line break ({@code \n} or {@code \r\n}, or the custom separator), except, for
 * multiLine CSV, a line break inside quotes. Each record is exposed through {@link #buffer()}, {@link
 * #start()} and {@link #end()} until the next call to {@link #next()}. Not thread-safe: one per split.
 */
final class TextInput implements Closeable {
    private static final int BUFFER_SIZE = 1 << 20;
    private static final int GZIP_BUFFER_SIZE = 1 << 16;

    private final FileSplit split;
    private final InputStream in;
    private final byte[] separator;
    private final int quote;
    private final int escape;
    private final int quoteEscapeEscape;
    private final boolean limited;
    private final long end;
    private final boolean lineNumbersKnown;

    private byte[] buffer;
    private int position;
    private int limit;
    private long bufferOffset;
    private boolean eof;
    private long nextLine = 1;

    private int recordStart;
    private int recordEnd;
    private long recordOffset;
    private long recordLine;

    /**
     * Opens a split.
     *
     * @param separator the record separator, or null for {@code \n} with an optional preceding {@code \r}
     * @param quote for multiLine CSV, the quote character inside which line breaks do not end a record; else -1
     * @param escape for multiLine CSV, the escape character inside quotes; else -1
     * @param quoteEscapeEscape for multiLine CSV, the character that escapes the escape before a quote; else -1
     */
    TextInput(FileSplit split, String separator, int quote, int escape, int quoteEscapeEscape) {
        this.split = split;
        this.separator = separator == null ? null : separator.getBytes(StandardCharsets.UTF_8);
        this.quote = quote;
        this.escape = escape;
        this.quoteEscapeEscape = quoteEscapeEscape;
        this.limited = split.splittable();
        this.end = split.end();
        this.lineNumbersKnown = split.start() == 0;
        // A small split needs a small buffer; records running past its end grow it.
        this.buffer =
                new byte[limited ? (int) Math.min(BUFFER_SIZE, Math.max(4096, split.length() + 1024)) : BUFFER_SIZE];
        this.in = open(split);
        this.bufferOffset = split.gzip() ? 0 : split.start();
        try {
            if (split.start() > 0) {
                skipPartialLine();
            } else {
                skipByteOrderMark();
            }
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    static InputStream open(FileSplit split) {
        try {
            if (split.gzip()) {
                return new GZIPInputStream(Files.newInputStream(split.path()), GZIP_BUFFER_SIZE);
            }
            FileChannel channel = FileChannel.open(split.path(), StandardOpenOption.READ);
            channel.position(split.start());
            return Channels.newInputStream(channel);
        } catch (NoSuchFileException e) {
            throw new FreshetException(ErrorCode.PATH_NOT_FOUND, "Path does not exist: " + split.path(), e);
        } catch (IOException e) {
            throw ioError(split, e);
        }
    }

    static FreshetException ioError(FileSplit split, IOException e) {
        return new FreshetException(ErrorCode.IO_ERROR, "Cannot read " + split.path() + ": " + e.getMessage(), e);
    }

    byte[] buffer() {
        return buffer;
    }

    /** The first byte of the current record in {@link #buffer()}. */
    int start() {
        return recordStart;
    }

    /** The end (exclusive) of the current record in {@link #buffer()}, without its line break. */
    int end() {
        return recordEnd;
    }

    /** The position of the current record's first byte in the file (in the uncompressed text for gzip). */
    long recordOffset() {
        return recordOffset;
    }

    /** The 1-based line of the current record's first byte, or -1 when unknown (a split not at the file start). */
    long recordLine() {
        return recordLine;
    }

    /** Where the current record is, for error messages: "line 17" or "record starting at byte 123". */
    String location() {
        return recordLine > 0 ? "line " + recordLine : "the record starting at byte " + recordOffset;
    }

    /** Advances to the next record; false at the end of the split. */
    boolean next() {
        if (limited && bufferOffset + position > end) {
            return false;
        }
        if (position == limit && !fill()) {
            return false;
        }
        int scan = position;
        boolean inQuotes = false;
        int newlines = 0;
        while (true) {
            byte[] buf = buffer;
            int lim = limit;
            int found = -1;
            if (quote >= 0) {
                // Mirrors CsvTokenizer: inside quotes, escape+quote and quoteEscapeEscape+escape+quote are pairs
                // that do not toggle the quoting. Stop two bytes short of the buffered data so that a pair is
                // never cut by a refill.
                int bound = eof ? lim : lim - 2;
                for (; scan < bound; scan++) {
                    int c = buf[scan];
                    if (inQuotes) {
                        if (c == quoteEscapeEscape
                                && c != quote
                                && scan + 2 < lim
                                && buf[scan + 1] == escape
                                && buf[scan + 2] == quote) {
                            scan++; // the escape; the quote that follows is then an ordinary quote
                        } else if (c == escape && c != quote && scan + 1 < lim && buf[scan + 1] == quote) {
                            scan++;
                        } else if (c == quote) {
                            inQuotes = false;
                        } else if (c == '\n') {
                            newlines++;
                        }
                    } else if (c == quote) {
                        inQuotes = true;
                    } else if (isSeparatorAt(buf, scan, lim)) {
                        found = scan;
                        break;
                    }
                }
                scan = Math.max(scan, position);
            } else if (separator == null) {
                for (; scan < lim; scan++) {
                    if (buf[scan] == '\n') {
                        found = scan;
                        break;
                    }
                }
            } else {
                // Stop where a separator could straddle the end of the buffered bytes; look there after refilling.
                int bound = eof ? lim : lim - separator.length + 1;
                for (; scan < bound; scan++) {
                    if (isSeparatorAt(buf, scan, lim)) {
                        found = scan;
                        break;
                    }
                }
                scan = Math.max(scan, position);
            }
            if (found >= 0) {
                int separatorLength = separator == null ? 1 : separator.length;
                int recordLimit = found;
                if (separator == null && recordLimit > position && buffer[recordLimit - 1] == '\r') {
                    recordLimit--;
                }
                setRecord(recordLimit, newlines);
                position = found + separatorLength;
                countLines(found, separatorLength);
                return true;
            }
            if (eof) {
                if (position == limit) {
                    return false;
                }
                setRecord(limit, newlines);
                position = limit;
                return true;
            }
            int shift = makeRoom();
            scan -= shift;
            if (!fill()) {
                // loop once more with eof set to emit the tail
                continue;
            }
        }
    }

    private void setRecord(int recordLimit, int newlinesInside) {
        recordStart = position;
        recordEnd = recordLimit;
        recordOffset = bufferOffset + position;
        recordLine = lineNumbersKnown ? nextLine : -1;
        nextLine += newlinesInside;
    }

    private void countLines(int terminator, int separatorLength) {
        if (separator == null || (separatorLength == 1 && separator[0] == '\n')) {
            nextLine++;
        } else {
            // A custom separator: count the records' own line breaks so messages still name lines.
            for (int i = terminator; i < terminator + separatorLength; i++) {
                if (buffer[i] == '\n') {
                    nextLine++;
                }
            }
            if (separatorLength > 0 && noNewline(separator)) {
                nextLine++;
            }
        }
    }

    private static boolean noNewline(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                return false;
            }
        }
        return true;
    }

    private boolean isSeparatorAt(byte[] buf, int index, int lim) {
        if (separator == null) {
            return buf[index] == '\n';
        }
        if (buf[index] != separator[0]) {
            return false;
        }
        if (index + separator.length > lim) {
            // Not enough bytes to decide: treat as no match unless the input has ended.
            return false;
        }
        for (int i = 1; i < separator.length; i++) {
            if (buf[index + i] != separator[i]) {
                return false;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the buffer start, or grows the buffer; returns how far bytes moved. */
    private int makeRoom() {
        int shift = position;
        if (shift > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            bufferOffset += position;
            position = 0;
            recordStart -= shift;
            recordEnd -= shift;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        return shift;
    }

    /** Reads more bytes after {@code limit}; false at the end of the input. */
    private boolean fill() {
        if (eof) {
            return false;
        }
        if (limit == buffer.length) {
            makeRoom();
        }
        try {
            int read = in.read(buffer, limit, buffer.length - limit);
            while (read == 0) {
                read = in.read(buffer, limit, buffer.length - limit);
            }
            if (read < 0) {
                eof = true;
                return false;
            }
            limit += read;
            return true;
        } catch (IOException e) {
            throw ioError(split, e);
        }
    }

    private void skipPartialLine() {
        while (true) {
            if (position == limit) {
                position = 0;
                bufferOffset += limit;
                limit = 0;
                if (!fill()) {
                    return;
                }
            }
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    position = i + 1;
                    return;
                }
            }
            position = limit;
        }
    }

    private void skipByteOrderMark() {
        while (limit < 3 && fill()) {
            // read at least three bytes if the file has them
        }
        if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            position = 3;
        }
    }

    /** The text of the current record (for the corrupt-record column and error messages). */
    String recordText() {
        return new String(buffer, recordStart, recordEnd - recordStart, StandardCharsets.UTF_8);
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException e) {
            // the original failure is more useful than a close failure
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw ioError(split, e);
        }
    }
}
