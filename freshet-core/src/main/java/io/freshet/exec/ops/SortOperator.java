package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.MemoryReservation;
import io.freshet.expr.Evaluator;
import io.freshet.plan.physical.SortExec;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts all input partitions into one ordered stream: every input partition is sorted in parallel into
 * a {@link SortedRun} (with a fetch, a top-N: the partition's buffer is cut back to the best {@code
 * fetch} rows whenever it doubles), then the runs are merged k-way through a binary heap.
 */
final class SortOperator implements BatchStream {
    private static final String OPERATION = "sort";
    private static final String HINT = "sort fewer rows (filter first, or add a LIMIT)";

    private final SortExec node;
    private final ExecContext context;
    private final RowComparator comparator;
    private final long limit;
    private final List<MemoryReservation> reservations = new ArrayList<>();
    private SortedRun[] runs;
    private int[] positions;
    private int[] heap;
    private int heapSize;
    private long emitted;

    SortOperator(SortExec node, ExecContext context) {
        this.node = node;
        this.context = context;
        this.comparator = SortedRun.comparator(node.keys());
        this.limit = node.fetch().orElse(Long.MAX_VALUE);
    }

    @Override
    public Batch next() {
        if (runs == null) {
            List<PartitionRun> sorted = context.parallel(node, node.input().partitionCount(), this::sortPartition);
            runs = new SortedRun[sorted.size()];
            for (int r = 0; r < runs.length; r++) {
                runs[r] = sorted.get(r).run();
                reservations.add(sorted.get(r).memory());
            }
            positions = new int[runs.length];
            heap = new int[runs.length];
            for (int r = 0; r < runs.length; r++) {
                if (runs[r].count > 0) {
                    heap[heapSize++] = r;
                }
            }
            for (int i = heapSize / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }
        if (heapSize == 0 || emitted >= limit) {
            close();
            return null;
        }
        return nextChunk();
    }

    /** A partition's sorted run and the memory it holds. */
    private record PartitionRun(SortedRun run, MemoryReservation memory) {}

    private PartitionRun sortPartition(int partition) {
        MemoryReservation memory = context.memory().newReservation(OPERATION, HINT);
        Evaluator[] keys = SortedRun.keyEvaluators(node.keys());
        List<Batch> buffer = new ArrayList<>();
        long buffered = 0;
        long bufferedBytes = 0;
        // A top-N buffer is cut back to the best rows whenever it holds twice as many as it needs.
        long compactAt = limit == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(2 * limit, context.batchSize());
        try (BatchStream input = context.execute(node.input(), partition)) {
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                buffer.add(batch);
                buffered += batch.rowCount();
                bufferedBytes += BatchSizes.bytes(batch);
                memory.resize(bufferedBytes);
                if (buffered >= compactAt) {
                    SortedRun kept = SortedRun.sort(buffer, node.schema(), keys, comparator, limit, context)
                            .compact();
                    buffer.clear();
                    buffer.add(kept.rows);
                    buffered = kept.count;
                    bufferedBytes = BatchSizes.bytes(kept.rows);
                }
            }
        }
        SortedRun run = SortedRun.sort(buffer, node.schema(), keys, comparator, limit, context);
        memory.resize(run.estimatedBytes());
        return new PartitionRun(run, memory);
    }

    private Batch nextChunk() {
        int size = (int) Math.min(context.batchSize(), limit - emitted);
        if (runs.length == 1) {
            SortedRun run = runs[0];
            int from = positions[0];
            int count = Math.min(size, run.count - from);
            int[] rows = new int[count];
            System.arraycopy(run.order, from, rows, 0, count);
            positions[0] += count;
            if (positions[0] == run.count) {
                heapSize = 0;
            }
            emitted += count;
            return run.rows.select(rows, count);
        }
        int[] sourceIds = new int[size];
        int[] rows = new int[size];
        int count = 0;
        while (count < size && heapSize > 0) {
            int r = heap[0];
            sourceIds[count] = r;
            rows[count] = runs[r].order[positions[r]];
            count++;
            if (++positions[r] == runs[r].count) {
                heap[0] = heap[--heapSize];
            }
            siftDown(0);
        }
        emitted += count;
        Batch[] sources = new Batch[runs.length];
        for (int r = 0; r < runs.length; r++) {
            sources[r] = runs[r].rows;
        }
        return Gather.fromMany(sources, sourceIds, rows, count, node.schema());
    }

    /** Whether run {@code a}'s current row sorts before run {@code b}'s (ties: the earlier partition first). */
    private boolean before(int a, int b) {
        SortedRun x = runs[a];
        SortedRun y = runs[b];
        int result = comparator.compare(x.keys, x.order[positions[a]], y.keys, y.order[positions[b]]);
        return result < 0 || (result == 0 && a < b);
    }

    private void siftDown(int index) {
        int i = index;
        while (true) {
            int left = 2 * i + 1;
            if (left >= heapSize) {
                return;
            }
            int smallest = left + 1 < heapSize && before(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!before(heap[smallest], heap[i])) {
                return;
            }
            int swap = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = swap;
            i = smallest;
        }
    }

    @Override
    public void close() {
        runs = runs == null ? null : new SortedRun[0];
        heapSize = 0;
        for (MemoryReservation reservation : reservations) {
            reservation.close();
        }
        reservations.clear();
    }
}
