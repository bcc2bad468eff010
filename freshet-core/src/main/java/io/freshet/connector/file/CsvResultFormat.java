package io.freshet.connector.file;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.types.Schema;
import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * Formats a result as the CSV that {@code freshet sql --format csv} prints, so that the command line and the
 * streaming sinks write byte-identical text.
 *
 * <p>Rules: a header line of the column names, then one line per row, each ended by {@code \n}; fields
 * separated by {@code ,}; RFC 4180 quoting (a field is quoted when it is empty or holds a comma, a quote or a
 * line break; quotes inside are doubled, nothing else is escaped); a null is an empty unquoted field, an empty
 * string is {@code ""}; values as {@link ValueFormatter} writes them in the given zone (timestamps {@code
 * yyyy-MM-dd HH:mm:ss[.ffffff]}, doubles in their shortest round-trip form, structs and arrays as JSON). Unlike
 * the file writer's {@link CsvOptions}, nothing here is configurable: this is the fixed contract of the
 * command-line output. Not thread-safe.
 */
public final class CsvResultFormat {
    private final Schema schema;
    private final ValueFormatter formatter;
    private final StringBuilder value = new StringBuilder(64);

    public CsvResultFormat(Schema schema, ZoneId zone) {
        this.schema = requireNonNull(schema, "schema is null");
        this.formatter = new ValueFormatter(requireNonNull(zone, "zone is null"));
    }

    public Schema schema() {
        return schema;
    }

    /** Appends the header line: the column names, quoted where needed, and {@code \n}. */
    public void appendHeader(StringBuilder out) {
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, schema.field(i).name());
        }
        out.append('\n');
    }

    /** Appends one line per row of {@code batch}, whose columns follow the schema. */
    public void appendRows(StringBuilder out, Batch batch) {
        int columnCount = batch.columnCount();
        for (int row = 0; row < batch.rowCount(); row++) {
            for (int c = 0; c < columnCount; c++) {
                if (c > 0) {
                    out.append(',');
                }
                Vector vector = batch.column(c);
                if (vector.isNull(row)) {
                    continue; // null is an empty, unquoted field
                }
                value.setLength(0);
                formatter.appendText(value, vector, row);
                appendField(out, value);
            }
            out.append('\n');
        }
    }

    /** RFC 4180: quotes a field that is empty or holds a comma, a quote or a line break, doubling inner quotes. */
    public static void appendField(StringBuilder out, CharSequence text) {
        boolean quote = text.length() == 0;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '"') {
                out.append('"');
            }
        }
        out.append('"');
    }
}
