package io.freshet.plan;

import io.freshet.AnalysisException;
import io.freshet.Freshet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HAVING and QUALIFY see the aliases of the select list. */
class SelectAliasResolutionTest {
    private Freshet session;

    @BeforeEach
    void createTable() {
        session = Freshet.create();
        session.sql("CREATE TABLE s (g STRING, v INT) USING memory").collect();
        session.sql("INSERT INTO s VALUES ('a', 1), ('a', 2), ('b', 5), ('c', NULL), (NULL, 7)")
                .collect();
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
    void havingReadsAnAggregateAlias() {
        assertThat(rows("SELECT g, count(*) AS n FROM s GROUP BY g HAVING n > 1"))
                .containsExactly("[a, 2]");
        assertThat(rows("SELECT g, sum(v) AS total FROM s GROUP BY g HAVING total >= 5 OR total IS NULL"))
                .containsExactly("[b, 5]", "[c, null]", "[null, 7]");
    }

    @Test
    void havingReadsTheAliasOfAGroupingExpression() {
        assertThat(rows("SELECT upper(g) AS big, count(*) FROM s GROUP BY upper(g) HAVING big <> 'A'"))
                .containsExactly("[B, 1]", "[C, 1]");
    }

    @Test
    void anAliasShadowsAnInputColumnInHaving() {
        // As in Spark, the select list's v (the sum) is what HAVING compares, not the input column v.
        assertThat(rows("SELECT g, sum(v) AS v FROM s GROUP BY g HAVING v > 4")).containsExactly("[b, 5]", "[null, 7]");
    }

    @Test
    void insideAnAggregateCallNamesStillMeanInputColumns() {
        assertThat(rows("SELECT g, max(v) AS v FROM s GROUP BY g HAVING min(v) = 1"))
                .containsExactly("[a, 2]");
    }

    @Test
    void qualifyReadsAWindowAlias() {
        assertThat(rows("SELECT g, v, sum(v) OVER (PARTITION BY g) AS total FROM s QUALIFY total > 4"))
                .containsExactly("[b, 5, 5]", "[null, 7, 7]");
        assertThat(rows("SELECT g, sum(v) AS total, rank() OVER (ORDER BY sum(v) DESC) AS r FROM s GROUP BY g"
                        + " QUALIFY r = 1"))
                .containsExactly("[null, 7, 1]");
    }

    @Test
    void anUnknownNameIsStillAnError() {
        assertThatThrownBy(() -> session.sql("SELECT g, count(*) AS n FROM s GROUP BY g HAVING m > 1"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("does not exist");
    }
}
