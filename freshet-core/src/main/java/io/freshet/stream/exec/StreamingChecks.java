package io.freshet.stream.exec;

import io.freshet.AnalysisException;
import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.functions.TimeWindowFunctions;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.Deduplicate;
import io.freshet.plan.logical.Distinct;
import io.freshet.plan.logical.Expand;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.JoinType;
import io.freshet.plan.logical.Limit;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.SetOperation;
import io.freshet.plan.logical.Sort;
import io.freshet.plan.logical.Union;
import io.freshet.plan.logical.Window;
import io.freshet.streaming.OutputMode;
import java.util.List;

import static io.freshet.ErrorCode.UNSUPPORTED;
import static io.freshet.ErrorCode.UNSUPPORTED_OUTPUT_MODE;

/**
 * Refuses, when a streaming query starts, what the engine cannot run incrementally or what the output
 * mode cannot serve, naming the operator, the reason and what to change. Spark's {@code
 * UnsupportedOperationChecker} is the reference; Freshet additionally runs exact {@code count(DISTINCT)}.
 */
final class StreamingChecks {
    private StreamingChecks() {}

    static void check(LogicalPlan plan, OutputMode mode) {
        if (!plan.isStreaming()) {
            throw new AnalysisException(
                    UNSUPPORTED, "The query reads no stream: use FROM STREAM t or readStream(), or run it as a batch");
        }
        List<Aggregate> aggregates = streamingAggregates(plan);
        if (mode == OutputMode.COMPLETE && aggregates.isEmpty()) {
            throw new AnalysisException(
                    UNSUPPORTED_OUTPUT_MODE,
                    "Complete output mode needs a streaming aggregation (it re-emits the whole result table each"
                            + " trigger); use append or update for this query");
        }
        for (Aggregate aggregate : aggregates) {
            checkSessionWindow(aggregate, mode);
        }
        if (mode == OutputMode.APPEND) {
            for (Aggregate aggregate : aggregates) {
                if (!hasEventTimeKey(aggregate)) {
                    throw new AnalysisException(
                            UNSUPPORTED_OUTPUT_MODE,
                            "Append output mode is not supported for a streaming aggregation without a watermark: "
                                    + describe(aggregate)
                                    + " could change with every new row. Declare a watermark (withWatermark or"
                                    + " WATERMARK ts DELAY OF …) and group by the event-time column or a window of"
                                    + " it, or use update or complete output mode");
                }
            }
        }
        walk(plan, mode);
    }

    /**
     * Checks a node and its inputs; returns whether a streaming aggregation runs at or below it (outside
     * append mode, its rows are then updates rather than final rows).
     */
    private static boolean walk(LogicalPlan node, OutputMode mode) {
        boolean belowAggregate = false;
        for (LogicalPlan input : node.inputs()) {
            belowAggregate |= walk(input, mode);
        }
        if (!node.isStreaming()) {
            return false;
        }
        boolean stateful = node instanceof Aggregate
                || node instanceof Deduplicate
                || node instanceof Distinct
                || (node instanceof Join join
                        && join.left().isStreaming()
                        && join.right().isStreaming());
        if (stateful && belowAggregate && mode != OutputMode.APPEND) {
            throw new AnalysisException(
                    UNSUPPORTED_OUTPUT_MODE,
                    describe(node) + " follows a streaming aggregation in " + name(mode)
                            + " mode, where the aggregation emits updates that a later stateful operator"
                            + " cannot take back; use append output mode (with watermarks), or a single aggregation");
        }
        switch (node) {
            case Sort sort -> {
                if (mode != OutputMode.COMPLETE || !belowAggregate) {
                    throw new AnalysisException(
                            UNSUPPORTED,
                            "Sorting a stream is only supported after an aggregation in complete output mode: "
                                    + describe(node)
                                    + "; sort the results in the sink or in a batch query over it instead");
                }
            }
            case Limit limit -> {
                if (limit.skip() > 0) {
                    throw new AnalysisException(
                            UNSUPPORTED, "OFFSET is not supported on a stream; remove it (" + describe(node) + ")");
                }
                if (mode == OutputMode.UPDATE) {
                    throw new AnalysisException(
                            UNSUPPORTED_OUTPUT_MODE,
                            "LIMIT is not supported on a stream in update output mode; use append or complete");
                }
            }
            case Window window ->
                throw new AnalysisException(
                        UNSUPPORTED,
                        "Window functions (OVER …) are not supported on a stream: " + describe(node)
                                + "; use an event-time window(…) in GROUP BY, or run the query as a batch");
            case SetOperation operation ->
                throw new AnalysisException(
                        UNSUPPORTED,
                        operation.kind()
                                + " is not supported with a streaming input; use a join (left semi or left anti)"
                                + " against a static table instead");
            case Union union -> {
                for (LogicalPlan input : union.inputs()) {
                    if (!input.isStreaming()) {
                        throw new AnalysisException(
                                UNSUPPORTED,
                                "UNION of a stream and a batch input is not supported; read both inputs as streams"
                                        + " (FROM STREAM) or both as batches");
                    }
                }
            }
            case Join join -> checkJoin(join, mode);
            case Deduplicate deduplicate -> {
                if (deduplicate.withinWatermark()
                        && EventTime.columnsOf(deduplicate.input()).isEmpty()) {
                    throw new AnalysisException(
                            UNSUPPORTED,
                            "dropDuplicatesWithinWatermark needs a watermark on its input: it forgets a key once"
                                    + " the watermark passes the key's first event time plus the delay; add"
                                    + " withWatermark(eventTimeColumn, delay) before it");
                }
            }
            case Expand expand -> {
                if (!isSlidingWindow(expand)) {
                    throw new AnalysisException(
                            UNSUPPORTED,
                            "GROUPING SETS, ROLLUP and CUBE are not supported on a stream; run one aggregation per"
                                    + " grouping instead");
                }
            }
            default -> {}
        }
        checkFunctions(node);
        return belowAggregate || node instanceof Aggregate;
    }

