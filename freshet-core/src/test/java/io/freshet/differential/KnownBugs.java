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
         * Correlated EXISTS and IN subqueries under OR in WHERE fail analysis; Spark plans them as an
         * existence join. (Uncorrelated ones work: they join as a one-row summary.)
         */
        SUBQUERY_UNDER_OR("""
                CREATE TABLE t (k BIGINT) USING memory;
                SELECT * FROM t a WHERE EXISTS (SELECT 1 FROM t b WHERE b.k = a.k) OR a.k > 1;
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
