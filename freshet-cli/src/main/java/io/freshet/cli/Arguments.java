package io.freshet.cli;

import java.util.Map;
import java.util.Set;

/**
 * Walks a subcommand's arguments: options with a value as the next argument ({@code --sink out}) or after
 * {@code =} ({@code --sink=out}). Mistakes throw {@link SqlCommand.UsageException} (exit code 2).
 */
final class Arguments {
    private final String[] args;
    private int index;
    private String inlineValue;

    Arguments(String[] args) {
        this.args = args.clone();
    }

    /** Whether {@code -h} or {@code --help} is among the arguments. */
    static boolean wantsHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    boolean hasNext() {
        return index < args.length;
    }

    /** The next argument; for {@code --option=value}, the option, with the value kept for {@link #value}. */
    String next() {
        String arg = args[index++];
        inlineValue = null;
        int equals = arg.indexOf('=');
        if (arg.startsWith("--") && equals > 2) {
            inlineValue = arg.substring(equals + 1);
            return arg.substring(0, equals);
        }
        return arg;
    }

    /** The value of {@code option}: after its {@code =}, else the next argument. */
    String value(String option) {
        if (inlineValue != null) {
            String value = inlineValue;
            inlineValue = null;
            return value;
        }
        if (index >= args.length) {
            throw new SqlCommand.UsageException(option + " needs a value");
        }
        return args[index++];
    }

    static void keyValue(String option, String text, Map<String, String> into) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new SqlCommand.UsageException(option + " expects NAME=VALUE, got '" + text + "'");
        }
        into.put(text.substring(0, equals).trim(), text.substring(equals + 1).trim());
    }

    static void checkSchemasNameTables(Map<String, String> schemas, Set<String> tables) {
        for (String name : schemas.keySet()) {
            if (!tables.contains(name)) {
                throw new SqlCommand.UsageException(
                        "--schema names '" + name + "', but no --table " + name + "=PATH registers it");
            }
        }
    }
}
