package io.freshet.benchmarks;

import io.freshet.Freshet;
import io.freshet.Row;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Opens the two engines the benchmarks compare and runs a query on each, returning its rows as lists. */
public final class Engines {
    private Engines() {}

    /** A Freshet session running queries on the given number of threads. */
    public static Freshet freshet(int parallelism) {
        Freshet freshet = Freshet.create();
        freshet.conf().set("freshet.parallelism", Integer.toString(parallelism));
        return freshet;
    }

    /** An in-memory DuckDB database running queries on the given number of threads. */
    public static Connection duckdb(int threads) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute("SET preserve_insertion_order = false");
        }
        return connection;
    }

    /** Runs a query on Freshet and returns every row. */
    public static List<List<Object>> run(Freshet freshet, String sql) {
        List<Row> rows = freshet.sql(sql).collect();
        List<List<Object>> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            result.add(values);
        }
        return result;
    }

    /** Runs a query on DuckDB and returns every row. */
    public static List<List<Object>> run(Connection connection, String sql) throws SQLException {
        List<List<Object>> result = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<Object> values = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    values.add(rows.getObject(i));
                }
                result.add(values);
            }
        }
        return result;
    }
}
