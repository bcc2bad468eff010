package io.freshet.stream.exec;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.ExtensionOperators;
import io.freshet.plan.physical.ExtensionExec;
import io.freshet.streaming.OutputMode;
import java.util.Map;

/**
 * What the stateful operators of one micro-batch share: its id, its watermark, the output mode, the
 * operators' state and counters, and the event-time statistics of the watermark nodes. Creates the
 * running operators of the streaming engine's physical nodes.
 */
final class MicroBatchRun implements ExtensionOperators {
    /** The watermark before any event time was seen. */
    static final long NO_WATERMARK = Long.MIN_VALUE;

    final long batchId;
    final long watermarkMicros;
    final OutputMode mode;
    private final Map<Integer, OperatorState> states;
    private final Map<Integer, OperatorCounters> counters;
    private final EventTimeStats[] eventTimes;
    private final boolean collectLateRows;
    private final java.util.List<io.freshet.data.Batch> lateRows = new java.util.ArrayList<>();

    MicroBatchRun(
            long batchId,
            long watermarkMicros,
            OutputMode mode,
            Map<Integer, OperatorState> states,
            Map<Integer, OperatorCounters> counters,
            EventTimeStats[] eventTimes,
            boolean collectLateRows) {
        this.batchId = batchId;
        this.watermarkMicros = watermarkMicros;
        this.mode = mode;
        this.states = states;
        this.counters = counters;
        this.eventTimes = eventTimes;
        this.collectLateRows = collectLateRows;
    }

    /** Whether late rows go to a side table instead of being only counted. */
    boolean collectsLateRows() {
        return collectLateRows;
    }

    /** Keeps rows a stateful operator found late, for the late-rows side table. */
    void addLateRows(io.freshet.data.Batch rows) {
        synchronized (lateRows) {
            lateRows.add(rows);
        }
    }

    /** The late rows of this micro-batch. */
    java.util.List<io.freshet.data.Batch> lateRows() {
        synchronized (lateRows) {
            return java.util.List.copyOf(lateRows);
        }
    }

    boolean hasWatermark() {
        return watermarkMicros != NO_WATERMARK;
    }

    OperatorState state(int operatorId) {
        return states.get(operatorId);
    }

    OperatorCounters counters(int operatorId) {
        return counters.get(operatorId);
    }

    @Override
    public BatchStream create(ExtensionExec node, int partition, ExecContext context) {
        if (node instanceof WatermarkExec watermark) {
            return new WatermarkOperator(
                    watermark, context.execute(watermark.input(), partition), eventTimes[watermark.index()]);
        }
        if (node instanceof StatefulAggregateExec aggregate) {
            return new StatefulAggregateOperator(aggregate, partition, context, this);
        }
        if (node instanceof StreamingSessionAggregateExec sessions) {
            return new StreamingSessionAggregateOperator(sessions, partition, context, this);
        }
        if (node instanceof StreamingDeduplicateExec deduplicate) {
            return new StreamingDeduplicateOperator(deduplicate, partition, context, this);
        }
        if (node instanceof StreamStreamJoinExec join) {
            return new StreamStreamJoinOperator(join, partition, context, this);
        }
        if (node instanceof StreamingLimitExec limit) {
            return new StreamingLimitOperator(limit, context, this);
        }
        throw new FreshetException(
                ErrorCode.INTERNAL_ERROR,
                "No streaming operator for " + node.getClass().getSimpleName());
    }
}
