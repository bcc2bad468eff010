package io.freshet.stream.sink;

import io.freshet.Freshet;
import io.freshet.data.Batch;
import io.freshet.streaming.OutputMode;
import io.freshet.types.BigintType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.freshet.stream.sink.SinkTestSupport.append;
import static io.freshet.stream.sink.SinkTestSupport.batch;
import static io.freshet.stream.sink.SinkTestSupport.micros;
import static io.freshet.stream.sink.SinkTestSupport.row;
import static io.freshet.stream.sink.SinkTestSupport.sinkBatch;
import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSinkTest {
    private static final String RULE = "-------------------------------------------\n";
    private static final Schema SCHEMA =
            Schema.of(Field.of("region", StringType.STRING), Field.of("n", BigintType.BIGINT));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Batch counts(Object... regionsAndCounts) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < regionsAndCounts.length; i += 2) {
            rows.add(row(regionsAndCounts[i], regionsAndCounts[i + 1]));
        }
        return batch(SCHEMA, rows);
    }

    @Test
    void printsABannerThenTheRowsAsShowDoes() {
        new ConsoleSink(out, 20, true, ZoneOffset.UTC)
                .addBatch(sinkBatch(3, OutputMode.COMPLETE, SCHEMA, counts("eu", 2L), counts("us", 1L, null, null)));

        assertThat(printed())
                .isEqualTo(RULE
                        + "Batch: 3\n"
                        + RULE
                        + "+------+----+\n"
                        + "|region|   n|\n"
                        + "+------+----+\n"
                        + "|    eu|   2|\n"
                        + "|    us|   1|\n"
                        + "|  NULL|NULL|\n"
                        + "+------+----+\n");
    }

    @Test
    void printsTheSameTableAsDataFrameShowString() {
        new ConsoleSink(out, 20, true, ZoneOffset.UTC).addBatch(append(0, SCHEMA, counts("eu", 2L, "us", 1L)));

        String table = Freshet.builder()
                .config("freshet.session.time-zone", "UTC")
                .build()
                .sql("SELECT * FROM VALUES ('eu', 2L), ('us', 1L) AS t(region, n)")
                .showString(20, 20);
        assertThat(printed()).isEqualTo(RULE + "Batch: 0\n" + RULE + table);
    }

    @Test
    void printsAnEmptyTableForABatchWithoutRows() {
        ConsoleSink sink = new ConsoleSink(out, 20, true, ZoneOffset.UTC);

        sink.addBatch(append(0, SCHEMA));
        sink.addBatch(append(1, SCHEMA, counts()));

        String empty = "+------+---+\n|region|  n|\n+------+---+\n+------+---+\n";
        assertThat(printed()).isEqualTo(RULE + "Batch: 0\n" + RULE + empty + RULE + "Batch: 1\n" + RULE + empty);
    }

    @Test
    void showsAtMostNumRowsAndSaysSo() {
        new ConsoleSink(out, 2, false, ZoneOffset.UTC)
                .addBatch(append(5, SCHEMA, counts("a", 1L), counts("b", 2L, "c", 3L)));

        assertThat(printed())
                .isEqualTo(RULE
                        + "Batch: 5\n"
                        + RULE
                        + "+------+---+\n"
                        + "|region|n  |\n"
                        + "+------+---+\n"
                        + "|a     |1  |\n"
                        + "|b     |2  |\n"
                        + "+------+---+\n"
                        + "only showing top 2 rows\n");
    }

    @Test
    void truncatesLongCellsOnlyWhenAsked() {
        String longText = "abcdefghijklmnopqrstuvwxyz";
        new ConsoleSink(out, 20, true, ZoneOffset.UTC).addBatch(append(0, SCHEMA, counts(longText, 1L)));
        new ConsoleSink(out, 20, false, ZoneOffset.UTC).addBatch(append(1, SCHEMA, counts(longText, 1L)));

        assertThat(printed()).contains("|abcdefghijklmnopq...|").contains("|" + longText + "|");
    }

    @Test
    void printsTimestampsInTheSessionZone() {
        Schema schema = Schema.of(Field.of("ts", TimestampType.TIMESTAMP));
        new ConsoleSink(out, 20, false, ZoneId.of("Asia/Tokyo"))
                .addBatch(append(0, schema, batch(schema, List.of(row(micros("2024-03-01T10:00:00.5Z"))))));

        assertThat(printed()).contains("|2024-03-01 19:00:00.5|");
    }

    @Test
    void printsAReRunBatchAgain() {
        ConsoleSink sink = new ConsoleSink(out, 20, true, ZoneOffset.UTC);

        sink.addBatch(append(0, SCHEMA, counts("eu", 1L)));
        sink.addBatch(append(0, SCHEMA, counts("eu", 1L)));

        assertThat(printed().split("Batch: 0\n", -1)).hasSize(3);
    }
}
