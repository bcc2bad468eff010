package io.freshet.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code freshet stream} in a JVM of its own, killed with SIGKILL at random moments while files arrive, restarted
 * on the same checkpoint each time: the sink must end up with each batch id exactly once, every file complete, and
 * the rows of all batch files together must be the batch answer of the same query over all the files. Also: SIGTERM
 * and SIGINT stop the command cleanly with exit code 0.
 */
class StreamCrashTest {
    private static final String SCHEMA = "events=id BIGINT, ts TIMESTAMP, key STRING, v BIGINT";
    private static final String QUERY = """
            SELECT window(ts, '10 seconds').start AS ws, key, count(*) AS n, sum(v) AS total
            FROM STREAM events WATERMARK ts DELAY OF INTERVAL 30 SECONDS
            GROUP BY window(ts, '10 seconds'), key""";
    private static final String HEADER = "ws,key,n,total";
    private static final Pattern BATCH_FILE = Pattern.compile("batch-(\\d+)\\.csv");
    private static final LocalDateTime START = LocalDateTime.of(2024, 3, 1, 10, 0);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The key of the last event, a day after the others: it closes every other window, and its own stays open. */
    private static final String SENTINEL_KEY = "zz";

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsTheSinkHoldsEachBatchOnceAndTheBatchAnswer() throws Exception {
        long seed = Long.getLong("freshet.crash.seed", System.nanoTime());
        System.out.println("StreamCrashTest seed: " + seed + " (rerun with -Dfreshet.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> files = writeFiles(staging, 240, random);
        Feeder feeder = new Feeder(files, in, new Random(random.nextLong()));
        feeder.start();

        int kills = 0;
        while (feeder.isAlive() || kills < 3) {
            int before = batchIds().size();
            Process process = startStream("continuous", "run-" + kills);
            if (random.nextInt(4) > 0) {
                // Mostly while micro-batches run: after this run wrote its first batch file (or gave up waiting).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (batchIds().size() == before && System.nanoTime() < deadline && process.isAlive()) {
                    Thread.sleep(5);
                }
            }
            Thread.sleep(random.nextInt(1_500));
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills++;
            System.out.println("kill " + kills + ": " + batchIds().size() + " batch files");
        }
        feeder.join();
        Process last = startStream("available-now", "last");
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("the last run ends").isTrue();

        assertThat(last.exitValue()).as("seed %s: %s", seed, log("last")).isZero();
        assertThat(log("last")).isEmpty();
        List<String> rows = checkBatchFiles(seed);
        List<String> expected =
                batchAnswer(QUERY.replace("FROM STREAM", "FROM") + "\nHAVING key <> '" + SENTINEL_KEY + "'");
        assertThat(rows).as("seed %s, %s kills", seed, kills).isEqualTo(expected);
    }

