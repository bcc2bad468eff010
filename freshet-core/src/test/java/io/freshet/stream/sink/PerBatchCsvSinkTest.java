package io.freshet.stream.sink;

import io.freshet.data.Batch;
import io.freshet.streaming.OutputMode;
import io.freshet.types.BigintType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.stream.sink.SinkTestSupport.append;
import static io.freshet.stream.sink.SinkTestSupport.batch;
import static io.freshet.stream.sink.SinkTestSupport.listing;
import static io.freshet.stream.sink.SinkTestSupport.micros;
import static io.freshet.stream.sink.SinkTestSupport.read;
import static io.freshet.stream.sink.SinkTestSupport.row;
import static io.freshet.stream.sink.SinkTestSupport.sinkBatch;
import static org.assertj.core.api.Assertions.assertThat;

class PerBatchCsvSinkTest {
    private static final StructType WINDOW = new StructType(
            List.of(Field.of("start", TimestampType.TIMESTAMP), Field.of("end", TimestampType.TIMESTAMP)));
    private static final Schema SCHEMA = Schema.of(
            Field.of("id", BigintType.BIGINT),
            Field.of("note", StringType.STRING),
            Field.of("ts", TimestampType.TIMESTAMP),
            Field.of("w", WINDOW),
            Field.of("x", DoubleType.DOUBLE));

    @TempDir
    Path temp;

    private static Batch rows(List<List<Object>> rows) {
        return batch(SCHEMA, rows);
    }

    private static StructValue window(String start, String end) {
        return new StructValue(new Object[] {micros(start), micros(end)});
    }

    @Test
    void writesTheRowsOfABatchAsFreshetSqlPrintsThem() {
        Path out = temp.resolve("out");
        PerBatchCsvSink sink = new PerBatchCsvSink(out, ZoneOffset.UTC);

        sink.addBatch(append(
                0,
                SCHEMA,
                rows(List.of(
                        row(
                                1L,
                                "hello, world",
                                micros("2024-03-01T10:00:00Z"),
                                window("2024-03-01T10:00:00Z", "2024-03-01T10:05:00Z"),
                                0.1),
                        row(2L, "", micros("2024-03-01T10:05:30.25Z"), null, 1.0E10),
                        row(null, "say \"hi\"", null, null, Double.NaN))),
                rows(List.of(row(4L, null, micros("2024-03-01T10:07:00.000001Z"), null, -0.0)))));

        assertThat(listing(out)).containsExactly("batch-0.csv");
        assertThat(read(out.resolve("batch-0.csv")))
                .isEqualTo("id,note,ts,w,x\n"
                        + "1,\"hello, world\",2024-03-01 10:00:00,"
                        + "\"{\"\"start\"\":\"\"2024-03-01 10:00:00\"\",\"\"end\"\":\"\"2024-03-01 10:05:00\"\"}\",0.1\n"
                        + "2,\"\",2024-03-01 10:05:30.25,,1.0E10\n"
                        + ",\"say \"\"hi\"\"\",,,NaN\n"
                        + "4,,2024-03-01 10:07:00.000001,,-0.0\n");
    }

    @Test
    void formatsTimestampsInTheSessionZone() {
        Path out = temp.resolve("out");
        Schema schema = Schema.of(Field.of("ts", TimestampType.TIMESTAMP));
        new PerBatchCsvSink(out, ZoneId.of("Europe/Berlin"))
                .addBatch(append(3, schema, batch(schema, List.of(row(micros("2024-03-01T10:00:00Z"))))));

        assertThat(read(out.resolve("batch-3.csv"))).isEqualTo("ts\n2024-03-01 11:00:00\n");
    }

    @Test
    void quotesColumnNamesThatNeedIt() {
        Path out = temp.resolve("out");
        Schema schema = Schema.of(Field.of("a,b", StringType.STRING), Field.of("c\"d", StringType.STRING));
        new PerBatchCsvSink(out, ZoneOffset.UTC).addBatch(append(0, schema, batch(schema, List.of(row("x", "y")))));

        assertThat(read(out.resolve("batch-0.csv"))).isEqualTo("\"a,b\",\"c\"\"d\"\nx,y\n");
    }

    @Test
    void writesAHeaderOnlyFileForABatchWithoutRows() {
        Path out = temp.resolve("out");
        PerBatchCsvSink sink = new PerBatchCsvSink(out, ZoneOffset.UTC);

        sink.addBatch(append(0, SCHEMA));
        sink.addBatch(append(1, SCHEMA, rows(List.of())));

        assertThat(listing(out)).containsExactly("batch-0.csv", "batch-1.csv");
        assertThat(read(out.resolve("batch-0.csv"))).isEqualTo("id,note,ts,w,x\n");
        assertThat(read(out.resolve("batch-1.csv"))).isEqualTo("id,note,ts,w,x\n");
    }

    @Test
    void aReRunOfABatchLeavesExactlyOneIdenticalFile() throws IOException {
        Path out = temp.resolve("out");
        SinkBatch batch = append(7, SCHEMA, rows(List.of(row(1L, "a", null, null, 2.5))));
        new PerBatchCsvSink(out, ZoneOffset.UTC).addBatch(batch);
        byte[] first = Files.readAllBytes(out.resolve("batch-7.csv"));

        // A restarted query: a new sink instance over the same directory gets the same batch again.
        new PerBatchCsvSink(out, ZoneOffset.UTC).addBatch(batch);

        assertThat(listing(out)).containsExactly("batch-7.csv");
        assertThat(Files.readAllBytes(out.resolve("batch-7.csv"))).isEqualTo(first);
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("id,note,ts,w,x\n1,a,,,2.5\n");
    }

    @Test
    void removesTheTemporaryFileOfAnInterruptedAttempt() throws IOException {
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        // What a crash between writing and renaming leaves: a hidden, partial temporary file.
        Files.writeString(out.resolve(".batch-2.csv.0b7e1d6c-8c1e-4f0a-9d7e-3f1f2c4b5a69.tmp"), "id,no");

        new PerBatchCsvSink(out, ZoneOffset.UTC)
                .addBatch(append(2, SCHEMA, rows(List.of(row(1L, "a", null, null, 1.0)))));

        assertThat(listing(out)).containsExactly("batch-2.csv");
    }

    @Test
    void writesEveryBatchInCompleteModeAsTheWholeTable() {
        Path out = temp.resolve("out");
        Schema schema = Schema.of(Field.of("region", StringType.STRING), Field.of("n", BigintType.BIGINT));
        PerBatchCsvSink sink = new PerBatchCsvSink(out, ZoneOffset.UTC);

        sink.addBatch(sinkBatch(0, OutputMode.COMPLETE, schema, batch(schema, List.of(row("eu", 1L)))));
        sink.addBatch(sinkBatch(1, OutputMode.COMPLETE, schema, batch(schema, List.of(row("eu", 2L), row("us", 1L)))));

        assertThat(read(out.resolve("batch-0.csv"))).isEqualTo("region,n\neu,1\n");
        assertThat(read(out.resolve("batch-1.csv"))).isEqualTo("region,n\neu,2\nus,1\n");
    }

    @Test
    void describesItselfByItsDirectory() {
        assertThat(new PerBatchCsvSink(Path.of("/out"), ZoneOffset.UTC).describe())
                .isEqualTo("PerBatchCsvSink[/out]");
    }
}
