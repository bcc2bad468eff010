package io.freshet;

import io.freshet.catalog.Catalog;
import io.freshet.expr.EvalContext;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Temporal;
import io.freshet.plan.PlanBuilder;
import io.freshet.plan.Relation;
import io.freshet.sql.SqlSession;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Freshet session: the entry point of the API, as Spark's {@code SparkSession}. It holds the catalog
 * of tables and views and the settings, runs SQL ({@link #sql}) and reads data ({@link #read}).
 * Embedded: everything runs in this JVM, on a pool of threads sized by {@code freshet.parallelism}.
 *
 * <pre>{@code
 * try (Freshet freshet = Freshet.create()) {
 *     freshet.read().option("header", "true").csv("sales.csv").createOrReplaceTempView("sales");
 *     freshet.sql("SELECT region, sum(amount) FROM sales GROUP BY region").show();
 * }
 * }</pre>
 */
public final class Freshet implements AutoCloseable {
    private final RuntimeConfig config;
    private final Catalog catalog = new Catalog();
    private final PlanBuilder planBuilder = new PlanBuilder(FunctionRegistry.builtins());
    private final SqlSession sqlSession;
    private volatile boolean closed;
    private volatile ProgressListener progressListener;
    private final StreamingQueryManager streams = new StreamingQueryManager();

    private Freshet(Map<String, String> settings) {
        this.config = new RuntimeConfig(settings);
        this.sqlSession = new SqlSession(new SessionContext(this));
    }

    /** A session with default settings. */
    public static Freshet create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a session to be created. */
    public static final class Builder {
        private final Map<String, String> settings = new HashMap<>();

        private Builder() {}

        public Builder config(String key, String value) {
            settings.put(key, value);
            return this;
        }

        public Builder config(String key, long value) {
            return config(key, Long.toString(value));
        }

        public Freshet build() {
            return new Freshet(settings);
        }
    }

    /** Runs SQL: a query gives its result DataFrame; a statement runs now and gives its output (often empty). */
    public DataFrame sql(String sql) {
        checkOpen();
        return sqlSession.execute(sql);
    }

    /** Runs a script of {@code ;}-separated statements and returns the result of the last one. */
    public DataFrame sqlScript(String script) {
        checkOpen();
        return sqlSession.executeScript(script);
    }

    /** Reads files and tables as DataFrames. */
    public DataReader read() {
        checkOpen();
        return new DataReader(this);
    }

    /** A registered table or view. */
    public DataFrame table(String name) {
        checkOpen();
        return sqlSession.table(name);
    }

    public RuntimeConfig conf() {
        return config;
    }

    /**
     * Registers a table read from the given source under {@code name}, replacing any table or view of
     * that name (e.g. an in-memory table built by a program or a benchmark).
     */
    public void registerTable(String name, io.freshet.catalog.TableSource source) {
        checkOpen();
        String format = source instanceof io.freshet.connector.memory.MemoryTableSource ? "memory" : "custom";
        catalog.register(new Catalog.TableEntry(name, format, source, Map.of(), null), true);
    }

    /** Reads tables as streams: a directory files arrive in, a {@code rate} generator, a streamable table. */
    public DataStreamReader readStream() {
        checkOpen();
        return new DataStreamReader(this);
    }

    /** The session's streaming queries and their listeners. */
    public StreamingQueryManager streams() {
        return streams;
    }

    /** The names of the registered tables and views, sorted. */
    public List<String> tables() {
        return catalog.names();
    }

    /** A DataFrame of literal rows with the given schema (DDL such as {@code "id BIGINT, name STRING"}). */
    public DataFrame createDataFrame(List<Row> rows, String schemaDdl) {
        return DataFrames.fromRows(this, rows, io.freshet.sql.SqlParser.parseSchema(schemaDdl));
    }

    /** Observes the progress of the queries this session runs (the command line's progress line). */
    public void setProgressListener(ProgressListener listener) {
        this.progressListener = listener;
    }

    ProgressListener progressListener() {
        return progressListener;
    }

    @Override
    public void close() {
        streams.stopAll();
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("This Freshet session is closed");
        }
    }

    // ---- for the engine's own packages -------------------------------------------------------------

    Catalog catalog() {
        return catalog;
    }

    PlanBuilder planBuilder() {
        return planBuilder;
    }

    SqlSession sqlSession() {
        return sqlSession;
    }

    /** The evaluation context of a query starting now: the session zone and the start time. */
    EvalContext newEvalContext() {
        return new EvalContext(config.timeZone(), Temporal.toMicros(Instant.now()));
    }

    DataFrame dataFrame(Relation relation) {
        return new DataFrame(this, relation);
    }
}
