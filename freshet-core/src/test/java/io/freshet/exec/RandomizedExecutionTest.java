package io.freshet.exec;

import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.plan.logical.Aggregate;
import io.freshet.plan.logical.AggregateCall;
import io.freshet.plan.logical.Distinct;
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
import io.freshet.plan.physical.PhysicalPlanPrinter;
import io.freshet.types.BigintType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.freshet.exec.TestData.col;
import static io.freshet.exec.TestData.row;
import static io.freshet.exec.TestData.schema;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs random plans (filters, projections, aggregates, joins, sorts with limits, distinct and set
 * operations over random data with nulls) with parallelism 1 and 4 and checks both against a simple
 * row-at-a-time reference interpreter of the logical plan.
 */
class RandomizedExecutionTest {
    private static final int PLANS = 300;

    private Random random;
    private List<Scan> tables;
    private final Map<Scan, List<List<Object>>> tableRows = new HashMap<>();

    @Test
    @Timeout(120)
    void randomPlansMatchTheReferenceAtAnyParallelism() {
        long seed = new Random().nextLong();
        System.out.println("RandomizedExecutionTest seed: " + seed);
        random = new Random(seed);
        tables = List.of(
                table("t1", schema("k", BigintType.BIGINT, "s", StringType.STRING, "v", BigintType.BIGINT)),
                table("t2", schema("k", BigintType.BIGINT, "w", BigintType.BIGINT)));
        for (int i = 0; i < PLANS; i++) {
            LogicalPlan plan = plan(3);
            List<List<Object>> expected = evaluate(plan);
            boolean ordered = plan instanceof Limit || plan instanceof Sort;
            for (int parallelism : new int[] {1, 4}) {
                List<List<Object>> actual = TestData.run(plan, parallelism);
                String description = "seed " + seed + ", plan " + i + ", parallelism " + parallelism + ":\n"
                        + PhysicalPlanPrinter.print(TestData.physical(plan, parallelism));
                if (ordered) {
                    assertThat(actual).as(description).isEqualTo(expected);
                } else {
                    assertThat(canonical(actual)).as(description).isEqualTo(canonical(expected));
                }
            }
        }
    }

