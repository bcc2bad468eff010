package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.expr.ExprPrinter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a physical plan as a stable, indented tree for EXPLAIN and tests, one node per line with two
 * spaces of indentation per level, e.g. {@code HashAggregateExec keys=[region] aggregates=[sum(amount)]
 * partitions=2}.
 */
public final class PhysicalPlanPrinter {
    private PhysicalPlanPrinter() {}

    public static String print(PhysicalNode node) {
        StringBuilder text = new StringBuilder();
        print(node, 0, text);
        return text.toString();
    }

    private static void print(PhysicalNode node, int depth, StringBuilder text) {
        text.append("  ".repeat(depth)).append(describe(node)).append('\n');
        for (PhysicalNode input : node.inputs()) {
            print(input, depth + 1, text);
        }
    }

    /** The one-line description of a node, without its inputs. */
    public static String describe(PhysicalNode node) {
        String details =
                switch (node) {
                    case ScanExec scan ->
                        "table=" + scan.table() + " source=" + scan.sourceDescription()
                                + " columns=" + scan.schema().names()
                                + (scan.filters().isEmpty() ? "" : " filters=" + exprs(scan.filters()))
                                + " splits=" + scan.splits().size();
                    case ValuesExec values ->
                        "rows=" + values.rows().size() + " columns="
                                + values.schema().names();
                    case FilterExec filter -> "predicate=" + ExprPrinter.print(filter.predicate());
                    case ProjectExec project -> "exprs=" + exprs(project.exprs());
                    case ExpandExec expand ->
                        "projections=" + expand.projections().size();
                    case HashAggregateExec aggregate ->
                        "keys=" + exprs(aggregate.groupKeys()) + " aggregates="
                                + aggregate.aggregates()
                                + (aggregate.mode() == AggregateMode.SINGLE ? " mode=single" : "");
                    case HashJoinExec join ->
                        "kind=" + join.kind() + " keys=" + keyPairs(join) + " build="
                                + join.buildSide()
                                + (join.residual() == null ? "" : " residual=" + ExprPrinter.print(join.residual()));
                    case NestedLoopJoinExec join ->
                        "kind=" + join.kind() + " build=" + join.buildSide()
                                + (join.condition() == null
                                        ? " cross"
                                        : " condition=" + ExprPrinter.print(join.condition()));
                    case SortExec sort ->
                        "keys=" + sort.keys()
                                + (sort.fetch().isPresent()
                                        ? " fetch=" + sort.fetch().getAsLong()
                                        : "");
                    case LimitExec limit ->
                        "skip=" + limit.skip()
                                + (limit.fetch().isPresent()
                                        ? " fetch=" + limit.fetch().getAsLong()
                                        : "");
                    case CoalesceExec coalesce -> "";
                    case UnionExec union -> "inputs=" + union.inputs().size();
                    case RepartitionExec repartition -> "keys=" + exprs(repartition.keys());
                    case HashDistinctExec distinct -> "";
                    case SetOperationExec operation -> "kind=" + operation.kind() + (operation.all() ? " ALL" : "");
                    case WindowExec window ->
                        "partitionBy=" + exprs(window.partitionBy()) + " orderBy=" + window.orderBy() + " functions="
                                + window.functions();
                    case DeduplicateExec deduplicate -> "keys=" + keyNames(deduplicate);
                    case SessionWindowExec session ->
                        "partitionBy=" + exprs(session.partitionKeys()) + " time=" + ExprPrinter.print(session.time())
                                + " gap=" + ExprPrinter.print(session.gap());
                    case ExtensionExec extension -> extension.details();
                };
        String name = node.getClass().getSimpleName();
        String head = details.isEmpty() ? name : name + " " + details;
        return head + " partitions=" + node.partitionCount();
    }

    private static String exprs(List<Expr> exprs) {
        List<String> printed = new ArrayList<>(exprs.size());
        for (Expr expr : exprs) {
            printed.add(ExprPrinter.print(expr));
        }
        return "[" + String.join(", ", printed) + "]";
    }

    private static String keyPairs(HashJoinExec join) {
        List<String> pairs = new ArrayList<>(join.leftKeys().size());
        for (int i = 0; i < join.leftKeys().size(); i++) {
            pairs.add(ExprPrinter.print(join.leftKeys().get(i)) + " = "
                    + ExprPrinter.print(join.rightKeys().get(i)));
        }
        return "[" + String.join(", ", pairs) + "]";
    }

    private static String keyNames(DeduplicateExec deduplicate) {
        List<String> names = new ArrayList<>();
        for (int column : deduplicate.keyColumns()) {
            names.add(deduplicate.schema().field(column).name());
        }
        return names.toString();
    }
}
