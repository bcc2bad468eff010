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
        if (!IncrementalPlanner.isStreaming(plan)) {
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
        walk(plan, mode, false);
    }

    /**
     * Checks a node; {@code aboveAggregate} tells whether a streaming aggregation runs below it (in
     * which case, outside append mode, its rows are updates rather than final rows).
     */
    private static boolean walk(LogicalPlan node, OutputMode mode, boolean unused) {
        boolean belowAggregate = false;
        for (LogicalPlan input : node.inputs()) {
            belowAggregate |= walk(input, mode, false);
        }
        if (!IncrementalPlanner.isStreaming(node)) {
            return false;
        }
        boolean stateful = node instanceof Aggregate || node instanceof Deduplicate || node instanceof Distinct;
        if (stateful && belowAggregate && mode != OutputMode.APPEND) {
            throw new AnalysisException(
                    UNSUPPORTED_OUTPUT_MODE,
                    describe(node) + " follows a streaming aggregation in " + name(mode)
                            + " mode, where the aggregation emits updates that a later stateful operator"
                            + " cannot take back; use append output mode (with watermarks), or a single aggregation");
        }
        switch (node) {
            case Aggregate aggregate -> checkAggregate(aggregate);
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
                    if (!IncrementalPlanner.isStreaming(input)) {
                        throw new AnalysisException(
                                UNSUPPORTED,
                                "UNION of a stream and a batch input is not supported; read both inputs as streams"
                                        + " (FROM STREAM) or both as batches");
                    }
                }
            }
            case Join join -> checkJoin(join);
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

    private static void checkAggregate(Aggregate aggregate) {
        // Exact distinct aggregates keep every distinct value per group in state: supported.
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

    private static void checkJoin(Join join) {
        boolean leftStream = IncrementalPlanner.isStreaming(join.left());
        boolean rightStream = IncrementalPlanner.isStreaming(join.right());
        JoinType type = join.type();
        if (leftStream && rightStream) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    "Stream-stream joins are not supported yet: " + describe(join)
                            + "; join the stream with a static table instead");
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
        if (node instanceof Aggregate aggregate && IncrementalPlanner.isStreaming(aggregate)) {
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
