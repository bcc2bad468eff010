package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.DataFrame;
import io.freshet.RuntimeConfig;
import io.freshet.catalog.Catalog;
import io.freshet.catalog.TableSource;
import io.freshet.plan.PlanBuilder;
import io.freshet.plan.Relation;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Values;
import io.freshet.plan.parsed.Position;
import io.freshet.sql.ast.Query;
import io.freshet.sql.ast.Statement;
import io.freshet.types.BooleanType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static io.freshet.ErrorCode.TABLE_NOT_FOUND;
import static io.freshet.ErrorCode.UNSUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * Runs SQL statements for a session: queries become DataFrames, other statements act on the catalog
 * and settings at once and return their output (often no rows) as a DataFrame, as Spark's {@code sql()}.
 */
public final class SqlSession {
    private final Host host;

    /** What the SQL layer needs of the session it runs in. */
    public interface Host {
        Catalog catalog();

        PlanBuilder planBuilder();

        RuntimeConfig config();

        DataFrame dataFrame(Relation relation);

        /** A source for {@code CREATE TABLE … USING format}; {@code schema} is null to infer it. */
        TableSource createTableSource(
                String name, String format, Map<String, String> options, String location, Schema schema);

        /** Runs {@code rows} and adds them to a table ({@code overwrite}: replacing what it held). */
        void insert(Catalog.TableEntry table, Relation rows, boolean overwrite);

        String explain(LogicalPlan plan, boolean extended);

        /**
         * Starts a streaming query writing {@code rows} (a streaming plan) into the table {@code name}:
         * into {@code target} when given (a CSV, JSON or memory table), else into a new in-memory table
         * of that name, queryable while the query runs. {@code properties} may set {@code outputMode},
         * {@code checkpointLocation}, {@code trigger} and {@code late_rows}.
         */
        void startStream(String name, Catalog.TableEntry target, Relation rows, Map<String, String> properties);
    }

