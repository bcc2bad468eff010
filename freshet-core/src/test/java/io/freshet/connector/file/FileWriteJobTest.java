package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.SaveMode;
import io.freshet.data.Batch;
import io.freshet.types.BigintType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.connector.file.FileTestSupport.batch;
import static io.freshet.connector.file.FileTestSupport.row;
import static io.freshet.connector.file.FileTestSupport.rows;
import static io.freshet.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileWriteJobTest {
    private static final Schema SCHEMA = Schema.of(
            Field.of("id", BigintType.BIGINT),
            Field.of("name", StringType.STRING),
            Field.of("score", DoubleType.DOUBLE),
            Field.of("ts", TimestampType.TIMESTAMP));

    @TempDir
    Path temp;

    private static Batch people(long... ids) {
        return batch(
                SCHEMA,
                Arrays.stream(ids)
                        .mapToObj(id -> row(id, "n" + id, id / 10.0, id * 1_000_000L))
                        .toList());
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private List<List<Object>> readCsv(Path directory) {
        CsvOptions options = CsvOptions.parse(Map.of("header", "true"));
        return rows(new CsvReader(SCHEMA, options, ZoneOffset.UTC)
                .readAll(FilePaths.splits(FilePaths.expand(directory.toString()), 1 << 20)));
    }

    private boolean writeCsv(Path directory, SaveMode mode, Batch... batches) {
        return FileWriteJob.writeAll(
                directory, SCHEMA, CsvOptions.parse(Map.of("header", "true")), mode, ZoneOffset.UTC, List.of(batches));
    }

    @Test
    void writesPartFilesAndASuccessMarker() throws IOException {
        Path out = temp.resolve("out");
        assertThat(writeCsv(out, SaveMode.ERROR_IF_EXISTS, people(1, 2), people(3)))
                .isTrue();
        List<String> names = listing(out);
        assertThat(names).hasSize(2).contains("_SUCCESS");
        assertThat(names.get(1)).matches("part-00000-[0-9a-f-]{36}\\.csv");
        assertThat(Files.readString(out.resolve(names.get(1))))
                .isEqualTo(
                        "id,name,score,ts\n1,n1,0.1,1970-01-01 00:00:01\n2,n2,0.2,1970-01-01 00:00:02\n3,n3,0.3,1970-01-01 00:00:03\n");
        assertThat(readCsv(out)).hasSize(3);
    }

    @Test
    void errorModeRefusesADirectoryWithData() {
        Path out = temp.resolve("out");
        writeCsv(out, SaveMode.ERROR_IF_EXISTS, people(1));
        assertThatThrownBy(() -> writeCsv(out, SaveMode.ERROR_IF_EXISTS, people(2)))
                .isInstanceOf(FreshetException.class)
                .hasMessageStartingWith("Path already exists: " + out)
                .satisfies(
                        e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
        assertThat(readCsv(out)).containsExactly(row(1L, "n1", 0.1, 1_000_000L));
    }

    @Test
    void errorModeWritesIntoAnEmptyDirectory() throws IOException {
        Path out = Files.createDirectories(temp.resolve("empty"));
        assertThat(writeCsv(out, SaveMode.ERROR_IF_EXISTS, people(1))).isTrue();
        assertThat(readCsv(out)).hasSize(1);
    }

    @Test
    void appendModeAddsParts() throws IOException {
        Path out = temp.resolve("out");
        writeCsv(out, SaveMode.APPEND, people(1));
        writeCsv(out, SaveMode.APPEND, people(2));
        assertThat(listing(out)).hasSize(3);
        assertThat(readCsv(out)).extracting(r -> r.get(0)).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void overwriteModeReplacesTheContents() throws IOException {
        Path out = temp.resolve("out");
        writeCsv(out, SaveMode.APPEND, people(1));
        write(out.resolve("stray.txt"), "old");
        writeCsv(out, SaveMode.OVERWRITE, people(7, 8));
        assertThat(listing(out)).hasSize(2).doesNotContain("stray.txt");
        assertThat(readCsv(out)).extracting(r -> r.get(0)).containsExactly(7L, 8L);
    }

    @Test
    void overwriteKeepsTheOldContentsUntilTheNewPartsAreComplete() throws IOException {
        Path out = temp.resolve("out");
        writeCsv(out, SaveMode.ERROR_IF_EXISTS, people(1));
        FileWriteJob job = FileWriteJob.start(
                        out, SCHEMA, CsvOptions.parse(Map.of("header", "true")), SaveMode.OVERWRITE, ZoneOffset.UTC)
                .orElseThrow();
        PartWriter part = job.newPart();
        part.write(people(5));
        assertThat(readCsv(out)).extracting(r -> r.get(0)).containsExactly(1L);
        part.close();
        job.abort();
        assertThat(readCsv(out)).extracting(r -> r.get(0)).containsExactly(1L);
        assertThat(listing(out)).doesNotContain("_temporary");
    }

    @Test
    void ignoreModeSkipsADirectoryWithData() {
        Path out = temp.resolve("out");
        writeCsv(out, SaveMode.ERROR_IF_EXISTS, people(1));
        assertThat(writeCsv(out, SaveMode.IGNORE, people(2))).isFalse();
        assertThat(readCsv(out)).extracting(r -> r.get(0)).containsExactly(1L);
        assertThat(writeCsv(temp.resolve("new"), SaveMode.IGNORE, people(2))).isTrue();
    }

    @Test
    void severalPartsCanBeWrittenAtOnce() throws Exception {
        Path out = temp.resolve("out");
        FileWriteJob job = FileWriteJob.start(
                        out, SCHEMA, JsonOptions.DEFAULT, SaveMode.ERROR_IF_EXISTS, ZoneOffset.UTC)
                .orElseThrow();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            long base = t * 100L;
            threads[t] = new Thread(() -> {
                try (PartWriter part = job.newPart()) {
                    part.write(people(base, base + 1));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        job.commit();
        assertThat(listing(out))
                .hasSize(5)
                .allMatch(n -> n.equals("_SUCCESS") || n.matches("part-0000[0-3]-.*\\.json"));
        List<List<Object>> rows = rows(new JsonReader(SCHEMA, JsonOptions.DEFAULT, ZoneOffset.UTC)
                .readAll(FilePaths.splits(FilePaths.expand(out.toString()), 1 << 20)));
        assertThat(rows)
                .extracting(r -> r.get(0))
                .containsExactlyInAnyOrder(0L, 1L, 100L, 101L, 200L, 201L, 300L, 301L);
    }

    @Test
    void writesGzipWhenAsked() throws IOException {
        Path out = temp.resolve("out");
        FileWriteJob.writeAll(
                out,
                SCHEMA,
                JsonOptions.parse(Map.of("compression", "gzip")),
                SaveMode.ERROR_IF_EXISTS,
                ZoneId.of("UTC"),
                List.of(people(1)));
        Path part = out.resolve(listing(out).get(1));
        assertThat(part.toString()).endsWith(".json.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(part))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"id\":1,\"name\":\"n1\",\"score\":0.1,\"ts\":\"1970-01-01 00:00:01\"}\n");
        }
    }

    @Test
    void jsonOmitsNullFieldsAndCsvWritesNullAndEmptyDifferently() throws IOException {
        Batch batch = batch(
                SCHEMA,
                List.of(row(1L, null, null, null), row(2L, "", Double.NaN, null), row(null, "a\"b,c", 1e21, 0L)));
        Path json = temp.resolve("json");
        FileWriteJob.writeAll(
                json, SCHEMA, JsonOptions.DEFAULT, SaveMode.ERROR_IF_EXISTS, ZoneOffset.UTC, List.of(batch));
        assertThat(Files.readString(json.resolve(listing(json).get(1))))
                .isEqualTo("{\"id\":1}\n{\"id\":2,\"name\":\"\",\"score\":\"NaN\"}\n"
                        + "{\"name\":\"a\\\"b,c\",\"score\":1.0E21,\"ts\":\"1970-01-01 00:00:00\"}\n");
        Path csv = temp.resolve("csv");
        FileWriteJob.writeAll(
                csv, SCHEMA, CsvOptions.DEFAULT, SaveMode.ERROR_IF_EXISTS, ZoneOffset.UTC, List.of(batch));
        assertThat(Files.readString(csv.resolve(listing(csv).get(1))))
                .isEqualTo("1,,,\n2,\"\",NaN,\n,\"a\"\"b,c\",1.0E21,1970-01-01 00:00:00\n");
        Path csvNulls = temp.resolve("csv-nulls");
        FileWriteJob.writeAll(
                csvNulls,
                SCHEMA,
                CsvOptions.parse(Map.of("nullValue", "NULL", "quoteAll", "true")),
                SaveMode.ERROR_IF_EXISTS,
                ZoneOffset.UTC,
                List.of(batch));
        assertThat(Files.readString(csvNulls.resolve(listing(csvNulls).get(1))))
                .startsWith("\"1\",NULL,NULL,NULL\n\"2\",\"\",\"NaN\",NULL\n");
    }
}
