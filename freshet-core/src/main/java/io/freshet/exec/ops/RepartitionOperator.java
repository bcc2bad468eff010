package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.MemoryReservation;
import io.freshet.expr.Evaluator;
import io.freshet.plan.physical.RepartitionExec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one output partition of a {@link RepartitionExec}. A shared stage reads every input partition
 * in parallel and splits each batch by key hash into one bucket per output partition; output
 * partition {@code p} then yields bucket {@code p} of input partition 0, 1, … in that order.
 */
final class RepartitionOperator implements BatchStream {
    private final RepartitionExec node;
    private final int partition;
    private final ExecContext context;
    private Buckets buckets;
    private int inputPartition;
    private int nextBatch;
    private boolean consumed;

    RepartitionOperator(RepartitionExec node, int partition, ExecContext context) {
        this.node = node;
        this.partition = partition;
        this.context = context;
    }

    @Override
    public Batch next() {
        if (buckets == null) {
            buckets = context.stage(
                    node,
                    "buckets",
                    () -> new Buckets(
                            context.parallel(node, node.input().partitionCount(), this::split), node.partitionCount()));
        }
        while (inputPartition < buckets.byInput.size()) {
            List<Batch> bucket = buckets.byInput.get(inputPartition).get(partition);
            if (nextBatch < bucket.size()) {
                return bucket.get(nextBatch++);
            }
            inputPartition++;
            nextBatch = 0;
        }
        close();
        return null;
    }

    private Split split(int input) {
        int partitionCount = node.partitionCount();
        List<List<Batch>> bucketsOfInput = new ArrayList<>(partitionCount);
        for (int p = 0; p < partitionCount; p++) {
            bucketsOfInput.add(new ArrayList<>());
        }
        MemoryReservation memory = context.memory().newReservation("repartition", "reduce the rows to redistribute");
        Evaluator[] keys = new Evaluator[node.keys().size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = Evaluator.compile(node.keys().get(k));
        }
        long[] hashes = new long[0];
        int[][] positions = new int[partitionCount][];
        int[] counts = new int[partitionCount];
        try (BatchStream stream = context.execute(node.input(), input)) {
            for (Batch batch = stream.next(); batch != null; batch = stream.next()) {
                memory.grow(BatchSizes.bytes(batch));
                if (partitionCount == 1) {
                    bucketsOfInput.get(0).add(batch);
                    continue;
                }
                int rowCount = batch.rowCount();
                if (hashes.length < rowCount) {
                    hashes = new long[rowCount];
                    for (int p = 0; p < partitionCount; p++) {
                        positions[p] = new int[rowCount];
                    }
                }
                Vector[] keyVectors = new Vector[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    keyVectors[k] = keys[k].evaluate(batch, context.evalContext());
                }
                KeyHashing.hashRows(keyVectors, rowCount, hashes);
                java.util.Arrays.fill(counts, 0);
                for (int i = 0; i < rowCount; i++) {
                    int p = KeyHashing.partitionOf(hashes[i], partitionCount);
                    positions[p][counts[p]++] = i;
                }
                for (int p = 0; p < partitionCount; p++) {
                    if (counts[p] == rowCount) {
                        bucketsOfInput.get(p).add(batch);
                    } else if (counts[p] > 0) {
                        bucketsOfInput.get(p).add(batch.select(positions[p], counts[p]));
                    }
                }
            }
        }
        return new Split(bucketsOfInput, memory);
    }

    @Override
    public void close() {
        if (buckets != null && !consumed) {
            consumed = true;
            buckets.consumed();
        }
    }

    /** The buckets of one input partition, one per output partition. */
    private record Split(List<List<Batch>> buckets, MemoryReservation memory) {
        List<Batch> get(int partition) {
            return buckets.get(partition);
        }
    }

    /** The buckets of all input partitions; released once every output partition has read its own. */
    private static final class Buckets {
        private final List<Split> byInput;
        private final AtomicInteger remaining;

        Buckets(List<Split> byInput, int consumers) {
            this.byInput = byInput;
            this.remaining = new AtomicInteger(consumers);
        }

        void consumed() {
            if (remaining.decrementAndGet() == 0) {
                for (Split split : byInput) {
                    split.memory().close();
                }
            }
        }
    }
}
