package io.freshet.stream.exec;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.TableSource;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.exec.ExecContext;
import io.freshet.exec.QueryExecutor;
import io.freshet.expr.EvalContext;
import io.freshet.plan.logical.PlanPrinter;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.logical.WatermarkAssign;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.PhysicalPlanPrinter;
import io.freshet.state.StateStore;
import io.freshet.state.StateStoreMetrics;
import io.freshet.state.StateStoreProvider;
import io.freshet.stream.checkpoint.CommitEntry;
import io.freshet.stream.checkpoint.CommitLog;
import io.freshet.stream.checkpoint.MetadataFile;
import io.freshet.stream.checkpoint.OffsetEntry;
import io.freshet.stream.checkpoint.OffsetLog;
import io.freshet.stream.checkpoint.QueryMetadata;
import io.freshet.stream.sink.SinkBatch;
import io.freshet.stream.source.Offset;
import io.freshet.stream.source.StreamSource;
import io.freshet.stream.source.StreamSourceContext;
import io.freshet.stream.source.StreamableTable;
import io.freshet.streaming.SinkProgress;
import io.freshet.streaming.SourceProgress;
import io.freshet.streaming.StateOperatorProgress;
import io.freshet.streaming.StreamingQuery;
import io.freshet.streaming.StreamingQueryException;
import io.freshet.streaming.StreamingQueryListener;
import io.freshet.streaming.StreamingQueryProgress;
import io.freshet.streaming.StreamingQueryStatus;
import io.freshet.streaming.Trigger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a streaming query as a loop of micro-batches on its own thread. Batch {@code N}: ask the sources
 * for their end offsets; log them with the batch's watermark in {@code offsets/N}; run the incremental
 * plan over the new rows; hand the output to the sink with {@code (queryId, N)}; commit the operators'
 * state; log {@code commits/N} with the next watermark. A restart resumes after the last commit and runs
 * a logged but uncommitted batch again with the same offsets, which the sink recognizes.
 */
public final class StreamExecution implements StreamingQuery {
    private static final long NO_WATERMARK = MicroBatchRun.NO_WATERMARK;

    private final StreamingQuerySpec spec;
    private final StreamingConf conf;
    private final IncrementalPlanner planner;
    private final Path checkpoint;
    private final UUID id;
    private final UUID runId = UUID.randomUUID();
    private final String displayName;
    private final OffsetLog offsetLog;
    private final CommitLog commitLog;
    private final List<StreamSource> sources = new ArrayList<>();
    private final Map<Integer, OperatorState> states = new HashMap<>();
    private final boolean minPolicy;
    private final int keyGroups;
    private final Thread thread;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final ArrayDeque<StreamingQueryProgress> recent = new ArrayDeque<>();
    private final int recentLimit;
    private final long pollMillis;
    private final Object signal = new Object();

    // Owned by the loop thread.
    private long nextBatchId;
    private Offset[] committedOffsets;
    private long watermark = NO_WATERMARK;
    // The watermark the last committed batch ran with: a no-data batch runs when the next one is higher.
    private long lastBatchWatermark = NO_WATERMARK;
    private long[] inputWatermarks;
    private OffsetEntry pendingRerun;
    private String lastExplain = "";

    // Shared with other threads.
    private volatile boolean stopRequested;
    private volatile boolean active = true;
    private volatile StreamingQueryStatus status = new StreamingQueryStatus("Initializing sources", false, false);
    private volatile StreamingQueryException failure;
    private long drainRequests;
    private long drainedUpTo;

