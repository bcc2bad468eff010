package io.freshet.sql;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.sql.ast.AstPrinter;
import io.freshet.sql.ast.Statement;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Properties of the grammar as a whole: SLL parses typical queries, printing round-trips, precedence. */
class SqlGrammarTest {

    static final List<String> TYPICAL = List.of(
            "SELECT a, b AS c, count(*) FROM t WHERE x > 1 AND y IS NOT NULL GROUP BY a, b HAVING count(*) > 2"
                    + " ORDER BY a DESC NULLS LAST LIMIT 10",
            "SELECT * FROM t1 JOIN t2 ON t1.id = t2.id LEFT JOIN t3 USING (id) WHERE t1.ts >= DATE '2024-01-01'",
            "SELECT window(ts, '1 hour', '5 minutes') AS w, product_id, sum(qty) AS units"
                    + " FROM STREAM sales WATERMARK ts DELAY OF INTERVAL 10 MINUTES"
                    + " GROUP BY window(ts, '1 hour', '5 minutes'), product_id",
            "CREATE OR REFRESH STREAMING TABLE velocity AS SELECT w.start, w.end, count(*) FROM STREAM(s) GROUP BY w",
            "CREATE TABLE sales (ts TIMESTAMP, product_id BIGINT, qty INT) USING kafka"
                    + " OPTIONS (bootstrap 'localhost:9092', topic 'sales', format 'json')",
            "WITH recent AS (SELECT * FROM orders WHERE ts > current_timestamp - INTERVAL 1 DAY)"
                    + " SELECT customer, sum(amount) FROM recent GROUP BY customer",
            "SELECT a, rank() OVER (PARTITION BY b ORDER BY c) AS r FROM t QUALIFY r = 1",
            "SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END, CAST(b AS DOUBLE) FROM t",
            "SELECT a FROM t WHERE b IN (1, 2, 3) AND c NOT LIKE 'x%' AND d BETWEEN 1 AND 10",
            "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a) AND b IN (SELECT b FROM v)",
            "SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1",
            "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
            "INSERT INTO t SELECT * FROM u WHERE x IS NULL",
            "SELECT date, value, key, timestamp, count FROM kafka_topic",
            "SELECT sum(x) OVER (ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) FROM t",
            "SELECT TRIM(BOTH ' ' FROM s), SUBSTRING(s FROM 2 FOR 3), EXTRACT(YEAR FROM ts) FROM t",
            "DROP TABLE IF EXISTS t",
            "EXPLAIN SELECT * FROM t",
            "SELECT a.b.c, x[0], f(y).z FROM t",
            "SELECT count(DISTINCT user_id) FILTER (WHERE amount > 0) FROM payments GROUP BY ALL",
            "SELECT * FROM VALUES (1, 2), (3, 4) AS v(a, b)",
            "SELECT a FROM t GROUP BY ROLLUP(a, b)",
            "SELECT a, b FROM t1, t2 WHERE t1.k = t2.k");

    static final List<String> OTHERS = List.of(
            "SELECT DISTINCT a FROM t LIMIT ALL OFFSET 3",
            "SELECT * EXCEPT (a), t.* FROM t AS x(a, b) CROSS JOIN u NATURAL LEFT JOIN v",
            "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4",
            "(SELECT a FROM t ORDER BY a LIMIT 1) UNION (SELECT b FROM u)",
            "SELECT a FROM t LEFT SEMI JOIN u ON t.a = u.a LEFT ANTI JOIN v ON t.a = v.a FULL JOIN w ON x",
            "SELECT -1, -1.5, 1e3, 10L, 1.5D, 2BD, 'a\\'b', \"c\", TRUE, NULL, DATE '2024-02-29'",
            "SELECT TIMESTAMP '2024-01-01 00:00:00', INTERVAL '1 02:03:04.5' DAY TO SECOND, x::int",
            "SELECT a IS TRUE, a IS NOT DISTINCT FROM b, a <=> b, a DIV b, ~a, a & b | c ^ d, -(a)",
            "SELECT first(x) IGNORE NULLS OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b RANGE 2 PRECEDING)",
            "SELECT (SELECT max(a) FROM t), (a, b), struct(*), `select`, `a``b` FROM t",
            "SELECT a FROM t GROUP BY GROUPING SETS ((a, b), (), a), CUBE(c)",
            "CREATE OR REPLACE TEMPORARY VIEW v (a, b) COMMENT 'x' AS SELECT 1, 2",
            "CREATE TABLE IF NOT EXISTS t (s STRUCT<`end`: TIMESTAMP NOT NULL>, xs ARRAY<DECIMAL(10,2)> NOT NULL"
                    + " COMMENT 'x') USING delta PARTITIONED BY (s) LOCATION '/x' COMMENT 'c'"
                    + " TBLPROPERTIES ('a' = 'b') AS SELECT 1",
            "CREATE STREAMING TABLE s WITH (late_rows = 'l') AS SELECT * FROM STREAM t WATERMARK ts DELAY OF"
                    + " INTERVAL 5 SECONDS AS x",
            "INSERT OVERWRITE t (a) SELECT 1",
            "SHOW TABLES IN db LIKE 'x*'",
            "SHOW FUNCTIONS LIKE 'a'",
            "DESCRIBE EXTENDED db.t",
            "DESCRIBE QUERY SELECT 1",
            "SET a.b = c",
            "SET a.b",
            "RESET",
            "SELECT * FROM range(1, 10) AS r(id)",
            "EXPLAIN FORMATTED INSERT INTO t SELECT 1");

