package io.freshet.plan;

import io.freshet.AnalysisException;
import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.Row;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names after {@code JOIN … USING}: the shared column once, and each side's column through its qualifier. */
class JoinUsingTest {
    private Freshet session;

    @BeforeEach
    void createTables() {
        session = Freshet.create();
        session.sql("CREATE TABLE a (k INT, x STRING) USING memory").collect();
        session.sql("CREATE TABLE b (k INT, y STRING) USING memory").collect();
        session.sql("CREATE TABLE c (k INT, z STRING) USING memory").collect();
        session.sql("INSERT INTO a VALUES (1, 'a1'), (2, 'a2'), (NULL, 'an')").collect();
        session.sql("INSERT INTO b VALUES (1, 'b1'), (3, 'b3')").collect();
        session.sql("INSERT INTO c VALUES (1, 'c1'), (2, 'c2'), (3, 'c3')").collect();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private List<String> rows(String sql) {
        return session.sql(sql).collect().stream()
                .map(row -> row.toList().toString())
                .sorted()
                .toList();
    }

    @Test
    void eachSidesUsingColumnIsReachableThroughItsQualifier() {
        assertThat(rows("SELECT k, a.k, b.k FROM a JOIN b USING (k)")).containsExactly("[1, 1, 1]");
    }

    @Test
    void inOuterJoinsTheQualifiedColumnsKeepTheirSidesNulls() {
        assertThat(rows("SELECT k, a.k, b.k FROM a LEFT JOIN b USING (k)"))
                .containsExactly("[1, 1, 1]", "[2, 2, null]", "[null, null, null]");
        assertThat(rows("SELECT k, a.k, b.k FROM a RIGHT JOIN b USING (k)"))
                .containsExactly("[1, 1, 1]", "[3, null, 3]");
        assertThat(rows("SELECT k, a.k, b.k FROM a FULL JOIN b USING (k)"))
                .containsExactly("[1, 1, 1]", "[2, 2, null]", "[3, null, 3]", "[null, null, null]");
    }

    @Test
    void theHiddenColumnsStayOutOfStarAndUnqualifiedNames() {
        DataFrame star = session.sql("SELECT * FROM a FULL JOIN b USING (k)");
        assertThat(star.columns()).containsExactly("k", "x", "y");
        assertThat(rows("SELECT k FROM a JOIN b USING (k) WHERE k = 1 AND a.k = b.k"))
                .containsExactly("[1]");
        // A qualified star reaches the side's hidden USING column too (Spark lists it first; Freshet last).
        assertThat(session.sql("SELECT b.* FROM a JOIN b USING (k)").columns()).containsExactlyInAnyOrder("k", "y");
    }

    @Test
    void theQualifiedColumnsSurviveFurtherJoins() {
        assertThat(rows("SELECT a.k, b.k, c.z FROM a LEFT JOIN b USING (k) JOIN c ON a.k = c.k"))
                .containsExactly("[1, 1, c1]", "[2, null, c2]");
        assertThat(rows("SELECT k, a.k, b.k, c.k FROM a JOIN b USING (k) JOIN c USING (k)"))
                .containsExactly("[1, 1, 1, 1]");
        assertThat(session.sql("SELECT * FROM a JOIN b USING (k) JOIN c USING (k)")
                        .columns())
                .containsExactly("k", "x", "y", "z");
        assertThat(rows("SELECT * FROM a JOIN b USING (k) NATURAL JOIN c")).containsExactly("[1, a1, b1, c1]");
    }

    @Test
    void aSubqueryAliasDropsTheHiddenColumns() {
        assertThat(rows("SELECT j.k FROM (SELECT * FROM a JOIN b USING (k)) j")).containsExactly("[1]");
        assertThatThrownBy(() -> session.sql("SELECT j.x FROM (SELECT k FROM a JOIN b USING (k)) j"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aDataFrameJoinOnColumnsShowsOnlyTheSharedColumnOnce() {
        DataFrame joined = session.table("a").join(session.table("b"), List.of("k"), "left");
        assertThat(joined.columns()).containsExactly("k", "x", "y");
        assertThat(joined.collect().stream().map(Row::toString).sorted()).hasSize(3);
    }
}
