package io.freshet.stream.exec;

import io.freshet.plan.logical.LogicalPlan;
import io.freshet.stream.sink.StreamSink;
import io.freshet.streaming.OutputMode;
import io.freshet.streaming.StreamingQueryListener;
import io.freshet.streaming.Trigger;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Everything a streaming query needs to start: the optimized logical plan, where its output goes and
 * how, its checkpoint, and the session's settings.
 *
 * @param name the query's name (may be null)
 * @param pool the session's worker pool (null: the query makes its own)
 * @param lateRows makes the sink of the late-rows side table from the late rows' schema, or null to only
 *     count late rows
 * @param listeners the session's listeners, called on the query's thread
 */
public record StreamingQuerySpec(
        String name,
        LogicalPlan plan,
        OutputMode mode,
        Trigger trigger,
        Path checkpoint,
        StreamSink sink,
        java.util.function.Function<io.freshet.types.Schema, StreamSink> lateRows,
        Map<String, String> conf,
        ZoneId timeZone,
        ForkJoinPool pool,
        int parallelism,
        long memoryLimitBytes,
        List<StreamingQueryListener> listeners) {
    public StreamingQuerySpec {
        requireNonNull(plan, "plan is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(trigger, "trigger is null");
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(sink, "sink is null");
        conf = Map.copyOf(conf);
        requireNonNull(timeZone, "timeZone is null");
        checkArgument(parallelism >= 1, "parallelism must be positive: %s", parallelism);
        listeners = List.copyOf(listeners);
    }
}
