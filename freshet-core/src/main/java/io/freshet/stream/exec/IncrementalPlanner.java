package io.freshet.stream.exec;

import io.freshet.catalog.TableSource;
import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.functions.SessionWindowFunctions;
import io.freshet.expr.functions.TimeWindowFunctions;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Deduplicate;
import io.freshet.plan.logical.Distinct;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.Limit;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.logical.WatermarkAssign;
import io.freshet.plan.physical.AggregateExpr;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.PhysicalPlanner;
import io.freshet.plan.physical.PlannerOptions;
import io.freshet.streaming.OutputMode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the optimized logical plan of a streaming query into the physical plan of each micro-batch: the
 * streaming scans read the batch's new rows, stateless operators are the batch engine's, and stateful
 * nodes (aggregation, deduplication, limit, stream-stream joins, watermarks) become operators over the query's state.
 *
 * <p>Streaming scans, stateful operators and watermarks are numbered in pre-order (a node before its
 * inputs, inputs left to right), so the same query gets the same numbers in every run; the numbers
 * name sources and state in the checkpoint.
 */
final class IncrementalPlanner {
    /** A stateful operator of the query, with its stable id and a description for errors and progress. */
    record StatefulOperator(int id, String kind, String description) {}

    private final LogicalPlan plan;
    private final OutputMode mode;
    private final List<Scan> sources = new ArrayList<>();
    private final List<StatefulOperator> operators = new ArrayList<>();
    private final List<WatermarkAssign> watermarks = new ArrayList<>();

    IncrementalPlanner(LogicalPlan plan, OutputMode mode) {
        StreamingChecks.check(plan, mode);
        this.plan = plan;
        this.mode = mode;
        number(plan);
    }

    private void number(LogicalPlan node) {
        if (node instanceof Scan scan && scan.streaming()) {
            sources.add(scan);
        }
        if (node.isStreaming()) {
            String kind = statefulKind(node);
            if (kind != null) {
                operators.add(new StatefulOperator(
                        operators.size(),
                        kind,
                        io.freshet.plan.logical.PlanPrinter.print(node)
                                .lines()
                                .findFirst()
                                .orElse(kind)));
            }
            if (node instanceof WatermarkAssign assign) {
                watermarks.add(assign);
            }
        }
        node.inputs().forEach(this::number);
    }

    /** The kind of state a streaming node keeps, or null for a stateless one. */
    private String statefulKind(LogicalPlan node) {
        return switch (node) {
            case Aggregate aggregate -> "aggregate";
            case Deduplicate deduplicate -> "deduplicate";
            case Distinct distinct -> "deduplicate";
            case Limit limit -> mode == OutputMode.COMPLETE ? null : "limit";
            case Join join -> join.left().isStreaming() && join.right().isStreaming() ? "join" : null;
            default -> null;
        };
    }

    /**
     * The columns of the rows a late-rows table receives: the input of the query's one stateful operator
     * that drops late rows. Refused when several could drop rows (their rows would differ in shape).
     */
    io.freshet.types.Schema lateRowsSchema() {
        List<LogicalPlan> dropping = new ArrayList<>();
        collectLateDropping(plan, dropping);
        if (dropping.size() > 1) {
            throw new io.freshet.AnalysisException(
                    io.freshet.ErrorCode.UNSUPPORTED,
                    "A late-rows table needs a query with one stateful operator that drops late rows; this one has "
                            + dropping.size() + ". Remove the late-rows option or split the query");
        }
        return dropping.isEmpty()
                ? sources.get(0).schema()
                : dropping.get(0).inputs().get(0).schema();
    }

