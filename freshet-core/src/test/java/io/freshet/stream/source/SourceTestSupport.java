package io.freshet.stream.source;

import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.data.Batch;
import io.freshet.expr.EvalContext;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Helpers for source tests: reading a table's rows, a clock the test moves. */
final class SourceTestSupport {
    private SourceTestSupport() {}

    /** A clock that stands still until the test moves it. */
    static final class ManualClock implements InstantSource {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advanceMillis(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Every row of the table, in split order, in internal representation. */
    static List<List<Object>> rows(TableSource table) {
        int[] all = new int[table.schema().size()];
        Arrays.setAll(all, i -> i);
        return rows(table.createScan(all, List.of()));
    }

    static List<List<Object>> rows(BatchScan scan) {
        List<List<Object>> rows = new ArrayList<>();
        for (BatchScan.Split split : scan.splits()) {
            scan.read(split, EvalContext.utcNow(), batch -> addRows(batch, rows));
        }
        return rows;
    }

    private static void addRows(Batch batch, List<List<Object>> rows) {
        for (Object[] row : batch.rows()) {
            rows.add(Arrays.asList(row));
        }
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
