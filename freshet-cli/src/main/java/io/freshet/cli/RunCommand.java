package io.freshet.cli;

import io.freshet.AnalysisException;
import io.freshet.DataFrame;
import io.freshet.DataStreamWriter;
import io.freshet.ErrorCode;
import io.freshet.Freshet;
import io.freshet.FreshetException;
import io.freshet.StreamingQueryManager;
import io.freshet.sql.SqlParser;
import io.freshet.sql.SqlScripts;
import io.freshet.sql.ast.Statement;
import io.freshet.streaming.StreamingQueryException;
import io.freshet.streaming.StreamingQueryListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code freshet run}: runs a SQL pipeline script, whose {@code INSERT INTO … SELECT … FROM STREAM …} and {@code
 * CREATE OR REFRESH STREAMING TABLE … AS SELECT …} statements start streaming queries, and waits until they all
 * end.
 *
 * <pre>
 * freshet run PIPELINE.sql [--checkpoint DIR] [--trigger TRIGGER] [--table NAME=PATH[:csv|json]]... [--schema NAME=DDL]...
 * </pre>
 */
final class RunCommand {
    /** The session configuration of the trigger of streaming queries started from SQL. */
    static final String TRIGGER_CONFIG = "freshet.streaming.trigger";

    static final String USAGE = """
            Usage: freshet run PIPELINE.sql [--checkpoint DIR] [--trigger available-now|once|continuous|'<n> seconds']
                               [--table NAME=PATH[:csv|json]]... [--schema NAME=DDL]...
            """;

    static final String HELP = USAGE + """

            Runs the statements of a SQL script in order, e.g.

              CREATE TABLE src (ts TIMESTAMP, region STRING) USING csv OPTIONS (header 'true') LOCATION 'in/';
              CREATE TABLE out (region STRING, n BIGINT) USING csv OPTIONS (header 'true') LOCATION 'out/';
              INSERT INTO out SELECT region, count(*) FROM STREAM src
                  WATERMARK ts DELAY OF INTERVAL 1 MINUTE GROUP BY window(ts, '5 minutes'), region;
              CREATE OR REFRESH STREAMING TABLE eu USING csv LOCATION 'eu/'
                  AS SELECT * FROM STREAM src WHERE region = 'eu';

            Each INSERT INTO ... FROM STREAM and CREATE STREAMING TABLE starts a streaming query; the command
            then waits until every query has ended (with available-now or once), or until Ctrl-C or SIGTERM,
            which stop them all after their current micro-batch.

            Options:
              --checkpoint DIR              Each query keeps its progress in DIR/<table name>, so running the
                                            pipeline again continues where it stopped (sets the configuration
                                            freshet.streaming.checkpoint-location). Without it, a file table's
                                            query keeps it in <LOCATION>/_freshet_checkpoint.
              --trigger TRIGGER             available-now, once, continuous (the default) or '<n> seconds', for
                                            every query whose table does not set one (freshet.streaming.trigger).
              --table NAME=PATH[:csv|json]  Registers a table before the script runs, as in freshet stream.
              --schema NAME=DDL             The columns of a --table, as in freshet stream.

            A query on its own (SELECT ...) is refused: write INSERT INTO or CREATE STREAMING TABLE, and read the
            tables with freshet sql. EXPLAIN, SHOW and DESCRIBE print their result on stdout.

            Exit codes: 0 done (or stopped by Ctrl-C/SIGTERM), 1 error (a statement or a query failed),
            2 wrong arguments.
            """;