    static final List<String> ALL = concat(TYPICAL, OTHERS);

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    @ParameterizedTest
    @FieldSource("TYPICAL")
    void typicalStatementsParseInSllModeWithoutFallingBack(String sql) {
        FreshetSqlParser parser =
                new FreshetSqlParser(new CommonTokenStream(new FreshetSqlLexer(CharStreams.fromString(sql))));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        assertThatCode(parser::singleStatement).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void printedStatementsParseBackToTheSameStatement(String sql) {
        String printed = AstPrinter.print(SqlParser.parseStatement(sql));
        Statement reparsed = SqlParser.parseStatement(printed);
        assertThat(AstPrinter.print(reparsed)).isEqualTo(printed);
    }

    // ----- precedence, checked against a table of Spark's operator levels

    /** An operator of the random expressions: its SQL spelling, canonical printed form and precedence level. */
    private record Operator(String sql, String printed, int level) {}

    private static final List<Operator> BINARY = List.of(
            new Operator("OR", "OR", 1),
            new Operator("AND", "AND", 2),
            new Operator("=", "=", 4),
            new Operator("==", "=", 4),
            new Operator("<>", "<>", 4),
            new Operator("!=", "<>", 4),
            new Operator("<", "<", 4),
            new Operator(">=", ">=", 4),
            new Operator("<=>", "<=>", 4),
            new Operator("|", "|", 5),
            new Operator("^", "^", 6),
            new Operator("&", "&", 7),
            new Operator("+", "+", 8),
            new Operator("-", "-", 8),
            new Operator("||", "||", 8),
            new Operator("*", "*", 9),
            new Operator("/", "/", 9),
            new Operator("%", "%", 9),
            new Operator("DIV", "DIV", 9));

    private static final int NOT_LEVEL = 3;
    private static final int UNARY_LEVEL = 10;
    private static final int ATOM_LEVEL = 11;

    /** A random expression as SQL with as few parentheses as precedence allows, and as canonically printed. */
    private record Generated(String sql, String expected, int level) {}

    private static Generated generate(Random random, int depth) {
        int choice = depth == 0 ? 0 : random.nextInt(10);
        if (choice == 0) {
            String name = String.valueOf((char) ('a' + random.nextInt(5)));
            return new Generated(name, name, ATOM_LEVEL);
        }
        if (choice == 1) {
            int number = random.nextInt(100);
            return new Generated(Integer.toString(number), Integer.toString(number), ATOM_LEVEL);
        }
        if (choice == 2) {
            Generated operand = generate(random, depth - 1);
            // NOT takes any expression of a higher level than itself.
            String sql = "NOT " + parenthesizeBelow(operand, NOT_LEVEL);
            return new Generated(sql, "(NOT " + operand.expected + ")", NOT_LEVEL);
        }
        if (choice == 3) {
            Generated operand = generate(random, depth - 1);
            if (operand.level == ATOM_LEVEL && Character.isDigit(operand.sql.charAt(0))) {
                // A minus sign on a bare number is part of the literal, not an operator.
                operand = new Generated("(" + operand.sql + ")", operand.expected, ATOM_LEVEL);
            }
            String sql = "- " + parenthesizeBelow(operand, UNARY_LEVEL);
            return new Generated(sql, "(-(" + operand.expected + "))", UNARY_LEVEL);
        }
        Operator operator = BINARY.get(random.nextInt(BINARY.size()));
        Generated left = generate(random, depth - 1);
        Generated right = generate(random, depth - 1);
        // Left-associative: the left operand may share the level, the right one must be above it.
        String sql = parenthesizeBelow(left, operator.level) + " " + operator.sql + " "
                + parenthesizeBelow(right, operator.level + 1);
        String expected = "(" + left.expected + " " + operator.printed + " " + right.expected + ")";
        return new Generated(sql, expected, operator.level);
    }

    private static String parenthesizeBelow(Generated operand, int level) {
        return operand.level < level ? "(" + operand.sql + ")" : operand.sql;
    }

    @Test
    void randomExpressionsParseWithSparksPrecedenceAndAssociativity() {
        long seed = new Random().nextLong();
        System.out.println("SqlGrammarTest precedence seed: " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            Generated generated = generate(random, 1 + random.nextInt(5));
            ParsedExpr parsed = SqlParser.parseExpression(generated.sql);
            assertThat(AstPrinter.print(parsed))
                    .as("seed %s, expression %s", seed, generated.sql)
                    .isEqualTo(generated.expected);
        }
    }
}
