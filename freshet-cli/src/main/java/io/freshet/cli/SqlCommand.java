package io.freshet.cli;

import io.freshet.AnalysisException;
import io.freshet.DataFrame;
import io.freshet.Freshet;
import io.freshet.FreshetException;
import io.freshet.connector.file.FileFormat;
import io.freshet.connector.file.FileTableSource;
import io.freshet.sql.SqlParser;
import io.freshet.sql.SqlScripts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code freshet sql}: runs SQL over CSV and JSON files and prints the result of the last query.
 *
 * <pre>
 * freshet sql [--table NAME=PATH]... [--schema NAME=DDL]... [--format csv|json|table] [--output FILE] (-e QUERY | -f SCRIPT.sql)
 * </pre>
 */
final class SqlCommand {
    static final String USAGE =
            "Usage: freshet sql [--table NAME=PATH]... [--schema NAME=DDL]... [--format csv|json|table] [--output FILE] (-e QUERY | -f SCRIPT.sql)\n";

    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<String, String> schemas = new LinkedHashMap<>();
    private String format;
    private String output;
    private String query;
    private String scriptFile;

    /** Thrown for command-line mistakes: exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        SqlCommand command = new SqlCommand();
        try {
            command.parse(args);
        } catch (UsageException e) {
            err.println("freshet sql: " + e.getMessage());
            err.print(USAGE);
            return FreshetCli.USAGE;
        }
        return command.execute(out, err, terminal);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--table" -> keyValue(arg, value(args, ++i, arg), tables);
                case "--schema" -> keyValue(arg, value(args, ++i, arg), schemas);
                case "--format" -> {
                    format = value(args, ++i, arg);
                    if (!List.of("csv", "json", "table").contains(format)) {
                        throw new UsageException("--format must be csv, json or table, got '" + format + "'");
                    }
                }
                case "--output" -> output = value(args, ++i, arg);
                case "-e" -> query = value(args, ++i, arg);
                case "-f" -> scriptFile = value(args, ++i, arg);
                case "-h", "--help" -> throw new UsageException("help");
                default -> {
                    if (arg.startsWith("--table=")) {
                        keyValue("--table", arg.substring(8), tables);
                    } else if (arg.startsWith("--schema=")) {
                        keyValue("--schema", arg.substring(9), schemas);
                    } else {
                        throw new UsageException("unknown argument '" + arg + "'");
                    }
                }
            }
        }
        if ((query == null) == (scriptFile == null)) {
            throw new UsageException("give exactly one of -e QUERY and -f SCRIPT");
        }
        for (String name : schemas.keySet()) {
            if (!tables.containsKey(name)) {
                throw new UsageException(
                        "--schema names '" + name + "', but no --table " + name + "=PATH registers it");
            }
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static void keyValue(String option, String text, Map<String, String> into) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new UsageException(option + " expects NAME=VALUE, got '" + text + "'");
        }
        into.put(text.substring(0, equals).trim(), text.substring(equals + 1).trim());
    }

    private int execute(PrintStream out, PrintStream err, boolean terminal) {
        String text;
        try {
            text = query != null ? query : Files.readString(Path.of(scriptFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("freshet sql: cannot read the script " + scriptFile + ": " + e.getMessage());
            return FreshetCli.ERROR;
        }
        String outputFormat = format != null ? format : (terminal && output == null ? "table" : "csv");
        try (Freshet freshet = Freshet.create()) {
            for (Map.Entry<String, String> table : tables.entrySet()) {
                register(freshet, table.getKey(), table.getValue(), schemas.get(table.getKey()));
            }
            ProgressLine progress = terminal && output == null ? new ProgressLine(err) : null;
            if (progress != null) {
                freshet.setProgressListener(progress);
            }
            DataFrame result = runScript(freshet, text);
            if (result == null) {
                return FreshetCli.OK;
            }
            if (output != null) {
                try (OutputStream file = Files.newOutputStream(Path.of(output))) {
                    ResultWriter.write(
                            result, outputFormat, file, freshet.conf().timeZone());
                }
            } else {
                ResultWriter.write(result, outputFormat, out, freshet.conf().timeZone());
                out.flush();
            }
            return FreshetCli.OK;
        } catch (AnalysisException e) {
            err.println("Error: " + e.getMessage());
            return FreshetCli.ERROR;
        } catch (FreshetException e) {
            err.println("Error: " + e.getMessage());
            return FreshetCli.ERROR;
        } catch (IOException e) {
            err.println("Error: cannot write " + output + ": " + e.getMessage());
            return FreshetCli.ERROR;
        } catch (RuntimeException e) {
            err.println("Internal error: " + e);
            return FreshetCli.ERROR;
        }
    }

    /** Runs every statement; returns the result of the last query (null when the script has none). */
    private static DataFrame runScript(Freshet freshet, String text) {
        DataFrame last = null;
        for (SqlScripts.ScriptStatement statement : SqlScripts.split(text)) {
            io.freshet.sql.ast.Statement parsed =
                    SqlParser.parseStatement(statement.text(), statement.line(), statement.column());
            DataFrame result;
            try {
                result = freshet.sql(padded(statement));
            } catch (AnalysisException e) {
                throw e.withQueryText(text);
            }
            if (parsed instanceof io.freshet.sql.ast.Statement.QueryStatement
                    || parsed instanceof io.freshet.sql.ast.Statement.Explain
                    || parsed instanceof io.freshet.sql.ast.Statement.ShowTables
                    || parsed instanceof io.freshet.sql.ast.Statement.ShowFunctions
                    || parsed instanceof io.freshet.sql.ast.Statement.DescribeTable
                    || parsed instanceof io.freshet.sql.ast.Statement.DescribeQuery
                    || parsed instanceof io.freshet.sql.ast.Statement.ShowConfig) {
                last = result;
            }
        }
        return last;
    }

    /** The statement preceded by blank lines and spaces, so positions in errors are those of the whole script. */
    static String padded(SqlScripts.ScriptStatement statement) {
        return "\n".repeat(statement.line() - 1) + " ".repeat(statement.column() - 1) + statement.text();
    }

    private static void register(Freshet freshet, String name, String path, String ddl) {
        if (!Files.exists(Path.of(path)) && !path.contains("*") && !path.contains("?")) {
            throw new FreshetException(
                    io.freshet.ErrorCode.PATH_NOT_FOUND, "--table " + name + ": path does not exist: " + path);
        }
        FileFormat fileFormat = FileTableSource.formatOf(path);
        if (fileFormat == null) {
            throw new FreshetException(
                    io.freshet.ErrorCode.INVALID_OPTION,
                    "--table " + name + ": cannot tell the format of " + path
                            + "; use a .csv, .json, .jsonl or .ndjson file");
        }
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE ").append(quoteName(name));
        if (ddl != null) {
            sql.append(" (").append(ddl).append(')');
        }
        sql.append(" USING ").append(fileFormat == FileFormat.CSV ? "csv" : "json");
        List<String> options = new ArrayList<>();
        if (fileFormat == FileFormat.CSV) {
            options.add("header 'true'");
            if (ddl == null) {
                options.add("inferSchema 'true'");
            }
        }
        if (!options.isEmpty()) {
            sql.append(" OPTIONS (").append(String.join(", ", options)).append(')');
        }
        sql.append(" LOCATION ").append(quoteString(path));
        try {
            freshet.sql(sql.toString());
        } catch (AnalysisException e) {
            throw new FreshetException(
                    e.errorCode(), "--table " + name + (ddl != null ? " with --schema" : "") + ": " + e.plainMessage());
        }
    }

    private static String quoteName(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String quoteString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
