package io.freshet.plan.logical;

import io.freshet.expr.Expr;
import io.freshet.expr.ExprPrinter;
import java.util.List;
import java.util.stream.Collectors;

/** Prints a logical plan as a stable, indented tree (EXPLAIN and plan tests rely on the format). */
public final class PlanPrinter {
    private PlanPrinter() {}

    public static String print(LogicalPlan plan) {
        StringBuilder text = new StringBuilder();
        print(plan, 0, text);
        return text.toString();
    }

    private static void print(LogicalPlan plan, int depth, StringBuilder text) {
        text.append("  ".repeat(depth)).append(describe(plan)).append('\n');
        for (LogicalPlan input : plan.inputs()) {
            print(input, depth + 1, text);
        }
    }

    /** One node's line, without its inputs. */
    public static String describe(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan ->
                "Scan " + scan.table() + (scan.streaming() ? " (stream)" : "")
                        + " columns=" + scan.schema().names()
                        + (scan.filters().isEmpty() ? "" : " filters=" + exprs(scan.filters()));
            case Values values ->
                "Values rows=" + values.rows().size() + " columns="
                        + values.schema().names();
            case Project project -> "Project " + named(project.exprs(), project.names());
            case Filter filter -> "Filter " + ExprPrinter.print(filter.condition());
            case Aggregate aggregate ->
                "Aggregate keys=" + exprs(aggregate.groupKeys()) + " aggregates=" + aggregate.aggregates();
            case Expand expand ->
                "Expand projections=" + expand.projections().size() + " columns="
                        + expand.schema().names();
            case Join join ->
                "Join " + join.type().sql()
                        + (join.condition() == null ? "" : " on " + ExprPrinter.print(join.condition()));
            case Sort sort ->
                "Sort " + sort.keys().stream().map(SortKey::toString).collect(Collectors.joining(", "));
            case Limit limit ->
                "Limit" + (limit.skip() > 0 ? " offset=" + limit.skip() : "")
                        + (limit.fetch().isPresent() ? " fetch=" + limit.fetch().getAsLong() : "");
            case Union union -> "Union all";
            case SetOperation operation -> operation.kind() + (operation.all() ? " all" : " distinct");
            case Distinct distinct -> "Distinct";
            case Window window ->
                "Window "
                        + window.calls().stream()
                                .map(c -> c.functionName() + "(" + exprs(c.args()) + ") over (partition="
                                        + exprs(c.partitionBy()) + " order=" + c.orderBy() + ")")
                                .collect(Collectors.joining(", "));
            case Deduplicate deduplicate -> "Deduplicate keys=" + columns(deduplicate);
            case WatermarkAssign watermark ->
                "Watermark "
                        + watermark
                                .input()
                                .schema()
                                .field(watermark.eventTimeColumn())
                                .name() + " delay=" + watermark.delayMicros() + "us";
            case SubqueryAlias alias -> "Alias " + alias.alias();
        };
    }

    private static String columns(Deduplicate deduplicate) {
        List<String> names = deduplicate.input().schema().names();
        StringBuilder text = new StringBuilder("[");
        int[] keys = deduplicate.keyColumns();
        for (int i = 0; i < keys.length; i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(keys[i]));
        }
        return text.append(']').toString();
    }

    private static String exprs(List<Expr> exprs) {
        return exprs.stream().map(ExprPrinter::print).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String named(List<Expr> exprs, List<String> names) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < exprs.size(); i++) {
            String printed = ExprPrinter.print(exprs.get(i));
            text.append(i == 0 ? "" : ", ").append(printed);
            if (!printed.equals(names.get(i))) {
                text.append(" AS ").append(names.get(i));
            }
        }
        return text.append(']').toString();
    }
}