    private StreamExecution(StreamingQuerySpec spec) {
        this.spec = spec;
        this.conf = new StreamingConf(spec.conf());
        this.planner = new IncrementalPlanner(spec.plan(), spec.mode());
        this.checkpoint = spec.checkpoint();
        this.offsetLog = new OffsetLog(checkpoint);
        this.commitLog = new CommitLog(checkpoint);
        this.recentLimit = (int) conf.getLong(StreamingConf.NUM_RECENT_PROGRESS, 100);
        this.pollMillis = conf.getLong(StreamingConf.POLL_INTERVAL_MS, 10);
        QueryMetadata metadata = openCheckpoint();
        this.id = UUID.fromString(metadata.queryId());
        this.displayName = spec.name() == null ? id.toString() : spec.name();
        this.keyGroups = Integer.parseInt(metadata.conf().get(StreamingConf.KEY_GROUPS));
        this.minPolicy = metadata.conf().get(StreamingConf.WATERMARK_POLICY).equals("min");
        this.inputWatermarks = new long[planner.watermarks().size()];
        Arrays.fill(inputWatermarks, NO_WATERMARK);
        this.committedOffsets = new Offset[planner.sources().size()];
        this.thread = new Thread(this::runLoop, "freshet-stream-" + displayName);
        this.thread.setDaemon(true);
        try {
            openSources();
            recover(metadata.conf().get(StreamingConf.STATE_PROVIDER));
        } catch (RuntimeException e) {
            closeResources();
            throw e;
        }
    }

    /**
     * Checks a streaming query against the output mode and its checkpoint and opens its sources and
     * state, ready to {@link #start()}; errors in the query or the checkpoint are thrown here.
     */
    public static StreamExecution create(StreamingQuerySpec spec) {
        return new StreamExecution(spec);
    }

    /** Starts the micro-batch loop on the query's own thread. */
    public void start() {
        thread.start();
    }

    /** Releases what {@link #create} opened, for a query that will not be started. */
    public void discard() {
        closeResources();
    }

    // ---- checkpoint and recovery --------------------------------------------------------------------

    private QueryMetadata openCheckpoint() {
        String fingerprint = fingerprint();
        Optional<QueryMetadata> existing = MetadataFile.read(checkpoint);
        if (existing.isEmpty()) {
            if (offsetLog.latest().isPresent() || commitLog.latest().isPresent()) {
                throw new FreshetException(
                        ErrorCode.INVALID_OPTION,
                        "The checkpoint " + checkpoint + " has offset or commit logs but no metadata file, so the"
                                + " query's id is lost; a new id would make exactly-once sinks write the data again."
                                + " Restore " + checkpoint.resolve(MetadataFile.NAME) + " or use a new checkpoint"
                                + " directory");
            }
            Map<String, String> pinned = new LinkedHashMap<>();
            for (String key : StreamingConf.PINNED) {
                pinned.put(key, conf.pinnedDefault(key));
            }
            QueryMetadata metadata =
                    new QueryMetadata(UUID.randomUUID().toString(), engineVersion(), fingerprint, pinned);
            MetadataFile.write(checkpoint, metadata);
            return metadata;
        }
        QueryMetadata metadata = existing.get();
        for (String key : StreamingConf.PINNED) {
            String recorded = metadata.conf().get(key);
            if (conf.isSet(key) && recorded != null && !recorded.equalsIgnoreCase(conf.pinnedDefault(key))) {
                throw new AnalysisException(
                        ErrorCode.INVALID_OPTION,
                        key + " is " + conf.pinnedDefault(key) + " but the checkpoint " + checkpoint
                                + " was started with "
                                + recorded + "; it is fixed at a query's first run. Remove the setting or use a new"
                                + " checkpoint directory");
            }
        }
        checkCompatible(metadata.planFingerprint(), fingerprint);
        return metadata;
    }

    /** What a restart must keep: the sources and the stateful operators, one per line. */
    private String fingerprint() {
        StringBuilder text = new StringBuilder();
        text.append("sources=").append(planner.sources().size()).append('\n');
        for (IncrementalPlanner.StatefulOperator operator : planner.operators()) {
            text.append("operator ")
                    .append(operator.id())
                    .append(": ")
                    .append(operator.description())
                    .append('\n');
        }
        return text.toString();
    }

