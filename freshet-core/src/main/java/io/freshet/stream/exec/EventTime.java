package io.freshet.stream.exec;

import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.expr.functions.SessionWindowFunctions;
import io.freshet.expr.functions.TimeWindowFunctions;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.Deduplicate;
import io.freshet.plan.logical.Expand;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.Limit;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.Sort;
import io.freshet.plan.logical.SubqueryAlias;
import io.freshet.plan.logical.Union;
import io.freshet.plan.logical.WatermarkAssign;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which output columns of a streaming plan carry event time: a column a watermark was declared on
 * (passed through projections, filters and joins), or a {@code window(…)} or {@code session_window(…)}
 * struct computed from one, whose {@code end} then is the event time that decides when the window is
 * complete.
 *
 * @param column the column's position in the plan's output
 * @param window whether the column is a window struct ({@code {start, end}}) rather than a timestamp
 * @param delayMicros the watermark delay declared on the underlying event-time column
 */
record EventTime(int column, boolean window, long delayMicros) {

    /** The event-time columns of a plan's output, by position. */
    static Map<Integer, EventTime> columnsOf(LogicalPlan plan) {
        Map<Integer, EventTime> result = new HashMap<>();
        switch (plan) {
            case WatermarkAssign assign -> {
                result.putAll(columnsOf(assign.input()));
                result.put(
                        assign.eventTimeColumn(), new EventTime(assign.eventTimeColumn(), false, assign.delayMicros()));
            }
            case Filter filter -> result.putAll(columnsOf(filter.input()));
            case SubqueryAlias alias -> result.putAll(columnsOf(alias.input()));
            case Sort sort -> result.putAll(columnsOf(sort.input()));
            case Limit limit -> result.putAll(columnsOf(limit.input()));
            case Deduplicate deduplicate -> result.putAll(columnsOf(deduplicate.input()));
            case Project project -> derive(project.exprs(), columnsOf(project.input()), result);
            case Aggregate aggregate -> derive(aggregate.groupKeys(), columnsOf(aggregate.input()), result);
            case Expand expand -> {
                Map<Integer, EventTime> input = columnsOf(expand.input());
                for (int c = 0; c < expand.schema().size(); c++) {
                    EventTime common = null;
                    for (List<Expr> projection : expand.projections()) {
                        EventTime found = of(projection.get(c), input, c);
                        if (found == null || (common != null && !common.equals(found))) {
                            common = null;
                            break;
                        }
                        common = found;
                    }
                    if (common != null) {
                        result.put(c, common);
                    }
                }
            }
            case Join join -> {
                result.putAll(columnsOf(join.left()));
                int width = join.left().schema().size();
                if (join.schema().size() > width) {
                    for (EventTime right : columnsOf(join.right()).values()) {
                        result.put(
                                width + right.column,
                                new EventTime(width + right.column, right.window, right.delayMicros));
                    }
                }
            }
            case Union union -> {
                Map<Integer, EventTime> first = columnsOf(union.inputs().get(0));
                for (EventTime candidate : first.values()) {
                    boolean everywhere = true;
                    for (LogicalPlan input : union.inputs()) {
                        EventTime other = columnsOf(input).get(candidate.column);
                        everywhere &= other != null && other.window == candidate.window;
                    }
                    if (everywhere) {
                        result.put(candidate.column, candidate);
                    }
                }
            }
            default -> {}
        }
        return result;
    }

    private static void derive(List<Expr> exprs, Map<Integer, EventTime> input, Map<Integer, EventTime> result) {
        for (int i = 0; i < exprs.size(); i++) {
            EventTime found = of(exprs.get(i), input, i);
            if (found != null) {
                result.put(i, found);
            }
        }
    }

    /** The event time an expression carries: an event-time column itself, or a window of one. */
    private static EventTime of(Expr expr, Map<Integer, EventTime> input, int column) {
        if (expr instanceof InputRef ref && input.containsKey(ref.index())) {
            EventTime source = input.get(ref.index());
            return new EventTime(column, source.window, source.delayMicros);
        }
        if (expr instanceof Call call
                && (call.function() instanceof TimeWindowFunctions.TumblingWindow
                        || call.function() instanceof TimeWindowFunctions.SlidingWindow
                        || call.function() instanceof SessionWindowFunctions.SessionWindow)
                && call.args().get(0) instanceof InputRef ref
                && input.containsKey(ref.index())
                && !input.get(ref.index()).window) {
            return new EventTime(column, true, input.get(ref.index()).delayMicros);
        }
        return null;
    }
}