    private final Map<String, StreamTables.TableArgument> tables = new LinkedHashMap<>();
    private final Map<String, String> schemas = new LinkedHashMap<>();
    private String pipeline;
    private String checkpoint;
    private String trigger;

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        if (Arguments.wantsHelp(args)) {
            out.print(HELP);
            return FreshetCli.OK;
        }
        RunCommand command = new RunCommand();
        try {
            command.parse(args);
        } catch (SqlCommand.UsageException e) {
            err.println("freshet run: " + e.getMessage());
            err.print(USAGE);
            return FreshetCli.USAGE;
        }
        return command.execute(out, err, terminal);
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
                case "--trigger" -> {
                    trigger = arguments.value(option);
                    StreamCommand.trigger(trigger);
                }
                default -> {
                    if (option.startsWith("-") || pipeline != null) {
                        throw new SqlCommand.UsageException("unknown argument '" + option + "'");
                    }
                    pipeline = option;
                }
            }
        }
        if (pipeline == null) {
            throw new SqlCommand.UsageException("give the pipeline script to run: freshet run PIPELINE.sql");
        }
        Arguments.checkSchemasNameTables(schemas, tables.keySet());
    }

    private int execute(PrintStream out, PrintStream err, boolean terminal) {
        String text;
        try {
            text = Files.readString(Path.of(pipeline), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("freshet run: cannot read the pipeline " + pipeline + ": " + e.getMessage());
            return FreshetCli.ERROR;
        }
        Freshet.Builder builder = Freshet.builder();
        if (checkpoint != null) {
            builder.config(DataStreamWriter.CHECKPOINT_ROOT, checkpoint);
        }
        if (trigger != null) {
            builder.config(TRIGGER_CONFIG, trigger);
        }
        QueryTracker tracker = new QueryTracker();
        try (Freshet freshet = builder.build();
                StopSignals signals =
                        StopSignals.install(() -> freshet.streams().stopAll())) {
            freshet.streams().addListener(tracker);
            try {
                for (StreamTables.TableArgument table : tables.values()) {
                    StreamTables.register(freshet, table, schemas.get(table.name()));
                }
                List<SqlScripts.ScriptStatement> statements = SqlScripts.split(text);
                List<Statement> parsed = parse(statements, text);
                for (int i = 0; i < statements.size() && !signals.signalled(); i++) {
                    DataFrame result = run(freshet, statements.get(i), text);
                    if (printsResult(parsed.get(i))) {
                        ResultWriter.write(
                                result,
                                terminal ? "table" : "csv",
                                out,
                                freshet.conf().timeZone());
                        out.flush();
                    }
                }
                if (signals.signalled()) {
                    freshet.streams().stopAll();
                }
                tracker.awaitAll(freshet.streams());
            } catch (RuntimeException | IOException | InterruptedException e) {
                // Stop what the script started before reporting what went wrong.
                freshet.streams().stopAll();
                throw e;
            }
            if (tracker.failures().isEmpty()) {
                return FreshetCli.OK;
            }
            freshet.streams().stopAll();
            for (StreamingQueryException failure : tracker.failures()) {
                err.println("Error: " + failure.getMessage());
            }
            return FreshetCli.ERROR;
        } catch (AnalysisException e) {
            err.println("Error: " + (e.hasPosition() ? pipeline + ": " : "") + e.getMessage());
            return FreshetCli.ERROR;
        } catch (FreshetException e) {
            err.println("Error: " + e.getMessage());
            return FreshetCli.ERROR;
        } catch (IOException e) {
            err.println("Error: cannot write the result: " + e.getMessage());
            return FreshetCli.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Error: interrupted; the queries stopped after their current micro-batch");
            return FreshetCli.ERROR;
        } catch (RuntimeException e) {
            err.println("Internal error: " + e);
            return FreshetCli.ERROR;
        }
    }

    /** Parses every statement before any runs, so that a mistake late in the script starts no query. */
    private static List<Statement> parse(List<SqlScripts.ScriptStatement> statements, String text) {
        List<Statement> parsed = new ArrayList<>();
        for (SqlScripts.ScriptStatement statement : statements) {
            Statement one;
            try {
                one = SqlParser.parseStatement(statement.text(), statement.line(), statement.column());
            } catch (AnalysisException e) {
                throw e.withQueryText(text);
            }
            if (one instanceof Statement.QueryStatement) {
                throw new AnalysisException(
                                ErrorCode.UNSUPPORTED,
                                statement.line(),
                                statement.column(),
                                "A query on its own has nowhere to go in a pipeline: write INSERT INTO table SELECT ..."
                                        + " or CREATE STREAMING TABLE name AS SELECT ..., and read tables with freshet"
                                        + " sql")
                        .withQueryText(text);
            }
            parsed.add(one);
        }
        return parsed;
    }

    private static DataFrame run(Freshet freshet, SqlScripts.ScriptStatement statement, String text) {
        try {
            return freshet.sql(SqlCommand.padded(statement));
        } catch (AnalysisException e) {
            throw e.withQueryText(text);
        }
    }

    private static boolean printsResult(Statement statement) {
        return statement instanceof Statement.Explain
                || statement instanceof Statement.ShowTables
                || statement instanceof Statement.ShowFunctions
                || statement instanceof Statement.DescribeTable
                || statement instanceof Statement.DescribeQuery
                || statement instanceof Statement.ShowConfig;
    }

    /** Counts the session's streaming queries as they start and end, and keeps their failures. */
    private static final class QueryTracker implements StreamingQueryListener {
        private int started;
        private int terminated;
        private final List<StreamingQueryException> failures = new ArrayList<>();

        @Override
        public synchronized void onQueryStarted(QueryStartedEvent event) {
            started++;
        }

        @Override
        public synchronized void onQueryTerminated(QueryTerminatedEvent event) {
            terminated++;
            if (event.exception() != null) {
                failures.add(event.exception());
            }
            notifyAll();
        }

        synchronized List<StreamingQueryException> failures() {
            return List.copyOf(failures);
        }

        /**
         * Waits until every query the session started has ended, or one failed. A query that is no longer active
         * has reported its start, so once none is active, equal counts mean that all of them have ended.
         */
        synchronized void awaitAll(StreamingQueryManager streams) throws InterruptedException {
            while (failures.isEmpty() && !(streams.active().isEmpty() && started == terminated)) {
                wait(100);
            }
        }
    }
}
