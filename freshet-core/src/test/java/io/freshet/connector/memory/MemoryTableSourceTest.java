package io.freshet.connector.memory;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.BatchScan;
import io.freshet.data.Batch;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.expr.EvalContext;
import io.freshet.types.BigintType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryTableSourceTest {
    private static final Schema SCHEMA =
            Schema.of(Field.of("id", BigintType.BIGINT), Field.of("name", StringType.STRING));

    private static Batch batch(long first, int rows) {
        long[] ids = new long[rows];
        String[] names = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = first + i;
            names[i] = "n" + (first + i);
        }
        return Batch.of(new LongVector(BigintType.BIGINT, ids, null, rows), StringVector.of(names));
    }

    private static List<Object[]> read(BatchScan scan) {
        List<Object[]> rows = new ArrayList<>();
        for (BatchScan.Split split : scan.splits()) {
            scan.read(split, EvalContext.utcNow(), batch -> rows.addAll(batch.rows()));
        }
        return rows;
    }

    @Test
    void cutsBatchesIntoSplitsOfAFewBatchesEach() {
        MemoryTableSource table = new MemoryTableSource("t", SCHEMA, 2);
        for (int b = 0; b < 5; b++) {
            table.append(batch(b * 10L, 3));
        }

        BatchScan scan = table.createScan(new int[] {0, 1}, List.of());

        assertThat(scan.splits()).hasSize(3);
        assertThat(scan.splits())
                .allSatisfy(split -> assertThat(split.sizeInBytes()).isPositive());
        assertThat(scan.splits().get(1).describe()).isEqualTo("memory t split 1");
        assertThat(read(scan)).hasSize(15);
        assertThat(table.rowCount()).isEqualTo(15);
    }

    @Test
    void readsTheProjectedColumnsInProjectionOrder() {
        MemoryTableSource table = MemoryTableSource.of("t", SCHEMA, List.of(batch(1, 2)));

        List<Object[]> rows = read(table.createScan(new int[] {1, 0}, List.of()));

        assertThat(rows).containsExactly(new Object[] {"n1", 1L}, new Object[] {"n2", 2L});
    }

    @Test
    void aScanReadsTheSnapshotTakenWhenItWasCreated() {
        MemoryTableSource table = MemoryTableSource.of("t", SCHEMA, List.of(batch(0, 4)));
        BatchScan before = table.createScan(new int[] {0}, List.of());

        table.append(batch(100, 4));
        table.append(Batch.of(new LongVector(BigintType.BIGINT, new long[0], null, 0), StringVector.of()));

        assertThat(read(before)).hasSize(4);
        assertThat(read(table.createScan(new int[] {0}, List.of()))).hasSize(8);
        table.clear();
        assertThat(read(table.createScan(new int[] {0}, List.of()))).isEmpty();
    }

    @Test
    void refusesBatchesThatDoNotFitTheSchema() {
        MemoryTableSource table = new MemoryTableSource("t", SCHEMA);

        assertThatThrownBy(() -> table.append(Batch.of(StringVector.of("x"), StringVector.of("y"))))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("Cannot append a column of type string to column id bigint")
                .extracting(error -> ((FreshetException) error).errorCode())
                .isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThatThrownBy(() -> table.append(Batch.of(StringVector.of("x"))))
                .hasMessageContaining("Cannot append 1 columns to table t of 2 columns");
    }

    @Test
    void concurrentAppendsAndScansSeeWholeAppends() throws Exception {
        MemoryTableSource table = new MemoryTableSource("t", SCHEMA);
        AtomicBoolean torn = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            while (done.getCount() > 0) {
                if (read(table.createScan(new int[] {0}, List.of())).size() % 6 != 0) {
                    torn.set(true);
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            table.appendAll(List.of(batch(i, 3), batch(i, 3)));
        }
        done.countDown();
        reader.join();

        assertThat(torn).isFalse();
        assertThat(table.rowCount()).isEqualTo(1200);
    }
}