    /**
     * Session windows: no update mode (SEMANTICS.md rule 12), a watermark on the session's own time column
     * in append mode, and no distinct aggregates (merging sessions would have to merge their values).
     */
    private static void checkSessionWindow(Aggregate aggregate, OutputMode mode) {
        int session = IncrementalPlanner.sessionKey(aggregate);
        if (session < 0) {
            return;
        }
        if (mode == OutputMode.UPDATE) {
            throw new AnalysisException(
                    UNSUPPORTED_OUTPUT_MODE,
                    "Update output mode is not supported for a streaming aggregation by session_window(…): "
                            + describe(aggregate) + ". A session's start and end change as rows arrive and"
                            + " sessions merge, so an updated row could not replace the one it updates; use append"
                            + " output mode (with a watermark on the session's time column) or complete");
        }
        EventTime time = EventTime.columnsOf(aggregate).get(session);
        if (mode == OutputMode.APPEND && (time == null || !time.window())) {
            throw new AnalysisException(
                    UNSUPPORTED_OUTPUT_MODE,
                    "Append output mode needs a watermark on the time column of session_window(…) to know when a"
                            + " session is closed: " + describe(aggregate) + ". Declare the watermark on that"
                            + " column (withWatermark or WATERMARK ts DELAY OF …), or use complete output mode");
        }
        for (io.freshet.plan.logical.AggregateCall call : aggregate.aggregates()) {
            if (call.function().distinct()) {
                throw new AnalysisException(
                        UNSUPPORTED,
                        call.function().name() + "(DISTINCT …) is not supported with session_window(…) on a stream:"
                                + " merging sessions would have to merge their distinct values; use"
                                + " approx_count_distinct, or run the query as a batch");
            }
        }
    }

    private static void checkJoin(Join join, OutputMode mode) {
        boolean leftStream = join.left().isStreaming();
        boolean rightStream = join.right().isStreaming();
        JoinType type = join.type();
        if (leftStream && rightStream) {
            checkStreamStreamJoin(join, mode);
            return;
        }
        boolean refused =
                switch (type) {
                    case INNER, CROSS -> false;
                    case LEFT, LEFT_SEMI, LEFT_ANTI -> !leftStream;
                    case RIGHT -> !rightStream;
                    case FULL -> true;
                };
        if (refused) {
            String streamSide = leftStream ? "left" : "right";
            throw new AnalysisException(
                    UNSUPPORTED,
                    type + " join with a streaming " + streamSide + " side and a static "
                            + (leftStream ? "right" : "left")
                            + " side is not supported: rows of the static side could not be emitted correctly as the"
                            + " stream grows. Supported with a static side: inner; left outer, left semi and left anti"
                            + " with the stream on the left; right outer with the stream on the right");
        }
    }

