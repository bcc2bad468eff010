package io.freshet.cli;

import io.freshet.AnalysisException;
import io.freshet.DataFrame;
import io.freshet.ErrorCode;
import io.freshet.Freshet;
import io.freshet.FreshetException;
import io.freshet.sql.SqlParser;
import io.freshet.sql.SqlScripts;
import io.freshet.sql.ast.Statement;
import io.freshet.streaming.OutputMode;
import io.freshet.streaming.StreamingQuery;
import io.freshet.streaming.StreamingQueryListener;
import io.freshet.streaming.StreamingQueryProgress;
import io.freshet.streaming.Trigger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code freshet stream}: runs one SQL query over directories of CSV or JSON files as a streaming query, writing
 * each micro-batch's output to {@code <sink>/batch-<id>.csv}, exactly once across restarts and crashes.
 *
 * <pre>
 * freshet stream --table NAME=DIR[:csv|json]... [--schema NAME=DDL]... --checkpoint DIR
 *                --output-mode append|update|complete --sink DIR
 *                [--trigger available-now|once|continuous|'&lt;n&gt; seconds'] (-e QUERY | -f FILE)
 * </pre>
 */
final class StreamCommand {
    static final String USAGE = """
            Usage: freshet stream --table NAME=DIR[:csv|json]... [--schema NAME=DDL]... --checkpoint DIR
                                  --output-mode append|update|complete --sink DIR
                                  [--trigger available-now|once|continuous|'<n> seconds'] (-e QUERY | -f FILE)
            """;

    static final String HELP = USAGE + """

            Runs one SQL query as a streaming query over directories that CSV or JSON files arrive in, and
            writes the output rows of every micro-batch to SINK/batch-<id>.csv (a header row, then the rows,
            as `freshet sql` prints them; a header-only file when a micro-batch has no output rows).

            Options:
              --table NAME=PATH[:csv|json]  A directory (or a single file), read as a stream where the query says
                                            FROM STREAM NAME and as a batch where it says FROM NAME. The format is
                                            the suffix, else the files' extension (.csv, .json, .jsonl, .ndjson),
                                            else csv. CSV files have a header row.
              --schema NAME=DDL             The table's columns, e.g. 'ts TIMESTAMP, user_id BIGINT'; without it,
                                            they are inferred from the first file (an empty directory needs it).
              --checkpoint DIR              Where the query keeps its progress; run again with the same DIR to
                                            continue where it stopped.
              --output-mode MODE            append (rows that can no longer change), update (rows that changed
                                            in the micro-batch) or complete (the whole result, every micro-batch).
              --sink DIR                    Where the batch-<id>.csv files go, one per micro-batch, exactly once.
              --trigger TRIGGER             available-now: process the files there now, then exit;
                                            once: one micro-batch, then exit;
                                            continuous (the default): micro-batches back to back as files arrive;
                                            '<n> seconds': a micro-batch every n seconds.
                                            continuous and intervals run until Ctrl-C or SIGTERM, which stop
                                            after the current micro-batch.
              -e QUERY                      The query, e.g. "SELECT ... FROM STREAM events WATERMARK ts DELAY OF
                                            INTERVAL 1 MINUTE GROUP BY window(ts, '5 minutes')".
              -f FILE                       A file holding the query (a trailing ; and comments are fine).

            Exit codes: 0 done (or stopped by Ctrl-C/SIGTERM), 1 error, 2 wrong arguments.
            """;