    public SqlSession(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /** Runs one statement. */
    public DataFrame execute(String sql) {
        List<Statement> statements = parse(sql);
        if (statements.isEmpty()) {
            throw new AnalysisException(io.freshet.ErrorCode.PARSE_ERROR, "The SQL text holds no statement");
        }
        if (statements.size() > 1) {
            throw new AnalysisException(
                    io.freshet.ErrorCode.PARSE_ERROR,
                    "sql() runs one statement, but the text holds " + statements.size() + "; use sqlScript()");
        }
        return run(statements.get(0), sql);
    }

    /** Runs a {@code ;}-separated script; returns the last statement's result. */
    public DataFrame executeScript(String script) {
        DataFrame last = null;
        for (Statement statement : parse(script)) {
            last = run(statement, script);
        }
        if (last == null) {
            throw new AnalysisException(io.freshet.ErrorCode.PARSE_ERROR, "The script holds no statement");
        }
        return last;
    }

    private static List<Statement> parse(String sql) {
        return SqlParser.parseStatements(sql);
    }

    private DataFrame run(Statement statement, String text) {
        try {
            return host.dataFrame(plan(statement));
        } catch (AnalysisException e) {
            throw e.withQueryText(text);
        }
    }

    /** A registered table or view, as a DataFrame. */
    public DataFrame table(String name) {
        return host.dataFrame(resolveTable(List.of(name), false, Position.NONE));
    }

    /** Registers a view of an already planned relation (a DataFrame's temp view). */
    public void registerView(String name, Relation relation, boolean replace) {
        host.catalog().register(new Catalog.ViewEntry(name, null, relation, true), replace);
    }

    private SqlPlanner planner() {
        return new SqlPlanner(host.planBuilder(), this::resolveTable);
    }

    private Relation resolveTable(List<String> name, boolean streaming, Position position) {
        String tableName = String.join(".", name);
        Catalog.CatalogEntry entry = host.catalog()
                .find(tableName)
                .or(() -> name.size() > 1 ? host.catalog().find(name.get(name.size() - 1)) : java.util.Optional.empty())
                .orElseThrow(() -> new AnalysisException(
                        TABLE_NOT_FOUND,
                        position.line(),
                        position.column(),
                        "Table or view '" + tableName + "' does not exist"
                                + (host.catalog().names().isEmpty()
                                        ? ""
                                        : "; known: "
                                                + String.join(
                                                        ", ", host.catalog().names()))));
        return switch (entry) {
            case Catalog.TableEntry table -> host.planBuilder().scan(table.name(), table.source(), streaming);
            case Catalog.ViewEntry view -> {
                if (streaming) {
                    throw new AnalysisException(
                            UNSUPPORTED,
                            position.line(),
                            position.column(),
                            "STREAM reads tables; '" + view.name() + "' is a view");
                }
                Relation planned = view.plan() instanceof Relation relation
                        ? relation
                        : planner().plan((Query) view.plan());
                yield planned.alias(view.name());
            }
        };
    }

    // ---- statements ----------------------------------------------------------------------------------

    private Relation plan(Statement statement) {
        return switch (statement) {
            case Statement.QueryStatement query -> planner().plan(query.query());
            case Statement.Explain explain -> explain(explain);
            case Statement.CreateView view -> createView(view);
            case Statement.CreateTable table -> createTable(table);
            case Statement.CreateStreamingTable table -> createStreamingTable(table);
            case Statement.Insert insert -> insert(insert);
            case Statement.Drop drop -> drop(drop);
            case Statement.ShowTables show -> showTables(show);
            case Statement.ShowFunctions show -> showFunctions(show);
            case Statement.DescribeTable describe ->
                describe(resolveTable(describe.name(), false, describe.position())
                        .schema());
            case Statement.DescribeQuery describe ->
                describe(planner().plan(describe.query()).schema());
            case Statement.SetConfig set -> {
                host.config().set(set.key(), set.value());
                yield rows(List.of("key", "value"), List.of(List.of(set.key(), set.value())));
            }
            case Statement.ShowConfig show -> showConfig(show);
            case Statement.ResetConfig reset -> {
                if (reset.key() == null) {
                    host.config().getAll().keySet().forEach(host.config()::unset);
                } else {
                    host.config().unset(reset.key());
                }
                yield empty();
            }
        };
    }

    private Relation explain(Statement.Explain explain) {
        if (!(explain.statement() instanceof Statement.QueryStatement query)) {
            throw new AnalysisException(
                    UNSUPPORTED, explain.position().line(), explain.position().column(), "EXPLAIN works on queries");
        }
        Relation planned = planner().plan(query.query());
        String text = host.explain(planned.plan(), explain.mode() != Statement.ExplainMode.SIMPLE);
        return rows(List.of("plan"), List.of(List.of(text)));
    }

    private Relation createView(Statement.CreateView view) {
        String name = String.join(".", view.name());
        if (view.ifNotExists() && host.catalog().find(name).isPresent()) {
            return empty();
        }
        // Plan now to report errors at creation; the view is planned again where it is used.
        Relation planned = planner().plan(view.query());
        if (!view.columns().isEmpty() && view.columns().size() != planned.width()) {
            throw new AnalysisException(
                    io.freshet.ErrorCode.TYPE_MISMATCH,
                    view.position().line(),
                    view.position().column(),
                    "The view lists " + view.columns().size() + " column names but its query returns " + planned.width()
                            + " columns");
        }
        Object definition = view.query();
        if (!view.columns().isEmpty()) {
            definition = host.planBuilder().renameColumns(planned, view.columns());
        }
        host.catalog()
                .register(
                        new Catalog.ViewEntry(name, view.queryText(), definition, view.temporary()), view.orReplace());
        return empty();
    }

    private Relation createTable(Statement.CreateTable create) {
        String name = String.join(".", create.name());
        if (create.ifNotExists() && host.catalog().find(name).isPresent()) {
            return empty();
        }
        if (!create.orReplace() && host.catalog().find(name).isPresent()) {
            throw new AnalysisException(
                    io.freshet.ErrorCode.TABLE_ALREADY_EXISTS,
                    create.position().line(),
                    create.position().column(),
                    "Table or view '" + name + "' already exists; use CREATE OR REPLACE, or DROP it first");
        }
        Relation query = create.query() == null ? null : planner().plan(create.query());
        Schema schema = null;
        if (!create.spec().columns().isEmpty()) {
            List<Field> fields = create.spec().columns().stream()
                    .map(io.freshet.sql.ast.ColumnDefinition::toField)
                    .toList();
            schema = new Schema(fields);
        } else if (query != null) {
            schema = query.schema();
        }
        String format = create.spec().format() == null
                ? "memory"
                : create.spec().format().toLowerCase(Locale.ROOT);
        TableSource source = host.createTableSource(
                name, format, create.spec().options(), create.spec().location(), schema);
        Catalog.TableEntry entry = new Catalog.TableEntry(
                name, format, source, create.spec().options(), create.spec().location());
        if (query != null) {
            host.insert(entry, query, true);
        }
        host.catalog().register(entry, true);
        return empty();
    }

    /**
     * {@code CREATE OR REFRESH STREAMING TABLE t [USING csv|json LOCATION …] AS SELECT … FROM STREAM …}:
     * defines the table and starts the streaming query that keeps it up to date.
     */
    private Relation createStreamingTable(Statement.CreateStreamingTable create) {
        String name = String.join(".", create.name());
        if (create.ifNotExists() && host.catalog().find(name).isPresent()) {
            return empty();
        }
        if (!create.orRefresh() && host.catalog().find(name).isPresent()) {
            throw new AnalysisException(
                    io.freshet.ErrorCode.TABLE_ALREADY_EXISTS,
                    create.position().line(),
                    create.position().column(),
                    "Table or view '" + name
                            + "' already exists; use CREATE OR REFRESH STREAMING TABLE, or DROP it first");
        }
        Relation rows = planner().plan(create.query());
        if (!rows.plan().isStreaming()) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    create.position().line(),
                    create.position().column(),
                    "A streaming table's query must read a stream: write FROM STREAM " + "<table>"
                            + " (or use CREATE TABLE … AS SELECT for a batch)");
        }
        if (!create.spec().columns().isEmpty()) {
            List<Field> fields = create.spec().columns().stream()
                    .map(io.freshet.sql.ast.ColumnDefinition::toField)
                    .toList();
            rows = host.planBuilder().alignForInsert(rows, name, new Schema(fields), List.of());
        }
        Catalog.TableEntry target = null;
        if (create.spec().format() != null || create.spec().location() != null) {
            String format =
                    create.spec().format() == null ? "" : create.spec().format().toLowerCase(Locale.ROOT);
            if (!format.equals("csv") && !format.equals("json")) {
                throw new AnalysisException(
                        UNSUPPORTED,
                        create.position().line(),
                        create.position().column(),
                        "A streaming table is stored USING csv or json with a LOCATION, or in memory without either");
            }
            TableSource source = host.createTableSource(
                    name, format, create.spec().options(), create.spec().location(), rows.schema());
            target = new Catalog.TableEntry(
                    name, format, source, create.spec().options(), create.spec().location());
            host.catalog().register(target, true);
        }
        host.startStream(name, target, rows, create.spec().properties());
        return empty();
    }

    private Relation insert(Statement.Insert insert) {
        String name = String.join(".", insert.table());
        Catalog.CatalogEntry entry = host.catalog().get(name);
        if (!(entry instanceof Catalog.TableEntry table)) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    insert.position().line(),
                    insert.position().column(),
                    "Cannot INSERT INTO the view '" + name + "'");
        }
        Relation rows = planner().plan(insert.query());
        Relation aligned = host.planBuilder()
                .alignForInsert(rows, table.name(), table.source().schema(), insert.columns());
        if (rows.plan().isStreaming()) {
            if (insert.overwrite()) {
                throw new AnalysisException(
                        UNSUPPORTED,
                        insert.position().line(),
                        insert.position().column(),
                        "INSERT OVERWRITE cannot take a stream; use INSERT INTO to append the stream's rows");
            }
            host.startStream(name, table, aligned, Map.of());
            return empty();
        }
        host.insert(table, aligned, insert.overwrite());
        return empty();
    }

    private Relation drop(Statement.Drop drop) {
        String name = String.join(".", drop.name());
        java.util.Optional<Catalog.CatalogEntry> entry = host.catalog().find(name);
        if (entry.isEmpty()) {
            if (drop.ifExists()) {
                return empty();
            }
            throw new AnalysisException(
                    TABLE_NOT_FOUND,
                    drop.position().line(),
                    drop.position().column(),
                    (drop.kind() == Statement.ObjectKind.TABLE ? "Table" : "View") + " '" + name
                            + "' does not exist; use DROP " + drop.kind() + " IF EXISTS to ignore that");
        }
        boolean isView = entry.get() instanceof Catalog.ViewEntry;
        if (isView != (drop.kind() == Statement.ObjectKind.VIEW)) {
            throw new AnalysisException(
                    UNSUPPORTED,
                    drop.position().line(),
                    drop.position().column(),
                    "'" + name + "' is a " + (isView ? "view; use DROP VIEW" : "table; use DROP TABLE"));
        }
        host.catalog().drop(name);
        return empty();
    }

    private Relation showTables(Statement.ShowTables show) {
        Pattern pattern = show.pattern() == null ? null : likePattern(show.pattern());
        List<List<Object>> rows = new ArrayList<>();
        for (Catalog.CatalogEntry entry : host.catalog().entries()) {
            if (pattern != null && !pattern.matcher(entry.name()).matches()) {
                continue;
            }
            boolean temporary = entry instanceof Catalog.ViewEntry view && view.temporary();
            rows.add(List.of(temporary ? "" : "default", entry.name(), temporary));
        }
        Schema schema = new Schema(List.of(
                Field.of("namespace", StringType.STRING),
                Field.of("tableName", StringType.STRING),
                Field.of("isTemporary", BooleanType.BOOLEAN)));
        return Relation.of(new Values(schema, rows), null);
    }

    /** Spark's SHOW TABLES LIKE pattern: {@code *} matches anything, {@code |} separates alternatives. */
    private static Pattern likePattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String alternative : pattern.split("\\|")) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            for (String part : alternative.trim().split("\\*", -1)) {
                regex.append(Pattern.quote(part)).append(".*");
            }
            regex.setLength(regex.length() - 2);
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private Relation showFunctions(Statement.ShowFunctions show) {
        Pattern pattern = show.pattern() == null ? null : likePattern(show.pattern());
        List<List<Object>> rows = new ArrayList<>();
        for (String name : host.planBuilder().registry().names()) {
            if (pattern == null || pattern.matcher(name).matches()) {
                rows.add(List.of(name));
            }
        }
        return rows(List.of("function"), rows);
    }

    private Relation describe(Schema schema) {
        List<List<Object>> rows = new ArrayList<>();
        for (Field field : schema.fields()) {
            List<Object> row = new ArrayList<>();
            row.add(field.name());
            row.add(field.type().sqlName());
            row.add(null);
            rows.add(row);
        }
        return rows(List.of("col_name", "data_type", "comment"), rows);
    }

    private Relation showConfig(Statement.ShowConfig show) {
        List<List<Object>> rows = new ArrayList<>();
        if (show.key() == null) {
            host.config().getAll().forEach((key, value) -> rows.add(List.of(key, value)));
        } else {
            String value = host.config().get(show.key());
            List<Object> row = new ArrayList<>();
            row.add(show.key());
            row.add(value == null ? "<undefined>" : value);
            rows.add(row);
        }
        return rows(List.of("key", "value"), rows);
    }

    private static Relation rows(List<String> names, List<List<Object>> rows) {
        List<Field> fields =
                names.stream().map(n -> Field.of(n, StringType.STRING)).toList();
        return Relation.of(new Values(new Schema(fields), rows), null);
    }

    private static Relation empty() {
        return Relation.of(new Values(new Schema(List.of()), List.of()), null);
    }
}
