package io.freshet.benchmarks;

import io.freshet.Freshet;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * Checks that Freshet and DuckDB give the same answers to the benchmark queries on the benchmark data (the
 * CSV query on a small file), so that the timed runs compare equal work. Run it with
 * {@code java -Xmx8g -cp freshet-benchmarks/target/benchmarks.jar io.freshet.benchmarks.Verify}.
 */
public final class Verify {
    private Verify() {}

    public static void main(String[] args) throws Exception {
        boolean ok = true;
        for (Workload workload : Workload.values()) {
            try (Freshet freshet = Engines.freshet(2);
                    Connection duckdb = Engines.duckdb(1)) {
                workload.load(freshet);
                workload.load(duckdb);
                ok &= compare(
                        workload.name(), Engines.run(freshet, workload.sql()), Engines.run(duckdb, workload.sql()));
            }
        }
        Path directory = Files.createTempDirectory("freshet-verify-csv");
        CsvData.Written written = CsvData.write(directory.resolve("data.csv"), 16L << 20);
        try (Freshet freshet = Engines.freshet(2);
                Connection duckdb = Engines.duckdb(1)) {
            freshet.read()
                    .schema(CsvData.SCHEMA_DDL)
                    .option("header", "true")
                    .csv(written.file().toString())
                    .createOrReplaceTempView("csv_data");
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("CREATE VIEW csv_data AS SELECT * FROM read_csv('" + written.file()
                        + "', header = true, delim = ',', quote = '\"', columns = " + CsvData.DUCKDB_COLUMNS + ")");
            }
            ok &= compare(
                    "CSV_SCAN", Engines.run(freshet, CsvScanBenchmark.SQL), Engines.run(duckdb, CsvScanBenchmark.SQL));
        } finally {
            Files.deleteIfExists(written.file());
            Files.deleteIfExists(directory);
        }
        if (!ok) {
            System.exit(1);
        }
    }

    private static boolean compare(String name, List<List<Object>> freshet, List<List<Object>> duckdb) {
        boolean same = freshet.size() == duckdb.size();
        for (int r = 0; same && r < freshet.size(); r++) {
            List<Object> left = freshet.get(r);
            List<Object> right = duckdb.get(r);
            same = left.size() == right.size();
            for (int c = 0; same && c < left.size(); c++) {
                same = valueEquals(left.get(c), right.get(c));
            }
        }
        System.out.printf("%-20s %s  freshet=%s%n", name, same ? "same" : "DIFFERENT", abbreviate(freshet));
        if (!same) {
            System.out.printf("%-20s           duckdb=%s%n", "", abbreviate(duckdb));
        }
        return same;
    }

    private static boolean valueEquals(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            if (a instanceof Double || b instanceof Double || a instanceof Float || b instanceof Float) {
                double x = a.doubleValue();
                double y = b.doubleValue();
                return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
            }
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return String.valueOf(left).equals(String.valueOf(right));
    }

    private static String abbreviate(List<List<Object>> rows) {
        String text = rows.toString();
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
