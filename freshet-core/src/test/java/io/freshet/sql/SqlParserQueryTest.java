package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import io.freshet.sql.ast.AstPrinter;
import io.freshet.sql.ast.Cte;
import io.freshet.sql.ast.GroupingElement;
import io.freshet.sql.ast.JoinCriteria;
import io.freshet.sql.ast.JoinType;
import io.freshet.sql.ast.Query;
import io.freshet.sql.ast.Relation;
import io.freshet.sql.ast.Select;
import io.freshet.sql.ast.SetOperation;
import io.freshet.sql.ast.SetOperation.SetOperator;
import io.freshet.sql.ast.TableAlias;
import io.freshet.sql.ast.Values;
import io.freshet.sql.ast.Watermark;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlParserQueryTest {

    private static String parse(String sql) {
        return AstPrinter.print(SqlParser.parseQuery(sql));
    }

    private static Select select(String sql) {
        Query query = SqlParser.parseQuery(sql);
        assertThat(query.body()).isInstanceOf(Select.class);
        return (Select) query.body();
    }

    private static Relation from(String sql) {
        return select(sql).from();
    }

    private static ParsedExpr.Identifier column(String name, int line, int column) {
        return new ParsedExpr.Identifier(List.of(name), new Position(line, column));
    }

    // ----- SELECT

    @Test
    void selectWithEveryClause() {
        assertThat(parse("""
                select distinct a, b as c, d e
                from t
                where x > 1
                group by a, b
                having count(*) > 2
                qualify rank() over (order by a) = 1
                order by a desc nulls last, 2
                limit 10 offset 5"""))
                .isEqualTo("SELECT DISTINCT a, b AS c, d AS e FROM t WHERE (x > 1) GROUP BY a, b"
                        + " HAVING (count(1) > 2) QUALIFY (rank() OVER (ORDER BY a) = 1)"
                        + " ORDER BY a DESC NULLS LAST, 2 LIMIT 10 OFFSET 5");
    }

    @Test
    void selectBuildsRecords() {
        Query query = SqlParser.parseQuery("SELECT a, b AS c\nFROM t\nWHERE a > 1\nORDER BY a\nLIMIT 3");
        Select select = (Select) query.body();
        assertThat(select.distinct()).isFalse();
        assertThat(select.items())
                .containsExactly(column("a", 1, 8), new ParsedExpr.Alias(column("b", 1, 11), "c", new Position(1, 11)));
        assertThat(select.from()).isEqualTo(new Relation.TableRef(List.of("t"), false, null, null, new Position(2, 6)));
        assertThat(select.where().position()).isEqualTo(new Position(3, 7));
        assertThat(select.groupBy()).isNull();
        assertThat(select.having()).isNull();
        assertThat(select.qualify()).isNull();
        assertThat(query.orderBy())
                .containsExactly(new ParsedExpr.SortItem(column("a", 4, 10), true, ParsedExpr.NullOrder.DEFAULT));
        assertThat(query.limit())
                .isEqualTo(new ParsedExpr.Constant(3, io.freshet.types.IntType.INT, new Position(5, 7)));
        assertThat(query.offset()).isNull();
        assertThat(query.position()).isEqualTo(new Position(1, 1));
    }

    @Test
    void selectWithoutFrom() {
        assertThat(select("SELECT 1, 'a'").from()).isNull();
        assertThat(parse("SELECT 1 WHERE true")).isEqualTo("SELECT 1 WHERE TRUE");
    }

    @Test
    void limitAllMeansNoLimit() {
        Query query = SqlParser.parseQuery("SELECT a FROM t LIMIT ALL OFFSET 2");
        assertThat(query.limit()).isNull();
        assertThat(AstPrinter.print(query.offset())).isEqualTo("2");
    }

    @Test
    void starsQualifiedStarsAndExcept() {
        assertThat(select("SELECT *, t.*, db.t.*, * EXCEPT (a, b) FROM t").items())
                .containsExactly(
                        new ParsedExpr.Star(List.of(), List.of(), new Position(1, 8)),
                        new ParsedExpr.Star(List.of("t"), List.of(), new Position(1, 11)),
                        new ParsedExpr.Star(List.of("db", "t"), List.of(), new Position(1, 16)),
                        new ParsedExpr.Star(List.of(), List.of("a", "b"), new Position(1, 24)));
    }

    @Test
    void keywordsAsColumnNamesAndAliases() {
        assertThat(
                        parse(
                                "SELECT date, year, window, value, key, comment, timestamp, count, offset, limit, `select` FROM t"))
                .isEqualTo("SELECT date, year, window, value, key, comment, timestamp, count, offset, limit, `select`"
                        + " FROM t");
        assertThat(parse("SELECT a AS window, b AS limit FROM t AS window"))
                .isEqualTo("SELECT a AS window, b AS limit FROM t AS window");
        assertThat(parse("SELECT a FROM t limit 5")).isEqualTo("SELECT a FROM t LIMIT 5");
        assertThat(parse("SELECT a FROM t offset 5")).isEqualTo("SELECT a FROM t OFFSET 5");
    }

    // ----- GROUP BY

    @Test
    void groupByExpressionsAndOrdinals() {
        List<GroupingElement> elements = select("SELECT a, count(*) FROM t GROUP BY a, 2, lower(b)")
                .groupBy()
                .elements();
        assertThat(elements).hasSize(3);
        assertThat(elements.get(1)).isInstanceOf(GroupingElement.Single.class);
        assertThat(((GroupingElement.Single) elements.get(1)).expr())
                .isEqualTo(new ParsedExpr.Constant(2, io.freshet.types.IntType.INT, new Position(1, 39)));
    }

    @Test
    void groupingAnalytics() {
        assertThat(parse("SELECT a FROM t GROUP BY ROLLUP(a, b), CUBE(c), GROUPING SETS((a, b), (a), ())"))
                .isEqualTo("SELECT a FROM t GROUP BY ROLLUP(a, b), CUBE(c), GROUPING SETS((a, b), (a), ())");
        assertThat(parse("SELECT a FROM t GROUP BY a, b WITH ROLLUP"))
                .isEqualTo("SELECT a FROM t GROUP BY ROLLUP(a, b)");
        assertThat(parse("SELECT a FROM t GROUP BY a WITH CUBE")).isEqualTo("SELECT a FROM t GROUP BY CUBE(a)");
        assertThat(parse("SELECT a FROM t GROUP BY GROUPING SETS (a, (b, c))"))
                .isEqualTo("SELECT a FROM t GROUP BY GROUPING SETS((a), (b, c))");
        assertThat(parse("SELECT grouping(a) FROM t GROUP BY rollup(a)"))
                .isEqualTo("SELECT grouping(a) FROM t GROUP BY ROLLUP(a)");
    }

    @Test
    void groupByAll() {
        assertThat(select("SELECT a, sum(b) FROM t GROUP BY ALL").groupBy().all())
                .isTrue();
        assertThat(parse("SELECT a, sum(b) FROM t GROUP BY ALL")).isEqualTo("SELECT a, sum(b) FROM t GROUP BY ALL");
    }

    // ----- windows

    @Test
    void namedWindowsAreSubstitutedIntoCalls() {
        assertThat(parse("""
                SELECT rank() OVER w, sum(x) OVER (w), avg(x) OVER w2
                FROM t
                WINDOW w AS (PARTITION BY a ORDER BY b), w2 AS w
                ORDER BY rank() OVER w"""))
                .isEqualTo("SELECT rank() OVER (PARTITION BY a ORDER BY b), sum(x) OVER (PARTITION BY a ORDER BY b),"
                        + " avg(x) OVER (PARTITION BY a ORDER BY b) FROM t"
                        + " ORDER BY rank() OVER (PARTITION BY a ORDER BY b)");
    }

    @Test
    void windowsAreScopedToTheirSelect() {
        assertThat(parse("""
                SELECT (SELECT max(y) OVER w FROM u WINDOW w AS (ORDER BY y)), sum(x) OVER w
                FROM t WINDOW w AS (PARTITION BY a)"""))
                .isEqualTo("SELECT (SELECT max(y) OVER (ORDER BY y) FROM u), sum(x) OVER (PARTITION BY a) FROM t");
        assertThat(parse("SELECT (SELECT max(y) OVER w FROM u) FROM t WINDOW w AS (PARTITION BY a)"))
                .isEqualTo("SELECT (SELECT max(y) OVER (PARTITION BY a) FROM u) FROM t");
    }

    @Test
    void undefinedWindowIsAnError() {
        assertThatThrownBy(() -> SqlParser.parseQuery("SELECT rank() OVER w FROM t"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Window 'w' is not defined")
                .satisfies(e -> {
                    AnalysisException error = (AnalysisException) e;
                    assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_WINDOW);
                    assertThat(error.line()).isEqualTo(1);
                    assertThat(error.column()).isEqualTo(20);
                });
        assertThatThrownBy(() -> SqlParser.parseQuery("SELECT 1 FROM t WINDOW w AS (ORDER BY a), w AS (ORDER BY b)"))
                .hasMessageStartingWith("Window 'w' is defined twice");
    }

    // ----- set operations

    @Test
    void intersectBindsTighterThanUnionAndExcept() {
        SetOperation union = (SetOperation) SqlParser.parseQuery("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3")
                .body();
        assertThat(union.operator()).isEqualTo(SetOperator.UNION);
        assertThat(union.all()).isFalse();
        assertThat(union.left()).isInstanceOf(Select.class);
        assertThat(((SetOperation) union.right()).operator()).isEqualTo(SetOperator.INTERSECT);

        assertThat(parse("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4 MINUS SELECT 5"))
                .isEqualTo("((SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)) EXCEPT ALL SELECT 4) EXCEPT SELECT 5");
        assertThat(parse("SELECT 1 INTERSECT SELECT 2 UNION SELECT 3"))
                .isEqualTo("(SELECT 1 INTERSECT SELECT 2) UNION SELECT 3");
    }

    @Test
    void setQuantifiers() {
        assertThat(parse("SELECT 1 UNION ALL SELECT 2")).isEqualTo("SELECT 1 UNION ALL SELECT 2");
        assertThat(parse("SELECT 1 UNION DISTINCT SELECT 2")).isEqualTo("SELECT 1 UNION SELECT 2");
        assertThat(parse("SELECT 1 INTERSECT ALL SELECT 2")).isEqualTo("SELECT 1 INTERSECT ALL SELECT 2");
        assertThat(parse("SELECT 1 EXCEPT DISTINCT SELECT 2")).isEqualTo("SELECT 1 EXCEPT SELECT 2");
        assertThat(parse("SELECT 1 MINUS ALL SELECT 2")).isEqualTo("SELECT 1 EXCEPT ALL SELECT 2");
    }

    @Test
    void parenthesesGroupSetOperations() {
        assertThat(parse("SELECT 1 UNION (SELECT 2 UNION SELECT 3)"))
                .isEqualTo("SELECT 1 UNION (SELECT 2 UNION SELECT 3)");
        assertThat(parse("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3"))
                .isEqualTo("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3");
        assertThat(parse("((SELECT 1))")).isEqualTo("SELECT 1");
    }

    @Test
    void orderByAndLimitApplyToTheWholeSetOperation() {
        Query query = SqlParser.parseQuery("SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1 LIMIT 5");
        assertThat(query.body()).isInstanceOf(SetOperation.class);
        assertThat(query.orderBy()).hasSize(1);
        assertThat(query.limit()).isNotNull();
        assertThat(parse("(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u)"))
                .isEqualTo("(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL SELECT b FROM u");
    }

    // ----- VALUES and WITH

    @Test
    void valuesAsAQuery() {
        Values values =
                (Values) SqlParser.parseQuery("VALUES (1, 'a'), (2, 'b')").body();
        assertThat(values.rows()).hasSize(2);
        assertThat(values.rows().get(1)).hasSize(2);
        assertThat(parse("VALUES 1, 2")).isEqualTo("VALUES (1), (2)");
        assertThat(parse("VALUES (1, 2) UNION ALL SELECT 3, 4")).isEqualTo("VALUES (1, 2) UNION ALL SELECT 3, 4");
    }

    @Test
    void valuesAsARelationWithColumnAliases() {
        Relation relation = from("SELECT * FROM VALUES (1, 2), (3, 4) AS t(a, b)");
        assertThat(relation).isInstanceOf(Relation.SubqueryRelation.class);
        Relation.SubqueryRelation subquery = (Relation.SubqueryRelation) relation;
        assertThat(subquery.alias()).isEqualTo(new TableAlias("t", List.of("a", "b")));
        assertThat(subquery.query().body()).isInstanceOf(Values.class);
        assertThat(parse("SELECT * FROM (VALUES (1), (2)) t(a)")).isEqualTo("SELECT * FROM (VALUES (1), (2)) AS t(a)");
    }

    @Test
    void commonTableExpressions() {
        Query query = SqlParser.parseQuery("WITH x AS (SELECT 1 AS a), y (b, c) AS (SELECT 2, 3) SELECT * FROM x, y");
        assertThat(query.with()).extracting(Cte::name).containsExactly("x", "y");
        assertThat(query.with().get(0).columns()).isEmpty();
        assertThat(query.with().get(1).columns()).containsExactly("b", "c");
        assertThat(parse("WITH x AS (SELECT 1) SELECT * FROM x")).isEqualTo("WITH x AS (SELECT 1) SELECT * FROM x");
        assertThat(parse("SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) s"))
                .isEqualTo("SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) AS s");
        assertThatThrownBy(() -> SqlParser.parseQuery("WITH x AS (SELECT 1), X AS (SELECT 2) SELECT 1"))
                .hasMessageStartingWith("CTE name 'X' is used twice");
    }

    // ----- relations

    @Test
    void tableNamesAndAliases() {
        assertThat(from("SELECT * FROM db.t"))
                .isEqualTo(new Relation.TableRef(List.of("db", "t"), false, null, null, new Position(1, 15)));
        assertThat(((Relation.TableRef) from("SELECT * FROM t AS x")).alias())
                .isEqualTo(new TableAlias("x", List.of()));
        assertThat(((Relation.TableRef) from("SELECT * FROM t x")).alias()).isEqualTo(new TableAlias("x", List.of()));
        assertThat(((Relation.TableRef) from("SELECT * FROM t AS x(a, b)")).alias())
                .isEqualTo(new TableAlias("x", List.of("a", "b")));
        assertThat(((Relation.TableRef) from("SELECT * FROM `my db`.`my table`")).name())
                .containsExactly("my db", "my table");
    }

    @Test
    void streamingTableReferences() {
        Relation.TableRef plain = (Relation.TableRef) from("SELECT * FROM STREAM sales");
        assertThat(plain.streaming()).isTrue();
        assertThat(plain.watermark()).isNull();
        assertThat(plain.alias()).isNull();

        Relation.TableRef watermarked =
                (Relation.TableRef) from("SELECT * FROM STREAM sales WATERMARK ts DELAY OF INTERVAL 10 MINUTES AS s");
        assertThat(watermarked)
                .isEqualTo(new Relation.TableRef(
                        List.of("sales"),
                        true,
                        new Watermark(column("ts", 1, 38), 600_000_000L, new Position(1, 28)),
                        new TableAlias("s", List.of()),
                        new Position(1, 15)));

        Relation.TableRef parenthesized =
                (Relation.TableRef) from("SELECT * FROM STREAM(db.sales) WATERMARK ts DELAY OF INTERVAL '10' MINUTE s");
        assertThat(parenthesized.streaming()).isTrue();
        assertThat(parenthesized.name()).containsExactly("db", "sales");
        assertThat(parenthesized.watermark().delayMicros()).isEqualTo(600_000_000L);
        assertThat(parenthesized.alias()).isEqualTo(new TableAlias("s", List.of()));

        assertThat(((Relation.TableRef) from("SELECT * FROM sales")).streaming())
                .isFalse();
    }

    @Test
    void watermarkWithoutStream() {
        Relation.TableRef table =
                (Relation.TableRef) from("SELECT * FROM sales WATERMARK sales.ts DELAY OF INTERVAL 5 SECONDS");
        assertThat(table.streaming()).isFalse();
        assertThat(((ParsedExpr.Identifier) table.watermark().column()).parts()).containsExactly("sales", "ts");
        assertThat(table.watermark().delayMicros()).isEqualTo(5_000_000L);
    }

    @Test
    void negativeWatermarkDelayIsAnError() {
        assertThatThrownBy(
                        () -> SqlParser.parseQuery("SELECT * FROM STREAM t WATERMARK ts DELAY OF INTERVAL -5 MINUTES"))
                .hasMessageStartingWith("The watermark delay must not be negative");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a JOIN b ON a.x = b.x            | INNER",
                "a INNER JOIN b ON a.x = b.x      | INNER",
                "a LEFT JOIN b ON a.x = b.x       | LEFT",
                "a LEFT OUTER JOIN b ON a.x = b.x | LEFT",
                "a RIGHT JOIN b ON a.x = b.x      | RIGHT",
                "a RIGHT OUTER JOIN b ON a.x = b.x| RIGHT",
                "a FULL JOIN b ON a.x = b.x       | FULL",
                "a FULL OUTER JOIN b ON a.x = b.x | FULL",
                "a SEMI JOIN b ON a.x = b.x       | SEMI",
                "a LEFT SEMI JOIN b ON a.x = b.x  | SEMI",
                "a ANTI JOIN b ON a.x = b.x       | ANTI",
                "a LEFT ANTI JOIN b ON a.x = b.x  | ANTI",
            })
    void joinTypes(String relation, JoinType type) {
        Relation.Join join = (Relation.Join) from("SELECT * FROM " + relation);
        assertThat(join.type()).isEqualTo(type);
        assertThat(join.criteria()).isInstanceOf(JoinCriteria.On.class);
        assertThat(AstPrinter.print(((JoinCriteria.On) join.criteria()).condition()))
                .isEqualTo("(a.x = b.x)");
        assertThat(((Relation.TableRef) join.left()).name()).containsExactly("a");
        assertThat(((Relation.TableRef) join.right()).name()).containsExactly("b");
    }

    @Test
    void joinCriteria() {
        assertThat(((Relation.Join) from("SELECT * FROM a JOIN b USING (x, y)")).criteria())
                .isEqualTo(new JoinCriteria.Using(List.of("x", "y")));
        Relation.Join natural = (Relation.Join) from("SELECT * FROM a NATURAL JOIN b");
        assertThat(natural.type()).isEqualTo(JoinType.INNER);
        assertThat(natural.criteria()).isEqualTo(new JoinCriteria.Natural());
        assertThat(((Relation.Join) from("SELECT * FROM a NATURAL LEFT JOIN b")).type())
                .isEqualTo(JoinType.LEFT);
        Relation.Join cross = (Relation.Join) from("SELECT * FROM a CROSS JOIN b");
        assertThat(cross.type()).isEqualTo(JoinType.CROSS);
        assertThat(cross.criteria()).isEqualTo(new JoinCriteria.NoCondition());
        Relation.Join bare = (Relation.Join) from("SELECT * FROM a JOIN b");
        assertThat(bare.type()).isEqualTo(JoinType.INNER);
        assertThat(bare.criteria()).isEqualTo(new JoinCriteria.NoCondition());
    }

    @Test
    void joinsAssociateToTheLeftAndCommasJoinWholeRelations() {
        assertThat(parse("SELECT * FROM a JOIN b ON x LEFT JOIN c USING (y), d CROSS JOIN e"))
                .isEqualTo("SELECT * FROM a INNER JOIN b ON x LEFT JOIN c USING (y) CROSS JOIN (d CROSS JOIN e)");
        assertThat(parse("SELECT * FROM a, b, c")).isEqualTo("SELECT * FROM a CROSS JOIN b CROSS JOIN c");
        assertThat(parse("SELECT * FROM a JOIN (b JOIN c ON y) ON x"))
                .isEqualTo("SELECT * FROM a INNER JOIN (b INNER JOIN c ON y) ON x");
    }

    @Test
    void subqueriesAndTableFunctionsAsRelations() {
        Relation.SubqueryRelation subquery = (Relation.SubqueryRelation) from("SELECT x FROM (SELECT 1 AS x) AS s(y)");
        assertThat(subquery.alias()).isEqualTo(new TableAlias("s", List.of("y")));
        assertThat(((Relation.SubqueryRelation) from("SELECT x FROM (SELECT 1 AS x)")).alias())
                .isNull();
        assertThat(from("SELECT * FROM range(10) r"))
                .isEqualTo(new Relation.TableFunction(
                        "range",
                        List.of(new ParsedExpr.Constant(10, io.freshet.types.IntType.INT, new Position(1, 21))),
                        new TableAlias("r", List.of()),
                        new Position(1, 15)));
    }

    @Test
    void streamIsATableNameWhenNothingFollows() {
        assertThat(((Relation.TableRef) from("SELECT * FROM stream")).name()).containsExactly("stream");
        assertThat(((Relation.TableRef) from("SELECT * FROM `stream` s")).streaming())
                .isFalse();
    }

    @Test
    void parseQueryRejectsOtherStatements() {
        assertThatThrownBy(() -> SqlParser.parseQuery("DROP TABLE t"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Expected a query");
    }
}
