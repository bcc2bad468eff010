package io.freshet.api;

import io.freshet.AnalysisException;
import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.functions.col;
import static io.freshet.functions.count;
import static io.freshet.functions.countDistinct;
import static io.freshet.functions.lit;
import static io.freshet.functions.sum;
import static io.freshet.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DataFrame API builds the same plans as SQL: every query here is checked against its SQL twin. */
class DataFrameTest {
    @TempDir
    Path dir;

    private Freshet freshet;
    private DataFrame sales;

    @BeforeEach
    void createSession() throws IOException {
        freshet = Freshet.builder().config("freshet.parallelism", "2").build();
        Path csv = dir.resolve("sales.csv");
        Files.writeString(csv, """
                id,region,user_id,amount
                1,eu,10,5
                2,eu,11,7
                3,us,10,1
                4,us,12,
                5,apac,13,2
                """);
        sales = freshet.read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(csv.toString());
        sales.createOrReplaceTempView("sales");
    }

    @AfterEach
    void close() {
        freshet.close();
    }

    private List<Row> sql(String query) {
        return freshet.sql(query).collect();
    }

    @Test
    void groupByAggMatchesSql() {
        List<Row> api = sales.groupBy("region")
                .agg(
                        sum(col("amount")).as("total"),
                        countDistinct(col("user_id")).as("users"))
                .orderBy(col("region"))
                .collect();

        assertThat(api)
                .isEqualTo(
                        sql(
                                "SELECT region, sum(amount) AS total, count(DISTINCT user_id) AS users FROM sales GROUP BY region ORDER BY region"));
        assertThat(api.get(0).toList()).containsExactly("apac", 2L, 1L);
    }

    @Test
    void selectFilterWithColumnMatchSql() {
        List<Row> api = sales.filter(col("amount").gt(1))
                .withColumn("big", when(col("amount").geq(5), lit("yes")).otherwise("no"))
                .select(col("id"), col("big"))
                .orderBy(col("id").desc())
                .collect();

        assertThat(api)
                .isEqualTo(
                        sql(
                                "SELECT id, CASE WHEN amount >= 5 THEN 'yes' ELSE 'no' END AS big FROM sales WHERE amount > 1 ORDER BY id DESC"));
        assertThat(api).hasSize(3);
    }

    @Test
    void joinOnColumnsOfTwoDataFramesStaysUnambiguous() {
        DataFrame users = freshet.sql("SELECT * FROM VALUES (10, 'ann'), (11, 'bob'), (12, 'cy') AS u(user_id, name)");

        List<Row> rows = sales.join(users, sales.col("user_id").equalTo(users.col("user_id")))
                .select(sales.col("id"), users.col("name"))
                .orderBy(col("id"))
                .collect();

        assertThat(rows).extracting(r -> r.get(1)).containsExactly("ann", "bob", "ann", "cy");
    }

    @Test
    void countDistinctDropDuplicatesAndUnion() {
        assertThat(sales.count()).isEqualTo(5);
        assertThat(sales.select("region").distinct().count()).isEqualTo(3);
        assertThat(sales.dropDuplicates("user_id").count()).isEqualTo(4);
        assertThat(sales.union(sales).count()).isEqualTo(10);
        assertThat(sales.select("region")
                        .intersect(freshet.sql("SELECT 'eu' AS region"))
                        .collect())
                .hasSize(1);
    }

    @Test
    void nullsComeBackAsNull() {
        Row row = sales.filter("id = 4").select("amount").first();

        assertThat(row.isNullAt(0)).isTrue();
    }

    @Test
    void unknownColumnsAreReportedWithSuggestions() {
        assertThatThrownBy(() -> sales.select(col("amont")))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("amont")
                .hasMessageContaining("amount");
    }

    @Test
    void writesCsvThatReadsBack() {
        Path out = dir.resolve("out");
        sales.filter(col("region").equalTo("eu"))
                .write()
                .option("header", "true")
                .csv(out.toString());

        DataFrame back = freshet.read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(out.toString());

        assertThat(back.count()).isEqualTo(2);
        assertThat(Files.exists(out.resolve("_SUCCESS"))).isTrue();
        assertThatThrownBy(() -> sales.write().csv(out.toString())).hasMessageContaining("already exists");
        sales.write().mode("overwrite").option("header", "true").csv(out.toString());
        assertThat(freshet.read().option("header", "true").csv(out.toString()).count())
                .isEqualTo(5);
    }

    @Test
    void explainShowsLogicalAndPhysicalPlans() {
        String plan = sales.groupBy("region").agg(count("*")).explainString(true);

        assertThat(plan)
                .contains("== Optimized Logical Plan ==")
                .contains("Aggregate")
                .contains("== Physical Plan ==");
    }

    @Test
    void showPrintsATable() {
        String text = sales.select("id", "region").orderBy(col("id")).showString(2, 20);

        assertThat(text).contains("| id|region|").contains("only showing top 2 rows");
    }
}
