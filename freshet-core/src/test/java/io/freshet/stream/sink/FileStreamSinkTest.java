package io.freshet.stream.sink;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.Freshet;
import io.freshet.FreshetException;
import io.freshet.Row;
import io.freshet.connector.file.CsvOptions;
import io.freshet.connector.file.FileFormat;
import io.freshet.connector.file.FileSinkManifest;
import io.freshet.connector.file.FileWriteJob;
import io.freshet.connector.file.PartWriter;
import io.freshet.data.Batch;
import io.freshet.streaming.OutputMode;
import io.freshet.types.BigintType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.stream.sink.SinkTestSupport.QUERY_ID;
import static io.freshet.stream.sink.SinkTestSupport.append;
import static io.freshet.stream.sink.SinkTestSupport.batch;
import static io.freshet.stream.sink.SinkTestSupport.listing;
import static io.freshet.stream.sink.SinkTestSupport.micros;
import static io.freshet.stream.sink.SinkTestSupport.read;
import static io.freshet.stream.sink.SinkTestSupport.row;
import static io.freshet.stream.sink.SinkTestSupport.sinkBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStreamSinkTest {
    private static final Schema SCHEMA =
            Schema.of(Field.of("id", BigintType.BIGINT), Field.of("name", StringType.STRING));
    private static final Map<String, String> HEADER = Map.of("header", "true");

    @TempDir
    Path temp;

    private static Batch people(long... ids) {
        List<List<Object>> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(row(id, "n" + id));
        }
        return batch(SCHEMA, rows);
    }

    private FileStreamSink csvSink(Path out) {
        return new FileStreamSink(out, FileFormat.CSV, HEADER, ZoneOffset.UTC);
    }

    /** What a batch query over the directory reads, as in {@code Freshet.read().csv(dir)}. */
    private static List<List<Object>> readBack(Path out) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : Freshet.create()
                .read()
                .option("header", "true")
                .schema("id BIGINT, name STRING")
                .csv(out.toString())
                .orderBy("id")
                .collect()) {
            rows.add(row.toList());
        }
        return rows;
    }

    private static List<String> partFiles(Path out) {
        return listing(out).stream().filter(name -> name.startsWith("part-")).toList();
    }

    @Test
    void appendsEachBatchAsAPartFileListedInTheManifest() {
        Path out = temp.resolve("out");
        FileStreamSink sink = csvSink(out);

        sink.addBatch(append(0, SCHEMA, people(1, 2)));
        sink.addBatch(append(1, SCHEMA, people(3), people(4)));

        List<String> parts = partFiles(out);
        assertThat(listing(out)).containsExactlyInAnyOrder("_freshet_metadata", parts.get(0), parts.get(1));
        assertThat(parts)
                .satisfiesExactly(
                        first -> assertThat(first).matches("part-0-[0-9a-f-]{36}\\.csv"),
                        second -> assertThat(second).matches("part-1-[0-9a-f-]{36}\\.csv"));
        assertThat(read(out.resolve(parts.get(1)))).isEqualTo("id,name\n3,n3\n4,n4\n");
        assertThat(sink.manifest().read(1).orElseThrow().files())
                .containsExactly(new FileSinkManifest.Entry(parts.get(1), 18, 2));
        assertThat(listing(out.resolve("_freshet_metadata"))).containsExactly("0", "1");
        assertThat(readBack(out)).containsExactly(row(1L, "n1"), row(2L, "n2"), row(3L, "n3"), row(4L, "n4"));
    }

    @Test
    void filesOfAFailedAttemptAreInvisibleToTheBatchReader() {
        Path out = temp.resolve("out");
        FileStreamSink sink = csvSink(out);
        sink.addBatch(append(0, SCHEMA, people(1)));
        // Batch 1's first attempt: its part file reached the directory, then the process died before the
        // manifest entry was written.
        FileWriteJob attempt = FileWriteJob.startMicroBatch(out, SCHEMA, CsvOptions.parse(HEADER), ZoneOffset.UTC, 1);
        try (PartWriter part = attempt.newPart()) {
            part.write(people(2, 3));
        }
        attempt.commit();
        assertThat(partFiles(out)).hasSize(2);

        assertThat(readBack(out)).containsExactly(row(1L, "n1"));

        // The restarted query runs batch 1 again; the reader sees its rows once.
        csvSink(out).addBatch(append(1, SCHEMA, people(2, 3)));
        assertThat(partFiles(out)).hasSize(3);
        assertThat(readBack(out)).containsExactly(row(1L, "n1"), row(2L, "n2"), row(3L, "n3"));
    }

    @Test
    void theSchemaIsInferredFromCommittedFilesOnly() {
        Path out = temp.resolve("out");
        csvSink(out).addBatch(append(0, SCHEMA, people(1)));
        FileSinkManifest manifest = new FileSinkManifest(out);
        assertThat(manifest.batchIds()).containsExactly(0L);
        // A failed attempt that would widen the inferred type of id to a string.
        SinkTestSupport.write(out.resolve("part-1-failed.csv"), "id,name\nnot-a-number,x\n");

        var frame = Freshet.create()
                .read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(out.toString());

        assertThat(frame.schema().type(0)).isEqualTo(io.freshet.types.IntType.INT);
        assertThat(frame.count()).isEqualTo(1);
    }

    @Test
    void skipsABatchWhoseManifestEntryExists() {
        Path out = temp.resolve("out");
        csvSink(out).addBatch(append(0, SCHEMA, people(1, 2)));
        List<String> before = listing(out);

        // A re-run after a crash between the sink's commit and the query's commit log: a new sink instance.
        csvSink(out).addBatch(append(0, SCHEMA, people(1, 2)));

        assertThat(listing(out)).isEqualTo(before);
        assertThat(readBack(out)).containsExactly(row(1L, "n1"), row(2L, "n2"));
    }

    @Test
    void commitsABatchWithoutRowsWithoutWritingAFile() {
        Path out = temp.resolve("out");
        FileStreamSink sink = csvSink(out);

        sink.addBatch(append(0, SCHEMA));
        sink.addBatch(append(1, SCHEMA, people()));

        assertThat(listing(out)).containsExactly("_freshet_metadata");
        assertThat(sink.manifest().batchIds()).containsExactly(0L, 1L);
        assertThat(sink.manifest().read(1).orElseThrow().files()).isEmpty();
        assertThat(readBack(out)).isEmpty();
    }

    @Test
    void leavesNoTemporaryFilesBehind() {
        Path out = temp.resolve("out");
        FileStreamSink sink = csvSink(out);

        for (long batchId = 0; batchId < 3; batchId++) {
            sink.addBatch(append(batchId, SCHEMA, people(batchId)));
        }

        assertThat(listing(out)).noneMatch(name -> name.startsWith(".") || name.equals("_temporary"));
        assertThat(listing(out.resolve("_freshet_metadata"))).containsExactly("0", "1", "2");
    }

    @Test
    void refusesUpdateAndCompleteModes() {
        FileStreamSink sink = csvSink(temp.resolve("out"));

        sink.checkOutputMode(OutputMode.APPEND);
        for (OutputMode mode : List.of(OutputMode.UPDATE, OutputMode.COMPLETE)) {
            assertThatThrownBy(() -> sink.checkOutputMode(mode))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessageContaining("only append output mode")
                    .hasMessageContaining(mode.name().toLowerCase(java.util.Locale.ROOT))
                    .satisfies(e -> assertThat(((AnalysisException) e).errorCode())
                            .isEqualTo(ErrorCode.UNSUPPORTED_OUTPUT_MODE));
            assertThatThrownBy(() -> sink.addBatch(sinkBatch(0, mode, SCHEMA, people(1))))
                    .isInstanceOf(AnalysisException.class);
        }
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void refusesABatchIdThatAnotherQueryCommitted() {
        Path out = temp.resolve("out");
        csvSink(out).addBatch(append(0, SCHEMA, people(1)));

        assertThatThrownBy(() -> csvSink(out)
                        .addBatch(new SinkBatch("another-query", 0, OutputMode.APPEND, SCHEMA, List.of(people(2)))))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("already holds batch 0 of another query (" + QUERY_ID)
                .hasMessageContaining("Write to a new directory");
        assertThat(readBack(out)).containsExactly(row(1L, "n1"));
    }

    @Test
    void writesJsonLinesWithTheWriterOptions() {
        Path out = temp.resolve("out");
        Schema schema = Schema.of(Field.of("id", BigintType.BIGINT), Field.of("ts", TimestampType.TIMESTAMP));
        FileStreamSink sink = new FileStreamSink(out, FileFormat.JSON, Map.of(), ZoneOffset.UTC);

        sink.addBatch(
                append(0, schema, batch(schema, List.of(row(1L, micros("2024-03-01T10:00:00Z")), row(2L, null)))));

        List<String> parts = partFiles(out);
        assertThat(parts).singleElement().asString().matches("part-0-[0-9a-f-]{36}\\.json");
        assertThat(read(out.resolve(parts.get(0))))
                .isEqualTo("{\"id\":1,\"ts\":\"2024-03-01 10:00:00\"}\n{\"id\":2}\n");
        List<Row> rows = Freshet.create()
                .read()
                .schema("id BIGINT, ts TIMESTAMP")
                .json(out.toString())
                .collect();
        assertThat(rows).hasSize(2);
    }

    @Test
    void compressesPartsWhenAsked() throws IOException {
        Path out = temp.resolve("out");
        new FileStreamSink(out, FileFormat.CSV, Map.of("compression", "gzip"), ZoneOffset.UTC)
                .addBatch(append(0, SCHEMA, people(1)));

        String part = partFiles(out).get(0);
        assertThat(part).endsWith(".csv.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve(part)))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1,n1\n");
        }
    }

    @Test
    void refusesABadOptionWhenCreated() {
        assertThatThrownBy(() -> new FileStreamSink(
                        temp.resolve("out"), FileFormat.CSV, Map.of("compression", "zip"), ZoneOffset.UTC))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("compression");
    }

    @Test
    void describesItselfByDirectoryAndFormat() {
        assertThat(new FileStreamSink(Path.of("/out"), FileFormat.JSON, Map.of(), ZoneOffset.UTC).describe())
                .isEqualTo("FileSink[/out, json]");
    }
}
