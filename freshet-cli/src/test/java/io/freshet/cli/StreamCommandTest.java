package io.freshet.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@code freshet stream}: arguments, the per-batch CSV files, restarts, exit codes and messages. */
class StreamCommandTest {
    private static final String HEADER = "ts,region,amount\n";
    private static final String WINDOWED_COUNTS = """
            SELECT window(ts, '5 minutes').start AS w, region, count(*) AS n, sum(amount) AS total
            FROM STREAM events WATERMARK ts DELAY OF INTERVAL 1 MINUTE
            GROUP BY window(ts, '5 minutes'), region""";

    @TempDir
    Path dir;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int stream(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "stream";
        System.arraycopy(args, 0, all, 1, args.length);
        return FreshetCli.run(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs {@code freshet stream} over {@code in} into {@code sink} with the checkpoint {@code cp}. */
    private int streamEvents(String mode, String trigger, String query, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--table",
                "events=" + dir.resolve("in"),
                "--checkpoint",
                dir.resolve("cp").toString(),
                "--output-mode",
                mode,
                "--sink",
                dir.resolve("sink").toString(),
                "--trigger",
                trigger,
                "-e",
                query));
        args.addAll(List.of(more));
        return stream(args.toArray(String[]::new));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path input(String name, String text) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path file = in.resolve(name);
        Files.writeString(file, text);
        // The stream reads files in order of modification time: make it the order the test writes them in.
        long count;
        try (Stream<Path> files = Files.list(in)) {
            count = files.count();
        }
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L + count * 1000));
        return file;
    }

    private List<String> batchFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("sink"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private String batch(long id) throws IOException {
        return Files.readString(dir.resolve("sink").resolve("batch-" + id + ".csv"));
    }

    /** The rows of every batch file, without headers, sorted. */
    private List<String> unionOfBatches() throws IOException {
        List<String> rows = new ArrayList<>();
        for (String name : batchFiles()) {
            List<String> lines = Files.readAllLines(dir.resolve("sink").resolve(name));
            rows.addAll(lines.subList(1, lines.size()));
        }
        return rows.stream().sorted().toList();
    }

    /** The rows {@code freshet sql} prints for the query over all the input files, as a batch, sorted. */
    private List<String> batchAnswer(String query) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = FreshetCli.run(
                new String[] {
                    "sql", "--table", "events=" + dir.resolve("in"), "-e", query.replace("FROM STREAM", "FROM")
                },
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertThat(code).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.subList(1, lines.size()).stream().sorted().toList();
    }

    @Test
    void availableNowProcessesTheFilesOfADirectoryAndExits() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n2024-03-01 10:03:00,us,7\n");
        input("b.csv", HEADER + "2024-03-01 10:06:00,eu,1\n");

        int code = streamEvents(
                "append", "available-now", "SELECT region, amount * 2 AS doubled FROM STREAM events WHERE amount > 1");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEmpty();
        assertThat(batchFiles()).containsExactly("batch-0.csv");
        assertThat(batch(0)).isEqualTo("region,doubled\neu,10\nus,14\n");
    }

    @Test
    void appendModeEmitsEachWindowOnceTheWatermarkPassesItsEnd() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n2024-03-01 10:03:00,us,7\n2024-03-01 10:06:00,eu,1\n");
        input("b.csv", HEADER + "2024-03-01 10:12:00,eu,2\n");

        int code = streamEvents("append", "available-now", WINDOWED_COUNTS);

        assertThat(code).as(stderr()).isZero();
        // Batch 0 reads both files with no watermark yet; the final no-data batch runs with watermark 10:11.
        assertThat(batchFiles()).containsExactly("batch-0.csv", "batch-1.csv");
        assertThat(batch(0)).isEqualTo("w,region,n,total\n");
        assertThat(batch(1).lines().skip(1).sorted())
                .containsExactly(
                        "2024-03-01 10:00:00,eu,1,5", "2024-03-01 10:00:00,us,1,7", "2024-03-01 10:05:00,eu,1,1");
    }

    @Test
    void aMicroBatchWithoutOutputRowsWritesAHeaderOnlyFile() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");

        int code = streamEvents("append", "available-now", "SELECT ts, region FROM STREAM events WHERE amount > 100");

        assertThat(code).as(stderr()).isZero();
        assertThat(batchFiles()).containsExactly("batch-0.csv");
        assertThat(batch(0)).isEqualTo("ts,region\n");
    }

    @Test
    void updateModeWritesTheRowsThatChangedInEachMicroBatch() throws IOException {
        String query = "SELECT region, count(*) AS n FROM STREAM events GROUP BY region";
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n2024-03-01 10:03:00,us,7\n");
        assertThat(streamEvents("update", "available-now", query)).as(stderr()).isZero();
        input("b.csv", HEADER + "2024-03-01 10:06:00,eu,1\n");

        assertThat(streamEvents("update", "available-now", query)).as(stderr()).isZero();

        assertThat(batchFiles()).containsExactly("batch-0.csv", "batch-1.csv");
        assertThat(batch(0).lines().skip(1).sorted()).containsExactly("eu,1", "us,1");
        assertThat(batch(1)).isEqualTo("region,n\neu,2\n");
    }

    @Test
    void completeModeWritesTheWholeResultEveryMicroBatch() throws IOException {
        String query = "SELECT region, sum(amount) AS total FROM STREAM events GROUP BY region ORDER BY region";
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n2024-03-01 10:03:00,us,7\n");
        assertThat(streamEvents("complete", "once", query)).as(stderr()).isZero();
        input("b.csv", HEADER + "2024-03-01 10:06:00,eu,1\n2024-03-01 10:07:00,,4\n");

        assertThat(streamEvents("complete", "once", query)).as(stderr()).isZero();

        assertThat(batch(0)).isEqualTo("region,total\neu,5\nus,7\n");
        assertThat(batch(1)).isEqualTo("region,total\n,4\neu,6\nus,7\n");
    }

    @Test
    void runningAgainAfterMoreFilesArriveContinuesWithTheNextBatchIds() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n2024-03-01 10:03:00,us,7\n");
        assertThat(streamEvents("append", "available-now", WINDOWED_COUNTS))
                .as(stderr())
                .isZero();
        Map<String, String> first = contents();
        input("b.csv", HEADER + "2024-03-01 10:06:00,eu,1\n2024-03-01 10:04:59.5,us,1\n");
        input("c.csv", HEADER + "2024-03-01 10:14:00,,3\n");
        assertThat(streamEvents("append", "available-now", WINDOWED_COUNTS))
                .as(stderr())
                .isZero();
        Map<String, String> second = contents();
        // A last event far ahead closes every window before it.
        input("d.csv", HEADER + "2024-03-02 00:00:00,eu,1\n");

        assertThat(streamEvents("append", "available-now", WINDOWED_COUNTS))
                .as(stderr())
                .isZero();

        Map<String, String> third = contents();
        assertThat(first).isNotEmpty();
        assertThat(second).containsAllEntriesOf(first).hasSizeGreaterThan(first.size());
        assertThat(third).containsAllEntriesOf(second).hasSizeGreaterThan(second.size());
        for (int id = 0; id < third.size(); id++) {
            assertThat(third).containsKey("batch-" + id + ".csv");
        }
        List<String> expected = new ArrayList<>(batchAnswer(WINDOWED_COUNTS));
        assertThat(expected.remove("2024-03-02 00:00:00,eu,1,1")).isTrue();
        assertThat(unionOfBatches()).isEqualTo(expected);
    }

    private Map<String, String> contents() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String name : batchFiles()) {
            files.put(name, Files.readString(dir.resolve("sink").resolve(name)));
        }
        return files;
    }

    @Test
    void onceRunsOneMicroBatchAndExits() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n2024-03-01 10:12:00,us,7\n");

        int code = streamEvents("append", "once", WINDOWED_COUNTS);

        assertThat(code).as(stderr()).isZero();
        assertThat(batchFiles()).containsExactly("batch-0.csv");
    }

    @Test
    void theSchemaOptionTypesTheColumnsAndEmptyFieldsAreNull() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00.25,eu,5\n2024-03-01 10:03:00,,\n");

        int code = streamEvents(
                "append",
                "available-now",
                "SELECT ts + INTERVAL 1 SECOND AS later, region IS NULL AS no_region, amount / 2 AS half"
                        + " FROM STREAM events",
                "--schema",
                "events=ts TIMESTAMP, region STRING, amount DECIMAL(10, 2)");

        assertThat(code).as(stderr()).isZero();
        assertThat(batch(0))
                .isEqualTo("later,no_region,half\n"
                        + "2024-03-01 10:00:01.25,false,2.500000\n"
                        + "2024-03-01 10:03:01,true,\n");
    }

    @Test
    void readsJsonTablesByExtensionOrSuffix() throws IOException {
        Path json = Files.createDirectories(dir.resolve("json"));
        Files.writeString(json.resolve("a.jsonl"), "{\"id\":1,\"name\":\"ann\"}\n{\"id\":2,\"name\":null}\n");
        Path text = Files.createDirectories(dir.resolve("text"));
        Files.writeString(text.resolve("a.txt"), "{\"id\":3,\"name\":\"cy\"}\n");

        int code = stream(
                "--table",
                "people=" + json,
                "--table",
                "more=" + text + ":json",
                "--checkpoint",
                dir.resolve("cp").toString(),
                "--output-mode",
                "append",
                "--sink",
                dir.resolve("sink").toString(),
                "--trigger",
                "available-now",
                "-e",
                "SELECT id, name FROM STREAM people UNION ALL SELECT id, name FROM STREAM more");

        assertThat(code).as(stderr()).isZero();
        assertThat(batch(0).lines().skip(1).sorted()).containsExactly("1,ann", "2,", "3,cy");
    }

    @Test
    void aSingleFileIsAStreamOfOneMicroBatch() throws IOException {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, HEADER + "2024-03-01 10:00:00,eu,5\n");

        int code = stream(
                "--table",
                "events=" + file,
                "--checkpoint",
                dir.resolve("cp").toString(),
                "--output-mode",
                "append",
                "--sink",
                dir.resolve("sink").toString(),
                "--trigger",
                "available-now",
                "-e",
                "SELECT region, amount FROM STREAM events");
        assertThat(code).as(stderr()).isZero();
        int again = stream(
                "--table",
                "events=" + file,
                "--checkpoint",
                dir.resolve("cp").toString(),
                "--output-mode",
                "append",
                "--sink",
                dir.resolve("sink").toString(),
                "--trigger",
                "available-now",
                "-e",
                "SELECT region, amount FROM STREAM events");

        assertThat(again).as(stderr()).isZero();
        assertThat(batchFiles()).containsExactly("batch-0.csv");
        assertThat(batch(0)).isEqualTo("region,amount\neu,5\n");
    }

    @Test
    void aStreamCanJoinABatchTable() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n2024-03-01 10:03:00,us,7\n");
        Path regions = dir.resolve("regions.csv");
        Files.writeString(regions, "code,name\neu,Europe\n");

        int code = streamEvents(
                "append",
                "available-now",
                "SELECT r.name, e.amount FROM STREAM events e JOIN regions r ON e.region = r.code",
                "--table",
                "regions=" + regions);

        assertThat(code).as(stderr()).isZero();
        assertThat(batch(0)).isEqualTo("name,amount\nEurope,5\n");
    }

    @Test
    void readsTheQueryFromAFileWithCommentsAndATrailingSemicolon() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");
        Path file = dir.resolve("query.sql");
        Files.writeString(file, "-- the query; one of them\nSELECT region FROM STREAM events /* ; */;\n");

        int code = stream(
                "--table",
                "events=" + dir.resolve("in"),
                "--checkpoint=" + dir.resolve("cp"),
                "--output-mode=append",
                "--sink=" + dir.resolve("sink"),
                "--trigger=available-now",
                "-f",
                file.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(batch(0)).isEqualTo("region\neu\n");
    }

    @Test
    void helpGoesToStdout() {
        assertThat(stream("--help")).isZero();
        assertThat(stdout()).contains("Usage: freshet stream").contains("--output-mode");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void missingCheckpointIsAUsageError() throws IOException {
        input("a.csv", HEADER);

        int code = stream(
                "--table", "events=" + dir.resolve("in"), "--output-mode", "append", "--sink", "s", "-e", "SELECT 1");

        assertThat(code).isEqualTo(2);
        assertThat(stderr())
                .contains("freshet stream: --checkpoint DIR is required")
                .contains("Usage: freshet stream");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void badArgumentsAreUsageErrors() throws IOException {
        input("a.csv", HEADER);

        assertThat(streamEvents("upsert", "once", "SELECT * FROM STREAM events"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--output-mode must be append, update or complete, got 'upsert'");
        assertThat(streamEvents("append", "sometimes", "SELECT * FROM STREAM events"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--trigger must be");
        assertThat(stream("--table", "events", "-e", "SELECT 1")).isEqualTo(2);
        assertThat(stderr()).contains("--table expects NAME=PATH");
        assertThat(streamEvents("append", "once", "SELECT 1", "--schema", "other=a INT"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--schema names 'other'");
        assertThat(streamEvents("append", "once", "SELECT 1", "-f", "q.sql")).isEqualTo(2);
        assertThat(stderr()).contains("exactly one of -e QUERY and -f FILE");
        assertThat(streamEvents("append", "once", "SELECT 1", "--frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown argument '--frobnicate'");
        assertThat(stream("--table", "events=x", "--checkpoint", "c", "--sink", "s", "-e", "SELECT 1"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--output-mode is required");
    }

    @Test
    void anUnknownTableIsAnErrorAtItsLineAndColumn() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");

        int code = streamEvents("append", "once", "SELECT region\nFROM STREAM nosuch");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("nosuch").contains("line 2:").contains("^");
        assertThat(stdout()).isEmpty();
        assertThat(dir.resolve("sink")).doesNotExist();
    }

    @Test
    void aMissingPathIsAnErrorNamingTheTable() {
        int code = streamEvents("append", "once", "SELECT * FROM STREAM events");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("--table events: path does not exist: " + dir.resolve("in"));
    }

    @Test
    void anEmptyDirectoryWithoutASchemaAsksForOne() throws IOException {
        Files.createDirectories(dir.resolve("in"));

        int code = streamEvents("append", "once", "SELECT * FROM STREAM events");

        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .contains("--table events: the directory " + dir.resolve("in") + " has no files")
                .contains("pass --schema events=");
    }

    @Test
    void anEmptyDirectoryWithASchemaRunsAnEmptyStream() throws IOException {
        Files.createDirectories(dir.resolve("in"));

        int code = streamEvents(
                "append", "available-now", "SELECT * FROM STREAM events", "--schema", "events=ts TIMESTAMP, id INT");

        assertThat(code).as(stderr()).isZero();
        assertThat(dir.resolve("sink")).isEmptyDirectory();
    }

    @Test
    void anInvalidSchemaIsAnErrorNamingTheOption() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");

        int code = streamEvents("append", "once", "SELECT * FROM STREAM events", "--schema", "events=ts TIMESTAMPZ");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).startsWith("Error: --schema events: ");
    }

    @Test
    void aQueryTheOutputModeRefusesIsAnError() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");

        int code = streamEvents("append", "once", "SELECT region, count(*) AS n FROM STREAM events GROUP BY region");

        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .startsWith("Error: ")
                .contains("Append output mode")
                .contains("watermark");
        assertThat(dir.resolve("sink")).doesNotExist();
    }

    @Test
    void completeModeWithoutAnAggregationIsAnError() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");

        int code = streamEvents("complete", "once", "SELECT region FROM STREAM events");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).startsWith("Error: ").containsIgnoringCase("complete");
    }

    @Test
    void aFailureWhileRunningExitsWithOneAndNamesTheMicroBatch() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");

        int code = streamEvents("append", "available-now", "SELECT amount DIV (amount - 5) AS r FROM STREAM events");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).startsWith("Error: Streaming query ").contains("failed in micro-batch 0");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aQueryWithoutAStreamIsAnError() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");

        int code = streamEvents("append", "once", "SELECT region FROM events");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("The query reads no stream").contains("FROM STREAM");
    }

    @Test
    void aFileWithTwoStatementsIsAnError() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");
        Path file = dir.resolve("two.sql");
        Files.writeString(file, "SELECT 1;\nSELECT 2;\n");

        int code = stream(
                "--table",
                "events=" + dir.resolve("in"),
                "--checkpoint",
                "c",
                "--output-mode",
                "append",
                "--sink",
                "s",
                "-f",
                file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .contains(file + " holds 2 statements")
                .contains("line 2:1")
                .contains("freshet run");
    }

    @Test
    void aMissingQueryFileIsAnError() throws IOException {
        input("a.csv", HEADER);

        int code = stream(
                "--table",
                "events=" + dir.resolve("in"),
                "--checkpoint",
                "c",
                "--output-mode",
                "append",
                "--sink",
                "s",
                "-f",
                dir.resolve("missing.sql").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("cannot read the query file").contains("missing.sql");
    }

    @Test
    void aSyntaxErrorInAQueryFileNamesTheFileLineAndColumn() throws IOException {
        input("a.csv", HEADER + "2024-03-01 10:00:00,eu,5\n");
        Path file = dir.resolve("bad.sql");
        Files.writeString(file, "-- comment\nSELECT region FORM STREAM events\n");

        int code = stream(
                "--table",
                "events=" + dir.resolve("in"),
                "--checkpoint",
                "c",
                "--output-mode",
                "append",
                "--sink",
                "s",
                "-f",
                file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).startsWith("Error: " + file + ": ").contains("line 2:");
    }
}