    private Scan table(String name, Schema schema) {
        List<List<Object>> rows = new ArrayList<>();
        int count = random.nextInt(60);
        for (int i = 0; i < count; i++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < schema.size(); c++) {
                boolean isNull = random.nextInt(8) == 0;
                if (schema.type(c) instanceof StringType) {
                    row.add(isNull ? null : List.of("x", "y", "z", "yy").get(random.nextInt(4)));
                } else {
                    row.add(isNull ? null : (long) random.nextInt(c == 0 ? 6 : 20));
                }
            }
            rows.add(row);
        }
        MemoryTableSource source = TestData.table(name, schema, 1 + random.nextInt(7), rows);
        Scan scan = TestData.scan(source);
        tableRows.put(scan, rows);
        return scan;
    }

    private static List<String> canonical(List<List<Object>> rows) {
        List<String> text = new ArrayList<>();
        for (List<Object> row : rows) {
            text.add(row.toString());
        }
        text.sort(Comparator.naturalOrder());
        return text;
    }

    // ---- random plans ----

    private LogicalPlan plan(int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return tables.get(random.nextInt(tables.size()));
        }
        LogicalPlan input = plan(depth - 1);
        return switch (random.nextInt(8)) {
            case 0 -> new Filter(input, predicate(input));
            case 1 -> project(input);
            case 2, 3 -> aggregate(input);
            case 4 -> join(input, plan(depth - 1));
            case 5 -> sortAndLimit(input);
            case 6 -> new Distinct(input);
            default -> setOperation(input, plan(depth - 1));
        };
    }

    private InputRef bigintColumn(LogicalPlan plan) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < plan.schema().size(); i++) {
            if (plan.schema().type(i) instanceof BigintType) {
                candidates.add(i);
            }
        }
        return col(plan, candidates.get(random.nextInt(candidates.size())));
    }

    private Literal number() {
        return new Literal((long) random.nextInt(12), BigintType.BIGINT);
    }

    private Expr predicate(LogicalPlan plan) {
        Expr first = random.nextBoolean()
                ? TestFunctions.gt(bigintColumn(plan), number())
                : TestFunctions.lt(bigintColumn(plan), number());
        return random.nextInt(3) == 0
                ? TestFunctions.and(first, TestFunctions.gt(bigintColumn(plan), number()))
                : first;
    }

    private LogicalPlan project(LogicalPlan input) {
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < input.schema().size(); i++) {
            if (random.nextBoolean()) {
                exprs.add(col(input, i));
                names.add(input.schema().field(i).name());
            }
        }
        exprs.add(TestFunctions.plus(bigintColumn(input), number()));
        names.add("p");
        return new Project(input, exprs, names);
    }

    private LogicalPlan aggregate(LogicalPlan input) {
        List<Expr> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < input.schema().size(); i++) {
            if (random.nextInt(3) == 0 && keys.size() < 2) {
                keys.add(col(input, i));
                names.add(input.schema().field(i).name());
            }
        }
        Expr filter = random.nextInt(3) == 0 ? predicate(input) : null;
        List<AggregateCall> calls = List.of(
                new AggregateCall(TestFunctions.Count.INSTANCE, List.of(), null),
                new AggregateCall(TestFunctions.Sum.INSTANCE, List.of(bigintColumn(input)), filter));
        names.add("n");
        names.add("total");
        return new Aggregate(input, keys, calls, names);
    }

    private LogicalPlan join(LogicalPlan left, LogicalPlan right) {
        JoinType type = List.of(
                        JoinType.INNER,
                        JoinType.LEFT,
                        JoinType.RIGHT,
                        JoinType.FULL,
                        JoinType.LEFT_SEMI,
                        JoinType.LEFT_ANTI)
                .get(random.nextInt(6));
        int offset = left.schema().size();
        InputRef rightKey = bigintColumn(right);
        Expr condition = TestFunctions.eq(
                bigintColumn(left), new InputRef(rightKey.index() + offset, rightKey.type(), rightKey.name()));
        int shape = random.nextInt(4);
        if (shape == 1) {
            InputRef other = bigintColumn(right);
            condition = TestFunctions.and(
                    condition,
                    TestFunctions.gt(
                            new InputRef(other.index() + offset, other.type(), other.name()), bigintColumn(left)));
        } else if (shape == 2) {
            // Not an equi-join: a nested loop.
            condition = TestFunctions.gt(
                    bigintColumn(left), new InputRef(rightKey.index() + offset, rightKey.type(), rightKey.name()));
        }
        return new Join(left, right, type, condition);
    }

    private LogicalPlan sortAndLimit(LogicalPlan input) {
        List<SortKey> keys = new ArrayList<>();
        for (int i = 0; i < input.schema().size(); i++) {
            keys.add(new SortKey(col(input, i), random.nextBoolean(), random.nextBoolean()));
        }
        java.util.Collections.shuffle(keys, random);
        Sort sort = new Sort(input, keys);
        if (random.nextInt(3) == 0) {
            return sort;
        }
        OptionalLong fetch = random.nextInt(4) == 0 ? OptionalLong.empty() : OptionalLong.of(random.nextInt(15));
        return new Limit(sort, random.nextInt(5), fetch);
    }

    private LogicalPlan setOperation(LogicalPlan left, LogicalPlan right) {
        LogicalPlan leftColumn = new Project(left, List.of(bigintColumn(left)), List.of("x"));
        LogicalPlan rightColumn = new Project(right, List.of(bigintColumn(right)), List.of("x"));
        SetOperation.Kind kind = random.nextBoolean() ? SetOperation.Kind.INTERSECT : SetOperation.Kind.EXCEPT;
        return new SetOperation(leftColumn, rightColumn, kind, random.nextBoolean());
    }

    // ---- the reference: row at a time ----

    private List<List<Object>> evaluate(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> tableRows.get(scan);
            case Filter filter -> {
                List<List<Object>> rows = new ArrayList<>();
                for (List<Object> row : evaluate(filter.input())) {
                    if (Boolean.TRUE.equals(eval(filter.condition(), row))) {
                        rows.add(row);
                    }
                }
                yield rows;
            }
            case Project project -> {
                List<List<Object>> rows = new ArrayList<>();
                for (List<Object> row : evaluate(project.input())) {
                    List<Object> out = new ArrayList<>();
                    for (Expr expr : project.exprs()) {
                        out.add(eval(expr, row));
                    }
                    rows.add(out);
                }
                yield rows;
            }
            case Aggregate aggregate -> aggregateRows(aggregate);
            case Join join -> joinRows(join);
            case Sort sort -> sortRows(sort.keys(), evaluate(sort.input()));
            case Limit limit -> {
                List<List<Object>> rows = evaluate(limit.input());
                int from = (int) Math.min(rows.size(), limit.skip());
                int to = (int) Math.min(rows.size(), from + limit.fetch().orElse(Integer.MAX_VALUE));
                yield rows.subList(from, to);
            }
            case Distinct distinct -> new ArrayList<>(new LinkedHashSet<>(evaluate(distinct.input())));
            case SetOperation operation -> setRows(operation);
            default -> throw new IllegalArgumentException("not generated: " + plan);
        };
    }

    private static Object eval(Expr expr, List<Object> row) {
        return switch (expr) {
            case InputRef ref -> row.get(ref.index());
            case Literal literal -> literal.value();
            case Call call -> {
                Object[] args = new Object[call.args().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = eval(call.args().get(i), row);
                }
                yield ((TestFunctions.RowFunction) call.function()).apply(args);
            }
            default -> throw new IllegalArgumentException(expr.toString());
        };
    }

    private List<List<Object>> aggregateRows(Aggregate aggregate) {
        Map<List<Object>, long[]> groups = new LinkedHashMap<>();
        Map<List<Object>, boolean[]> seen = new HashMap<>();
        if (aggregate.groupKeys().isEmpty()) {
            groups.put(List.of(), new long[2]);
            seen.put(List.of(), new boolean[1]);
        }
        for (List<Object> row : evaluate(aggregate.input())) {
            List<Object> key = new ArrayList<>();
            for (Expr expr : aggregate.groupKeys()) {
                key.add(eval(expr, row));
            }
            long[] state = groups.computeIfAbsent(key, k -> new long[2]);
            boolean[] any = seen.computeIfAbsent(key, k -> new boolean[1]);
            state[0]++;
            AggregateCall sum = aggregate.aggregates().get(1);
            Object value = eval(sum.args().get(0), row);
            if (value != null && (sum.filter() == null || Boolean.TRUE.equals(eval(sum.filter(), row)))) {
                state[1] += (Long) value;
                any[0] = true;
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, long[]> group : groups.entrySet()) {
            List<Object> row = new ArrayList<>(group.getKey());
            row.add(group.getValue()[0]);
            row.add(seen.get(group.getKey())[0] ? group.getValue()[1] : null);
            rows.add(row);
        }
        return rows;
    }

    private List<List<Object>> joinRows(Join join) {
        List<List<Object>> left = evaluate(join.left());
        List<List<Object>> right = evaluate(join.right());
        JoinType type = join.type();
        List<List<Object>> rows = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        List<Object> rightNulls = Arrays.asList(new Object[join.right().schema().size()]);
        for (List<Object> l : left) {
            boolean matched = false;
            for (int r = 0; r < right.size(); r++) {
                List<Object> pair = new ArrayList<>(l);
                pair.addAll(right.get(r));
                if (Boolean.TRUE.equals(eval(join.condition(), pair))) {
                    matched = true;
                    rightMatched[r] = true;
                    if (!type.leftOnly()) {
                        rows.add(pair);
                    }
                }
            }
            if ((type == JoinType.LEFT_SEMI && matched) || (type == JoinType.LEFT_ANTI && !matched)) {
                rows.add(l);
            }
            if (!matched && (type == JoinType.LEFT || type == JoinType.FULL)) {
                List<Object> padded = new ArrayList<>(l);
                padded.addAll(rightNulls);
                rows.add(padded);
            }
        }
        if (type == JoinType.RIGHT || type == JoinType.FULL) {
            List<Object> leftNulls =
                    Arrays.asList(new Object[join.left().schema().size()]);
            for (int r = 0; r < right.size(); r++) {
                if (!rightMatched[r]) {
                    List<Object> padded = new ArrayList<>(leftNulls);
                    padded.addAll(right.get(r));
                    rows.add(padded);
                }
            }
        }
        return rows;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<List<Object>> sortRows(List<SortKey> keys, List<List<Object>> input) {
        List<List<Object>> rows = new ArrayList<>(input);
        rows.sort((a, b) -> {
            for (SortKey key : keys) {
                Object x = eval(key.expr(), a);
                Object y = eval(key.expr(), b);
                int result;
                if (x == null || y == null) {
                    result = x == y ? 0 : (x == null) == key.nullsFirst() ? -1 : 1;
                } else {
                    result = ((Comparable) x).compareTo(y);
                    result = key.ascending() ? result : -result;
                }
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        });
        return rows;
    }

    private List<List<Object>> setRows(SetOperation operation) {
        Map<List<Object>, Long> rightCounts = new HashMap<>();
        for (List<Object> row : evaluate(operation.right())) {
            rightCounts.merge(row, 1L, Long::sum);
        }
        Map<List<Object>, Long> leftCounts = new LinkedHashMap<>();
        for (List<Object> row : evaluate(operation.left())) {
            leftCounts.merge(row, 1L, Long::sum);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, Long> entry : leftCounts.entrySet()) {
            long l = entry.getValue();
            long r = rightCounts.getOrDefault(entry.getKey(), 0L);
            long copies = operation.kind() == SetOperation.Kind.INTERSECT
                    ? (operation.all() ? Math.min(l, r) : (r > 0 ? 1 : 0))
                    : (operation.all() ? Math.max(0, l - r) : (r == 0 ? 1 : 0));
            for (long c = 0; c < copies; c++) {
                rows.add(entry.getKey());
            }
        }
        return rows;
    }
}