    private void collectLateDropping(LogicalPlan node, List<LogicalPlan> dropping) {
        if (node.isStreaming() && mode != OutputMode.COMPLETE) {
            boolean drops =
                    switch (node) {
                        case Aggregate aggregate ->
                            EventTime.columnsOf(aggregate).keySet().stream()
                                    .anyMatch(column ->
                                            column < aggregate.groupKeys().size());
                        case Deduplicate deduplicate ->
                            !EventTime.columnsOf(deduplicate.input()).isEmpty();
                        case io.freshet.plan.logical.Join join ->
                            join.left().isStreaming() && join.right().isStreaming();
                        default -> false;
                    };
            if (drops) {
                dropping.add(node);
            }
        }
        node.inputs().forEach(input -> collectLateDropping(input, dropping));
    }

    /** The query's streaming scans, in source order. */
    List<Scan> sources() {
        return sources;
    }

    List<StatefulOperator> operators() {
        return operators;
    }

    List<WatermarkAssign> watermarks() {
        return watermarks;
    }

    /**
     * The physical plan of one micro-batch: source {@code i} reads {@code batchTables.get(i)} (its rows
     * in this batch, as a bounded table).
     */
    PhysicalNode plan(List<TableSource> batchTables, int parallelism) {
        Map<LogicalPlan, Integer> operatorIds = new IdentityHashMap<>();
        Map<LogicalPlan, Integer> watermarkIds = new IdentityHashMap<>();
        int[] counters = new int[3];
        LogicalPlan rebuilt = rebuild(plan, batchTables, operatorIds, watermarkIds, counters);
        PlannerOptions options = new PlannerOptions(parallelism, (node, planChild) -> {
            Integer watermark = watermarkIds.get(node);
            if (watermark != null) {
                WatermarkAssign assign = (WatermarkAssign) node;
                return new WatermarkExec(
                        planChild.apply(assign.input()), watermark, assign.eventTimeColumn(), assign.delayMicros());
            }
            Integer id = operatorIds.get(node);
            if (id == null) {
                return null;
            }
            return stateful(node, id, planChild, parallelism);
        });
        return PhysicalPlanner.plan(rebuilt, options);
    }

    private LogicalPlan rebuild(
            LogicalPlan node,
            List<TableSource> batchTables,
            Map<LogicalPlan, Integer> operatorIds,
            Map<LogicalPlan, Integer> watermarkIds,
            int[] counters) {
        if (node instanceof Scan scan && scan.streaming()) {
            TableSource table = batchTables.get(counters[0]++);
            return new Scan(scan.table(), table, scan.projection(), scan.filters(), false);
        }
        boolean streaming = node.isStreaming();
        Integer operatorId = streaming && statefulKind(node) != null ? counters[1]++ : null;
        Integer watermarkId = streaming && node instanceof WatermarkAssign ? counters[2]++ : null;
        List<LogicalPlan> inputs = new ArrayList<>(node.inputs().size());
        for (LogicalPlan input : node.inputs()) {
            inputs.add(rebuild(input, batchTables, operatorIds, watermarkIds, counters));
        }
        LogicalPlan copy = node.withInputs(inputs);
        if (copy == node) {
            copy = node.withInputs(new ArrayList<>(inputs));
        }
        if (operatorId != null) {
            operatorIds.put(copy, operatorId);
        }
        if (watermarkId != null) {
            watermarkIds.put(copy, watermarkId);
        }
        return copy;
    }

