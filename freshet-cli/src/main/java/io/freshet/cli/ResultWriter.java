package io.freshet.cli;

import io.freshet.DataFrame;
import io.freshet.ResultPrinter;
import io.freshet.connector.file.CsvResultFormat;
import io.freshet.connector.file.ValueFormatter;
import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.types.Schema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/** Prints a query result as CSV (RFC 4180), JSON lines, or an aligned table, by the rules of {@code freshet sql}. */
final class ResultWriter {
    private ResultWriter() {}

    static void write(DataFrame result, String format, OutputStream stream, ZoneId zone) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        switch (format) {
            case "table" -> out.write(ResultPrinter.table(result.schema(), result.collect(), 0, zone));
            case "json" -> writeJson(result, out, zone);
            default -> writeCsv(result, out, zone);
        }
        out.flush();
    }

    private static void writeCsv(DataFrame result, Writer out, ZoneId zone) throws IOException {
        CsvResultFormat csv = new CsvResultFormat(result.schema(), zone);
        StringBuilder header = new StringBuilder();
        csv.appendHeader(header);
        out.write(header.toString());
        forEach(result, batch -> {
            StringBuilder text = new StringBuilder();
            csv.appendRows(text, batch);
            write(out, text);
        });
    }

    private static void writeJson(DataFrame result, Writer out, ZoneId zone) {
        Schema schema = result.schema();
        ValueFormatter formatter = new ValueFormatter(zone);
        forEach(result, batch -> {
            StringBuilder text = new StringBuilder();
            for (int row = 0; row < batch.rowCount(); row++) {
                text.append('{');
                for (int c = 0; c < batch.columnCount(); c++) {
                    if (c > 0) {
                        text.append(',');
                    }
                    ValueFormatter.appendJsonString(text, schema.field(c).name());
                    text.append(':');
                    Vector vector = batch.column(c);
                    if (vector.isNull(row)) {
                        text.append("null");
                    } else {
                        formatter.appendJson(text, vector, row);
                    }
                }
                text.append("}\n");
            }
            write(out, text);
        });
    }

    private static void forEach(DataFrame result, java.util.function.Consumer<Batch> consumer) {
        result.foreachBatch(consumer);
    }

    private static void write(Writer out, CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
