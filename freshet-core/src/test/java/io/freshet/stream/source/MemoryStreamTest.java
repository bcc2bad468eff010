package io.freshet.stream.source;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.Row;
import io.freshet.types.BigintType;
import io.freshet.types.DecimalType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

import static io.freshet.stream.source.SourceTestSupport.row;
import static io.freshet.stream.source.SourceTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryStreamTest {
    private static final Schema SCHEMA = Schema.of(
            Field.of("ts", TimestampType.TIMESTAMP),
            Field.of("user", StringType.STRING),
            Field.of("n", BigintType.BIGINT));
    private static final StreamSourceContext CONTEXT = new StreamSourceContext(Path.of("unused"), "q1");

    @Test
    void hasNoOffsetUntilDataIsAdded() {
        MemoryStream stream = new MemoryStream(SCHEMA);
        StreamSource source = stream.openStream(CONTEXT);

        assertThat(source.latestOffset(null, true)).isNull();
        assertThat(stream.currentOffset()).isNull();
    }

    @Test
    void eachAddIsABatchAndOffsetsCountThem() {
        MemoryStream stream = new MemoryStream(SCHEMA);
        StreamSource source = stream.openStream(CONTEXT);

        Offset first =
                stream.addData(new Object[] {Instant.ofEpochSecond(1), "ann", 1L}, new Object[] {null, "bob", 2});
        Offset second = stream.addData(List.of(Row.of(Instant.ofEpochSecond(3), "cy", 3L)));

        assertThat(first.json()).isEqualTo("{\"batches\":1}");
        assertThat(second.json()).isEqualTo("{\"batches\":2}");
        assertThat(source.latestOffset(null, true)).isEqualTo(second);
        assertThat(source.latestOffset(second, true)).isEqualTo(second);
        assertThat(rows(source.read(null, first))).containsExactly(row(1_000_000L, "ann", 1L), row(null, "bob", 2L));
        assertThat(rows(source.read(first, second))).containsExactly(row(3_000_000L, "cy", 3L));
        assertThat(rows(source.read(null, second))).hasSize(3);
        assertThat(rows(source.read(second, second))).isEmpty();
    }

    @Test
    void replaysTheSameRangesInANewQueryRunOfTheSameJvm() {
        MemoryStream stream = new MemoryStream(SCHEMA);
        Offset first = stream.addData(new Object[] {null, "a", 1L});
        Offset second = stream.addData(new Object[] {null, "b", 2L});

        List<List<Object>> before = rows(stream.openStream(CONTEXT).read(first, second));
        List<List<Object>> after = rows(stream.openStream(CONTEXT).read(first, second));

        assertThat(after).isEqualTo(before).containsExactly(row(null, "b", 2L));
    }

    @Test
    void anEmptyAddStillMakesABatch() {
        MemoryStream stream = new MemoryStream(SCHEMA);

        Offset offset = stream.addData(List.of());

        assertThat(offset.json()).isEqualTo("{\"batches\":1}");
        assertThat(rows(stream.openStream(CONTEXT).read(null, offset))).isEmpty();
    }

    @Test
    void availableNowStopsAtTheBatchesAddedBeforeIt() {
        MemoryStream stream = new MemoryStream(SCHEMA);
        StreamSource source = stream.openStream(CONTEXT);
        Offset first = stream.addData(new Object[] {null, "a", 1L});

        source.prepareForAvailableNow();
        stream.addData(new Object[] {null, "b", 2L});

        assertThat(source.latestOffset(null, true)).isEqualTo(first);
        assertThat(source.latestOffset(first, true)).isEqualTo(first);
    }

    @Test
    void readsAsABatchTableEverythingAddedSoFar() {
        MemoryStream stream = new MemoryStream(SCHEMA);
        stream.addData(new Object[] {null, "a", 1L});
        stream.addData(new Object[] {null, "b", 2L});

        assertThat(rows(stream)).containsExactly(row(null, "a", 1L), row(null, "b", 2L));
    }

    @Test
    void refusesRowsThatDoNotFitTheSchema() {
        MemoryStream stream = new MemoryStream("clicks", SCHEMA);

        assertThatThrownBy(() -> stream.addData(new Object[] {null, 7, 1L}))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("does not fit column user string of MemoryStream[clicks]")
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA));
        assertThatThrownBy(() -> stream.addData(new Object[] {null, "a"}))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("has 2 values but MemoryStream[clicks] has 3 columns");
        assertThat(stream.batchCount()).isZero();
    }

    @Test
    void convertsDecimalsToTheColumnScale() {
        MemoryStream stream = new MemoryStream(Schema.of(Field.of("price", new DecimalType(5, 2))));

        Offset offset = stream.addData(new Object[] {new BigDecimal("1.5")}, new Object[] {3L});

        assertThat(rows(stream.openStream(CONTEXT).read(null, offset)))
                .containsExactly(row(new BigDecimal("1.50")), row(new BigDecimal("3.00")));
        assertThatThrownBy(() -> stream.addData(new Object[] {new BigDecimal("12345")}))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("decimal(5,2)");
    }

    @Test
    void refusesOffsetsItNeverGaveOut() {
        MemoryStream stream = new MemoryStream(SCHEMA);
        StreamSource source = stream.openStream(CONTEXT);
        stream.addData(new Object[] {null, "a", 1L});

        assertThatThrownBy(() -> source.read(null, new Offset("{\"batches\":5}")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("holds 1 batches");
        assertThatThrownBy(() -> source.read(null, new Offset("{\"rows\":1}")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("expects {\"batches\":N}");
    }

    @Test
    void concurrentAddsEachGetTheirOwnOffset() throws InterruptedException {
        MemoryStream stream = new MemoryStream(SCHEMA);
        ConcurrentLinkedQueue<Offset> offsets = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 250; i++) {
                    offsets.add(stream.addData(new Object[] {null, "t" + id, (long) i}));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(offsets).hasSize(1000).doesNotHaveDuplicates();
        assertThat(stream.batchCount()).isEqualTo(1000);
        assertThat(rows(stream.openStream(CONTEXT).read(null, stream.currentOffset())))
                .hasSize(1000);
    }
}
