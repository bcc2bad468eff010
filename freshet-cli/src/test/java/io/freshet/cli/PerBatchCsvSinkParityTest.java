package io.freshet.cli;

import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.connector.file.ValueFormatter;
import io.freshet.data.Batch;
import io.freshet.stream.sink.PerBatchCsvSink;
import io.freshet.stream.sink.SinkBatch;
import io.freshet.streaming.OutputMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming per-batch CSV sink writes exactly the bytes {@code freshet sql --format csv} prints for the same
 * rows: both go through {@code CsvResultFormat}, and this test holds them to it over random data.
 */
class PerBatchCsvSinkParityTest {
    private static final String DDL = "id BIGINT, s STRING, d DOUBLE, ts TIMESTAMP";
    private static final String QUERY = """
            SELECT id, s, d, ts, window(ts, '5 minutes') AS w, '' AS empty, CAST(NULL AS STRING) AS nothing,
                   array(s, 'x') AS a, try_cast(d AS DECIMAL(20, 4)) AS m, to_date(ts) AS day
            FROM t ORDER BY id""";
    private static final char[] ALPHABET = {'a', 'Z', '0', ' ', ',', '"', '\'', '\n', '\r', '\t', ';', '{', 'é', '中'};

    @TempDir
    Path temp;

    @Test
    void writesTheBytesFreshetSqlPrintsForRandomRows() throws IOException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            Path data = temp.resolve("data-" + round + ".json");
            Files.writeString(data, randomJsonLines(random, random.nextInt(30)), StandardCharsets.UTF_8);

            String printed = freshetSql(data);
            String written = perBatchSink(data, round);

            assertThat(written).as("seed %s, round %s", seed, round).isEqualTo(printed);
        }
    }

    private String freshetSql(Path data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SqlCommand.run(
                new String[] {"--table", "t=" + data, "--schema", "t=" + DDL, "--format", "csv", "-e", QUERY},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private String perBatchSink(Path data, long batchId) throws IOException {
        try (Freshet freshet = Freshet.create()) {
            freshet.read().schema(DDL).json(data.toString()).createOrReplaceTempView("t");
            DataFrame result = freshet.sql(QUERY);
            List<Batch> batches = new ArrayList<>();
            result.foreachBatch(batches::add);
            Path out = temp.resolve("sink");
            new PerBatchCsvSink(out, freshet.conf().timeZone())
                    .addBatch(new SinkBatch("q", batchId, OutputMode.APPEND, result.schema(), batches));
            return Files.readString(out.resolve("batch-" + batchId + ".csv"), StandardCharsets.UTF_8);
        }
    }

    private static String randomJsonLines(Random random, int rows) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        StringBuilder text = new StringBuilder();
        for (int id = 0; id < rows; id++) {
            text.append("{\"id\":").append(id);
            if (random.nextInt(5) > 0) {
                text.append(",\"s\":");
                ValueFormatter.appendJsonString(text, randomString(random));
            }
            if (random.nextInt(5) > 0) {
                text.append(",\"d\":").append(randomDouble(random));
            }
            if (random.nextInt(5) > 0) {
                LocalDateTime ts = LocalDateTime.of(2024, 3, 1, 0, 0)
                        .plusSeconds(random.nextInt(86_400 * 3))
                        .plusNanos(random.nextBoolean() ? 0 : random.nextInt(1_000_000) * 1_000L);
                text.append(",\"ts\":\"").append(format.format(ts)).append('"');
            }
            text.append("}\n");
        }
        return text.toString();
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    private static double randomDouble(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(1000) / 10.0;
            case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
            case 2 -> -random.nextInt(100);
            default -> random.nextGaussian();
        };
    }
}
