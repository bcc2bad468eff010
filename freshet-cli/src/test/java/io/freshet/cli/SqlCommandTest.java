package io.freshet.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@code freshet sql} (issue 2, point 9): arguments, output formats, exit codes. */
class SqlCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path events;

    @BeforeEach
    void writeData() throws IOException {
        events = dir.resolve("events.csv");
        Files.writeString(
                events,
                "event_id,ts,region,note\n"
                        + "1,2024-03-01 10:00:00,eu,\"hello, world\"\n"
                        + "2,2024-03-01 10:05:30.25,us,\n"
                        + "3,2024-03-01 10:07:00,eu,\"say \"\"hi\"\"\"\n");
    }

    private int run(String... args) {
        return SqlCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsCsvWithHeaderQuotingNullsAndTimestamps() {
        int code = run(
                "--table",
                "events=" + events,
                "--schema",
                "events=event_id BIGINT, ts TIMESTAMP, region STRING, note STRING",
                "-e",
                "SELECT event_id, ts, note, '' AS empty FROM events ORDER BY event_id");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout())
                .isEqualTo("event_id,ts,note,empty\n"
                        + "1,2024-03-01 10:00:00,\"hello, world\",\"\"\n"
                        + "2,2024-03-01 10:05:30.25,,\"\"\n"
                        + "3,2024-03-01 10:07:00,\"say \"\"hi\"\"\",\"\"\n");
    }

    @Test
    void infersTypesFromCsvWithoutSchema() {
        int code = run(
                "--table",
                "events=" + events,
                "-e",
                "SELECT region, count(*) AS n, sum(event_id) AS s FROM events GROUP BY region ORDER BY region");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo("region,n,s\neu,2,4\nus,1,2\n");
    }

    @Test
    void runsAScriptAndPrintsTheLastQuery() throws IOException {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, """
                -- a comment; with a semicolon
                CREATE TEMP VIEW eu AS SELECT * FROM events WHERE region = 'eu';
                SELECT 'a;b' AS text, count(*) AS n FROM eu /* ; */;
                """);

        int code = run("--table", "events=" + events, "-f", script.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo("text,n\na;b,2\n");
    }

    @Test
    void printsJsonLines() {
        int code = run(
                "--table",
                "events=" + events,
                "--format",
                "json",
                "-e",
                "SELECT event_id, region FROM events WHERE event_id < 3 ORDER BY event_id");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo("{\"event_id\":1,\"region\":\"eu\"}\n{\"event_id\":2,\"region\":\"us\"}\n");
    }

    @Test
    void printsStructsAsJsonInCsv() {
        int code = run(
                "--table",
                "events=" + events,
                "-e",
                "SELECT window(ts, '5 minutes') AS w, count(*) AS n FROM events GROUP BY window(ts, '5 minutes') ORDER BY w.start");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout())
                .startsWith(
                        "w,n\n\"{\"\"start\"\":\"\"2024-03-01 10:00:00\"\",\"\"end\"\":\"\"2024-03-01 10:05:00\"\"}\",1\n");
    }

    @Test
    void writesToAnOutputFile() throws IOException {
        Path output = dir.resolve("out.csv");

        int code = run(
                "--table", "events=" + events, "--output", output.toString(), "-e", "SELECT count(*) AS n FROM events");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).isEmpty();
        assertThat(Files.readString(output)).isEqualTo("n\n3\n");
    }

    @Test
    void sqlErrorsExitWithOneAndShowLineAndColumn() {
        int code = run("--table", "events=" + events, "-e", "SELECT event_id,\n       nosuch FROM events");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("nosuch").contains("line 2:8").contains("^");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void syntaxErrorsExitWithOne() {
        int code = run("-e", "SELECT 1 FORM x");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("Syntax error").contains("line 1:");
    }

    @Test
    void missingPathIsAnError() {
        int code = run("--table", "t=" + dir.resolve("missing.csv"), "-e", "SELECT * FROM t");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("missing.csv");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("-e")).isEqualTo(2);
        assertThat(run("--table", "nonsense", "-e", "SELECT 1")).isEqualTo(2);
        assertThat(run("--format", "xml", "-e", "SELECT 1")).isEqualTo(2);
        assertThat(run("-e", "SELECT 1", "-f", "x.sql")).isEqualTo(2);
        assertThat(stderr()).contains("Usage: freshet sql");
    }
}
