package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.plan.parsed.Position;
import io.freshet.sql.ast.AstPrinter;
import io.freshet.sql.ast.ColumnDefinition;
import io.freshet.sql.ast.Relation;
import io.freshet.sql.ast.Select;
import io.freshet.sql.ast.Statement;
import io.freshet.sql.ast.TableSpec;
import io.freshet.sql.ast.Values;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlParserStatementTest {

    private static String parse(String sql) {
        return AstPrinter.print(SqlParser.parseStatement(sql));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Statement> T statement(String sql, Class<T> type) {
        Statement statement = SqlParser.parseStatement(sql);
        assertThat(statement).isInstanceOf(type);
        return (T) statement;
    }

    @Test
    void queryStatementAllowsTrailingSemicolons() {
        Statement.QueryStatement query = statement("SELECT 1;;", Statement.QueryStatement.class);
        assertThat(query.query().body()).isInstanceOf(Select.class);
        assertThat(query.position()).isEqualTo(new Position(1, 1));
    }

    @Test
    void explain() {
        Statement.Explain simple = statement("EXPLAIN SELECT 1", Statement.Explain.class);
        assertThat(simple.mode()).isEqualTo(Statement.ExplainMode.SIMPLE);
        assertThat(simple.statement()).isInstanceOf(Statement.QueryStatement.class);
        assertThat(statement("EXPLAIN EXTENDED SELECT 1", Statement.Explain.class)
                        .mode())
                .isEqualTo(Statement.ExplainMode.EXTENDED);
        assertThat(statement("explain formatted SELECT 1", Statement.Explain.class)
                        .mode())
                .isEqualTo(Statement.ExplainMode.FORMATTED);
        assertThat(parse("EXPLAIN CREATE OR REFRESH STREAMING TABLE v AS SELECT * FROM STREAM t"))
                .isEqualTo("EXPLAIN CREATE OR REFRESH STREAMING TABLE v AS SELECT * FROM STREAM t");
        assertThatThrownBy(() -> SqlParser.parseStatement("EXPLAIN EXPLAIN SELECT 1"))
                .hasMessageStartingWith("EXPLAIN cannot explain an EXPLAIN");
    }

    @Test
    void createView() {
        Statement.CreateView view = statement(
                "CREATE OR REPLACE TEMP VIEW db.v (a COMMENT 'first', b) COMMENT 'doc' AS SELECT x, y FROM t",
                Statement.CreateView.class);
        assertThat(view.name()).containsExactly("db", "v");
        assertThat(view.orReplace()).isTrue();
        assertThat(view.temporary()).isTrue();
        assertThat(view.ifNotExists()).isFalse();
        assertThat(view.columns()).containsExactly("a", "b");
        assertThat(view.comment()).isEqualTo("doc");
        assertThat(view.queryText()).isEqualTo("SELECT x, y FROM t");
        assertThat(AstPrinter.print(view.query())).isEqualTo("SELECT x, y FROM t");

        Statement.CreateView plain =
                statement("CREATE VIEW IF NOT EXISTS v AS\n  SELECT 1 -- one\n", Statement.CreateView.class);
        assertThat(plain.ifNotExists()).isTrue();
        assertThat(plain.temporary()).isFalse();
        assertThat(plain.queryText()).isEqualTo("SELECT 1");
        assertThat(statement("CREATE TEMPORARY VIEW v AS SELECT 1", Statement.CreateView.class)
                        .temporary())
                .isTrue();
    }

    @Test
    void createViewRejectsReplaceWithIfNotExists() {
        assertThatThrownBy(() -> SqlParser.parseStatement("CREATE OR REPLACE VIEW IF NOT EXISTS v AS SELECT 1"))
                .hasMessageStartingWith("CREATE VIEW cannot have both OR REPLACE and IF NOT EXISTS");
    }

    @Test
    void createTableWithEveryClause() {
        Statement.CreateTable table = statement("""
                CREATE TABLE IF NOT EXISTS db.sales (
                  ts TIMESTAMP NOT NULL,
                  `user id` BIGINT COMMENT 'who',
                  s STRUCT<a: INT, b: STRING>,
                  xs ARRAY<INT>
                )
                USING kafka
                OPTIONS (bootstrap 'localhost:9092', topic = 'sales', 'dotted.key' 'v', kafka.group.id 'g', n 5, flag TRUE)
                PARTITIONED BY (ts)
                LOCATION '/data/sales'
                COMMENT 'all sales'
                TBLPROPERTIES ('k' = 'v')""", Statement.CreateTable.class);
        assertThat(table.name()).containsExactly("db", "sales");
        assertThat(table.ifNotExists()).isTrue();
        assertThat(table.orReplace()).isFalse();
        assertThat(table.query()).isNull();
        TableSpec spec = table.spec();
        assertThat(spec.columns())
                .containsExactly(
                        new ColumnDefinition("ts", TimestampType.TIMESTAMP, false, null, new Position(2, 3)),
                        new ColumnDefinition("user id", BigintType.BIGINT, true, "who", new Position(3, 3)),
                        new ColumnDefinition(
                                "s",
                                new StructType(List.of(Field.of("a", IntType.INT), Field.of("b", StringType.STRING))),
                                true,
                                null,
                                new Position(4, 3)),
                        new ColumnDefinition("xs", new ArrayType(IntType.INT), true, null, new Position(5, 3)));
        assertThat(spec.format()).isEqualTo("kafka");
        assertThat(spec.options())
                .containsExactly(
                        Map.entry("bootstrap", "localhost:9092"),
                        Map.entry("topic", "sales"),
                        Map.entry("dotted.key", "v"),
                        Map.entry("kafka.group.id", "g"),
                        Map.entry("n", "5"),
                        Map.entry("flag", "true"));
        assertThat(spec.partitionedBy()).containsExactly("ts");
        assertThat(spec.location()).isEqualTo("/data/sales");
        assertThat(spec.comment()).isEqualTo("all sales");
        assertThat(spec.properties()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void createTableClausesMayComeInAnyOrderButOnlyOnce() {
        Statement.CreateTable table = statement(
                "CREATE TABLE t USING csv LOCATION '/x' OPTIONS (header 'true')", Statement.CreateTable.class);
        assertThat(table.spec().location()).isEqualTo("/x");
        assertThat(table.spec().options()).containsExactly(Map.entry("header", "true"));
        assertThatThrownBy(() -> SqlParser.parseStatement("CREATE TABLE t USING csv LOCATION '/x' LOCATION '/y'"))
                .hasMessageStartingWith("Found duplicate clause: LOCATION");
        assertThatThrownBy(() -> SqlParser.parseStatement("CREATE TABLE t USING csv OPTIONS (a '1', A '2')"))
                .hasMessageStartingWith("Duplicate key 'A' in OPTIONS");
    }

    @Test
    void createTableAsSelect() {
        Statement.CreateTable table =
                statement("CREATE OR REPLACE TABLE t USING delta AS SELECT 1 AS a", Statement.CreateTable.class);
        assertThat(table.orReplace()).isTrue();
        assertThat(table.spec().columns()).isEmpty();
        assertThat(AstPrinter.print(table.query())).isEqualTo("SELECT 1 AS a");
        assertThat(parse("CREATE TABLE t AS SELECT 1")).isEqualTo("CREATE TABLE t AS SELECT 1");
        assertThat(parse("CREATE TABLE t USING parquet SELECT 1"))
                .isEqualTo("CREATE TABLE t USING parquet AS SELECT 1");
        assertThat(statement("CREATE TABLE t (a INT)", Statement.CreateTable.class)
                        .spec()
                        .format())
                .isNull();
    }

    @Test
    void createTableRejectsDuplicateColumns() {
        assertThatThrownBy(() -> SqlParser.parseStatement("CREATE TABLE t (a INT, A STRING) USING csv"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Found duplicate column 'A'")
                .satisfies(e -> assertThat(((AnalysisException) e).errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA));
    }

    @Test
    void createStreamingTable() {
        Statement.CreateStreamingTable table = statement("""
                CREATE OR REFRESH STREAMING TABLE velocity
                  TBLPROPERTIES (late_rows = 'velocity_late')
                AS SELECT window(ts, '1 hour', '5 minutes') AS w, product_id, sum(qty) AS units
                  FROM STREAM sales WATERMARK ts DELAY OF INTERVAL 10 MINUTES
                  GROUP BY window(ts, '1 hour', '5 minutes'), product_id""", Statement.CreateStreamingTable.class);
        assertThat(table.name()).containsExactly("velocity");
        assertThat(table.orRefresh()).isTrue();
        assertThat(table.spec().properties()).containsExactly(Map.entry("late_rows", "velocity_late"));
        Select select = (Select) table.query().body();
        Relation.TableRef sales = (Relation.TableRef) select.from();
        assertThat(sales.streaming()).isTrue();
        assertThat(sales.watermark().delayMicros()).isEqualTo(600_000_000L);
        assertThat(select.groupBy().elements()).hasSize(2);
    }

    @Test
    void createStreamingTableWithColumnsFormatAndWithClause() {
        Statement.CreateStreamingTable table = statement(
                "CREATE STREAMING TABLE IF NOT EXISTS out (w STRUCT<start: TIMESTAMP, end: TIMESTAMP>, n BIGINT)"
                        + " USING delta OPTIONS (mergeSchema 'true') LOCATION '/out' WITH (late_rows = 'side')"
                        + " AS SELECT * FROM STREAM t",
                Statement.CreateStreamingTable.class);
        assertThat(table.orRefresh()).isFalse();
        assertThat(table.ifNotExists()).isTrue();
        assertThat(table.spec().columns().get(0).type())
                .isEqualTo(new StructType(
                        List.of(Field.of("start", TimestampType.TIMESTAMP), Field.of("end", TimestampType.TIMESTAMP))));
        assertThat(table.spec().format()).isEqualTo("delta");
        assertThat(table.spec().options()).containsExactly(Map.entry("mergeSchema", "true"));
        assertThat(table.spec().location()).isEqualTo("/out");
        assertThat(table.spec().properties()).containsExactly(Map.entry("late_rows", "side"));
        assertThatThrownBy(() -> SqlParser.parseStatement(
                        "CREATE STREAMING TABLE t TBLPROPERTIES (a = 'b') WITH (c = 'd') AS SELECT 1"))
                .hasMessageStartingWith("Found duplicate clause: WITH");
    }

    @Test
    void insert() {
        Statement.Insert insert = statement("INSERT INTO TABLE db.t (a, b) SELECT x, y FROM u", Statement.Insert.class);
        assertThat(insert.table()).containsExactly("db", "t");
        assertThat(insert.overwrite()).isFalse();
        assertThat(insert.columns()).containsExactly("a", "b");
        assertThat(AstPrinter.print(insert.query())).isEqualTo("SELECT x, y FROM u");

        Statement.Insert values = statement("INSERT INTO t VALUES (1, 'a'), (2, 'b')", Statement.Insert.class);
        assertThat(values.columns()).isEmpty();
        assertThat(((Values) values.query().body()).rows()).hasSize(2);

        Statement.Insert overwrite = statement("INSERT OVERWRITE TABLE t SELECT * FROM u", Statement.Insert.class);
        assertThat(overwrite.overwrite()).isTrue();
        assertThat(parse("INSERT INTO t (SELECT 1)")).isEqualTo("INSERT INTO t SELECT 1");
        assertThat(parse("INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x"))
                .isEqualTo("INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x");
    }

    @Test
    void drop() {
        Statement.Drop table = statement("DROP TABLE IF EXISTS db.t", Statement.Drop.class);
        assertThat(table.kind()).isEqualTo(Statement.ObjectKind.TABLE);
        assertThat(table.ifExists()).isTrue();
        assertThat(table.name()).containsExactly("db", "t");
        Statement.Drop view = statement("DROP VIEW v", Statement.Drop.class);
        assertThat(view.kind()).isEqualTo(Statement.ObjectKind.VIEW);
        assertThat(view.ifExists()).isFalse();
    }

    @Test
    void show() {
        assertThat(statement("SHOW TABLES", Statement.ShowTables.class))
                .isEqualTo(new Statement.ShowTables(null, null, new Position(1, 1)));
        assertThat(statement("SHOW TABLES IN db LIKE 'sa*'", Statement.ShowTables.class))
                .isEqualTo(new Statement.ShowTables(List.of("db"), "sa*", new Position(1, 1)));
        assertThat(statement("SHOW TABLES FROM db 'x|y'", Statement.ShowTables.class)
                        .pattern())
                .isEqualTo("x|y");
        assertThat(statement("SHOW FUNCTIONS", Statement.ShowFunctions.class).pattern())
                .isNull();
        assertThat(statement("SHOW FUNCTIONS LIKE 'date*'", Statement.ShowFunctions.class)
                        .pattern())
                .isEqualTo("date*");
    }

    @Test
    void describe() {
        assertThat(statement("DESCRIBE t", Statement.DescribeTable.class))
                .isEqualTo(new Statement.DescribeTable(List.of("t"), false, new Position(1, 1)));
        assertThat(statement("DESCRIBE TABLE db.t", Statement.DescribeTable.class)
                        .name())
                .containsExactly("db", "t");
        assertThat(statement("DESCRIBE EXTENDED t", Statement.DescribeTable.class)
                        .extended())
                .isTrue();
        assertThat(statement("DESC TABLE EXTENDED t", Statement.DescribeTable.class)
                        .extended())
                .isTrue();
        assertThat(statement("DESCRIBE TABLE FORMATTED t", Statement.DescribeTable.class)
                        .extended())
                .isTrue();
        assertThat(parse("DESCRIBE QUERY SELECT a FROM t")).isEqualTo("DESCRIBE QUERY SELECT a FROM t");
        assertThat(parse("DESC SELECT a FROM t")).isEqualTo("DESCRIBE QUERY SELECT a FROM t");
    }

    @Test
    void setAndReset() {
        assertThat(statement("SET freshet.shuffle.partitions = 4", Statement.SetConfig.class))
                .isEqualTo(new Statement.SetConfig("freshet.shuffle.partitions", "4", new Position(1, 1)));
        assertThat(statement("SET freshet.state.maintenance-interval-ms=1000", Statement.SetConfig.class))
                .isEqualTo(
                        new Statement.SetConfig("freshet.state.maintenance-interval-ms", "1000", new Position(1, 1)));
        assertThat(statement("SET spark.sql.session.timeZone = 'America/New_York'", Statement.SetConfig.class)
                        .value())
                .isEqualTo("America/New_York");
        assertThat(statement("SET a.b = some text here", Statement.SetConfig.class)
                        .value())
                .isEqualTo("some text here");
        assertThat(statement("SET a.b =", Statement.SetConfig.class).value()).isEmpty();
        assertThat(statement("SET a.b", Statement.ShowConfig.class).key()).isEqualTo("a.b");
        assertThat(statement("SET", Statement.ShowConfig.class).key()).isNull();
        assertThat(statement("SET `a.b` = 1;", Statement.SetConfig.class).key()).isEqualTo("a.b");
        assertThat(statement("RESET", Statement.ResetConfig.class).key()).isNull();
        assertThat(statement("RESET freshet.shuffle.partitions", Statement.ResetConfig.class)
                        .key())
                .isEqualTo("freshet.shuffle.partitions");
        assertThatThrownBy(() -> SqlParser.parseStatement("SET TIME ZONE 'UTC'"))
                .hasMessageStartingWith("Invalid configuration key 'TIME ZONE 'UTC''");
    }

    @Test
    void useIsRejected() {
        assertThatThrownBy(() -> SqlParser.parseStatement("USE db"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("USE is not supported")
                .satisfies(e -> assertThat(((AnalysisException) e).errorCode()).isEqualTo(ErrorCode.UNSUPPORTED));
    }

    @Test
    void parseStatementsReadsAScript() {
        List<Statement> statements = SqlParser.parseStatements(
                "CREATE TABLE t (a INT) USING memory;\nINSERT INTO t VALUES (1);\n\n;SELECT * FROM t;");
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).isInstanceOf(Statement.CreateTable.class);
        assertThat(statements.get(1).position()).isEqualTo(new Position(2, 1));
        assertThat(statements.get(2).position()).isEqualTo(new Position(4, 2));
        assertThat(SqlParser.parseStatements("  -- nothing\n")).isEmpty();
    }
}