    private PhysicalNode stateful(
            LogicalPlan node, int id, Function<LogicalPlan, PhysicalNode> planChild, int parallelism) {
        return switch (node) {
            case Aggregate aggregate
            when sessionKey(aggregate) >= 0 ->
                sessionAggregate(aggregate, id, planChild.apply(aggregate.input()), parallelism);
            case Aggregate aggregate -> {
                List<AggregateExpr> aggregates = new ArrayList<>();
                for (AggregateCall call : aggregate.aggregates()) {
                    aggregates.add(new AggregateExpr(call.function(), call.args(), call.filter()));
                }
                EventTime eventTime = EventTime.columnsOf(aggregate).values().stream()
                        .filter(time -> time.column() < aggregate.groupKeys().size())
                        .min(java.util.Comparator.comparingInt(EventTime::column))
                        .orElse(null);
                List<Expr> keys = aggregate.groupKeys();
                TimeWindowFunctions.WindowSpec tumbling = null;
                if (eventTime != null
                        && keys.get(eventTime.column()) instanceof Call call
                        && call.function() instanceof TimeWindowFunctions.TumblingWindow window) {
                    tumbling = window.spec();
                }
                yield new StatefulAggregateExec(
                        planChild.apply(aggregate.input()),
                        keys,
                        aggregates,
                        aggregate.schema(),
                        id,
                        eventTime == null ? -1 : eventTime.column(),
                        eventTime != null && eventTime.window(),
                        tumbling,
                        keys.isEmpty() ? 1 : parallelism);
            }
            case Deduplicate deduplicate ->
                deduplicate(
                        planChild.apply(deduplicate.input()),
                        deduplicate.input(),
                        deduplicate.keyColumns(),
                        deduplicate.withinWatermark(),
                        id,
                        parallelism);
            case Distinct distinct -> {
                int[] all = new int[distinct.schema().size()];
                java.util.Arrays.setAll(all, i -> i);
                yield deduplicate(planChild.apply(distinct.input()), distinct.input(), all, false, id, parallelism);
            }
            case Limit limit ->
                new StreamingLimitExec(
                        planChild.apply(limit.input()), limit.fetch().orElse(Long.MAX_VALUE), id);
            case Join join -> StreamStreamJoinExec.of(join, planChild, id, parallelism);
            default -> throw new IllegalStateException("not stateful: " + node);
        };
    }

    /** The position of the {@code session_window(…)} grouping key, or -1. */
    static int sessionKey(Aggregate aggregate) {
        List<Expr> keys = aggregate.groupKeys();
        for (int k = 0; k < keys.size(); k++) {
            if (SessionWindowFunctions.isSessionWindow(keys.get(k))) {
                return k;
            }
        }
        return -1;
    }

    /** An aggregation by session windows: its state holds each key's open sessions. */
    private static PhysicalNode sessionAggregate(Aggregate aggregate, int id, PhysicalNode input, int parallelism) {
        int session = sessionKey(aggregate);
        Call call = (Call) aggregate.groupKeys().get(session);
        List<Expr> keys = new ArrayList<>(aggregate.groupKeys());
        keys.remove(session);
        List<AggregateExpr> aggregates = new ArrayList<>();
        for (AggregateCall aggregateCall : aggregate.aggregates()) {
            aggregates.add(new AggregateExpr(aggregateCall.function(), aggregateCall.args(), aggregateCall.filter()));
        }
        EventTime time = EventTime.columnsOf(aggregate).get(session);
        return new StreamingSessionAggregateExec(
                input,
                keys,
                session,
                call.args().get(0),
                call.args().get(1),
                aggregates,
                aggregate.schema(),
                id,
                time != null && time.window(),
                keys.isEmpty() ? 1 : parallelism);
    }

    private static PhysicalNode deduplicate(
            PhysicalNode input,
            LogicalPlan logicalInput,
            int[] keys,
            boolean withinWatermark,
            int id,
            int parallelism) {
        Map<Integer, EventTime> times = EventTime.columnsOf(logicalInput);
        int eventTimeColumn = -1;
        long delay = 0;
        if (withinWatermark) {
            for (EventTime time : times.values()) {
                if (!time.window()) {
                    eventTimeColumn = time.column();
                    delay = time.delayMicros();
                    break;
                }
            }
        } else {
            for (int key : keys) {
                EventTime time = times.get(key);
                if (time != null && !time.window()) {
                    eventTimeColumn = key;
                    delay = time.delayMicros();
                    break;
                }
            }
        }
        return new StreamingDeduplicateExec(input, keys, id, eventTimeColumn, withinWatermark, delay, parallelism);
    }
}
