package io.freshet.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark CSV file: a header and rows {@code id,region,user_id,amount,qty,note} (about 50
 * bytes each) until the file reaches a given size, formatted by hand so that a gigabyte takes seconds.
 */
public final class CsvData {
    /** The file's schema, as DDL for Freshet. */
    public static final String SCHEMA_DDL =
            "id BIGINT, region STRING, user_id BIGINT, amount DOUBLE, qty BIGINT, note STRING";
    /** The file's schema, as DuckDB's {@code read_csv} columns. */
    public static final String DUCKDB_COLUMNS = "{'id': 'BIGINT', 'region': 'VARCHAR', 'user_id': 'BIGINT', "
            + "'amount': 'DOUBLE', 'qty': 'BIGINT', 'note': 'VARCHAR'}";

    private static final String[] WORDS = {"ok", "late", "returned", "gift", "express", "bulk", "priority"};

    private CsvData() {}

    /** What was written: the file, its size and its data rows. */
    public record Written(Path file, long bytes, long rows) {}

    /** Writes rows to {@code file} until it holds at least {@code targetBytes}. */
    public static Written write(Path file, long targetBytes) throws IOException {
        byte[] line = new byte[256];
        long bytes = 0;
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            byte[] header = "id,region,user_id,amount,qty,note\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            out.write(header);
            bytes += header.length;
            for (long i = 0; bytes < targetBytes; i++) {
                int length = formatRow(i, line);
                out.write(line, 0, length);
                bytes += length;
                rows++;
            }
        }
        return new Written(file, bytes, rows);
    }

    private static int formatRow(long i, byte[] line) {
        int at = 0;
        at = appendLong(line, at, i);
        line[at++] = ',';
        at = appendAscii(line, at, "region_");
        int region = BenchData.regionId(i);
        line[at++] = (byte) ('0' + region / 10);
        line[at++] = (byte) ('0' + region % 10);
        line[at++] = ',';
        at = appendLong(line, at, (i * 7919) % BenchData.USERS);
        line[at++] = ',';
        long cents = (i * 104729) % 100_000;
        at = appendLong(line, at, cents / 100);
        line[at++] = '.';
        line[at++] = (byte) ('0' + (cents % 100) / 10);
        line[at++] = (byte) ('0' + cents % 10);
        line[at++] = ',';
        at = appendLong(line, at, (i * 13 + 7) % 100);
        line[at++] = ',';
        at = appendAscii(line, at, WORDS[(int) (i % WORDS.length)]);
        line[at++] = ' ';
        at = appendAscii(line, at, "order ");
        at = appendLong(line, at, (i * 31) % 1000);
        line[at++] = '\n';
        return at;
    }

    private static int appendAscii(byte[] line, int at, String text) {
        for (int k = 0; k < text.length(); k++) {
            line[at++] = (byte) text.charAt(k);
        }
        return at;
    }

    private static int appendLong(byte[] line, int at, long value) {
        if (value == 0) {
            line[at++] = '0';
            return at;
        }
        int start = at;
        for (long v = value; v > 0; v /= 10) {
            line[at++] = (byte) ('0' + v % 10);
        }
        for (int lo = start, hi = at - 1; lo < hi; lo++, hi--) {
            byte swap = line[lo];
            line[lo] = line[hi];
            line[hi] = swap;
        }
        return at;
    }
}
