package io.freshet;

import io.freshet.expr.Temporal;
import io.freshet.types.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Renders rows for people: Spark's {@code show()} table. */
public final class ResultPrinter {
    private ResultPrinter() {}

    /** A boxed table of the rows; cells longer than {@code truncate} characters are cut (0: never). */
    public static String table(Schema schema, List<Row> rows, int truncate, ZoneId zone) {
        int width = schema.size();
        List<String[]> cells = new ArrayList<>();
        String[] header = schema.names().toArray(new String[0]);
        cells.add(header);
        for (Row row : rows) {
            String[] line = new String[width];
            for (int i = 0; i < width; i++) {
                String text = text(row.get(i), zone);
                if (truncate > 0 && text.length() > truncate) {
                    text = truncate < 4 ? text.substring(0, truncate) : text.substring(0, truncate - 3) + "...";
                }
                line[i] = text;
            }
            cells.add(line);
        }
        int[] widths = new int[width];
        for (String[] line : cells) {
            for (int i = 0; i < width; i++) {
                widths[i] = Math.max(Math.max(widths[i], 3), line[i].codePointCount(0, line[i].length()));
            }
        }
        StringBuilder separator = new StringBuilder("+");
        for (int w : widths) {
            separator.append("-".repeat(w)).append('+');
        }
        separator.append('\n');
        StringBuilder out = new StringBuilder(separator);
        for (int r = 0; r < cells.size(); r++) {
            String[] line = cells.get(r);
            out.append('|');
            for (int i = 0; i < width; i++) {
                String padding = " ".repeat(widths[i] - line[i].codePointCount(0, line[i].length()));
                // Spark right-aligns cells when truncating, as it does by default.
                out.append(truncate > 0 ? padding + line[i] : line[i] + padding).append('|');
            }
            out.append('\n');
            if (r == 0) {
                out.append(separator);
            }
        }
        out.append(separator);
        return out.toString();
    }

    /** How one value shows in a table: NULL for null, timestamps in the session zone, structs as {a, b}. */
    public static String text(Object value, ZoneId zone) {
        return switch (value) {
            case null -> "NULL";
            case Instant instant -> Temporal.formatTimestamp(Temporal.toMicros(instant), zone);
            case LocalDate date -> date.toString();
            case Duration duration -> duration.toString();
            case Row row -> {
                StringBuilder text = new StringBuilder("{");
                for (int i = 0; i < row.size(); i++) {
                    text.append(i == 0 ? "" : ", ").append(text(row.get(i), zone));
                }
                yield text.append('}').toString();
            }
            case List<?> list -> {
                StringBuilder text = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    text.append(i == 0 ? "" : ", ").append(text(list.get(i), zone));
                }
                yield text.append(']').toString();
            }
            default -> value.toString();
        };
    }
}
