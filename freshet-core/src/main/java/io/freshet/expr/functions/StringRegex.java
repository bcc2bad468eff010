package io.freshet.expr.functions;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.IntVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.EvalContext;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static java.util.Objects.requireNonNull;

/** The regular-expression string functions ({@code rlike}, {@code regexp_extract}, {@code regexp_replace}, {@code split}). */
final class StringRegex {
    private StringRegex() {}

    /** Which regular-expression function a {@link RegexFunction} is. */
    enum Operation {
        /** {@code rlike(str, regex)}: whether the regex matches anywhere in str. */
        LIKE,
        /** {@code regexp_extract(str, regex, idx)}. */
        EXTRACT,
        /** {@code regexp_extract_all(str, regex, idx)}. */
        EXTRACT_ALL,
        /** {@code regexp_replace(str, regex, replacement, position)}. */
        REPLACE,
        /** {@code split(str, regex, limit)}. */
        SPLIT
    }

    /** A compiled regular expression, equal to another when the source text is. */
    static final class Compiled {
        private final String source;
        private final Pattern pattern;

        private Compiled(String source, Pattern pattern) {
            this.source = source;
            this.pattern = pattern;
        }

        /**
         * Compiles {@code source} for the function {@code function}.
         *
         * @throws FreshetException with INVALID_ARGUMENT when the regex is malformed
         */
        static Compiled of(String function, String source) {
            try {
                return new Compiled(source, Pattern.compile(source));
            } catch (PatternSyntaxException e) {
                throw new FreshetException(
                        ErrorCode.INVALID_ARGUMENT,
                        "the regular expression '" + source + "' of " + function + " is invalid: " + e.getDescription()
                                + "; fix the pattern (escape special characters with \\\\)",
                        e);
            }
        }

        Pattern pattern() {
            return pattern;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Compiled that && source.equals(that.source);
        }

        @Override
        public int hashCode() {
            return source.hashCode();
        }

        @Override
        public String toString() {
            return source;
        }
    }

    /**
     * A regular-expression function; the second argument is the regex, compiled once when it is a
     * literal ({@code constant}) and otherwise whenever it differs from the previous row's.
     */
    record RegexFunction(String name, Operation operation, DataType returnType, Compiled constant, boolean constantTail)
            implements ScalarFunction {
        RegexFunction {
            requireNonNull(name, "name is null");
            requireNonNull(operation, "operation is null");
            requireNonNull(returnType, "returnType is null");
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return RowFunctions.evaluateDictionaryAware(args, rowCount, context, constantTail, this::evaluateRows);
        }

        private Vector evaluateRows(Vector[] args, int rowCount, EvalContext context) {
            VectorBuilder builder = VectorBuilder.forType(returnType, rowCount);
            Compiled regex = constant;
            for (int row = 0; row < rowCount; row++) {
                boolean anyNull = false;
                for (Vector arg : args) {
                    anyNull |= arg.isNull(row);
                }
                if (anyNull) {
                    builder.appendNull();
                    continue;
                }
                if (constant == null) {
                    String source = (String) args[1].get(row);
                    if (regex == null || !regex.source.equals(source)) {
                        regex = Compiled.of(name, source);
                    }
                }
                String value = (String) args[0].get(row);
                int third = args.length > 2 && args[2] instanceof IntVector ints ? ints.getInt(row) : 0;
                builder.append(apply(value, regex.pattern, third, args, row));
            }
            return builder.build();
        }

        private Object apply(String value, Pattern pattern, int third, Vector[] args, int row) {
            return switch (operation) {
                case LIKE -> pattern.matcher(value).find();
                case EXTRACT -> extract(value, pattern, third);
                case EXTRACT_ALL -> extractAll(value, pattern, third);
                case REPLACE -> replace(value, pattern, (String) args[2].get(row), ((IntVector) args[3]).getInt(row));
                case SPLIT -> split(value, pattern, third);
            };
        }

        private String extract(String value, Pattern pattern, int group) {
            Matcher matcher = pattern.matcher(value);
            if (!matcher.find()) {
                return "";
            }
            checkGroup(matcher.groupCount(), group);
            String result = matcher.group(group);
            return result == null ? "" : result;
        }

        private List<String> extractAll(String value, Pattern pattern, int group) {
            Matcher matcher = pattern.matcher(value);
            List<String> result = new ArrayList<>();
            while (matcher.find()) {
                checkGroup(matcher.groupCount(), group);
                String match = matcher.group(group);
                result.add(match == null ? "" : match);
            }
            return result;
        }

        private void checkGroup(int groupCount, int group) {
            if (group < 0 || group > groupCount) {
                throw new FreshetException(
                        ErrorCode.INVALID_ARGUMENT,
                        name + " expects a group index between 0 and " + groupCount + " for the regex, but got "
                                + group);
            }
        }

        private static String replace(String value, Pattern pattern, String replacement, int position) {
            if (position <= 0) {
                throw new FreshetException(
                        ErrorCode.INVALID_ARGUMENT, "regexp_replace expects a positive position, but got " + position);
            }
            int start = position - 1;
            if (start != 0 && start >= value.length()) {
                return value;
            }
            Matcher matcher = pattern.matcher(value);
            matcher.region(start, value.length());
            StringBuilder result = new StringBuilder(value.length());
            try {
                while (matcher.find()) {
                    matcher.appendReplacement(result, replacement);
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new FreshetException(
                        ErrorCode.INVALID_ARGUMENT,
                        "invalid replacement '" + replacement + "' for regexp_replace: " + e.getMessage()
                                + "; escape '$' and '\\' with a backslash",
                        e);
            }
            matcher.appendTail(result);
            return result.toString();
        }
    }

    /**
     * Spark's {@code split}: a limit of 0 or less means no limit (trailing empty strings kept); an
     * empty regex splits into characters without a trailing empty string.
     */
    static List<String> split(String value, Pattern pattern, int limit) {
        if (!value.isEmpty() && pattern.pattern().isEmpty()) {
            int characters = value.codePointCount(0, value.length());
            int parts = limit <= 0 || limit > characters ? characters : limit;
            List<String> result = new ArrayList<>(parts);
            int index = 0;
            for (int i = 0; i < parts - 1; i++) {
                int next = value.offsetByCodePoints(index, 1);
                result.add(value.substring(index, next));
                index = next;
            }
            result.add(value.substring(index));
            return result;
        }
        return List.of(pattern.split(value, limit <= 0 ? -1 : limit));
    }
}
