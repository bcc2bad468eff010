package io.freshet.benchmarks;

import io.freshet.Freshet;
import io.freshet.benchmarks.BenchData.FactColumn;
import java.sql.Connection;
import java.sql.SQLException;

import static io.freshet.benchmarks.BenchData.FactColumn.AMOUNT;
import static io.freshet.benchmarks.BenchData.FactColumn.DIM_KEY;
import static io.freshet.benchmarks.BenchData.FactColumn.DISCOUNT;
import static io.freshet.benchmarks.BenchData.FactColumn.QTY;
import static io.freshet.benchmarks.BenchData.FactColumn.REGION;
import static io.freshet.benchmarks.BenchData.FactColumn.USER_ID;

/**
 * The in-memory queries the benchmarks time: each names the fact columns it loads, whether it needs the
 * dimension table, and one SQL text that both engines run unchanged.
 */
public enum Workload {
    /** Grouped sum by a 12-value string key. */
    GROUPED_SUM(
            "SELECT region, sum(amount) AS total FROM facts GROUP BY region ORDER BY region", false, REGION, AMOUNT),
    /** Distinct count of 1M users by region. */
    COUNT_DISTINCT(
            "SELECT region, count(DISTINCT user_id) AS users FROM facts GROUP BY region ORDER BY region",
            false,
            REGION,
            USER_ID),
    /** Hash join with the 100k-row dimension, grouped by a dimension column. */
    HASH_JOIN(
            "SELECT d.category, sum(f.amount) AS total FROM facts f JOIN dim d ON f.dim_key = d.dim_key"
                    + " GROUP BY d.category ORDER BY d.category",
            true,
            DIM_KEY,
            AMOUNT),
    /** A filter keeping half the rows, an arithmetic projection and a global sum. */
    FILTER_PROJECT_SUM(
            "SELECT sum(amount * (1 - discount)) AS revenue FROM facts WHERE qty < 50", false, AMOUNT, DISCOUNT, QTY);

    private final String sql;
    private final boolean needsDim;
    private final FactColumn[] columns;

    Workload(String sql, boolean needsDim, FactColumn... columns) {
        this.sql = sql;
        this.needsDim = needsDim;
        this.columns = columns;
    }

    public String sql() {
        return sql;
    }

    /** Registers this workload's tables in a Freshet session. */
    public void load(Freshet freshet) {
        freshet.registerTable("facts", BenchData.facts(columns));
        if (needsDim) {
            freshet.registerTable("dim", BenchData.dim());
        }
    }

    /** Creates this workload's tables in a DuckDB database. */
    public void load(Connection duckdb) throws SQLException {
        BenchData.createDuckdbFacts(duckdb, columns);
        if (needsDim) {
            BenchData.createDuckdbDim(duckdb);
        }
    }
}
