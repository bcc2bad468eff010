package io.freshet;

import io.freshet.plan.ColumnBinding;
import io.freshet.plan.PlanBuilder;
import io.freshet.plan.Relation;
import io.freshet.plan.SelectSpec;
import io.freshet.plan.logical.JoinType;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.PlanPrinter;
import io.freshet.plan.logical.SetOperation;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A query over tables, built step by step as in Spark's Dataset API. Immutable: every operation
 * returns a new DataFrame; nothing runs until an action ({@link #collect}, {@link #show}, {@link
 * #count}, {@link #write}).
 */
public final class DataFrame {
    private final Freshet session;
    private final Relation relation;

    DataFrame(Freshet session, Relation relation) {
        this.session = requireNonNull(session, "session is null");
        // Columns taken from this DataFrame (df.col("x")) find their way through later joins.
        this.relation = relation.withOrigin(this);
    }

    /** The logical plan (for Freshet's own components and tests). */
    public LogicalPlan logicalPlan() {
        return relation.plan();
    }

    Relation relation() {
        return relation;
    }

    Freshet session() {
        return session;
    }

    private PlanBuilder builder() {
        return session.planBuilder();
    }

    private DataFrame derive(Relation next) {
        // A DataFrame shows every column it holds, so the hidden side columns of a USING join go.
        return new DataFrame(session, next.withoutHiddenColumns());
    }

    public Schema schema() {
        return relation.schema();
    }

    public String[] columns() {
        return relation.schema().names().toArray(new String[0]);
    }

    /** Prints the schema as a tree, as Spark does. */
    public void printSchema() {
        StringBuilder text = new StringBuilder("root\n");
        for (io.freshet.types.Field field : schema().fields()) {
            text.append(" |-- ")
                    .append(field.name())
                    .append(": ")
                    .append(field.type().sqlName())
                    .append(" (nullable = ")
                    .append(field.nullable())
                    .append(")\n");
        }
        System.out.print(text);
    }

    /** Whether this DataFrame reads a stream (it then runs only through {@code writeStream()}). */
    public boolean isStreaming() {
        return relation.plan().isStreaming();
    }

    /** This DataFrame's column {@code name}, unambiguous even after a join with another DataFrame. */
    public Column col(String name) {
        if (name.equals("*")) {
            return functions.col("*");
        }
        return new Column(new ParsedExpr.Identifier(functions.splitName(name), Position.NONE, this));
    }

    public Column apply(String name) {
        return col(name);
    }

    // ---- transformations -------------------------------------------------------------------------

    public DataFrame select(Column... columns) {
        return derive(builder().select(relation, SelectSpec.of(Column.exprs(columns)), List.of(), null));
    }

    public DataFrame select(String... columnNames) {
        return select(Arrays.stream(columnNames).map(functions::col).toArray(Column[]::new));
    }

    /** Selects SQL expressions: {@code selectExpr("a", "b * 2 AS c")}. */
    public DataFrame selectExpr(String... expressions) {
        return select(Arrays.stream(expressions).map(functions::expr).toArray(Column[]::new));
    }

    public DataFrame filter(Column condition) {
        return derive(builder().filter(relation, condition.expr(), List.of(), null));
    }

    /** Filters by a SQL condition: {@code filter("amount > 10")}. */
    public DataFrame filter(String condition) {
        return filter(functions.expr(condition));
    }

    public DataFrame where(Column condition) {
        return filter(condition);
    }

    public DataFrame where(String condition) {
        return filter(condition);
    }

    /** Adds a column, or replaces the column of that name. */
    public DataFrame withColumn(String name, Column value) {
        List<ParsedExpr> items = new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < relation.width(); i++) {
            ColumnBinding column = relation.columns().get(i);
            if (column.name().equalsIgnoreCase(name)) {
                items.add(new ParsedExpr.Alias(value.expr(), name, Position.NONE));
                replaced = true;
            } else {
                items.add(ordinal(i));
            }
        }
        if (!replaced) {
            items.add(new ParsedExpr.Alias(value.expr(), name, Position.NONE));
        }
        return derive(builder().select(relation, SelectSpec.of(items), List.of(), null));
    }

    /** A reference to this relation's i-th column that survives duplicate names. */
    private ParsedExpr ordinal(int index) {
        ColumnBinding column = relation.columns().get(index);
        List<String> parts =
                column.qualifier() == null ? List.of(column.name()) : List.of(column.qualifier(), column.name());
        if (countNamed(column) > 1) {
            throw new AnalysisException(
                    ErrorCode.AMBIGUOUS_COLUMN,
                    "Column '" + column.name()
                            + "' appears more than once; rename one side with withColumnRenamed or alias first");
        }
        return new ParsedExpr.Alias(new ParsedExpr.Identifier(parts, Position.NONE), column.name(), Position.NONE);
    }

    private long countNamed(ColumnBinding column) {
        return relation.columns().stream()
                .filter(c -> c.name().equalsIgnoreCase(column.name())
                        && java.util.Objects.equals(
                                c.qualifier() == null ? null : c.qualifier().toLowerCase(Locale.ROOT),
                                column.qualifier() == null
                                        ? null
                                        : column.qualifier().toLowerCase(Locale.ROOT)))
                .count();
    }

    public DataFrame withColumnRenamed(String existing, String newName) {
        List<String> names = new ArrayList<>();
        boolean found = false;
        for (ColumnBinding column : relation.columns()) {
            if (column.name().equalsIgnoreCase(existing)) {
                names.add(newName);
                found = true;
            } else {
                names.add(column.name());
            }
        }
        // Spark: renaming a column that does not exist is a no-op.
        return found ? derive(builder().renameColumns(relation, names)) : this;
    }

    /** Renames all columns: {@code toDF("a", "b")}. */
    public DataFrame toDF(String... names) {
        return derive(builder().renameColumns(relation, List.of(names)));
    }

    public DataFrame drop(String... columnNames) {
        List<ParsedExpr> items = new ArrayList<>();
        for (int i = 0; i < relation.width(); i++) {
            String name = relation.columns().get(i).name();
            if (Arrays.stream(columnNames).noneMatch(name::equalsIgnoreCase)) {
                items.add(ordinal(i));
            }
        }
        return derive(builder().select(relation, SelectSpec.of(items), List.of(), null));
    }

    public GroupedData groupBy(Column... columns) {
        return new GroupedData(this, Column.exprs(columns));
    }

    public GroupedData groupBy(String... columnNames) {
        return groupBy(Arrays.stream(columnNames).map(functions::col).toArray(Column[]::new));
    }

    /** Aggregates the whole DataFrame: {@code agg(sum(col("x")))}. */
    public DataFrame agg(Column... aggregates) {
        return groupBy(new Column[0]).agg(aggregates);
    }

    DataFrame grouped(List<ParsedExpr> keys, List<ParsedExpr> aggregates) {
        List<ParsedExpr> items = new ArrayList<>(keys);
        items.addAll(aggregates);
        SelectSpec spec = new SelectSpec(items, false, keys, null, false, null, null, List.of());
        return derive(builder().select(relation, spec, List.of(), null));
    }

    /** Inner join on a condition. */
    public DataFrame join(DataFrame right, Column condition) {
        return join(right, condition, "inner");
    }

    /**
     * Join on a condition; {@code joinType} is one of Spark's names: inner, cross, outer, full,
     * fullouter, full_outer, left, leftouter, left_outer, right, rightouter, right_outer, semi,
     * leftsemi, left_semi, anti, leftanti, left_anti.
     */
    public DataFrame join(DataFrame right, Column condition, String joinType) {
        return derive(
                builder().join(relation, right.relation, joinType(joinType), condition.expr(), null, false, List.of()));
    }

    /** Inner equi-join on columns of the same name on both sides, which appear once in the result. */
    public DataFrame join(DataFrame right, String usingColumn) {
        return join(right, List.of(usingColumn), "inner");
    }

    public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
        return derive(
                builder().join(relation, right.relation, joinType(joinType), null, usingColumns, false, List.of()));
    }

    public DataFrame crossJoin(DataFrame right) {
        return derive(builder().join(relation, right.relation, JoinType.CROSS, null, null, false, List.of()));
    }

    static JoinType joinType(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "inner" -> JoinType.INNER;
            case "cross" -> JoinType.CROSS;
            case "outer", "full", "fullouter" -> JoinType.FULL;
            case "left", "leftouter" -> JoinType.LEFT;
            case "right", "rightouter" -> JoinType.RIGHT;
            case "semi", "leftsemi" -> JoinType.LEFT_SEMI;
            case "anti", "leftanti" -> JoinType.LEFT_ANTI;
            default ->
                throw new AnalysisException(
                        ErrorCode.INVALID_OPTION,
                        "Unknown join type '" + name
                                + "'; use inner, cross, full, left, right, left_semi or left_anti");
        };
    }

    public DataFrame orderBy(Column.SortColumn... keys) {
        return derive(builder()
                .sort(relation, Arrays.stream(keys).map(Column.SortColumn::item).toList(), List.of()));
    }

    public DataFrame orderBy(Column... keys) {
        return orderBy(Arrays.stream(keys).map(Column::asc).toArray(Column.SortColumn[]::new));
    }

    public DataFrame orderBy(String... columnNames) {
        return orderBy(Arrays.stream(columnNames).map(functions::col).toArray(Column[]::new));
    }

    public DataFrame sort(Column.SortColumn... keys) {
        return orderBy(keys);
    }

    public DataFrame sort(Column... keys) {
        return orderBy(keys);
    }

    public DataFrame limit(int n) {
        return derive(builder().limit(relation, 0, OptionalLong.of(n)));
    }

    /** Skips the first {@code n} rows. */
    public DataFrame offset(int n) {
        return derive(builder().limit(relation, n, OptionalLong.empty()));
    }

    public DataFrame distinct() {
        return derive(builder().distinct(relation));
    }

    /** Keeps the first row of each distinct combination of the given columns (all columns when none). */
    public DataFrame dropDuplicates(String... columnNames) {
        return derive(builder().dropDuplicates(relation, List.of(columnNames)));
    }

    /**
     * In a stream, drops rows whose key columns repeat a row seen within the watermark delay: a key is
     * remembered until the watermark passes its first row's event time plus the delay, so the
     * event-time column need not be among the keys. In a batch, the same as {@link #dropDuplicates}.
     */
    public DataFrame dropDuplicatesWithinWatermark(String... columnNames) {
        return derive(builder().dropDuplicates(relation, List.of(columnNames), true));
    }

    /** UNION ALL by position, as Spark's {@code union}. */
    public DataFrame union(DataFrame other) {
        return derive(builder().union(List.of(relation, other.relation), false));
    }

    public DataFrame unionAll(DataFrame other) {
        return union(other);
    }

    /** UNION ALL by column name; with {@code allowMissingColumns}, a column missing on one side is null there. */
    public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
        List<Column> right = new ArrayList<>();
        for (String name : columns()) {
            if (other.schema().indexOf(name) >= 0) {
                right.add(other.col(name));
            } else if (allowMissingColumns) {
                right.add(functions
                        .lit(null)
                        .cast(schema().type(schema().indexOf(name)))
                        .as(name));
            } else {
                throw new AnalysisException(
                        ErrorCode.COLUMN_NOT_FOUND,
                        "unionByName: column '" + name
                                + "' is missing on the right side; pass allowMissingColumns = true to fill it with nulls");
            }
        }
        DataFrame left = this;
        if (allowMissingColumns) {
            for (String name : other.columns()) {
                if (schema().indexOf(name) < 0) {
                    left = left.withColumn(
                            name,
                            functions
                                    .lit(null)
                                    .cast(other.schema().type(other.schema().indexOf(name))));
                    right.add(other.col(name));
                }
            }
        } else if (other.columns().length != columns().length) {
            throw new AnalysisException(
                    ErrorCode.COLUMN_NOT_FOUND,
                    "unionByName: the right side has columns the left lacks; pass allowMissingColumns = true");
        }
        return left.union(other.select(right.toArray(new Column[0])));
    }

    public DataFrame unionByName(DataFrame other) {
        return unionByName(other, false);
    }

    public DataFrame intersect(DataFrame other) {
        return derive(builder().setOperation(relation, other.relation, SetOperation.Kind.INTERSECT, false));
    }

    public DataFrame intersectAll(DataFrame other) {
        return derive(builder().setOperation(relation, other.relation, SetOperation.Kind.INTERSECT, true));
    }

    public DataFrame except(DataFrame other) {
        return derive(builder().setOperation(relation, other.relation, SetOperation.Kind.EXCEPT, false));
    }

    public DataFrame exceptAll(DataFrame other) {
        return derive(builder().setOperation(relation, other.relation, SetOperation.Kind.EXCEPT, true));
    }

    /** Names this DataFrame, so its columns can be written {@code alias.column}. */
    public DataFrame alias(String alias) {
        return derive(relation.alias(alias));
    }

    public DataFrame as(String alias) {
        return alias(alias);
    }

    /** Event time for streaming: {@code withWatermark("ts", "10 minutes")}. A no-op for batch queries. */
    public DataFrame withWatermark(String eventTimeColumn, String delay) {
        long micros = io.freshet.expr.Intervals.parseMicros(delay);
        return derive(
                builder().withWatermark(relation, functions.col(eventTimeColumn).expr(), micros));
    }

    /** Starts this streaming DataFrame as a query: choose the sink, output mode and trigger, then {@code start()}. */
    public DataStreamWriter writeStream() {
        return new DataStreamWriter(session, this);
    }

    /** Registers this DataFrame as a temporary view for SQL. */
    public void createOrReplaceTempView(String name) {
        session.sqlSession().registerView(name, relation, true);
    }

    public void createTempView(String name) {
        session.sqlSession().registerView(name, relation, false);
    }

    // ---- actions ---------------------------------------------------------------------------------

    /** Runs the query and returns every row. */
    public List<Row> collect() {
        return QueryExecution.collectRows(session, this);
    }

    public List<Row> collectAsList() {
        return collect();
    }

    public List<Row> take(int n) {
        return limit(n).collect();
    }

    public Row first() {
        List<Row> rows = take(1);
        if (rows.isEmpty()) {
            throw new java.util.NoSuchElementException("The DataFrame is empty");
        }
        return rows.get(0);
    }

    public Row head() {
        return first();
    }

    public boolean isEmpty() {
        return take(1).isEmpty();
    }

    /** The number of rows. */
    public long count() {
        List<Row> rows = groupBy(new Column[0]).agg(functions.count("*")).collect();
        return rows.get(0).getLong(0);
    }

    /** Prints the first 20 rows as a table, long values truncated to 20 characters. */
    public void show() {
        show(20, true);
    }

    public void show(int numRows) {
        show(numRows, true);
    }

    public void show(int numRows, boolean truncate) {
        System.out.print(showString(numRows, truncate ? 20 : 0));
    }

    /** The text {@link #show} prints. */
    public String showString(int numRows, int truncate) {
        List<Row> rows = take(numRows + 1);
        return ResultPrinter.table(
                        schema(),
                        rows.subList(0, Math.min(numRows, rows.size())),
                        truncate,
                        session.conf().timeZone())
                + (rows.size() > numRows
                        ? "only showing top " + numRows + " row" + (numRows == 1 ? "" : "s") + "\n"
                        : "");
    }

    /** Prints the physical plan; with {@code extended}, the logical plans too. */
    public void explain(boolean extended) {
        System.out.print(explainString(extended));
    }

    public void explain() {
        explain(false);
    }

    public String explainString(boolean extended) {
        return QueryExecution.explain(session, relation.plan(), extended);
    }

    /**
     * Runs the query and passes its batches, in result order, to {@code consumer}: the columnar form
     * behind {@link #collect}, for Freshet's own tools (the command line) that format values themselves.
     */
    public void foreachBatch(java.util.function.Consumer<io.freshet.data.Batch> consumer) {
        QueryExecution.collectBatches(session, relation.plan()).forEach(consumer);
    }

    /** Writes this DataFrame's rows out as files or into a table. */
    public DataWriter write() {
        return new DataWriter(this);
    }

    @Override
    public String toString() {
        return "DataFrame" + relation.schema().fields() + "\n" + PlanPrinter.print(relation.plan());
    }
}