    private void checkCompatible(String recorded, String current) {
        if (recorded.equals(current)) {
            return;
        }
        List<String> before = recorded.lines().toList();
        List<String> after = current.lines().toList();
        String change;
        if (!before.isEmpty() && !after.isEmpty() && !before.get(0).equals(after.get(0))) {
            change = "the query reads " + after.get(0).substring("sources=".length()) + " stream(s), the checkpoint "
                    + before.get(0).substring("sources=".length()) + " (adding or removing inputs is not allowed)";
        } else if (before.size() != after.size()) {
            change = "the query has " + (after.size() - 1) + " stateful operator(s), the checkpoint "
                    + (before.size() - 1);
        } else {
            int i = 1;
            while (before.get(i).equals(after.get(i))) {
                i++;
            }
            change = "stateful " + before.get(i) + " is now "
                    + after.get(i).substring(after.get(i).indexOf(':') + 2);
        }
        throw new AnalysisException(
                ErrorCode.UNSUPPORTED,
                "The query is not compatible with its checkpoint " + checkpoint + ": " + change
                        + ". Changing stateful operators (grouping keys, aggregates, deduplication columns, joins) or"
                        + " the inputs would misread the saved state; restore the old query or start with a new"
                        + " checkpoint directory. Filters and projections after the last stateful operator may change");
    }

