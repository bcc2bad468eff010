package io.freshet.benchmarks;

import io.freshet.Freshet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Filter, project and sum over 10M rows (target: 1G rows/s per core). Scores are input rows per second: {@code freshet} with
 * {@code parallelism} threads, {@code duckdb} on one thread over the same rows and SQL.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BenchData.FACT_ROWS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class FilterProjectSumBenchmark {
    private static final Workload WORKLOAD = Workload.FILTER_PROJECT_SUM;

    /** Freshet with the tables in memory. */
    @State(Scope.Benchmark)
    public static class FreshetState {
        @Param({"1", "2"})
        public int parallelism;

        Freshet freshet;

        @Setup(Level.Trial)
        public void setUp() {
            freshet = Engines.freshet(parallelism);
            WORKLOAD.load(freshet);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            freshet.close();
        }
    }

    /** DuckDB in memory on one thread with the same tables. */
    @State(Scope.Benchmark)
    public static class DuckdbState {
        Connection connection;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            connection = Engines.duckdb(1);
            WORKLOAD.load(connection);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public List<List<Object>> freshet(FreshetState state) {
        return Engines.run(state.freshet, WORKLOAD.sql());
    }

    @Benchmark
    public List<List<Object>> duckdb(DuckdbState state) throws SQLException {
        return Engines.run(state.connection, WORKLOAD.sql());
    }
}
