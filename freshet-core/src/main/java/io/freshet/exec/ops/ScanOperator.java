package io.freshet.exec.ops;

import io.freshet.catalog.BatchScan;
import io.freshet.data.Batch;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.MemoryReservation;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.plan.physical.ScanExec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the splits of one scan partition, one split at a time (a split's batches are buffered, since
 * {@link BatchScan#read} pushes them), and applies the filters pushed into the scan.
 */
final class ScanOperator implements BatchStream {
    private final ScanExec node;
    private final ExecContext context;
    private final Evaluator[] filters;
    private final ArrayDeque<Batch> buffered = new ArrayDeque<>();
    private final MemoryReservation memory;
    private int nextSplit;
    private final int endSplit;
    private int[] positions = new int[0];

    ScanOperator(ScanExec node, int partition, ExecContext context) {
        this.node = node;
        this.context = context;
        List<Expr> filterExprs = node.filters();
        this.filters = new Evaluator[filterExprs.size()];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = Evaluator.compile(filterExprs.get(i));
        }
        this.nextSplit = node.firstSplit(partition);
        this.endSplit = node.endSplit(partition);
        this.memory = context.memory().newReservation("scan of " + node.table(), "read smaller splits");
    }

    @Override
    public Batch next() {
        while (true) {
            Batch batch = buffered.poll();
            if (batch == null) {
                if (nextSplit >= endSplit) {
                    memory.close();
                    return null;
                }
                readSplit(node.splits().get(nextSplit++));
                continue;
            }
            context.metrics().addInputRows(batch.rowCount());
            batch = filter(batch);
            if (batch.rowCount() > 0) {
                return batch;
            }
        }
    }

    private void readSplit(BatchScan.Split split) {
        List<Batch> batches = new ArrayList<>();
        node.scan().read(split, context.evalContext(), batches::add);
        memory.resize(BatchSizes.bytes(batches));
        buffered.addAll(batches);
        context.metrics().splitRead(split.sizeInBytes());
    }

    private Batch filter(Batch batch) {
        for (Evaluator filter : filters) {
            int rowCount = batch.rowCount();
            if (rowCount == 0) {
                return batch;
            }
            if (positions.length < rowCount) {
                positions = new int[rowCount];
            }
            int count = Selections.truePositions(filter.evaluate(batch, context.evalContext()), rowCount, positions);
            if (count < rowCount) {
                batch = batch.select(positions, count);
            }
        }
        return batch;
    }

    @Override
    public void close() {
        buffered.clear();
        memory.close();
    }
}
