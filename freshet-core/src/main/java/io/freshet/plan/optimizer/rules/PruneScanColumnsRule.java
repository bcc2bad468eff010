package io.freshet.plan.optimizer.rules;

import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.plan.Exprs;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.optimizer.Rule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads only the columns a query uses: narrows scans under projections and aggregations (through
 * filters), and projects away unused join inputs so that the scans under them narrow in turn.
 *
 * <pre>
 *   Project [a]                  =>   Project [a]
 *     Filter b > 1                      Filter b > 1
 *       Scan t columns=[a, b, c]          Scan t columns=[a, b]
 * </pre>
 */
public final class PruneScanColumnsRule implements Rule {
    @Override
    public String name() {
        return "prune_scan_columns";
    }

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan plan) {
        return switch (plan) {
            case Project project -> pruneProject(project);
            case Aggregate aggregate -> pruneAggregate(aggregate);
            default -> Optional.empty();
        };
    }

    private static Optional<LogicalPlan> pruneProject(Project project) {
        BitSet used = new BitSet();
        project.exprs().forEach(e -> used.or(Exprs.inputs(e)));
        if (project.input() instanceof Join join && !join.type().leftOnly()) {
            return pruneJoin(project, join, used);
        }
        Narrowed narrowed = narrow(project.input(), used);
        if (narrowed == null) {
            return Optional.empty();
        }
        List<Expr> exprs = project.exprs().stream()
                .map(e -> Exprs.remap(e, narrowed.mapping()))
                .toList();
        return Optional.of(new Project(narrowed.plan(), exprs, project.names()));
    }

    private static Optional<LogicalPlan> pruneAggregate(Aggregate aggregate) {
        BitSet used = new BitSet();
        aggregate.groupKeys().forEach(e -> used.or(Exprs.inputs(e)));
        for (AggregateCall call : aggregate.aggregates()) {
            call.args().forEach(e -> used.or(Exprs.inputs(e)));
            if (call.filter() != null) {
                used.or(Exprs.inputs(call.filter()));
            }
        }
        LogicalPlan input = aggregate.input();
        Narrowed narrowed = narrow(input, used);
        if (narrowed == null
                && !(input instanceof Project)
                && used.cardinality() < input.schema().size()) {
            narrowed = projectUsed(input, used);
        }
        if (narrowed == null) {
            return Optional.empty();
        }
        int[] mapping = narrowed.mapping();
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.aggregates()) {
            calls.add(new AggregateCall(
                    call.function(),
                    call.args().stream().map(e -> Exprs.remap(e, mapping)).toList(),
                    call.filter() == null ? null : Exprs.remap(call.filter(), mapping)));
        }
        List<Expr> keys =
                aggregate.groupKeys().stream().map(e -> Exprs.remap(e, mapping)).toList();
        return Optional.of(new Aggregate(narrowed.plan(), keys, calls, aggregate.names()));
    }

    private static Optional<LogicalPlan> pruneJoin(Project project, Join join, BitSet used) {
        int leftWidth = join.left().schema().size();
        int rightWidth = join.right().schema().size();
        BitSet needed = (BitSet) used.clone();
        if (join.condition() != null) {
            needed.or(Exprs.inputs(join.condition()));
        }
        BitSet leftUsed = needed.get(0, leftWidth);
        BitSet rightUsed = needed.get(leftWidth, leftWidth + rightWidth);
        boolean pruneLeft = leftUsed.cardinality() < leftWidth && !(join.left() instanceof Project);
        boolean pruneRight = rightUsed.cardinality() < rightWidth && !(join.right() instanceof Project);
        if (!pruneLeft && !pruneRight) {
            return Optional.empty();
        }
        // Keep at least one column per side: a side's row count still matters to the join.
        if (leftUsed.isEmpty()) {
            leftUsed.set(0);
        }
        if (rightUsed.isEmpty()) {
            rightUsed.set(0);
        }
        Narrowed left = pruneLeft ? projectUsed(join.left(), leftUsed) : identity(join.left());
        Narrowed right = pruneRight ? projectUsed(join.right(), rightUsed) : identity(join.right());
        int newLeftWidth = left.plan().schema().size();
        int[] mapping = new int[leftWidth + rightWidth];
        for (int i = 0; i < leftWidth; i++) {
            mapping[i] = left.mapping()[i];
        }
        for (int i = 0; i < rightWidth; i++) {
            mapping[leftWidth + i] = right.mapping()[i] < 0 ? -1 : newLeftWidth + right.mapping()[i];
        }
        Expr condition = join.condition() == null ? null : Exprs.remap(join.condition(), mapping);
        Join newJoin = new Join(left.plan(), right.plan(), join.type(), condition);
        List<Expr> exprs =
                project.exprs().stream().map(e -> Exprs.remap(e, mapping)).toList();
        return Optional.of(new Project(newJoin, exprs, project.names()));
    }

    private record Narrowed(LogicalPlan plan, int[] mapping) {}

    private static Narrowed identity(LogicalPlan plan) {
        int[] mapping = new int[plan.schema().size()];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = i;
        }
        return new Narrowed(plan, mapping);
    }

    private static Narrowed projectUsed(LogicalPlan input, BitSet used) {
        int[] mapping = new int[input.schema().size()];
        java.util.Arrays.fill(mapping, -1);
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            mapping[i] = exprs.size();
            exprs.add(new InputRef(
                    i, input.schema().type(i), input.schema().field(i).name()));
            names.add(input.schema().field(i).name());
        }
        return new Narrowed(new Project(input, exprs, names), mapping);
    }

    /** Narrows a scan, or a chain of filters over a scan, to the used columns; null when nothing to gain. */
    private static Narrowed narrow(LogicalPlan plan, BitSet used) {
        if (plan instanceof Filter filter) {
            BitSet below = (BitSet) used.clone();
            below.or(Exprs.inputs(filter.condition()));
            Narrowed narrowed = narrow(filter.input(), below);
            if (narrowed == null) {
                return null;
            }
            return new Narrowed(
                    new Filter(narrowed.plan(), Exprs.remap(filter.condition(), narrowed.mapping())),
                    narrowed.mapping());
        }
        if (!(plan instanceof Scan scan)) {
            return null;
        }
        BitSet needed = (BitSet) used.clone();
        scan.filters().forEach(f -> needed.or(Exprs.inputs(f)));
        int width = scan.schema().size();
        if (needed.cardinality() >= width) {
            return null;
        }
        int[] projection = scan.projection();
        int[] mapping = new int[width];
        java.util.Arrays.fill(mapping, -1);
        int[] narrowed = new int[needed.cardinality()];
        int next = 0;
        for (int i = needed.nextSetBit(0); i >= 0; i = needed.nextSetBit(i + 1)) {
            mapping[i] = next;
            narrowed[next++] = projection[i];
        }
        List<Expr> filters =
                scan.filters().stream().map(f -> Exprs.remap(f, mapping)).toList();
        return new Narrowed(new Scan(scan.table(), scan.source(), narrowed, filters, scan.streaming()), mapping);
    }
}
