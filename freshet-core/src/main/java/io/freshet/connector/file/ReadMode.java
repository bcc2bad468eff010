package io.freshet.connector.file;

/** How a file reader treats a malformed record, as Spark's {@code mode} option. */
public enum ReadMode {
    /** Keeps the record: bad fields become null and the raw text goes to the corrupt-record column if any. */
    PERMISSIVE,
    /** Drops the record. */
    DROPMALFORMED,
    /** Fails the read with a {@code MALFORMED_RECORD} error naming the file and the line. */
    FAILFAST
}
