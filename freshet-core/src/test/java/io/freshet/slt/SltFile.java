package io.freshet.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sqllogictest file, in the dialect DataFusion and DuckDB use: records separated by blank lines,
 * each {@code statement ok}, {@code statement error <message part>}, or {@code query <types>
 * [rowsort|nosort]} followed by SQL, {@code ----} and the expected rows. {@code #} starts a comment.
 */
public record SltFile(Path path, List<Record> records) {

    /** One test of the file; {@code line} is where it starts, for failure messages. */
    public sealed interface Record {
        int line();

        String sql();
    }

    /** A statement expected to succeed, or (with {@code expectedError}) to fail with that text in its message. */
    public record Statement(int line, String sql, String expectedError) implements Record {}

    /** A query; {@code types} has one letter per column (T text, I integer, R real, B boolean, D date/time). */
    public record Query(int line, String sql, String types, SortMode sort, List<String> expected, String expectedError)
            implements Record {}

    /** How query results are ordered before comparing. */
    public enum SortMode {
        NOSORT,
        ROWSORT,
        VALUESORT
    }

    public static SltFile parse(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        List<Record> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            String[] header = line.split("\\s+", 3);
            i++;
            StringBuilder sql = new StringBuilder();
            while (i < lines.size()
                    && !lines.get(i).isBlank()
                    && !lines.get(i).strip().equals("----")) {
                sql.append(sql.length() == 0 ? "" : "\n").append(lines.get(i));
                i++;
            }
            switch (header[0]) {
                case "statement" -> {
                    String expectedError = header.length > 1 && header[1].equals("error")
                            ? (header.length > 2 ? header[2] : "")
                            : null;
                    records.add(new Statement(start, sql.toString(), expectedError));
                }
                case "query" -> {
                    if (header.length > 1 && header[1].equals("error")) {
                        records.add(new Query(
                                start,
                                sql.toString(),
                                "",
                                SortMode.NOSORT,
                                List.of(),
                                header.length > 2 ? header[2] : ""));
                        break;
                    }
                    String types = header.length > 1 ? header[1] : "";
                    SortMode sort = header.length > 2
                            ? SortMode.valueOf(header[2].strip().toUpperCase(java.util.Locale.ROOT))
                            : SortMode.NOSORT;
                    List<String> expected = new ArrayList<>();
                    if (i < lines.size() && lines.get(i).strip().equals("----")) {
                        i++;
                        while (i < lines.size() && !lines.get(i).isBlank()) {
                            expected.add(lines.get(i).strip());
                            i++;
                        }
                    }
                    records.add(new Query(start, sql.toString(), types, sort, expected, null));
                }
                default ->
                    throw new IllegalArgumentException(path + ":" + start + ": unknown record '" + header[0] + "'");
            }
        }
        return new SltFile(path, records);
    }
}
