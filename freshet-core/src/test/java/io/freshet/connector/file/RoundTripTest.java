package io.freshet.connector.file;

import io.freshet.SaveMode;
import io.freshet.data.Batch;
import io.freshet.types.Schema;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.connector.file.FileTestSupport.allTypesSchema;
import static io.freshet.connector.file.FileTestSupport.batch;
import static io.freshet.connector.file.FileTestSupport.randomRows;
import static io.freshet.connector.file.FileTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Writing random batches of every type and reading them back gives the same rows. */
class RoundTripTest {
    @TempDir
    Path temp;

    @Test
    void csvRoundTripsRandomBatchesOfEveryType() {
        for (long seed = 1; seed <= 20; seed++) {
            roundTripCsv(seed, ZoneOffset.UTC, Map.of("multiLine", "true"));
        }
    }

    @Test
    void csvRoundTripsWithHeaderGzipAndAnotherDelimiter() {
        for (long seed = 21; seed <= 30; seed++) {
            roundTripCsv(
                    seed,
                    ZoneOffset.UTC,
                    Map.of("multiLine", "true", "header", "true", "sep", ";", "compression", "gzip"));
        }
    }

    @Test
    void csvRoundTripsTimestampsInARegionTimeZone() {
        for (long seed = 31; seed <= 35; seed++) {
            roundTripCsv(seed, ZoneId.of("Asia/Kolkata"), Map.of("multiLine", "true"));
        }
    }

    @Test
    void jsonRoundTripsRandomBatchesOfEveryType() {
        for (long seed = 1; seed <= 20; seed++) {
            roundTripJson(seed, ZoneOffset.UTC, Map.of());
        }
    }

    @Test
    void jsonRoundTripsWithGzipAndNullFieldsWritten() {
        for (long seed = 21; seed <= 30; seed++) {
            roundTripJson(seed, ZoneId.of("Asia/Kolkata"), Map.of("compression", "gzip", "ignoreNullFields", "false"));
        }
    }

    private void roundTripCsv(long seed, ZoneId zone, Map<String, String> optionMap) {
        Random random = new Random(seed);
        Schema schema = allTypesSchema();
        List<List<Object>> expected = randomRows(random, schema, 1 + random.nextInt(300));
        if (zone.equals(ZoneId.of("Asia/Kolkata"))) {
            keepTimestampsAfter1970(expected, schema);
        }
        Path directory = temp.resolve("csv-" + seed);
        CsvOptions options = CsvOptions.parse(optionMap);
        FileWriteJob.writeAll(
                directory, schema, options, SaveMode.ERROR_IF_EXISTS, zone, splitIntoBatches(schema, expected, random));

        List<Path> files = FilePaths.expand(directory.toString());
        List<Batch> batches = new CsvReader(schema, options, zone, 64)
                .readAll(FilePaths.splits(files, 1 << 20, options.splittable()));

        assertThat(rows(batches)).as("seed %s", seed).isEqualTo(expected);
    }

    private void roundTripJson(long seed, ZoneId zone, Map<String, String> optionMap) {
        Random random = new Random(seed);
        Schema schema = allTypesSchema();
        List<List<Object>> expected = randomRows(random, schema, 1 + random.nextInt(300));
        if (zone.equals(ZoneId.of("Asia/Kolkata"))) {
            keepTimestampsAfter1970(expected, schema);
        }
        Path directory = temp.resolve("json-" + seed);
        JsonOptions options = JsonOptions.parse(optionMap);
        FileWriteJob.writeAll(
                directory, schema, options, SaveMode.ERROR_IF_EXISTS, zone, splitIntoBatches(schema, expected, random));

        List<Path> files = FilePaths.expand(directory.toString());
        List<Batch> batches = new JsonReader(schema, options, zone, 64).readAll(FilePaths.splits(files, 1 << 20));

        assertThat(rows(batches)).as("seed %s", seed).isEqualTo(expected);
    }

    /** Local times repeat in a zone's historical offset changes; the files keep local times, as Spark's do. */
    private static void keepTimestampsAfter1970(List<List<Object>> rows, Schema schema) {
        int ts = schema.indexOf("ts");
        for (List<Object> row : rows) {
            if (row.get(ts) instanceof Long micros && micros < 0) {
                row.set(ts, -micros);
            }
        }
    }

    private static List<Batch> splitIntoBatches(Schema schema, List<List<Object>> rows, Random random) {
        List<Batch> batches = new ArrayList<>();
        int start = 0;
        while (start < rows.size()) {
            int end = Math.min(rows.size(), start + 1 + random.nextInt(100));
            batches.add(batch(schema, rows.subList(start, end)));
            start = end;
        }
        return batches;
    }
}
