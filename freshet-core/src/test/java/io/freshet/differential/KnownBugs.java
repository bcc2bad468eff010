package io.freshet.differential;

import java.util.EnumSet;
import java.util.Set;

/**
 * Query shapes on which Freshet is known to disagree with Spark SQL, kept out of the random
 * grammar so that the differential test stays green; each names its smallest reproducing query.
 * {@code -Dfreshet.differential.knownBugs=true} puts them all back in.
 */
final class KnownBugs {
    /** One known bug, with the smallest query that shows it. */
    enum Bug {
        /**
         * GROUP BY, DISTINCT and set operations over several keys put two rows whose later key is
         * null into different groups when the null came from {@code +} or {@code -} (which leave a
         * value under the null): {@code KeyHashing.hashColumn} combines the value's hash and then
         * NULL_HASH on top, instead of replacing it, for every key column after the first.
         */
        NULL_KEY_HASH_SEES_VALUE("""
                CREATE TABLE t (a BIGINT, b BIGINT) USING memory;
                INSERT INTO t VALUES (NULL, 1), (NULL, 2);
                SELECT DISTINCT 0, a + b FROM t;
                -- Spark and DuckDB: one row (0, NULL); Freshet: two"""),

        /**
         * {@code NULL IN (NULL, 1)} fails analysis ("Cannot apply in to VOID, VOID, INT"); Spark
         * widens all of the value and the list to a common type (INT here) and returns NULL.
         */
        NULL_IN_LIST_WITH_NULL("""
                SELECT NULL IN (NULL, 1);
                -- Spark and DuckDB: NULL; Freshet: AnalysisException"""),

        /**
         * Correlated scalar subqueries fail analysis ("not supported yet"); Spark supports them when
         * the subquery is an aggregate (it rewrites them into a left outer join with an aggregate).
         */
        CORRELATED_SCALAR_SUBQUERY("""
                CREATE TABLE t (k BIGINT) USING memory;
                SELECT (SELECT count(*) FROM t b WHERE b.k = a.k) FROM t a;
                -- Spark and DuckDB: one count per row; Freshet: AnalysisException"""),

        /**
         * EXISTS and IN subqueries under OR in WHERE fail analysis ("Subqueries are not supported in
         * this part of the query"); Spark plans them (as an existence join).
         */
        SUBQUERY_UNDER_OR("""
                CREATE TABLE t (k BIGINT) USING memory;
                SELECT * FROM t a WHERE a.k IN (SELECT b.k FROM t b) OR a.k > 1;
                -- Spark and DuckDB: the rows; Freshet: AnalysisException""");

        private final String reproduction;

        Bug(String reproduction) {
            this.reproduction = reproduction;
        }

        String reproduction() {
            return reproduction;
        }
    }

    private KnownBugs() {}

    /** The bugs whose shapes the generator may produce: none, unless the system property says all. */
    static Set<Bug> enabled() {
        return Boolean.getBoolean("freshet.differential.knownBugs")
                ? EnumSet.allOf(Bug.class)
                : EnumSet.noneOf(Bug.class);
    }
}
