package io.freshet.benchmarks;

import io.freshet.Freshet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scans and parses a 1 GiB CSV file (six columns, every one of them used by the query, so that every field
 * is parsed). Scores are milliseconds per scan of the file; the file's size and rows are printed at setup,
 * and BENCHMARKS.md turns them into MB/s. The file is written once per trial into a temporary directory
 * (and so sits in the page cache) and deleted at teardown.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class CsvScanBenchmark {
    /** The size of the generated file: 1 GiB. */
    static final long FILE_BYTES = 1L << 30;

    /** The query over the file; it touches every column. */
    static final String SQL = "SELECT count(*) AS n, sum(id) AS ids, sum(user_id) AS users, sum(amount) AS amount,"
            + " sum(qty) AS qty, max(region) AS region, max(note) AS note FROM csv_data";

    /** The generated file, shared by the states of one trial. */
    @State(Scope.Benchmark)
    public static class CsvFile {
        CsvData.Written written;
        private Path directory;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            directory = Files.createTempDirectory("freshet-bench-csv");
            long start = System.nanoTime();
            written = CsvData.write(directory.resolve("data.csv"), FILE_BYTES);
            System.out.printf(
                    "%nCSV file %s: %d bytes, %d rows, written in %.1f s%n",
                    written.file(), written.bytes(), written.rows(), (System.nanoTime() - start) / 1e9);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            Files.deleteIfExists(written.file());
            Files.deleteIfExists(directory);
        }
    }

    /** Freshet with the file registered as a view. */
    @State(Scope.Benchmark)
    public static class FreshetState {
        @Param({"1", "2"})
        public int parallelism;

        Freshet freshet;

        @Setup(Level.Trial)
        public void setUp(CsvFile file) {
            freshet = Engines.freshet(parallelism);
            freshet.read()
                    .schema(CsvData.SCHEMA_DDL)
                    .option("header", "true")
                    .csv(file.written.file().toString())
                    .createOrReplaceTempView("csv_data");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            freshet.close();
        }
    }

    /** DuckDB on one thread with the file as a {@code read_csv} view. */
    @State(Scope.Benchmark)
    public static class DuckdbState {
        Connection connection;

        @Setup(Level.Trial)
        public void setUp(CsvFile file) throws SQLException {
            connection = Engines.duckdb(1);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE VIEW csv_data AS SELECT * FROM read_csv('" + file.written.file()
                        + "', header = true, delim = ',', quote = '\"', columns = " + CsvData.DUCKDB_COLUMNS + ")");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public List<List<Object>> freshet(FreshetState state) {
        return Engines.run(state.freshet, SQL);
    }

    @Benchmark
    public List<List<Object>> duckdb(DuckdbState state) throws SQLException {
        return Engines.run(state.connection, SQL);
    }
}
