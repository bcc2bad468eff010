package io.freshet.stream.exec;

import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A micro-batch's rows of one source, counting the rows its scans read (a source's input rows in progress). */
record CountedTable(TableSource table, AtomicLong rows) implements TableSource {

    CountedTable(TableSource table) {
        this(table, new AtomicLong());
    }

    @Override
    public String describe() {
        return table.describe();
    }

    @Override
    public Schema schema() {
        return table.schema();
    }

    @Override
    public BatchScan createScan(int[] projection, List<Expr> filters) {
        BatchScan scan = table.createScan(projection, filters);
        return new BatchScan() {
            @Override
            public List<? extends Split> splits() {
                return scan.splits();
            }

            @Override
            public void read(Split split, EvalContext context, Consumer<io.freshet.data.Batch> out) {
                scan.read(split, context, batch -> {
                    rows.addAndGet(batch.rowCount());
                    out.accept(batch);
                });
            }
        };
    }
}
