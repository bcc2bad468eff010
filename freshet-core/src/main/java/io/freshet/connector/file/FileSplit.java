package io.freshet.connector.file;

import java.nio.file.Path;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A byte range of one file that one reader thread parses.
 *
 * <p>As Hadoop's line record reader (and so Spark) does, a split owns the records whose first byte lies after
 * the first line break at or after {@code start} (or at byte 0 for the first split) and at or before {@code
 * start + length}; a record may run past the end of the range. A split that is not {@code splittable} covers
 * its whole file ({@code start} 0), e.g. a gzip file or a multiLine read.
 *
 * @param length the number of bytes of the range; for a whole file, its size (informational only)
 */
public record FileSplit(Path path, long start, long length, boolean splittable) {
    public FileSplit {
        requireNonNull(path, "path is null");
        checkArgument(start >= 0, "start must be non-negative: %s", start);
        checkArgument(length >= 0, "length must be non-negative: %s", length);
        checkArgument(splittable || start == 0, "a split that is not splittable must start at 0: %s", start);
    }

    /** The whole file as one split. */
    public static FileSplit wholeFile(Path path) {
        return new FileSplit(path, 0, Long.MAX_VALUE, false);
    }

    public long end() {
        return start + length < 0 ? Long.MAX_VALUE : start + length;
    }

    /** Whether the file is read through gzip (its name ends with {@code .gz}). */
    public boolean gzip() {
        return FilePaths.isGzip(path);
    }
}
