package io.freshet.stream.exec;

import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.exec.ExecContext;
import io.freshet.exec.QueryExecutor;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.physical.ExtensionExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.PhysicalPlanner;
import io.freshet.plan.physical.PlannerOptions;
import io.freshet.state.StateStoreProvider;
import io.freshet.streaming.OutputMode;
import io.freshet.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one stateful operator outside a query, micro-batch by micro-batch: push rows with a watermark,
 * get the operator's output, commit its state; {@link #restore()} drops the running state and reopens it
 * from the checkpoint, as a restart does (STYLE.md's operator harness).
 */
final class StatefulOperatorHarness implements AutoCloseable {
    private static final int OPERATOR = 0;

    private final Path directory;
    private final Schema inputSchema;
    private final Function<PhysicalNode, ExtensionExec> operator;
    private final OutputMode mode;
    private final StateStoreProvider provider;
    private final int keyGroups;
    private final int parallelism;
    private OperatorState state;
    private long batchId;
    private OperatorCounters lastCounters = new OperatorCounters();

    StatefulOperatorHarness(
            Path directory,
            Schema inputSchema,
            Function<PhysicalNode, ExtensionExec> operator,
            OutputMode mode,
            String provider,
            int keyGroups,
            int parallelism) {
        this.directory = directory;
        this.inputSchema = inputSchema;
        this.operator = operator;
        this.mode = mode;
        this.provider = StateStoreProvider.named(provider);
        this.keyGroups = keyGroups;
        this.parallelism = parallelism;
        this.state = new OperatorState(OPERATOR, this.provider.open(directory, keyGroups, 0));
    }

    /** Runs one micro-batch over {@code rows} (internal values) with the given watermark; commits the state. */
    List<Object[]> push(long watermarkMicros, List<Object[]> rows) {
        PhysicalNode input = PhysicalPlanner.plan(
                Scan.of("input", MemoryTableSource.of("input", inputSchema, split(rows)), false),
                new PlannerOptions(parallelism));
        ExtensionExec node = operator.apply(input);
        lastCounters = new OperatorCounters();
        Map<Integer, OperatorState> states = new HashMap<>(Map.of(OPERATOR, state));
        MicroBatchRun run = new MicroBatchRun(
                batchId, watermarkMicros, mode, states, Map.of(OPERATOR, lastCounters), new EventTimeStats[0], false);
        List<Batch> output;
        try (ExecContext context =
                ExecContext.builder().parallelism(parallelism).extensions(run).build()) {
            output = QueryExecutor.collect(node, context);
        }
        state.store.commit();
        batchId++;
        List<Object[]> result = new ArrayList<>();
        for (Batch batch : output) {
            result.addAll(batch.rows());
        }
        return result;
    }

    /** Drops the operator's state in memory and reloads the last committed version from the checkpoint. */
    void restore() {
        state.store.close();
        state = new OperatorState(OPERATOR, provider.open(directory, keyGroups, batchId));
    }

    OperatorCounters counters() {
        return lastCounters;
    }

    long stateRows() {
        return state.store.metrics().rowsTotal();
    }

    /** The rows cut into batches of three, so that operators see several batches and partitions. */
    private List<Batch> split(List<Object[]> rows) {
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += 3) {
            List<Object[]> part = rows.subList(start, Math.min(rows.size(), start + 3));
            Vector[] columns = new Vector[inputSchema.size()];
            for (int c = 0; c < columns.length; c++) {
                VectorBuilder builder = VectorBuilder.forType(inputSchema.type(c), part.size());
                for (Object[] row : part) {
                    builder.append(row[c]);
                }
                columns[c] = builder.build();
            }
            batches.add(new Batch(columns, part.size()));
        }
        return batches;
    }

    @Override
    public void close() {
        state.store.close();
    }
}