    private static String engineVersion() {
        String version = StreamExecution.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private void openSources() {
        List<Scan> scans = planner.sources();
        for (int i = 0; i < scans.size(); i++) {
            Scan scan = scans.get(i);
            if (!(scan.source() instanceof StreamableTable streamable)) {
                throw new AnalysisException(
                        ErrorCode.UNSUPPORTED,
                        "Table " + scan.table() + " (" + scan.source().describe() + ") cannot be read as a stream;"
                                + " read it as a batch (FROM " + scan.table() + " without STREAM)");
            }
            sources.add(streamable.openStream(new StreamSourceContext(
                    checkpoint.resolve("sources").resolve(Integer.toString(i)), id.toString())));
        }
    }

    private void recover(String providerName) {
        Optional<CommitEntry> lastCommit = commitLog.latest();
        Optional<OffsetEntry> lastOffsets = offsetLog.latest();
        long committedBatch = lastCommit.map(CommitEntry::batchId).orElse(-1L);
        if (lastCommit.isPresent()) {
            CommitEntry commit = lastCommit.get();
            watermark = commit.nextWatermarkMicros();
            for (int i = 0;
                    i < inputWatermarks.length
                            && i < commit.inputWatermarksMicros().size();
                    i++) {
                inputWatermarks[i] = commit.inputWatermarksMicros().get(i);
            }
            OffsetEntry committed = offsetLog
                    .get(committedBatch)
                    .orElseThrow(() -> new FreshetException(
                            ErrorCode.IO_ERROR,
                            "The checkpoint " + checkpoint + " has commits/" + committedBatch + " but not offsets/"
                                    + committedBatch));
            committedOffsets = toOffsets(committed.sourceOffsets());
            lastBatchWatermark = committed.batchWatermarkMicros();
        }
        nextBatchId = committedBatch + 1;
        if (lastOffsets.isPresent() && lastOffsets.get().batchId() > committedBatch) {
            if (lastOffsets.get().batchId() != committedBatch + 1) {
                throw new FreshetException(
                        ErrorCode.IO_ERROR,
                        "The checkpoint " + checkpoint + " has offsets/"
                                + lastOffsets.get().batchId() + " but its last commit is " + committedBatch
                                + "; batches are missing");
            }
            pendingRerun = lastOffsets.get();
        }
        StateStoreProvider provider = StateStoreProvider.named(providerName);
        for (IncrementalPlanner.StatefulOperator operator : planner.operators()) {
            Path directory = checkpoint.resolve("state").resolve(Integer.toString(operator.id()));
            StateStore store = provider.open(directory, keyGroups, committedBatch + 1);
            states.put(operator.id(), new OperatorState(operator.id(), store));
        }
    }

    private Offset[] toOffsets(List<String> texts) {
        Offset[] offsets = new Offset[sources.size()];
        for (int i = 0; i < offsets.length && i < texts.size(); i++) {
            offsets[i] = texts.get(i) == null ? null : new Offset(texts.get(i));
        }
        return offsets;
    }

    // ---- the loop -----------------------------------------------------------------------------------

    private void runLoop() {
        notifyListeners(listener -> listener.onQueryStarted(new StreamingQueryListener.QueryStartedEvent(
                id, runId, spec.name(), Instant.now().toString())));
        try {
            Trigger trigger = spec.trigger();
            boolean bounded = trigger instanceof Trigger.AvailableNow || trigger instanceof Trigger.Once;
            if (trigger instanceof Trigger.AvailableNow) {
                sources.forEach(StreamSource::prepareForAvailableNow);
            }
            long intervalMillis = trigger instanceof Trigger.ProcessingTime time ? time.intervalMillis() : 0;
            long nextStart = System.currentTimeMillis();
            boolean ranOnce = false;
            while (!stopRequested) {
                if (intervalMillis > 0) {
                    long now = System.currentTimeMillis();
                    if (now < nextStart) {
                        sleep(nextStart - now);
                        continue;
                    }
                    // Start on the next interval boundary; after an overrun, at once but without a burst.
                    nextStart = Math.max(
                            nextStart + intervalMillis, now - (now - nextStart) % intervalMillis + intervalMillis);
                }
                boolean ran =
                        runNextBatch(!(trigger instanceof Trigger.Once), trigger instanceof Trigger.Once && ranOnce);
                ranOnce |= ran;
                if (!ran) {
                    if (bounded) {
                        break;
                    }
                    if (intervalMillis == 0) {
                        sleep(pollMillis);
                    }
                }
                if (trigger instanceof Trigger.Once && ranOnce) {
                    break;
                }
            }
        } catch (Throwable error) {
            failure = error instanceof StreamingQueryException streaming
                    ? streaming
                    : new StreamingQueryException(displayName, nextBatchId, error);
        } finally {
            closeResources();
            active = false;
            status = new StreamingQueryStatus("Stopped", false, false);
            synchronized (signal) {
                signal.notifyAll();
            }
            terminated.countDown();
            notifyListeners(listener ->
                    listener.onQueryTerminated(new StreamingQueryListener.QueryTerminatedEvent(id, runId, failure)));
        }
    }

    /**
     * Plans and runs the next micro-batch if there is new data, a logged batch to re-run, or a watermark
     * that would emit or evict state; returns whether one ran.
     *
     * @param limited whether the sources' per-trigger limits apply
     * @param noNewBatches whether only a logged batch may run (after a {@code Once} trigger's batch)
     */
    private boolean runNextBatch(boolean limited, boolean noNewBatches) {
        long requestsSeen;
        synchronized (signal) {
            requestsSeen = drainRequests;
        }
        long triggerStart = System.nanoTime();
        Map<String, Long> durations = new LinkedHashMap<>();
        OffsetEntry entry;
        if (pendingRerun != null) {
            entry = pendingRerun;
            pendingRerun = null;
        } else {
            if (noNewBatches) {
                return false;
            }
            status = new StreamingQueryStatus("Getting offsets from sources", false, false);
            long started = System.nanoTime();
            Offset[] ends = new Offset[sources.size()];
            boolean newData = false;
            for (int i = 0; i < sources.size(); i++) {
                ends[i] = sources.get(i).latestOffset(committedOffsets[i], limited);
                newData |= ends[i] != null && !ends[i].equals(committedOffsets[i]);
            }
            durations.put("latestOffset", millisSince(started));
            if (!newData && !needsNoDataBatch()) {
                status = new StreamingQueryStatus("Waiting for data to arrive", false, false);
                synchronized (signal) {
                    drainedUpTo = Math.max(drainedUpTo, requestsSeen);
                    signal.notifyAll();
                }
                notifyListeners(listener -> listener.onQueryIdle(new StreamingQueryListener.QueryIdleEvent(
                        id, runId, Instant.now().toString())));
                return false;
            }
            List<String> offsets = new ArrayList<>(ends.length);
            for (Offset end : ends) {
                offsets.add(end == null ? null : end.json());
            }
            started = System.nanoTime();
            entry = new OffsetEntry(
                    nextBatchId, offsets, watermark, boxed(inputWatermarks), System.currentTimeMillis(), Map.of());
            offsetLog.write(entry);
            durations.put("walCommit", millisSince(started));
        }
        status = new StreamingQueryStatus("Processing new data", true, true);
        runBatch(entry, durations, triggerStart);
        return true;
    }

    /** Whether the watermark moved past what the last batch ran with and a stateful operator may emit or evict for it. */
    private boolean needsNoDataBatch() {
        if (!conf.getBoolean(StreamingConf.NO_DATA_BATCHES, true) || nextBatchId == 0 || states.isEmpty()) {
            return false;
        }
        // After a batch, `watermark` already holds the next batch's watermark; compare it with the last one's.
        long next = Math.max(watermark, nextWatermark());
        return next != NO_WATERMARK && next > lastBatchWatermark;
    }

    private void runBatch(OffsetEntry entry, Map<String, Long> durations, long triggerStart) {
        long batchId = entry.batchId();
        watermark = entry.batchWatermarkMicros();
        Offset[] ends = toOffsets(entry.sourceOffsets());
        long started = System.nanoTime();
        List<TableSource> tables = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            Offset start = committedOffsets[i];
            if (ends[i] == null || ends[i].equals(start)) {
                tables.add(new MemoryTableSource("empty", sources.get(i).schema()));
            } else {
                tables.add(sources.get(i).read(start, ends[i]));
            }
        }
        PhysicalNode physical = planner.plan(tables, spec.parallelism());
        EventTimeStats[] eventTimes = new EventTimeStats[planner.watermarks().size()];
        Arrays.setAll(eventTimes, i -> new EventTimeStats());
        Map<Integer, OperatorCounters> counters = new HashMap<>();
        for (IncrementalPlanner.StatefulOperator operator : planner.operators()) {
            counters.put(operator.id(), new OperatorCounters());
        }
        MicroBatchRun run = new MicroBatchRun(batchId, watermark, spec.mode(), states, counters, eventTimes);
        durations.put("queryPlanning", millisSince(started));
        started = System.nanoTime();
        List<Batch> output;
        long inputRows;
        try (ExecContext context = newContext(run, entry.batchTimestampMillis())) {
            output = QueryExecutor.collect(physical, context);
            inputRows = context.metrics().inputRows();
        } catch (RuntimeException e) {
            states.values().forEach(state -> state.store.abort());
            throw e;
        }
        SinkBatch sinkBatch = new SinkBatch(id.toString(), batchId, spec.mode(), physical.schema(), output);
        spec.sink().addBatch(sinkBatch);
        long sinkCommitMicros = System.currentTimeMillis() * 1000;
        durations.put("addBatch", millisSince(started));
        started = System.nanoTime();
        List<StateOperatorProgress> operators = new ArrayList<>();
        for (IncrementalPlanner.StatefulOperator operator : planner.operators()) {
            StateStore store = states.get(operator.id()).store;
            store.commit();
            StateStoreMetrics metrics = store.metrics();
            OperatorCounters counted = counters.get(operator.id());
            operators.add(new StateOperatorProgress(
                    operator.kind(),
                    metrics.rowsTotal(),
                    counted.rowsUpdated.get(),
                    counted.rowsRemoved.get(),
                    counted.rowsDroppedByWatermark.get(),
                    metrics.memoryUsedBytes(),
                    metrics.commitTimeMillis()));
        }
        for (int i = 0; i < eventTimes.length; i++) {
            WatermarkAssign assign = planner.watermarks().get(i);
            if (eventTimes[i].count() > 0) {
                long candidate = eventTimes[i].max() - assign.delayMicros();
                inputWatermarks[i] = Math.max(inputWatermarks[i], candidate);
            }
        }
        long next = Math.max(watermark, nextWatermark());
        commitLog.write(new CommitEntry(batchId, next, boxed(inputWatermarks)));
        for (int i = 0; i < sources.size(); i++) {
            if (ends[i] != null) {
                sources.get(i).commit(ends[i]);
            }
        }
        Offset[] starts = committedOffsets;
        committedOffsets = ends;
        nextBatchId = batchId + 1;
        purgeLogs(batchId);
        durations.put("commitOffsets", millisSince(started));
        durations.put("triggerExecution", millisSince(triggerStart));
        reportProgress(entry, starts, ends, inputRows, durations, eventTimes, operators, sinkBatch, sinkCommitMicros);
        lastExplain = PlanPrinter.print(spec.plan()) + "\n" + PhysicalPlanPrinter.print(physical);
        lastBatchWatermark = entry.batchWatermarkMicros();
        watermark = next;
    }

