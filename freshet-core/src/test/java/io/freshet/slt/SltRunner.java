package io.freshet.slt;

import io.freshet.Freshet;
import io.freshet.Row;
import io.freshet.expr.Temporal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs the records of an {@link SltFile} against a fresh session, in order. {@code ${dir}} in SQL is
 * replaced by the directory of the file, so tests can read data files that sit beside them.
 */
public final class SltRunner {
    private SltRunner() {}

    /** Runs every record; returns one failure message per failed record (empty when all pass). */
    public static List<String> run(SltFile file) {
        List<String> failures = new ArrayList<>();
        try (Freshet freshet =
                Freshet.builder().config("freshet.parallelism", "2").build()) {
            for (SltFile.Record record : file.records()) {
                String failure = runRecord(freshet, file.path(), record);
                if (failure != null) {
                    failures.add(
                            file.path().getFileName() + ":" + record.line() + ": " + failure + "\n" + record.sql());
                }
            }
        }
        return failures;
    }

    static String runRecord(Freshet freshet, Path path, SltFile.Record record) {
        String sql =
                record.sql().replace("${dir}", path.getParent().toAbsolutePath().toString());
        try {
            switch (record) {
                case SltFile.Statement statement -> {
                    freshet.sql(sql).collect();
                    return statement.expectedError() == null
                            ? null
                            : "expected an error containing '" + statement.expectedError() + "'";
                }
                case SltFile.Query query -> {
                    List<Row> rows = freshet.sql(sql).collect();
                    if (query.expectedError() != null) {
                        return "expected an error containing '" + query.expectedError() + "'";
                    }
                    List<String> actual = format(rows, query.types(), query.sort());
                    List<String> expected = new ArrayList<>(query.expected());
                    if (query.sort() == SltFile.SortMode.ROWSORT) {
                        Collections.sort(expected);
                    }
                    if (query.sort() == SltFile.SortMode.VALUESORT) {
                        expected = sortedValues(expected);
                    }
                    if (!actual.equals(expected)) {
                        return "wrong result\nexpected:\n  " + String.join("\n  ", expected) + "\nactual:\n  "
                                + String.join("\n  ", actual);
                    }
                    return null;
                }
            }
        } catch (RuntimeException e) {
            String expectedError =
                    switch (record) {
                        case SltFile.Statement statement -> statement.expectedError();
                        case SltFile.Query query -> query.expectedError();
                    };
            if (expectedError != null && String.valueOf(e.getMessage()).contains(expectedError)) {
                return null;
            }
            return "unexpected error: " + e + (expectedError == null ? "" : " (expected '" + expectedError + "')");
        }
    }

    private static List<String> format(List<Row> rows, String types, SltFile.SortMode sort) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                char type = i < types.length() ? types.charAt(i) : 'T';
                line.append(i == 0 ? "" : " ").append(value(row.get(i), type));
            }
            lines.add(line.toString());
        }
        if (sort == SltFile.SortMode.ROWSORT) {
            Collections.sort(lines);
        }
        if (sort == SltFile.SortMode.VALUESORT) {
            return sortedValues(lines);
        }
        return lines;
    }

    private static List<String> sortedValues(List<String> lines) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            values.addAll(List.of(line.split(" ")));
        }
        Collections.sort(values);
        return values;
    }

    /** Formats a value: NULL, (empty) for '', reals with 3 decimals, timestamps in UTC. */
    static String value(Object value, char type) {
        if (value == null) {
            return "NULL";
        }
        if (type == 'R' && value instanceof Number number) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return d.toString();
            }
            return new BigDecimal(number.toString())
                    .setScale(3, RoundingMode.HALF_UP)
                    .toPlainString();
        }
        return switch (value) {
            case String s -> s.isEmpty() ? "(empty)" : s;
            case Instant instant -> Temporal.formatTimestamp(Temporal.toMicros(instant), ZoneOffset.UTC);
            case LocalDate date -> date.toString();
            case Duration duration -> duration.toString();
            case BigDecimal decimal -> decimal.toPlainString();
            case Row struct -> io.freshet.ResultPrinter.text(struct, ZoneOffset.UTC);
            case List<?> list -> io.freshet.ResultPrinter.text(list, ZoneOffset.UTC);
            default -> value.toString();
        };
    }
}
