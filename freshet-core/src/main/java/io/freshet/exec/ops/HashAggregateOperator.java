package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.MemoryReservation;
import io.freshet.plan.physical.AggregateMode;
import io.freshet.plan.physical.HashAggregateExec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one output partition of a {@link HashAggregateExec}. Two-phase: a shared stage aggregates every
 * input partition into a partial table in parallel; each output partition then merges the partial
 * groups whose key hash falls into it. Single-phase: aggregates its own input partition.
 */
final class HashAggregateOperator implements BatchStream {
    private static final String OPERATION = "hash aggregate";
    private static final String HINT = "reduce the number of groups";

    private final HashAggregateExec node;
    private final int partition;
    private final ExecContext context;
    private boolean done;

    HashAggregateOperator(HashAggregateExec node, int partition, ExecContext context) {
        this.node = node;
        this.partition = partition;
        this.context = context;
    }

    @Override
    public Batch next() {
        if (done) {
            return null;
        }
        done = true;
        return node.mode() == AggregateMode.SINGLE ? aggregateOwnPartition() : mergePartials();
    }

    private Batch aggregateOwnPartition() {
        AggregationTable table = aggregate(partition);
        try {
            return table.result();
        } finally {
            table.release();
        }
    }

    private AggregationTable aggregate(int inputPartition) {
        MemoryReservation memory = context.memory().newReservation(OPERATION, HINT);
        AggregationTable table = new AggregationTable(node.groupKeys(), node.aggregates(), false, memory);
        try (BatchStream input = context.execute(node.input(), inputPartition)) {
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                table.add(batch, context.evalContext());
            }
        }
        table.freeze();
        return table;
    }

    private Batch mergePartials() {
        Partials partials = context.stage(
                node,
                "partials",
                () -> new Partials(
                        context.parallel(node, node.input().partitionCount(), this::aggregate), node.partitionCount()));
        try {
            if (partials.tables.size() == 1 && node.partitionCount() == 1) {
                return partials.tables.get(0).result();
            }
            MemoryReservation memory = context.memory().newReservation(OPERATION, HINT);
            AggregationTable merged = new AggregationTable(node.groupKeys(), node.aggregates(), true, memory);
            try {
                for (AggregationTable partial : partials.tables) {
                    context.checkActive();
                    merged.merge(partial, partition, node.partitionCount());
                }
                return merged.result();
            } finally {
                merged.release();
            }
        } finally {
            partials.consumed();
        }
    }

    /** The partial tables of all input partitions; released once every output partition merged them. */
    private static final class Partials {
        private final List<AggregationTable> tables;
        private final AtomicInteger remaining;

        Partials(List<AggregationTable> tables, int consumers) {
            this.tables = tables;
            this.remaining = new AtomicInteger(consumers);
        }

        void consumed() {
            if (remaining.decrementAndGet() == 0) {
                for (AggregationTable table : tables) {
                    table.release();
                }
            }
        }
    }
}
