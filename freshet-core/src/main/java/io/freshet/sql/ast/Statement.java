package io.freshet.sql.ast;

import io.freshet.plan.parsed.Position;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** A SQL statement as written; names are kept as written (resolution is case-insensitive, as in Spark). */
public sealed interface Statement {
    /** Where the statement starts in the query text (or script). */
    Position position();

    /** A query run for its rows. */
    record QueryStatement(Query query, Position position) implements Statement {
        public QueryStatement {
            requireNonNull(query, "query is null");
        }
    }

    /** {@code EXPLAIN [EXTENDED|FORMATTED] statement}. */
    record Explain(ExplainMode mode, Statement statement, Position position) implements Statement {
        public Explain {
            requireNonNull(mode, "mode is null");
            requireNonNull(statement, "statement is null");
        }
    }

    /** How much {@code EXPLAIN} shows. */
    enum ExplainMode {
        SIMPLE,
        EXTENDED,
        FORMATTED
    }

    /**
     * {@code CREATE [OR REPLACE] [TEMP|TEMPORARY] VIEW [IF NOT EXISTS] name [(columns)] [COMMENT '…'] AS
     * query}.
     *
     * @param queryText the text of the query as written, to store in a catalog
     * @param comment the comment, or null
     */
    record CreateView(
            List<String> name,
            boolean orReplace,
            boolean temporary,
            boolean ifNotExists,
            List<String> columns,
            String comment,
            Query query,
            String queryText,
            Position position)
            implements Statement {
        public CreateView {
            name = List.copyOf(name);
            columns = List.copyOf(columns);
            requireNonNull(query, "query is null");
            requireNonNull(queryText, "queryText is null");
            checkArgument(!(orReplace && ifNotExists), "OR REPLACE and IF NOT EXISTS exclude each other");
        }
    }

    /**
     * {@code CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name [(columns)] [USING format] [clauses] [AS
     * query]}.
     *
     * @param query the {@code AS} query, or null
     */
    record CreateTable(
            List<String> name, boolean orReplace, boolean ifNotExists, TableSpec spec, Query query, Position position)
            implements Statement {
        public CreateTable {
            name = List.copyOf(name);
            requireNonNull(spec, "spec is null");
        }
    }

    /**
     * {@code CREATE [OR REFRESH] STREAMING TABLE [IF NOT EXISTS] name [(columns)] [USING format]
     * [clauses] AS query}: a table that a streaming query keeps up to date.
     */
    record CreateStreamingTable(
            List<String> name, boolean orRefresh, boolean ifNotExists, TableSpec spec, Query query, Position position)
            implements Statement {
        public CreateStreamingTable {
            name = List.copyOf(name);
            requireNonNull(spec, "spec is null");
            requireNonNull(query, "query is null");
        }
    }

    /** {@code INSERT INTO|OVERWRITE [TABLE] name [(columns)] query}; {@code VALUES} is a query. */
    record Insert(List<String> table, boolean overwrite, List<String> columns, Query query, Position position)
            implements Statement {
        public Insert {
            table = List.copyOf(table);
            columns = List.copyOf(columns);
            requireNonNull(query, "query is null");
        }
    }

    /** {@code DROP TABLE|VIEW [IF EXISTS] name}. */
    record Drop(ObjectKind kind, List<String> name, boolean ifExists, Position position) implements Statement {
        public Drop {
            requireNonNull(kind, "kind is null");
            name = List.copyOf(name);
        }
    }

    /** What a {@code DROP} removes. */
    enum ObjectKind {
        TABLE,
        VIEW
    }

    /**
     * {@code SHOW TABLES [IN db] [LIKE 'pattern']}.
     *
     * @param database the database, or null for the current one
     * @param pattern the pattern ({@code *} matches any text, {@code |} separates alternatives), or null
     */
    record ShowTables(List<String> database, String pattern, Position position) implements Statement {}

    /** {@code SHOW FUNCTIONS [LIKE 'pattern']}; the pattern may be null. */
    record ShowFunctions(String pattern, Position position) implements Statement {}

    /** {@code DESCRIBE [TABLE] [EXTENDED] name}. */
    record DescribeTable(List<String> name, boolean extended, Position position) implements Statement {
        public DescribeTable {
            name = List.copyOf(name);
        }
    }

    /** {@code DESCRIBE QUERY query}: the query's result columns. */
    record DescribeQuery(Query query, Position position) implements Statement {
        public DescribeQuery {
            requireNonNull(query, "query is null");
        }
    }

    /** {@code SET key = value}. */
    record SetConfig(String key, String value, Position position) implements Statement {
        public SetConfig {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code SET key} (show one setting) or {@code SET} (show all: key is null). */
    record ShowConfig(String key, Position position) implements Statement {}

    /** {@code RESET key} or {@code RESET} (all settings: key is null). */
    record ResetConfig(String key, Position position) implements Statement {}
}
