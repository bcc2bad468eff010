package io.freshet.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@code freshet run}: a SQL pipeline's streaming queries, run until they end, and its errors. */
class RunCommandTest {
    private static final String HEADER = "ts,region,amount\n";

    @TempDir
    Path dir;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path in;

    @BeforeEach
    void writeData() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.csv"), HEADER + "2024-03-01 10:00:00,eu,5\n2024-03-01 10:03:00,us,7\n");
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return FreshetCli.run(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path pipeline(String text) throws IOException {
        return Files.writeString(dir.resolve("pipeline.sql"), text.replace("$DIR", dir.toString()));
    }

    /** What {@code freshet sql} prints for a query over the CSV table at {@code path}, sorted, without the header. */
    private List<String> rows(String path, String query) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = FreshetCli.run(
                new String[] {"sql", "--table", "t=" + path, "-e", query},
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertThat(code).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines =
                new ArrayList<>(printed.toString(StandardCharsets.UTF_8).lines().toList());
        lines.remove(0);
        return lines.stream().sorted().toList();
    }

    /** The files of a table directory that hold rows (not its hidden metadata). */
    private static List<String> dataFiles(Path table) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(table)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith("_") && !name.startsWith("."))
                    .toList();
        }
    }

    private static final String PIPELINE = """
            -- Raw events in, filtered events and windowed counts out.
            CREATE TABLE src (ts TIMESTAMP, region STRING, amount BIGINT)
                USING csv OPTIONS (header 'true') LOCATION '$DIR/in';
            CREATE TABLE big (region STRING, amount BIGINT) USING csv OPTIONS (header 'true') LOCATION '$DIR/big';
            INSERT INTO big SELECT region, amount FROM STREAM src WHERE amount > 1;
            CREATE OR REFRESH STREAMING TABLE counts USING csv OPTIONS (header 'true') LOCATION '$DIR/counts' AS
                SELECT window(ts, '5 minutes').start AS w, count(*) AS n
                FROM STREAM src WATERMARK ts DELAY OF INTERVAL 1 MINUTE
                GROUP BY window(ts, '5 minutes');
            """;

    @Test
    void runsEveryStreamingQueryOfAPipelineUntilTheyEnd() throws IOException {
        Path script = pipeline(PIPELINE);

        int code = run(script.toString(), "--checkpoint", dir.resolve("cp").toString(), "--trigger", "available-now");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEmpty();
        assertThat(rows(dir.resolve("big").toString(), "SELECT * FROM t")).containsExactly("eu,5", "us,7");
        // The watermark after the file is 10:02: the window of 10:00 is still open.
        assertThat(dataFiles(dir.resolve("counts"))).isEmpty();
        assertThat(dir.resolve("cp").resolve("big").resolve("commits")).isDirectory();
        assertThat(dir.resolve("cp").resolve("counts").resolve("commits")).isDirectory();
    }

    @Test
    void runningAgainContinuesWhereThePipelineStopped() throws IOException {
        Path script = pipeline(PIPELINE);
        assertThat(run(script.toString(), "--checkpoint", dir.resolve("cp").toString(), "--trigger", "available-now"))
                .as(stderr())
                .isZero();
        Files.writeString(in.resolve("b.csv"), HEADER + "2024-03-01 10:20:00,eu,1\n2024-03-01 10:21:00,us,9\n");

        int code = run(script.toString(), "--checkpoint=" + dir.resolve("cp"), "--trigger=available-now");

        assertThat(code).as(stderr()).isZero();
        assertThat(rows(dir.resolve("big").toString(), "SELECT * FROM t")).containsExactly("eu,5", "us,7", "us,9");
        assertThat(rows(dir.resolve("counts").toString(), "SELECT * FROM t")).containsExactly("2024-03-01 10:00:00,2");
    }

    @Test
    void tablesCanBeRegisteredOnTheCommandLine() throws IOException {
        Path script = pipeline("""
                CREATE OR REFRESH STREAMING TABLE eu USING json LOCATION '$DIR/eu'
                    AS SELECT ts, amount FROM STREAM events WHERE region = 'eu';
                """);

        int code = run(
                script.toString(),
                "--table",
                "events=" + in,
                "--schema",
                "events=ts TIMESTAMP, region STRING, amount INT",
                "--checkpoint",
                dir.resolve("cp").toString(),
                "--trigger",
                "once");

        assertThat(code).as(stderr()).isZero();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FreshetCli.run(
                new String[] {"sql", "--table", "t=" + dir.resolve("eu"), "-e", "SELECT ts, amount FROM t"},
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("ts,amount\n2024-03-01 10:00:00,5\n");
    }

    @Test
    void aFailingQueryStopsThePipelineWithItsError() throws IOException {
        Path script = pipeline("""
                CREATE TABLE src (ts TIMESTAMP, region STRING, amount BIGINT)
                    USING csv OPTIONS (header 'true') LOCATION '$DIR/in';
                CREATE TABLE ratios (r BIGINT) USING csv OPTIONS (header 'true') LOCATION '$DIR/ratios';
                INSERT INTO ratios SELECT amount DIV (amount - 5) FROM STREAM src;
                """);

        int code = run(script.toString(), "--checkpoint", dir.resolve("cp").toString(), "--trigger", "available-now");

        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .startsWith("Error: Streaming query ratios failed in micro-batch 0: ")
                .containsIgnoringCase("division by zero");
    }

    @Test
    void aBadStatementIsAnErrorNamingThePipelineLineAndColumn() throws IOException {
        Path script = pipeline("""
                CREATE TABLE src (ts TIMESTAMP, region STRING, amount BIGINT)
                    USING csv OPTIONS (header 'true') LOCATION '$DIR/in';
                CREATE STREAMING TABLE out AS SELECT nosuch FROM STREAM src;
                """);

        int code = run(script.toString(), "--checkpoint", dir.resolve("cp").toString(), "--trigger", "available-now");

        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .startsWith("Error: " + script + ": ")
                .contains("nosuch")
                .contains("line 3:");
    }

    @Test
    void aSyntaxErrorLateInThePipelineStartsNoQuery() throws IOException {
        Path script = pipeline("""
                CREATE TABLE src (ts TIMESTAMP, region STRING, amount BIGINT)
                    USING csv OPTIONS (header 'true') LOCATION '$DIR/in';
                CREATE STREAMING TABLE out USING csv LOCATION '$DIR/out' AS SELECT * FROM STREAM src;
                INSERT INTO out SELEC * FROM STREAM src;
                """);

        int code = run(script.toString(), "--checkpoint", dir.resolve("cp").toString(), "--trigger", "available-now");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("line 4:");
        assertThat(dir.resolve("cp")).doesNotExist();
    }

    @Test
    void aQueryOnItsOwnIsRefused() throws IOException {
        Path script = pipeline("SELECT 1;");

        int code = run(script.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("nowhere to go").contains("INSERT INTO").contains("line 1:1");
    }

    @Test
    void aPipelineWithoutStreamsEndsAtOnce() throws IOException {
        Path script = pipeline("""
                CREATE TABLE t (id INT) USING memory;
                INSERT INTO t VALUES (1);
                SHOW TABLES;
                """);

        int code = run(script.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).contains("t");
    }

    @Test
    void helpGoesToStdout() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("Usage: freshet run").contains("--checkpoint");
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        Path script = pipeline(PIPELINE);

        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("give the pipeline script to run");
        assertThat(run(script.toString(), "--trigger", "whenever")).isEqualTo(2);
        assertThat(stderr()).contains("--trigger must be");
        assertThat(run(script.toString(), "other.sql")).isEqualTo(2);
        assertThat(stderr()).contains("unknown argument 'other.sql'").contains("Usage: freshet run");
    }

    @Test
    void aMissingPipelineIsAnError() {
        int code = run(dir.resolve("missing.sql").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("cannot read the pipeline").contains("missing.sql");
    }
}