    /**
     * A join of two streams runs in append mode, on equality keys; an outer or semi join also needs to
     * know when a row of its outer (or left) side can no longer match: a watermark on the other side and a
     * time-range condition, or an event-time column or window among the keys. An inner join without them
     * is allowed (as in Spark), but keeps every row of a side that no bound lets go, for ever.
     */
    private static void checkStreamStreamJoin(Join join, OutputMode mode) {
        String described = describe(join);
        if (mode != OutputMode.APPEND) {
            throw new AnalysisException(
                    UNSUPPORTED_OUTPUT_MODE,
                    "A join of two streams is supported in append output mode only, not " + name(mode) + ": "
                            + described + ". Its rows are final when emitted (outer rows once the watermark"
                            + " passes); use append output mode");
        }
        if (join.type() == JoinType.LEFT_ANTI) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    "LEFT ANTI join of two streams is not supported: " + described + ". Use a LEFT OUTER join with"
                            + " watermarks and a time-range condition and keep the rows whose right columns are null");
        }
        StreamJoinConditions conditions = StreamJoinConditions.of(join);
        if (join.type() == JoinType.CROSS || !conditions.keys().hasKeys()) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    "A join of two streams needs an equality condition between them (such as ON l.id = r.id): "
                            + described + "; without one every row would have to meet every row of the other stream");
        }
        boolean leftNeeded =
                join.type() == JoinType.LEFT || join.type() == JoinType.FULL || join.type() == JoinType.LEFT_SEMI;
        boolean rightNeeded = join.type() == JoinType.RIGHT || join.type() == JoinType.FULL;
        if (leftNeeded && conditions.leftBounds().isEmpty()) {
            refuseUnbounded(join, true);
        }
        if (rightNeeded && conditions.rightBounds().isEmpty()) {
            refuseUnbounded(join, false);
        }
    }

    /** Refuses an outer or semi join whose {@code left} (or right) rows could never leave the state. */
    private static void refuseUnbounded(Join join, boolean left) {
        String side = left ? "left" : "right";
        String other = left ? "right" : "left";
        LogicalPlan sideInput = left ? join.left() : join.right();
        LogicalPlan otherInput = left ? join.right() : join.left();
        java.util.Map<Integer, EventTime> otherTimes = EventTime.columnsOf(otherInput);
        String sideTime = timeColumn(sideInput);
        String otherTime = timeColumn(otherInput);
        String why = join.type() == JoinType.LEFT_SEMI
                ? "so that left rows without a match can leave the state"
                : "so that a " + side + " row without a match can be emitted with nulls";
        String missing = otherTimes.isEmpty()
                ? "The " + other + " input has no watermark: declare one on its event-time column (withWatermark(\""
                        + otherTime + "\", …) or WATERMARK " + otherTime + " DELAY OF INTERVAL …) and add"
                : "The join condition does not bound a " + side + " time by the " + other + " event time: add";
        throw new AnalysisException(
                UNSUPPORTED,
                join.type().sql() + " join of two streams needs to know when a " + side
                        + " row can no longer match, " + why + ": " + describe(join) + ". " + missing
                        + " a time-range condition such as " + sideTime + " BETWEEN " + otherTime
                        + " - INTERVAL 5 MINUTES AND " + otherTime + " + INTERVAL 10 MINUTES, or join on the "
                        + other + " event-time column or a window of it");
    }

    /** The name of an input's event-time column, else of its first timestamp column. */
    private static String timeColumn(LogicalPlan input) {
        java.util.Map<Integer, EventTime> times = EventTime.columnsOf(input);
        for (EventTime time : new java.util.TreeMap<>(times).values()) {
            if (!time.window()) {
                return input.schema().field(time.column()).name();
            }
        }
        for (int c = 0; c < input.schema().size(); c++) {
            if (input.schema().type(c) instanceof io.freshet.types.TimestampType) {
                return input.schema().field(c).name();
            }
        }
        return "ts";
    }

    private static void checkFunctions(LogicalPlan node) {
        for (Expr expr : expressions(node)) {
            forbid(expr);
        }
    }

    private static void forbid(Expr expr) {
        if (expr instanceof Call call && call.name().equalsIgnoreCase("monotonically_increasing_id")) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    "monotonically_increasing_id() is not supported on a stream: its values would repeat across"
                            + " micro-batches; use a key from the data or uuid()");
        }
        for (Expr child : expr.children()) {
            forbid(child);
        }
    }

    private static List<Expr> expressions(LogicalPlan node) {
        return switch (node) {
            case io.freshet.plan.logical.Project project -> project.exprs();
            case io.freshet.plan.logical.Filter filter -> List.of(filter.condition());
            case Aggregate aggregate -> aggregate.groupKeys();
            default -> List.of();
        };
    }

    private static boolean isSlidingWindow(Expand expand) {
        for (List<Expr> projection : expand.projections()) {
            for (Expr expr : projection) {
                if (expr instanceof Call call && call.function() instanceof TimeWindowFunctions.SlidingWindow) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasEventTimeKey(Aggregate aggregate) {
        for (EventTime time : EventTime.columnsOf(aggregate).values()) {
            if (time.column() < aggregate.groupKeys().size()) {
                return true;
            }
        }
        return false;
    }

    private static List<Aggregate> streamingAggregates(LogicalPlan plan) {
        List<Aggregate> found = new java.util.ArrayList<>();
        collect(plan, found);
        return found;
    }

    private static void collect(LogicalPlan node, List<Aggregate> found) {
        if (node instanceof Aggregate aggregate && aggregate.isStreaming()) {
            found.add(aggregate);
        }
        node.inputs().forEach(input -> collect(input, found));
    }

    private static String describe(LogicalPlan node) {
        return io.freshet.plan.logical.PlanPrinter.print(node)
                .lines()
                .findFirst()
                .orElse("")
                .trim();
    }

    private static String name(OutputMode mode) {
        return mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