    @Test
    void sigtermAndSigintStopAfterTheCurrentMicroBatchWithExitCodeZero() throws Exception {
        Random random = new Random(1);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> files = writeFiles(staging, 20, random);
        for (Path file : files.subList(0, 10)) {
            Files.move(file, in.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }

        Process first = startStream("continuous", "term");
        awaitBatchFile(first, "term");
        first.destroy();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(log("term")).isZero();
        assertThat(log("term")).isEmpty();

        for (Path file : files.subList(10, files.size())) {
            Files.move(file, in.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        int before = batchIds().size();
        Process second = startStream("1 second", "int");
        while (batchIds().size() <= before) {
            assertThat(second.isAlive()).as(log("int")).isTrue();
            Thread.sleep(50);
        }
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(second.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(log("int")).isZero();

        Process last = startStream("available-now", "last");
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(log("last")).isZero();
        List<String> expected =
                batchAnswer(QUERY.replace("FROM STREAM", "FROM") + "\nHAVING key <> '" + SENTINEL_KEY + "'");
        assertThat(checkBatchFiles(1)).isEqualTo(expected);
    }

    @Test
    void freshetRunStopsAllItsQueriesOnSigtermWithExitCodeZero() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (Path file : writeFiles(Files.createDirectories(dir.resolve("staging")), 5, new Random(2))) {
            Files.move(file, in.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        Path pipeline = Files.writeString(dir.resolve("pipeline.sql"), """
                CREATE TABLE src (id BIGINT, ts TIMESTAMP, key STRING, v BIGINT)
                    USING csv OPTIONS (header 'true') LOCATION '%1$s/in';
                CREATE TABLE a (id BIGINT) USING csv OPTIONS (header 'true') LOCATION '%1$s/a';
                INSERT INTO a SELECT id FROM STREAM src WHERE key = 'a';
                CREATE STREAMING TABLE b USING json LOCATION '%1$s/b' AS SELECT id FROM STREAM src WHERE key = 'b';
                """.formatted(dir));
        Process run = startCli(
                "run",
                List.of(
                        "run",
                        pipeline.toString(),
                        "--checkpoint",
                        dir.resolve("cp").toString()));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(dir.resolve("cp/a/commits/0")) || !Files.exists(dir.resolve("cp/b/commits/0"))) {
            assertThat(run.isAlive()).as(log("run")).isTrue();
            assertThat(System.nanoTime()).as("both queries commit within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        run.destroy();

        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(log("run")).isZero();
        assertThat(log("run")).isEmpty();
    }

    /**
     * Writes {@code count} small CSV files, then one with the sentinel event. File {@code k} holds events between
     * {@code 5k} and {@code 5k + 4} seconds after the start, in random order, so that the watermark (30 seconds
     * behind the latest event) never makes a later file's rows late, however the files are cut into micro-batches.
     */
    private static List<Path> writeFiles(Path staging, int count, Random random) throws IOException {
        List<Path> files = new ArrayList<>();
        long id = 0;
        for (int k = 0; k <= count; k++) {
            StringBuilder text = new StringBuilder("id,ts,key,v\n");
            if (k == count) {
                text.append(id)
                        .append(',')
                        .append(TIMESTAMP.format(START.plusDays(1)))
                        .append(',')
                        .append(SENTINEL_KEY)
                        .append(",1\n");
            } else {
                int rows = 1 + random.nextInt(6);
                for (int row = 0; row < rows; row++) {
                    LocalDateTime ts = START.plusSeconds(5L * k + random.nextInt(5));
                    text.append(id++)
                            .append(',')
                            .append(TIMESTAMP.format(ts))
                            .append(',')
                            .append((char) ('a' + random.nextInt(4)))
                            .append(',')
                            .append(random.nextInt(1000) - 500)
                            .append('\n');
                }
            }
            Path file = staging.resolve(String.format("part-%05d.csv", k));
            Files.writeString(file, text);
            // The stream takes files in order of modification time: make it the order of k.
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + k * 1_000L));
            files.add(file);
        }
        return files;
    }

    /** Moves the files into the input directory one by one, at random short intervals, as files arrive. */
    private static final class Feeder extends Thread {
        private final List<Path> files;
        private final Path in;
        private final Random random;

        Feeder(List<Path> files, Path in, Random random) {
            super("feeder");
            this.files = files;
            this.in = in;
            this.random = random;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                for (Path file : files) {
                    Thread.sleep(random.nextInt(100));
                    Files.move(file, in.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts {@code freshet stream} over the input directory in a new JVM, its output going to log files. */
    private Process startStream(String trigger, String logName) throws IOException {
        return startCli(
                logName,
                List.of(
                        "stream",
                        "--table",
                        "events=" + dir.resolve("in"),
                        "--schema",
                        SCHEMA,
                        "--checkpoint",
                        dir.resolve("cp").toString(),
                        "--output-mode",
                        "append",
                        "--sink",
                        dir.resolve("sink").toString(),
                        "--trigger",
                        trigger,
                        "-e",
                        QUERY));
    }

    /** Starts the command line in a new JVM (the test's java and classpath), its output going to log files. */
    private Process startCli(String logName, List<String> args) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                FreshetCli.class.getName()));
        command.addAll(args);
        Files.createDirectories(dir.resolve("logs"));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("logs").resolve(logName + ".out").toFile())
                .redirectError(dir.resolve("logs").resolve(logName + ".err").toFile())
                .start();
    }

    /** What a run printed on stdout and stderr. */
    private String log(String logName) throws IOException {
        Path logs = dir.resolve("logs");
        return Files.readString(logs.resolve(logName + ".out")) + Files.readString(logs.resolve(logName + ".err"));
    }

    private void awaitBatchFile(Process process, String logName) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (batchIds().isEmpty()) {
            assertThat(process.isAlive()).as(log(logName)).isTrue();
            assertThat(System.nanoTime()).as("a batch file within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private TreeSet<Long> batchIds() throws IOException {
        TreeSet<Long> ids = new TreeSet<>();
        Path sink = dir.resolve("sink");
        if (!Files.isDirectory(sink)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(sink)) {
            for (Path file : files.toList()) {
                Matcher matcher = BATCH_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    ids.add(Long.parseLong(matcher.group(1)));
                }
            }
        }
        return ids;
    }

    /**
     * Checks that the sink holds only {@code batch-<id>.csv} files, with ids 0 to n - 1, each complete (the header,
     * then rows of four fields, ending with a newline); returns the rows of all of them, sorted.
     */
    private List<String> checkBatchFiles(long seed) throws IOException {
        Path sink = dir.resolve("sink");
        List<String> names;
        try (Stream<Path> files = Files.list(sink)) {
            names = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        TreeSet<Long> ids = new TreeSet<>();
        List<String> rows = new ArrayList<>();
        for (String name : names) {
            Matcher matcher = BATCH_FILE.matcher(name);
            assertThat(matcher.matches())
                    .as("seed %s: only batch files in the sink, found %s", seed, name)
                    .isTrue();
            ids.add(Long.parseLong(matcher.group(1)));
            String text = Files.readString(sink.resolve(name));
            assertThat(text)
                    .as("seed %s: %s", seed, name)
                    .startsWith(HEADER + "\n")
                    .endsWith("\n");
            List<String> lines = text.lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                assertThat(line.split(",", -1))
                        .as("seed %s: %s: %s", seed, name, line)
                        .hasSize(4);
                rows.add(line);
            }
        }
        assertThat(ids).as("seed %s: batch ids", seed).isNotEmpty();
        assertThat(ids.last())
                .as("seed %s: batch ids %s have no gaps", seed, ids)
                .isEqualTo(ids.size() - 1L);
        return rows.stream().sorted().toList();
    }

    /** The rows {@code freshet sql} prints for {@code query} over all the input files, as a batch, sorted. */
    private List<String> batchAnswer(String query) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = FreshetCli.run(
                new String[] {"sql", "--table", "events=" + dir.resolve("in"), "--schema", SCHEMA, "-e", query},
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertThat(code).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        return lines.subList(1, lines.size()).stream().sorted().toList();
    }
}
