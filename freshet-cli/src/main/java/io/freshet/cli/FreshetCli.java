package io.freshet.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** The {@code freshet} command: dispatches to its subcommands. Exit codes: 0 success, 1 error, 2 usage. */
public final class FreshetCli {
    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;

    private FreshetCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(usage());
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (command) {
            case "sql" -> SqlCommand.run(rest, out, err, isTerminal());
            case "stream" -> StreamCommand.run(rest, out, err, isTerminal());
            case "run" -> RunCommand.run(rest, out, err, isTerminal());
            default -> {
                err.println("freshet: unknown command '" + command + "'");
                err.print(usage());
                yield USAGE;
            }
        };
    }

    /** Whether standard output is an interactive terminal (progress and the table format are for people). */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when output is redirected; ask it when it can tell.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static String usage() {
        return """
                Usage: freshet <command> [options]

                Commands:
                  sql      Run SQL over CSV and JSON files
                           freshet sql [--table NAME=PATH]... [--schema NAME=DDL]... [--format csv|json|table]
                                       [--output FILE] (-e QUERY | -f SCRIPT.sql)
                  stream   Run a SQL query as a streaming query over directories that files arrive in,
                           writing each micro-batch's rows to SINK/batch-<id>.csv
                           freshet stream --table NAME=DIR[:csv|json]... [--schema NAME=DDL]... --checkpoint DIR
                                          --output-mode append|update|complete --sink DIR
                                          [--trigger available-now|once|continuous|'<n> seconds'] (-e QUERY | -f FILE)
                  run      Run a SQL pipeline script whose INSERT INTO ... FROM STREAM and CREATE STREAMING TABLE
                           statements start streaming queries; wait until they end (or Ctrl-C)
                           freshet run PIPELINE.sql [--checkpoint DIR] [--trigger TRIGGER] [--table NAME=PATH]...
                  help     Show this message

                Run 'freshet stream --help' or 'freshet run --help' for their options.
                """;
    }
}