    /** The query's watermark from its inputs' watermarks: their minimum (or maximum), none until all have one under min. */
    private long nextWatermark() {
        if (inputWatermarks.length == 0) {
            return NO_WATERMARK;
        }
        long result = minPolicy ? Long.MAX_VALUE : NO_WATERMARK;
        for (long input : inputWatermarks) {
            if (minPolicy) {
                if (input == NO_WATERMARK) {
                    return NO_WATERMARK;
                }
                result = Math.min(result, input);
            } else {
                result = Math.max(result, input);
            }
        }
        return result;
    }

    private ExecContext newContext(MicroBatchRun run, long batchTimestampMillis) {
        ExecContext.Builder builder = ExecContext.builder()
                .parallelism(spec.parallelism())
                .memoryLimitBytes(spec.memoryLimitBytes())
                .evalContext(new EvalContext(spec.timeZone(), batchTimestampMillis * 1000))
                .extensions(run);
        if (spec.pool() != null) {
            builder.pool(spec.pool());
        }
        return builder.build();
    }

    private void purgeLogs(long batchId) {
        long keep = conf.getLong(StreamingConf.MIN_BATCHES_TO_RETAIN, 100);
        if (batchId >= keep && batchId % 10 == 0) {
            offsetLog.purgeBefore(batchId - keep + 1);
            commitLog.purgeBefore(batchId - keep + 1);
        }
    }

