package io.freshet.stream.sink;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.streaming.OutputMode;
import io.freshet.types.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the sink tests: batches from rows, sink batches, directory listings. */
final class SinkTestSupport {
    static final String QUERY_ID = "5a1f3c9e-0000-4000-8000-000000000001";

    private SinkTestSupport() {}

    /** A batch of the given rows, values in internal representation. */
    static Batch batch(Schema schema, List<List<Object>> rows) {
        Vector[] columns = new Vector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            VectorBuilder builder = VectorBuilder.forType(schema.type(c), rows.size());
            for (List<Object> row : rows) {
                Object value = row.get(c);
                if (value == null) {
                    builder.appendNull();
                } else {
                    builder.append(value);
                }
            }
            columns[c] = builder.build();
        }
        return new Batch(columns, rows.size());
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    static SinkBatch sinkBatch(long batchId, OutputMode mode, Schema schema, Batch... batches) {
        return new SinkBatch(QUERY_ID, batchId, mode, schema, List.of(batches));
    }

    static SinkBatch append(long batchId, Schema schema, Batch... batches) {
        return sinkBatch(batchId, OutputMode.APPEND, schema, batches);
    }

    /** Microseconds since the epoch of an ISO-8601 instant such as {@code 2024-03-01T10:00:00Z}. */
    static long micros(String instant) {
        Instant parsed = Instant.parse(instant);
        return parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1_000;
    }

    /** The names in a directory (hidden ones too), sorted. */
    static List<String> listing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
