package io.freshet.plan.physical;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.catalog.BatchScan;
import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.expr.functions.SessionWindowFunctions;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Deduplicate;
import io.freshet.plan.logical.Distinct;
import io.freshet.plan.logical.Expand;
import io.freshet.plan.logical.Filter;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.JoinType;
import io.freshet.plan.logical.Limit;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Project;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.logical.SetOperation;
import io.freshet.plan.logical.Sort;
import io.freshet.plan.logical.SortKey;
import io.freshet.plan.logical.SubqueryAlias;
import io.freshet.plan.logical.Union;
import io.freshet.plan.logical.Values;
import io.freshet.plan.logical.WatermarkAssign;
import io.freshet.plan.logical.Window;
import io.freshet.plan.logical.WindowCall;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Turns an (analyzed, optimized) logical plan into a physical plan for a bounded run: chooses the
 * operators, the partition counts, hash join keys and build sides, and where data is repartitioned.
 */
public final class PhysicalPlanner {
    private final PlannerOptions options;

    private PhysicalPlanner(PlannerOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    /** The physical plan of a logical plan; streaming scans are read as their current, bounded contents. */
    public static PhysicalNode plan(LogicalPlan plan, PlannerOptions options) {
        requireNonNull(plan, "plan is null");
        return new PhysicalPlanner(options).visit(plan);
    }

    private PhysicalNode visit(LogicalPlan plan) {
        PhysicalNode planned = options.strategy().plan(plan, this::visit);
        if (planned != null) {
            return planned;
        }
        return switch (plan) {
            case Scan scan -> scan(scan);
            case Values values -> new ValuesExec(values.schema(), values.rows());
            case Project project -> new ProjectExec(visit(project.input()), project.exprs(), project.schema());
            case Filter filter -> new FilterExec(visit(filter.input()), filter.condition());
            case Aggregate aggregate -> aggregate(aggregate);
            case Expand expand -> new ExpandExec(visit(expand.input()), expand.projections(), expand.schema());
            case Join join -> join(join);
            case Sort sort -> new SortExec(visit(sort.input()), sortExprs(sort.keys()), OptionalLong.empty());
            case Limit limit -> limit(limit);
            case Union union -> union(union);
            case SetOperation operation -> setOperation(operation);
            case Distinct distinct -> distinct(distinct);
            case Window window -> window(window);
            case Deduplicate deduplicate -> deduplicate(deduplicate);
            case WatermarkAssign assign -> visit(assign.input());
            case SubqueryAlias alias -> visit(alias.input());
        };
    }

    private PhysicalNode scan(Scan scan) {
        BatchScan batchScan = scan.source().createScan(scan.projection(), scan.filters());
        List<BatchScan.Split> splits = List.copyOf(batchScan.splits());
        int partitions = Math.max(1, Math.min(options.parallelism(), splits.size()));
        return new ScanExec(
                scan.table(), scan.source().describe(), batchScan, splits, scan.schema(), scan.filters(), partitions);
    }

    private PhysicalNode aggregate(Aggregate aggregate) {
        PhysicalNode input = visit(aggregate.input());
        List<AggregateExpr> aggregates = new ArrayList<>(aggregate.aggregates().size());
        boolean anyDistinct = false;
        for (AggregateCall call : aggregate.aggregates()) {
            aggregates.add(new AggregateExpr(call.function(), call.args(), call.filter()));
            anyDistinct |= call.function().distinct();
        }
        List<Expr> keys = aggregate.groupKeys();
        int sessionKey = sessionKey(keys);
        if (sessionKey >= 0) {
            return sessionAggregate(aggregate, input, aggregates, sessionKey);
        }
        int partitions = keys.isEmpty() ? 1 : options.parallelism();
        if (anyDistinct) {
            // Distinct values cannot be merged from per-partition partials: bring each group's rows together.
            RepartitionExec repartitioned = new RepartitionExec(input, keys, partitions);
            return new HashAggregateExec(
                    repartitioned, keys, aggregates, aggregate.schema(), AggregateMode.SINGLE, partitions);
        }
        return new HashAggregateExec(input, keys, aggregates, aggregate.schema(), AggregateMode.TWO_PHASE, partitions);
    }

    /** The position of the {@code session_window(…)} key, or -1. */
    private static int sessionKey(List<Expr> keys) {
        for (int k = 0; k < keys.size(); k++) {
            if (SessionWindowFunctions.isSessionWindow(keys.get(k))) {
                return k;
            }
        }
        return -1;
    }

    /**
     * A session-window aggregation: the rows are partitioned by the other keys, each partition's rows get
     * their session (a sort of each group by time), then an ordinary single-phase aggregation groups by
     * the other keys and the session.
     */
    private PhysicalNode sessionAggregate(
            Aggregate aggregate, PhysicalNode input, List<AggregateExpr> aggregates, int sessionKey) {
        List<Expr> keys = aggregate.groupKeys();
        Call session = (Call) keys.get(sessionKey);
        List<Expr> partitionKeys = new ArrayList<>(keys);
        partitionKeys.remove(sessionKey);
        int partitions = partitionKeys.isEmpty() ? 1 : options.parallelism();
        PhysicalNode repartitioned = new RepartitionExec(input, partitionKeys, partitions);
        List<Field> fields = new ArrayList<>(input.schema().fields());
        fields.add(Field.of(SessionWindowFunctions.COLUMN_NAME, session.type()));
        PhysicalNode sessions = new SessionWindowExec(
                repartitioned,
                partitionKeys,
                session.args().get(0),
                session.args().get(1),
                new Schema(fields));
        List<Expr> groupKeys = new ArrayList<>(keys);
        groupKeys.set(
                sessionKey, new InputRef(input.schema().size(), session.type(), SessionWindowFunctions.COLUMN_NAME));
        return new HashAggregateExec(
                sessions, groupKeys, aggregates, aggregate.schema(), AggregateMode.SINGLE, partitions);
    }

    private PhysicalNode join(Join join) {
        PhysicalNode left = visit(join.left());
        PhysicalNode right = visit(join.right());
        JoinKind kind = joinKind(join.type());
        Schema schema = join.schema();
        BuildSide buildSide = chooseBuildSide(left, right);
        Expr condition = join.condition();
        if (condition == null) {
            return new NestedLoopJoinExec(left, right, kind, null, buildSide, schema);
        }
        EquiJoinKeys keys = EquiJoinKeys.of(
                condition, join.left().schema().size(), join.right().schema().size());
        if (!keys.hasKeys()) {
            return new NestedLoopJoinExec(left, right, kind, condition, buildSide, schema);
        }
        return new HashJoinExec(
                left, right, kind, keys.leftKeys(), keys.rightKeys(), keys.residual(), buildSide, schema);
    }

    private static JoinKind joinKind(JoinType type) {
        return switch (type) {
            case INNER, CROSS -> JoinKind.INNER;
            case LEFT -> JoinKind.LEFT;
            case RIGHT -> JoinKind.RIGHT;
            case FULL -> JoinKind.FULL;
            case LEFT_SEMI -> JoinKind.LEFT_SEMI;
            case LEFT_ANTI -> JoinKind.LEFT_ANTI;
        };
    }

    /** Builds the left side only when both sizes are known and the left one is smaller. */
    private static BuildSide chooseBuildSide(PhysicalNode left, PhysicalNode right) {
        long leftBytes = estimatedBytes(left);
        long rightBytes = estimatedBytes(right);
        return leftBytes >= 0 && rightBytes >= 0 && leftBytes < rightBytes ? BuildSide.LEFT : BuildSide.RIGHT;
    }

    /** A rough upper bound of the bytes a node yields, or -1 when unknown. */
    static long estimatedBytes(PhysicalNode node) {
        return switch (node) {
            case ScanExec scan -> {
                long total = 0;
                for (BatchScan.Split split : scan.splits()) {
                    long size = split.sizeInBytes();
                    if (size <= 0) {
                        yield -1;
                    }
                    total += size;
                }
                yield total;
            }
            case ValuesExec values ->
                (long) values.rows().size() * Math.max(1, values.schema().size()) * 8;
            case UnionExec union -> {
                long total = 0;
                for (PhysicalNode input : union.inputs()) {
                    long size = estimatedBytes(input);
                    if (size < 0) {
                        yield -1;
                    }
                    total += size;
                }
                yield total;
            }
            case ExpandExec expand -> {
                long size = estimatedBytes(expand.input());
                yield size < 0 ? -1 : size * expand.projections().size();
            }
            case FilterExec filter -> estimatedBytes(filter.input());
            case ProjectExec project -> estimatedBytes(project.input());
            case HashAggregateExec aggregate -> estimatedBytes(aggregate.input());
            case SortExec sort -> estimatedBytes(sort.input());
            case LimitExec limit -> estimatedBytes(limit.input());
            case CoalesceExec coalesce -> estimatedBytes(coalesce.input());
            case RepartitionExec repartition -> estimatedBytes(repartition.input());
            case HashDistinctExec distinct -> estimatedBytes(distinct.input());
            case WindowExec window -> estimatedBytes(window.input());
            case DeduplicateExec deduplicate -> estimatedBytes(deduplicate.input());
            case SessionWindowExec session -> estimatedBytes(session.input());
            case SetOperationExec operation -> estimatedBytes(operation.left());
            case HashJoinExec join -> -1;
            case NestedLoopJoinExec join -> -1;
            case ExtensionExec extension -> -1;
        };
    }

    private PhysicalNode limit(Limit limit) {
        long skip = limit.skip();
        OptionalLong fetch = limit.fetch();
        if (skip == 0 && fetch.isEmpty()) {
            return visit(limit.input());
        }
        if (fetch.isPresent()) {
            PhysicalNode topN = topN(limit.input(), saturatedAdd(skip, fetch.getAsLong()));
            if (topN != null) {
                return new LimitExec(topN, skip, fetch);
            }
        }
        PhysicalNode input = visit(limit.input());
        if (input.partitionCount() == 1) {
            return new LimitExec(input, skip, fetch);
        }
        PhysicalNode local = fetch.isPresent()
                ? new LimitExec(input, 0, OptionalLong.of(saturatedAdd(skip, fetch.getAsLong())))
                : input;
        return new LimitExec(new CoalesceExec(local), skip, fetch);
    }

    /** A top-N sort when a Sort sits under the limit (through projections and aliases), else null. */
    private PhysicalNode topN(LogicalPlan below, long rows) {
        if (below instanceof Sort sort) {
            return new SortExec(visit(sort.input()), sortExprs(sort.keys()), OptionalLong.of(rows));
        }
        if (below instanceof SubqueryAlias alias) {
            return topN(alias.input(), rows);
        }
        if (below instanceof Project project) {
            PhysicalNode input = topN(project.input(), rows);
            return input == null ? null : new ProjectExec(input, project.exprs(), project.schema());
        }
        // Any other node may change the rows, so the limit cannot move below it.
        return null;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private PhysicalNode union(Union union) {
        List<PhysicalNode> inputs = new ArrayList<>(union.inputs().size());
        for (LogicalPlan input : union.inputs()) {
            inputs.add(visit(input));
        }
        return new UnionExec(inputs, union.schema());
    }

    private PhysicalNode setOperation(SetOperation operation) {
        int partitions = options.parallelism();
        PhysicalNode left = new RepartitionExec(
                visit(operation.left()), allColumns(operation.left().schema()), partitions);
        PhysicalNode right = new RepartitionExec(
                visit(operation.right()), allColumns(operation.right().schema()), partitions);
        SetOperationExec.Kind kind =
                switch (operation.kind()) {
                    case INTERSECT -> SetOperationExec.Kind.INTERSECT;
                    case EXCEPT -> SetOperationExec.Kind.EXCEPT;
                };
        return new SetOperationExec(left, right, kind, operation.all());
    }

    private PhysicalNode distinct(Distinct distinct) {
        List<Expr> keys = allColumns(distinct.schema());
        int partitions = keys.isEmpty() ? 1 : options.parallelism();
        return new HashDistinctExec(new RepartitionExec(visit(distinct.input()), keys, partitions));
    }

    private PhysicalNode deduplicate(Deduplicate deduplicate) {
        Schema schema = deduplicate.schema();
        int[] columns = deduplicate.keyColumns();
        List<Integer> keyColumns = new ArrayList<>();
        List<Expr> keys = new ArrayList<>();
        if (columns.length == 0) {
            // dropDuplicates() without columns compares whole rows, as in Spark.
            for (int i = 0; i < schema.size(); i++) {
                keyColumns.add(i);
            }
        } else {
            for (int column : columns) {
                keyColumns.add(column);
            }
        }
        for (int column : keyColumns) {
            keys.add(new InputRef(
                    column, schema.type(column), schema.field(column).name()));
        }
        int partitions = keys.isEmpty() ? 1 : options.parallelism();
        return new DeduplicateExec(new RepartitionExec(visit(deduplicate.input()), keys, partitions), keyColumns);
    }

    private PhysicalNode window(Window window) {
        PhysicalNode input = visit(window.input());
        int inputColumns = window.input().schema().size();
        // One WindowExec per distinct (PARTITION BY, ORDER BY); each appends its functions' columns.
        Map<List<Object>, List<Integer>> bySpec = new LinkedHashMap<>();
        for (int i = 0; i < window.calls().size(); i++) {
            WindowCall call = window.calls().get(i);
            bySpec.computeIfAbsent(List.of(call.partitionBy(), call.orderBy()), spec -> new ArrayList<>())
                    .add(i);
        }
        int[] outputColumnOfCall = new int[window.calls().size()];
        PhysicalNode current = input;
        for (List<Integer> callIndexes : bySpec.values()) {
            WindowCall first = window.calls().get(callIndexes.get(0));
            List<Field> fields = new ArrayList<>(current.schema().fields());
            List<WindowExpr> functions = new ArrayList<>(callIndexes.size());
            for (int index : callIndexes) {
                WindowCall call = window.calls().get(index);
                functions.add(windowExpr(call));
                outputColumnOfCall[index] = fields.size();
                fields.add(Field.of(window.names().get(index), call.resultType()));
            }
            int partitions = first.partitionBy().isEmpty() ? 1 : options.parallelism();
            PhysicalNode repartitioned = new RepartitionExec(current, first.partitionBy(), partitions);
            current = new WindowExec(
                    repartitioned, first.partitionBy(), sortExprs(first.orderBy()), functions, new Schema(fields));
        }
        if (bySpec.size() <= 1) {
            return current;
        }
        // Restore the order of the calls.
        Schema schema = window.schema();
        List<Expr> exprs = new ArrayList<>(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            int column = i < inputColumns ? i : outputColumnOfCall[i - inputColumns];
            exprs.add(new InputRef(column, schema.type(i), schema.field(i).name()));
        }
        return new ProjectExec(current, exprs, schema);
    }

    private static WindowExpr windowExpr(WindowCall call) {
        if (call.windowFunction() != null
                && call.windowFunction().requiresOrder()
                && call.orderBy().isEmpty()) {
            throw new AnalysisException(
                    ErrorCode.INVALID_WINDOW,
                    "Window function " + call.functionName() + "() requires an ORDER BY in its window; add ORDER BY"
                            + " to the OVER clause");
        }
        if (call.aggregate() != null && call.aggregate().distinct()) {
            throw new AnalysisException(
                    ErrorCode.UNSUPPORTED,
                    "DISTINCT aggregates are not supported as window functions: " + call.functionName()
                            + "(DISTINCT …) OVER (…); aggregate in a subquery and join instead");
        }
        WindowCall.Frame frame = call.frame();
        WindowFrame.Unit unit = frame.type() == io.freshet.plan.logical.WindowCall.FrameType.ROWS
                ? WindowFrame.Unit.ROWS
                : WindowFrame.Unit.RANGE;
        WindowFrame physicalFrame =
                new WindowFrame(unit, bound(frame.start(), frame.startOffset()), bound(frame.end(), frame.endOffset()));
        return new WindowExpr(call.windowFunction(), call.aggregate(), call.args(), physicalFrame);
    }

    private static WindowFrame.Bound bound(WindowCall.Bound bound, Long offset) {
        WindowFrame.BoundKind kind =
                switch (bound) {
                    case UNBOUNDED_PRECEDING -> WindowFrame.BoundKind.UNBOUNDED_PRECEDING;
                    case PRECEDING -> WindowFrame.BoundKind.PRECEDING;
                    case CURRENT_ROW -> WindowFrame.BoundKind.CURRENT_ROW;
                    case FOLLOWING -> WindowFrame.BoundKind.FOLLOWING;
                    case UNBOUNDED_FOLLOWING -> WindowFrame.BoundKind.UNBOUNDED_FOLLOWING;
                };
        return new WindowFrame.Bound(kind, offset == null ? 0 : offset);
    }

    private static List<SortExpr> sortExprs(List<SortKey> keys) {
        List<SortExpr> result = new ArrayList<>(keys.size());
        for (SortKey key : keys) {
            result.add(new SortExpr(key.expr(), key.ascending(), key.nullsFirst()));
        }
        return result;
    }

    private static List<Expr> allColumns(Schema schema) {
        List<Expr> columns = new ArrayList<>(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            columns.add(new InputRef(i, schema.type(i), schema.field(i).name()));
        }
        return columns;
    }
}