    private void reportProgress(
            OffsetEntry entry,
            Offset[] starts,
            Offset[] ends,
            long inputRows,
            Map<String, Long> durations,
            EventTimeStats[] eventTimes,
            List<StateOperatorProgress> operators,
            SinkBatch sinkBatch,
            long sinkCommitMicros) {
        StreamingQueryProgress previous = lastProgress();
        double seconds = Math.max(1, durations.get("triggerExecution")) / 1000.0;
        double sincePrevious = previous == null
                ? seconds
                : Math.max(
                        0.001,
                        (entry.batchTimestampMillis()
                                        - Instant.parse(previous.timestamp()).toEpochMilli())
                                / 1000.0);
        double inputRate = inputRows / sincePrevious;
        double processedRate = inputRows / seconds;
        List<SourceProgress> sourceProgress = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            sourceProgress.add(new SourceProgress(
                    sources.get(i).describe(),
                    starts[i] == null ? null : starts[i].json(),
                    ends[i] == null ? null : ends[i].json(),
                    i == 0 ? inputRows : 0,
                    i == 0 ? inputRate : 0,
                    i == 0 ? processedRate : 0));
        }
        Map<String, String> eventTime = new LinkedHashMap<>();
        Map<String, Long> latency = new LinkedHashMap<>();
        if (eventTimes.length > 0) {
            EventTimeStats first = eventTimes[0];
            if (first.count() > 0) {
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (EventTimeStats stats : eventTimes) {
                    if (stats.count() > 0) {
                        min = Math.min(min, stats.min());
                        max = Math.max(max, stats.max());
                    }
                }
                eventTime.put("min", instant(min));
                eventTime.put("max", instant(max));
                eventTime.put("avg", instant(first.average()));
                long[] samples = first.samples();
                if (samples.length > 0) {
                    long[] latencies = new long[samples.length];
                    for (int i = 0; i < samples.length; i++) {
                        latencies[i] = Math.max(0, (sinkCommitMicros - samples[i]) / 1000);
                    }
                    Arrays.sort(latencies);
                    latency.put("p50", percentile(latencies, 0.50));
                    latency.put("p95", percentile(latencies, 0.95));
                    latency.put("p99", percentile(latencies, 0.99));
                    latency.put("max", latencies[latencies.length - 1]);
                }
            }
            if (entry.batchWatermarkMicros() != NO_WATERMARK) {
                eventTime.put("watermark", instant(entry.batchWatermarkMicros()));
            }
        }
        StreamingQueryProgress progress = new StreamingQueryProgress(
                id,
                runId,
                spec.name(),
                Instant.ofEpochMilli(entry.batchTimestampMillis()).toString(),
                entry.batchId(),
                inputRows,
                inputRate,
                processedRate,
                durations,
                eventTime,
                operators,
                sourceProgress,
                new SinkProgress(spec.sink().describe(), sinkBatch.rowCount()),
                latency);
        synchronized (recent) {
            recent.addLast(progress);
            while (recent.size() > recentLimit) {
                recent.removeFirst();
            }
        }
        notifyListeners(listener -> listener.onQueryProgress(new StreamingQueryListener.QueryProgressEvent(progress)));
    }

    private static long percentile(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String instant(long micros) {
        return Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS).toString();
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long value : values) {
            list.add(value);
        }
        return list;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void sleep(long millis) {
        synchronized (signal) {
            if (stopRequested || millis <= 0) {
                return;
            }
            try {
                signal.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopRequested = true;
            }
        }
    }

    private void closeResources() {
        for (StreamSource source : sources) {
            try {
                source.close();
            } catch (RuntimeException ignored) {
                // Closing is best effort; the query's outcome is already decided.
            }
        }
        for (OperatorState state : states.values()) {
            try {
                state.store.close();
            } catch (RuntimeException ignored) {
                // As above.
            }
        }
        try {
            spec.sink().close();
        } catch (RuntimeException ignored) {
            // As above.
        }
    }

    private void notifyListeners(java.util.function.Consumer<StreamingQueryListener> event) {
        for (StreamingQueryListener listener : spec.listeners()) {
            try {
                event.accept(listener);
            } catch (RuntimeException ignored) {
                // A listener's failure must not stop the query.
            }
        }
    }

    // ---- the handle ---------------------------------------------------------------------------------

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public UUID runId() {
        return runId;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public StreamingQueryStatus status() {
        return status;
    }

    @Override
    public StreamingQueryProgress lastProgress() {
        synchronized (recent) {
            return recent.peekLast();
        }
    }

    @Override
    public List<StreamingQueryProgress> recentProgress() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        terminated.await();
        throwFailure();
    }

    @Override
    public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
        boolean done = terminated.await(timeoutMillis, TimeUnit.MILLISECONDS);
        if (done) {
            throwFailure();
        }
        return done;
    }

    private void throwFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void processAllAvailable() {
        synchronized (signal) {
            long request = ++drainRequests;
            signal.notifyAll();
            while (drainedUpTo < request && active) {
                try {
                    signal.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FreshetException(ErrorCode.CANCELLED, "Interrupted while waiting for the query");
                }
            }
        }
        throwFailure();
    }

    @Override
    public void stop() {
        stopRequested = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        if (Thread.currentThread() != thread) {
            try {
                terminated.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Optional<StreamingQueryException> exception() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String explain() {
        return lastExplain;
    }

    @Override
    public String toString() {
        return "StreamingQuery[" + displayName + ", id=" + id + ", runId=" + runId + "]";
    }
}