    private final Map<String, StreamTables.TableArgument> tables = new LinkedHashMap<>();
    private final Map<String, String> schemas = new LinkedHashMap<>();
    private String checkpoint;
    private OutputMode outputMode;
    private String sink;
    private Trigger trigger = new Trigger.Continuous();
    private String query;
    private String queryFile;

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        if (Arguments.wantsHelp(args)) {
            out.print(HELP);
            return FreshetCli.OK;
        }
        StreamCommand command = new StreamCommand();
        try {
            command.parse(args);
        } catch (SqlCommand.UsageException e) {
            err.println("freshet stream: " + e.getMessage());
            err.print(USAGE);
            return FreshetCli.USAGE;
        }
        return command.execute(err, terminal);
    }

    private void parse(String[] args) {
        Arguments arguments = new Arguments(args);
        while (arguments.hasNext()) {
            String option = arguments.next();
            switch (option) {
                case "--table" -> {
                    StreamTables.TableArgument table = StreamTables.TableArgument.parse(arguments.value(option));
                    tables.put(table.name(), table);
                }
                case "--schema" -> Arguments.keyValue(option, arguments.value(option), schemas);
                case "--checkpoint" -> checkpoint = arguments.value(option);
                case "--output-mode" -> outputMode = outputMode(arguments.value(option));
                case "--sink" -> sink = arguments.value(option);
                case "--trigger" -> trigger = trigger(arguments.value(option));
                case "-e" -> query = arguments.value(option);
                case "-f" -> queryFile = arguments.value(option);
                default -> throw new SqlCommand.UsageException("unknown argument '" + option + "'");
            }
        }
        if (tables.isEmpty()) {
            throw new SqlCommand.UsageException("give at least one --table NAME=DIR for the query to read");
        }
        if (checkpoint == null) {
            throw new SqlCommand.UsageException(
                    "--checkpoint DIR is required: the query keeps its progress there to continue where it stopped");
        }
        if (outputMode == null) {
            throw new SqlCommand.UsageException("--output-mode is required: append, update or complete");
        }
        if (sink == null) {
            throw new SqlCommand.UsageException("--sink DIR is required: the batch-<id>.csv files are written there");
        }
        if ((query == null) == (queryFile == null)) {
            throw new SqlCommand.UsageException("give exactly one of -e QUERY and -f FILE");
        }
        Arguments.checkSchemasNameTables(schemas, tables.keySet());
    }

    static OutputMode outputMode(String text) {
        try {
            return OutputMode.parse(text);
        } catch (AnalysisException e) {
            throw new SqlCommand.UsageException("--output-mode must be append, update or complete, got '" + text + "'");
        }
    }

    static Trigger trigger(String text) {
        try {
            return Trigger.parse(text);
        } catch (RuntimeException e) {
            throw new SqlCommand.UsageException("--trigger must be available-now, once, continuous or an interval"
                    + " such as '5 seconds', got '" + text + "'");
        }
    }

    private int execute(PrintStream err, boolean terminal) {
        String text;
        try {
            text = query != null ? query : Files.readString(Path.of(queryFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("freshet stream: cannot read the query file " + queryFile + ": " + e.getMessage());
            return FreshetCli.ERROR;
        }
        AtomicReference<StreamingQuery> running = new AtomicReference<>();
        try (Freshet freshet = Freshet.create();
                StopSignals signals = StopSignals.install(() -> stop(running.get()))) {
            SqlScripts.ScriptStatement statement = queryStatement(text);
            for (StreamTables.TableArgument table : tables.values()) {
                StreamTables.register(freshet, table, schemas.get(table.name()));
            }
            DataFrame result = streamingQuery(freshet, statement, text);
            if (terminal) {
                freshet.streams().addListener(new BatchSummary(err));
            }
            running.set(result.writeStream()
                    .outputMode(outputMode)
                    .trigger(trigger)
                    .option("checkpointLocation", checkpoint)
                    .format("batch-csv")
                    .start(sink));
            // The sink directory exists once the query runs, even before its first micro-batch.
            Files.createDirectories(Path.of(sink));
            if (signals.signalled()) {
                // Ctrl-C came while the query was starting.
                running.get().stop();
            }
            running.get().awaitTermination();
            return FreshetCli.OK;
        } catch (AnalysisException e) {
            err.println("Error: " + (e.hasPosition() && queryFile != null ? queryFile + ": " : "") + e.getMessage());
            return FreshetCli.ERROR;
        } catch (FreshetException e) {
            err.println("Error: " + e.getMessage());
            return FreshetCli.ERROR;
        } catch (IOException e) {
            stop(running.get());
            err.println("Error: cannot create the sink directory " + sink + ": " + e.getMessage());
            return FreshetCli.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(running.get());
            err.println("Error: interrupted while the query ran; it stopped after its current micro-batch");
            return FreshetCli.ERROR;
        } catch (RuntimeException e) {
            err.println("Internal error: " + e);
            return FreshetCli.ERROR;
        }
    }

    private static void stop(StreamingQuery query) {
        if (query != null) {
            query.stop();
        }
    }

    /** The one query statement of {@code text}, parsed (so that a mistake in it is reported before files are read). */
    private SqlScripts.ScriptStatement queryStatement(String text) {
        List<SqlScripts.ScriptStatement> statements = SqlScripts.split(text);
        String source = queryFile != null ? queryFile : "-e";
        if (statements.isEmpty()) {
            throw new FreshetException(ErrorCode.INVALID_ARGUMENT, source + " holds no query; give one SELECT");
        }
        if (statements.size() > 1) {
            SqlScripts.ScriptStatement second = statements.get(1);
            throw new FreshetException(
                    ErrorCode.INVALID_ARGUMENT,
                    source + " holds " + statements.size() + " statements (the second at line " + second.line()
                            + ":" + second.column() + "); freshet stream runs one SELECT query. Use freshet run for"
                            + " a script of statements");
        }
        SqlScripts.ScriptStatement statement = statements.get(0);
        try {
            Statement parsed = SqlParser.parseStatement(statement.text(), statement.line(), statement.column());
            if (!(parsed instanceof Statement.QueryStatement)) {
                throw new AnalysisException(
                        ErrorCode.UNSUPPORTED,
                        statement.line(),
                        statement.column(),
                        "freshet stream runs a SELECT query; this is a " + kind(parsed)
                                + " statement. Use freshet run for scripts of statements");
            }
        } catch (AnalysisException e) {
            throw e.withQueryText(text);
        }
        return statement;
    }

    /** The streaming DataFrame of {@code statement}, planned against the registered tables. */
    private static DataFrame streamingQuery(Freshet freshet, SqlScripts.ScriptStatement statement, String text) {
        try {
            DataFrame result = freshet.sql(SqlCommand.padded(statement));
            if (!result.isStreaming()) {
                throw new AnalysisException(
                        ErrorCode.UNSUPPORTED,
                        statement.line(),
                        statement.column(),
                        "The query reads no stream: read a --table with FROM STREAM name (FROM name reads it as a"
                                + " batch)");
            }
            return result;
        } catch (AnalysisException e) {
            throw e.withQueryText(text);
        }
    }

    private static String kind(Statement statement) {
        String name = statement.getClass().getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    /** One line per micro-batch on a terminal's stderr: rows in and out, the watermark, the time taken. */
    record BatchSummary(PrintStream err) implements StreamingQueryListener {
        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            err.println(line(event.progress()));
        }

        static String line(StreamingQueryProgress progress) {
            StringBuilder line = new StringBuilder()
                    .append("batch ")
                    .append(progress.batchId())
                    .append(": ")
                    .append(String.format(Locale.ROOT, "%,d", progress.numInputRows()))
                    .append(" rows in, ")
                    .append(String.format(
                            Locale.ROOT,
                            "%,d",
                            progress.sink() == null ? 0 : progress.sink().numOutputRows()))
                    .append(" rows out");
            String watermark = progress.eventTime().get("watermark");
            if (watermark != null) {
                line.append(", watermark ").append(watermark);
            }
            Long millis = progress.durationMs().get("triggerExecution");
            if (millis != null) {
                line.append(", ").append(millis).append(" ms");
            }
            return line.toString();
        }
    }
}
