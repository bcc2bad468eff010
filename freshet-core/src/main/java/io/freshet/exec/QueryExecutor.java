package io.freshet.exec;

import io.freshet.data.Batch;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.ScanExec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** Runs physical plans to completion: the entry point the rest of the engine calls. */
public final class QueryExecutor {
    private QueryExecutor() {}

    /**
     * Runs the plan and returns its batches: partition 0's in order, then partition 1's, and so on (so
     * a sorted plan's order is kept). Closes the context when done.
     *
     * @throws QueryExecutionException with the first error of any partition
     */
    public static List<Batch> collect(PhysicalNode plan, ExecContext context) {
        start(plan, context);
        try {
            List<List<Batch>> partitions = context.inPool(() -> context.parallel(plan, plan.partitionCount(), p -> {
                List<Batch> batches = new ArrayList<>();
                try (BatchStream stream = context.execute(plan, p)) {
                    for (Batch batch = stream.next(); batch != null; batch = stream.next()) {
                        context.metrics().addOutputRows(batch.rowCount());
                        batches.add(batch);
                    }
                }
                return batches;
            }));
            List<Batch> result = new ArrayList<>();
            for (List<Batch> partition : partitions) {
                result.addAll(partition);
            }
            return result;
        } catch (RuntimeException e) {
            throw firstFailure(context, e);
        } finally {
            context.close();
        }
    }

    /**
     * Runs the plan, handing each batch to {@code consumer} from one thread at a time: in order when the
     * plan has one partition (a sorted result), else as partitions produce them. Closes the context.
     *
     * @throws QueryExecutionException with the first error of any partition or of the consumer
     */
    public static void run(PhysicalNode plan, ExecContext context, Consumer<Batch> consumer) {
        start(plan, context);
        ReentrantLock lock = new ReentrantLock();
        try {
            context.inPool(() -> context.parallel(plan, plan.partitionCount(), p -> {
                try (BatchStream stream = context.execute(plan, p)) {
                    for (Batch batch = stream.next(); batch != null; batch = stream.next()) {
                        context.metrics().addOutputRows(batch.rowCount());
                        lock.lock();
                        try {
                            context.checkActive();
                            consumer.accept(batch);
                        } finally {
                            lock.unlock();
                        }
                    }
                }
                return null;
            }));
        } catch (RuntimeException e) {
            throw firstFailure(context, e);
        } finally {
            context.close();
        }
    }

    private static void start(PhysicalNode plan, ExecContext context) {
        context.metrics().start();
        context.metrics().addSplitsTotal(countSplits(plan));
    }

    private static long countSplits(PhysicalNode node) {
        long count = node instanceof ScanExec scan ? scan.splits().size() : 0;
        for (PhysicalNode input : node.inputs()) {
            count += countSplits(input);
        }
        return count;
    }

    private static RuntimeException firstFailure(ExecContext context, RuntimeException error) {
        QueryExecutionException first = context.failure();
        return first != null ? first : context.fail(error, null, -1);
    }
}
