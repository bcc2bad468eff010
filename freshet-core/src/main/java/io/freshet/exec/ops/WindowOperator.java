package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.MemoryReservation;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.expr.window.WindowPartition;
import io.freshet.plan.physical.SortExpr;
import io.freshet.plan.physical.WindowExec;
import io.freshet.plan.physical.WindowExpr;
import io.freshet.plan.physical.WindowFrame;
import io.freshet.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one partition of a {@link WindowExec}: reads all its rows, sorts them by the partition keys then
 * the order keys, finds the window partitions and peer groups, and appends each function's column:
 * ranking and offset functions over each partition, aggregates over each row's frame.
 */
final class WindowOperator implements BatchStream {
    private final WindowExec node;
    private final int partition;
    private final ExecContext context;
    private final MemoryReservation memory;
    private Batch result;
    private int emitted;

    WindowOperator(WindowExec node, int partition, ExecContext context) {
        this.node = node;
        this.partition = partition;
        this.context = context;
        this.memory = context.memory().newReservation("window", "partition the window into smaller partitions");
    }

    @Override
    public Batch next() {
        if (result == null) {
            result = compute();
        }
        if (emitted >= result.rowCount()) {
            close();
            return null;
        }
        int count = Math.min(context.batchSize(), result.rowCount() - emitted);
        Batch chunk = result.slice(emitted, count);
        emitted += count;
        return chunk;
    }

    private Batch compute() {
        List<Batch> batches = new ArrayList<>();
        try (BatchStream input = context.execute(node.input(), partition)) {
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                batches.add(batch);
                memory.grow(BatchSizes.bytes(batch));
            }
        }
        Batch rows = Concat.batches(batches, node.input().schema());
        batches.clear();
        int rowCount = rows.rowCount();
        if (rowCount == 0) {
            return Batch.empty(0);
        }
        int partitionKeyCount = node.partitionBy().size();
        List<SortExpr> sortKeys = new ArrayList<>();
        for (Expr key : node.partitionBy()) {
            sortKeys.add(new SortExpr(key, true, true));
        }
        sortKeys.addAll(node.orderBy());
        RowComparator comparator = SortedRun.comparator(sortKeys);
        Evaluator[] keyEvaluators = SortedRun.keyEvaluators(sortKeys);
        Vector[] keys = new Vector[keyEvaluators.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = keyEvaluators[k].evaluate(rows, context.evalContext());
        }
        int[] order = Selections.identity(rowCount);
        IndexSort.sort(order, rowCount, (a, b) -> comparator.compare(keys, a, keys, b));
        Batch sorted = rows.select(order, rowCount);
        Vector[] sortedKeys = new Vector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            sortedKeys[k] = keys[k].select(order, rowCount);
        }
        memory.grow(BatchSizes.bytes(sorted));

        // Partition and peer boundaries of the sorted rows.
        List<Integer> starts = new ArrayList<>();
        int[] peerStarts = new int[rowCount];
        int[] peerEnds = new int[rowCount];
        starts.add(0);
        for (int row = 1; row < rowCount; row++) {
            boolean newPartition = differs(comparator, sortedKeys, 0, partitionKeyCount, row);
            if (newPartition) {
                starts.add(row);
            }
            boolean newPeers = newPartition || differs(comparator, sortedKeys, partitionKeyCount, keys.length, row);
            peerStarts[row] = newPeers ? row : peerStarts[row - 1];
        }
        for (int row = rowCount - 1; row >= 0; row--) {
            peerEnds[row] = row + 1 < rowCount && peerStarts[row + 1] == peerStarts[row] ? peerEnds[row + 1] : row + 1;
        }
        starts.add(rowCount);
        int[] partitionStarts = starts.stream().mapToInt(Integer::intValue).toArray();

        Vector[] columns = new Vector[node.functions().size()];
        for (int f = 0; f < columns.length; f++) {
            context.checkActive();
            columns[f] = evaluate(node.functions().get(f), sorted, sortedKeys, partitionStarts, peerStarts, peerEnds);
        }
        return sorted.concatColumns(new Batch(columns, rowCount));
    }

    private static boolean differs(RowComparator comparator, Vector[] keys, int from, int to, int row) {
        for (int k = from; k < to; k++) {
            if (comparator.compareKey(k, keys[k], row - 1, keys[k], row) != 0) {
                return true;
            }
        }
        return false;
    }

    private Vector evaluate(
            WindowExpr function,
            Batch sorted,
            Vector[] sortedKeys,
            int[] partitionStarts,
            int[] peerStarts,
            int[] peerEnds) {
        int rowCount = sorted.rowCount();
        Vector[] args = new Vector[function.args().size()];
        for (int a = 0; a < args.length; a++) {
            args[a] = Evaluator.compile(function.args().get(a)).evaluate(sorted, context.evalContext());
        }
        boolean needsFrames =
                function.aggregate() != null || function.function().usesFrame();
        int[] frameStarts = null;
        int[] frameEnds = null;
        if (needsFrames) {
            frameStarts = new int[rowCount];
            frameEnds = new int[rowCount];
            WindowFrame frame = function.frame();
            int orderKey = node.partitionBy().size();
            Vector orderVector = node.orderBy().size() == 1 ? sortedKeys[orderKey] : null;
            boolean ascending =
                    node.orderBy().isEmpty() || node.orderBy().get(0).ascending();
            checkRangeOffsets(frame);
            WindowFrames.compute(
                    frame, partitionStarts, peerStarts, peerEnds, orderVector, ascending, frameStarts, frameEnds);
        }
        if (function.aggregate() != null) {
            return WindowAggregates.evaluate(
                    function.aggregate(), args, function.frame(), partitionStarts, frameStarts, frameEnds);
        }
        DataType type = function.resultType();
        VectorBuilder builder = VectorBuilder.forType(type, rowCount);
        WindowPartition window = new WindowPartition(args, peerStarts, peerEnds, frameStarts, frameEnds);
        for (int p = 0; p + 1 < partitionStarts.length; p++) {
            window.reset(partitionStarts[p], partitionStarts[p + 1]);
            function.function().evaluate(window, builder);
        }
        return builder.build();
    }

    private void checkRangeOffsets(WindowFrame frame) {
        boolean offsets = frame.start().kind() == WindowFrame.BoundKind.PRECEDING
                || frame.start().kind() == WindowFrame.BoundKind.FOLLOWING
                || frame.end().kind() == WindowFrame.BoundKind.PRECEDING
                || frame.end().kind() == WindowFrame.BoundKind.FOLLOWING;
        if (frame.unit() == WindowFrame.Unit.RANGE && offsets && node.orderBy().size() != 1) {
            throw new io.freshet.FreshetException(
                    io.freshet.ErrorCode.INVALID_WINDOW,
                    "A RANGE frame with an offset needs exactly one ORDER BY key, but the window has "
                            + node.orderBy().size() + "; use a ROWS frame or order by one expression");
        }
    }

    @Override
    public void close() {
        memory.close();
    }
}
