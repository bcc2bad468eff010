package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.functions.StringKernels.CaseConversion;
import io.freshet.expr.functions.StringKernels.Like;
import io.freshet.expr.functions.StringKernels.MatchKind;
import io.freshet.expr.functions.StringKernels.Measure;
import io.freshet.expr.functions.StringKernels.StringMatch;
import io.freshet.expr.functions.StringKernels.StringMeasure;
import io.freshet.expr.functions.StringKernels.Substring;
import io.freshet.expr.functions.StringKernels.SubstringKind;
import io.freshet.expr.functions.StringRegex.Compiled;
import io.freshet.expr.functions.StringRegex.Operation;
import io.freshet.expr.functions.StringRegex.RegexFunction;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static io.freshet.expr.functions.RowFunctions.checkArity;
import static io.freshet.expr.functions.RowFunctions.coerce;
import static io.freshet.expr.functions.RowFunctions.constantTail;
import static io.freshet.expr.functions.RowFunctions.rowCall;
import static io.freshet.expr.functions.RowFunctions.rowCallWithNulls;

/**
 * Built-in string functions with Spark SQL's semantics: characters are code points, positions are
 * 1-based, and a null argument gives a null result unless a function says otherwise.
 */
public final class StringFunctions {
    private StringFunctions() {}

    private static final DataType STRING = StringType.STRING;
    private static final DataType INT = IntType.INT;

    public static void register(FunctionRegistry.Builder registry) {
        for (String name : List.of("upper", "ucase")) {
            registry.scalar(name, args -> bindCase(name, args, true));
        }
        for (String name : List.of("lower", "lcase")) {
            registry.scalar(name, args -> bindCase(name, args, false));
        }
        for (String name : List.of("length", "char_length", "character_length", "len")) {
            registry.scalar(name, args -> bindMeasure(name, args, Measure.CHARACTERS));
        }
        registry.scalar("octet_length", args -> bindMeasure("octet_length", args, Measure.BYTES));
        registry.scalar("bit_length", args -> bindMeasure("bit_length", args, Measure.BITS));
        for (String name : List.of("substring", "substr")) {
            registry.scalar(name, args -> bindSubstring(name, args));
        }
        registry.scalar("left", args -> bindLeftRight("left", args, SubstringKind.LEFT));
        registry.scalar("right", args -> bindLeftRight("right", args, SubstringKind.RIGHT));
        registry.scalar("concat", StringFunctions::bindConcat);
        // The || operator is concat, for strings and for arrays, as in Spark.
        registry.scalar("||", StringFunctions::bindConcat);
        registry.scalar("concat_ws", StringFunctions::bindConcatWs);
        registry.scalar("trim", args -> bindTrim("trim", args, true, true));
        registry.scalar("btrim", args -> bindTrim("btrim", args, true, true));
        registry.scalar("ltrim", args -> bindTrim("ltrim", args, true, false));
        registry.scalar("rtrim", args -> bindTrim("rtrim", args, false, true));
        registry.scalar("lpad", args -> bindPad("lpad", args, true));
        registry.scalar("rpad", args -> bindPad("rpad", args, false));
        registry.scalar("replace", StringFunctions::bindReplace);
        registry.scalar("split", StringFunctions::bindSplit);
        registry.scalar("split_part", StringFunctions::bindSplitPart);
        registry.scalar("instr", StringFunctions::bindInstr);
        for (String name : List.of("locate", "position")) {
            registry.scalar(name, args -> bindLocate(name, args));
        }
        registry.scalar("regexp_extract", args -> bindExtract("regexp_extract", args, Operation.EXTRACT));
        registry.scalar("regexp_extract_all", args -> bindExtract("regexp_extract_all", args, Operation.EXTRACT_ALL));
        registry.scalar("regexp_replace", StringFunctions::bindRegexpReplace);
        for (String name : List.of("rlike", "regexp", "regexp_like")) {
            registry.scalar(name, args -> bindRlike(name, args));
        }
        registry.scalar("like", args -> bindLike("like", args, false));
        registry.scalar("ilike", args -> bindLike("ilike", args, true));
        registry.scalar("startswith", args -> bindMatch("startswith", args, MatchKind.STARTS_WITH));
        registry.scalar("endswith", args -> bindMatch("endswith", args, MatchKind.ENDS_WITH));
        registry.scalar("contains", args -> bindMatch("contains", args, MatchKind.CONTAINS));
        registry.scalar("reverse", StringFunctions::bindReverse);
        registry.scalar("repeat", StringFunctions::bindRepeat);
        registry.scalar("initcap", StringFunctions::bindInitcap);
        registry.scalar("ascii", StringFunctions::bindAscii);
        for (String name : List.of("chr", "char")) {
            registry.scalar(name, args -> bindChr(name, args));
        }
    }

    // ---------------------------------------------------------------- vectorized functions

    private static Expr bindCase(String name, List<Expr> args, boolean upper) {
        checkArity(name, args, 1, 1, "str");
        return new Call(new CaseConversion(name, upper), coerce(name, 1, args.get(0), STRING));
    }

    private static Expr bindMeasure(String name, List<Expr> args, Measure measure) {
        checkArity(name, args, 1, 1, "str");
        return new Call(new StringMeasure(name, measure), coerce(name, 1, args.get(0), STRING));
    }

    private static Expr bindSubstring(String name, List<Expr> args) {
        checkArity(name, args, 2, 3, "str, pos[, len]");
        List<Expr> bound = new ArrayList<>(args.size());
        bound.add(coerce(name, 1, args.get(0), STRING));
        bound.add(coerce(name, 2, args.get(1), INT));
        if (args.size() == 3) {
            bound.add(coerce(name, 3, args.get(2), INT));
        }
        return new Call(new Substring(name, SubstringKind.SUBSTRING, constantTail(bound)), bound);
    }

    private static Expr bindLeftRight(String name, List<Expr> args, SubstringKind kind) {
        checkArity(name, args, 2, 2, "str, len");
        List<Expr> bound = List.of(coerce(name, 1, args.get(0), STRING), coerce(name, 2, args.get(1), INT));
        return new Call(new Substring(name, kind, constantTail(bound)), bound);
    }

    private static Expr bindMatch(String name, List<Expr> args, MatchKind kind) {
        checkArity(name, args, 2, 2, "str, substr");
        List<Expr> bound = List.of(coerce(name, 1, args.get(0), STRING), coerce(name, 2, args.get(1), STRING));
        return new Call(new StringMatch(name, kind, constantTail(bound)), bound);
    }

    private static Expr bindLike(String name, List<Expr> args, boolean caseInsensitive) {
        checkArity(name, args, 2, 3, "str, pattern[, escape]");
        List<Expr> bound = new ArrayList<>(args.size());
        bound.add(coerce(name, 1, args.get(0), STRING));
        bound.add(coerce(name, 2, args.get(1), STRING));
        char escape = '\\';
        if (args.size() == 3) {
            Expr escapeArg = coerce(name, 3, args.get(2), STRING);
            if (!(escapeArg instanceof Literal literal)
                    || literal.value() == null
                    || ((String) literal.value()).length() != 1) {
                throw new AnalysisException(
                        ErrorCode.WRONG_ARGUMENTS,
                        name + " expects the escape to be a single-character string literal");
            }
            escape = ((String) literal.value()).charAt(0);
            bound.add(escapeArg);
        }
        StringLikePattern constant = null;
        if (bound.get(1) instanceof Literal literal && literal.value() != null) {
            String pattern = (String) literal.value();
            constant = StringLikePattern.compile(caseInsensitive ? pattern.toLowerCase(Locale.ROOT) : pattern, escape);
        }
        return new Call(new Like(name, constant, escape, caseInsensitive, constantTail(bound)), bound);
    }

    // ---------------------------------------------------------------- regular expressions

    private static Compiled constantRegex(String name, Expr regex) {
        if (regex instanceof Literal literal && literal.value() != null) {
            return Compiled.of(name, (String) literal.value());
        }
        return null;
    }

    private static Expr bindRlike(String name, List<Expr> args) {
        checkArity(name, args, 2, 2, "str, regexp");
        List<Expr> bound = List.of(coerce(name, 1, args.get(0), STRING), coerce(name, 2, args.get(1), STRING));
        return new Call(
                new RegexFunction(
                        name,
                        Operation.LIKE,
                        BooleanType.BOOLEAN,
                        constantRegex(name, bound.get(1)),
                        constantTail(bound)),
                bound);
    }

    private static Expr bindExtract(String name, List<Expr> args, Operation operation) {
        checkArity(name, args, 2, 3, "str, regexp[, idx]");
        List<Expr> bound = List.of(
                coerce(name, 1, args.get(0), STRING),
                coerce(name, 2, args.get(1), STRING),
                args.size() == 3 ? coerce(name, 3, args.get(2), INT) : new Literal(1, INT));
        DataType type = operation == Operation.EXTRACT ? STRING : new ArrayType(STRING);
        return new Call(
                new RegexFunction(name, operation, type, constantRegex(name, bound.get(1)), constantTail(bound)),
                bound);
    }

    private static Expr bindRegexpReplace(List<Expr> args) {
        String name = "regexp_replace";
        checkArity(name, args, 3, 4, "str, regexp, rep[, position]");
        List<Expr> bound = List.of(
                coerce(name, 1, args.get(0), STRING),
                coerce(name, 2, args.get(1), STRING),
                coerce(name, 3, args.get(2), STRING),
                args.size() == 4 ? coerce(name, 4, args.get(3), INT) : new Literal(1, INT));
        if (bound.get(3) instanceof Literal position && position.value() != null && (Integer) position.value() <= 0) {
            throw new AnalysisException(
                    ErrorCode.WRONG_ARGUMENTS, "regexp_replace expects a positive position, got " + position.value());
        }
        return new Call(
                new RegexFunction(
                        name, Operation.REPLACE, STRING, constantRegex(name, bound.get(1)), constantTail(bound)),
                bound);
    }

    private static Expr bindSplit(List<Expr> args) {
        String name = "split";
        checkArity(name, args, 2, 3, "str, regex[, limit]");
        List<Expr> bound = List.of(
                coerce(name, 1, args.get(0), STRING),
                coerce(name, 2, args.get(1), STRING),
                args.size() == 3 ? coerce(name, 3, args.get(2), INT) : new Literal(-1, INT));
        return new Call(
                new RegexFunction(
                        name,
                        Operation.SPLIT,
                        new ArrayType(STRING),
                        constantRegex(name, bound.get(1)),
                        constantTail(bound)),
                bound);
    }

    // ---------------------------------------------------------------- row-at-a-time functions

    private static List<Expr> strings(String name, List<Expr> args) {
        List<Expr> bound = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            bound.add(coerce(name, i + 1, args.get(i), STRING));
        }
        return bound;
    }

    private static Expr bindConcat(List<Expr> args) {
        String name = "concat";
        boolean arrays = !args.isEmpty();
        for (Expr arg : args) {
            arrays &= arg.type() instanceof ArrayType || arg.type() instanceof NullType;
        }
        if (arrays && args.stream().anyMatch(arg -> arg.type() instanceof ArrayType)) {
            DataType type = args.stream()
                    .map(Expr::type)
                    .filter(t -> t instanceof ArrayType)
                    .findFirst()
                    .orElseThrow();
            List<Expr> bound = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                bound.add(coerce(name, i + 1, args.get(i), type));
            }
            return rowCall(name, type, bound, StringFunctions::concatArrays);
        }
        return rowCall(name, STRING, strings(name, args), StringFunctions::concatStrings);
    }

    private static Object concatStrings(Object[] args, EvalContext context) {
        StringBuilder result = new StringBuilder();
        for (Object arg : args) {
            result.append((String) arg);
        }
        return result.toString();
    }

    private static Object concatArrays(Object[] args, EvalContext context) {
        List<Object> result = new ArrayList<>();
        for (Object arg : args) {
            result.addAll((List<?>) arg);
        }
        return result;
    }

    private static Expr bindConcatWs(List<Expr> args) {
        String name = "concat_ws";
        checkArity(name, args, 1, Integer.MAX_VALUE, "sep[, str | array<string>, ...]");
        List<Expr> bound = new ArrayList<>(args.size());
        bound.add(coerce(name, 1, args.get(0), STRING));
        for (int i = 1; i < args.size(); i++) {
            Expr arg = args.get(i);
            bound.add(
                    arg.type() instanceof ArrayType
                            ? coerce(name, i + 1, arg, new ArrayType(STRING))
                            : coerce(name, i + 1, arg, STRING));
        }
        return rowCallWithNulls(name, STRING, bound, StringFunctions::concatWs);
    }

    private static Object concatWs(Object[] args, EvalContext context) {
        String separator = (String) args[0];
        if (separator == null) {
            return null;
        }
        StringBuilder result = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof List<?> list) {
                for (Object element : list) {
                    if (element != null) {
                        if (!first) {
                            result.append(separator);
                        }
                        result.append((String) element);
                        first = false;
                    }
                }
            } else if (args[i] != null) {
                if (!first) {
                    result.append(separator);
                }
                result.append((String) args[i]);
                first = false;
            }
        }
        return result.toString();
    }

    private static Expr bindTrim(String name, List<Expr> args, boolean leading, boolean trailing) {
        checkArity(name, args, 1, 2, "str[, trimStr]");
        List<Expr> bound = strings(name, args);
        RowFunctions.Kernel kernel;
        if (leading && trailing) {
            kernel = (values, context) -> trim((String) values[0], values.length > 1 ? (String) values[1] : " ", 3);
        } else if (leading) {
            kernel = (values, context) -> trim((String) values[0], values.length > 1 ? (String) values[1] : " ", 1);
        } else {
            kernel = (values, context) -> trim((String) values[0], values.length > 1 ? (String) values[1] : " ", 2);
        }
        return rowCall(name, STRING, bound, kernel);
    }

    /** Removes the characters of {@code characters} from the start (sides bit 1) and end (sides bit 2). */
    static String trim(String value, String characters, int sides) {
        int start = 0;
        int end = value.length();
        if ((sides & 1) != 0) {
            while (start < end) {
                int codePoint = value.codePointAt(start);
                if (characters.indexOf(codePoint) < 0) {
                    break;
                }
                start += Character.charCount(codePoint);
            }
        }
        if ((sides & 2) != 0) {
            while (end > start) {
                int codePoint = value.codePointBefore(end);
                if (characters.indexOf(codePoint) < 0) {
                    break;
                }
                end -= Character.charCount(codePoint);
            }
        }
        return value.substring(start, end);
    }

    private static Expr bindPad(String name, List<Expr> args, boolean left) {
        checkArity(name, args, 2, 3, "str, len[, pad]");
        List<Expr> bound = List.of(
                coerce(name, 1, args.get(0), STRING),
                coerce(name, 2, args.get(1), INT),
                args.size() == 3 ? coerce(name, 3, args.get(2), STRING) : new Literal(" ", STRING));
        return left
                ? rowCall(name, STRING, bound, (values, context) -> pad(values, true))
                : rowCall(name, STRING, bound, (values, context) -> pad(values, false));
    }

    private static String pad(Object[] values, boolean left) {
        String value = (String) values[0];
        int length = (Integer) values[1];
        String pad = (String) values[2];
        int characters = value.codePointCount(0, value.length());
        int missing = length - characters;
        if (missing <= 0 || pad.isEmpty()) {
            return prefix(value, Math.max(length, 0));
        }
        int padCharacters = pad.codePointCount(0, pad.length());
        StringBuilder filler = new StringBuilder();
        for (int i = 0; i < missing / padCharacters; i++) {
            filler.append(pad);
        }
        filler.append(prefix(pad, missing % padCharacters));
        return left ? filler + value : value + filler;
    }

    /** The first {@code characters} code points of {@code value}. */
    private static String prefix(String value, int characters) {
        if (characters >= value.length()) {
            return value;
        }
        int count = value.codePointCount(0, value.length());
        return characters >= count ? value : value.substring(0, value.offsetByCodePoints(0, characters));
    }

    private static Expr bindReplace(List<Expr> args) {
        checkArity("replace", args, 2, 3, "str, search[, replace]");
        List<Expr> bound = strings("replace", args);
        if (bound.size() == 2) {
            bound.add(new Literal("", STRING));
        }
        return rowCall("replace", STRING, bound, (values, context) -> {
            String search = (String) values[1];
            return search.isEmpty() ? values[0] : ((String) values[0]).replace(search, (String) values[2]);
        });
    }

    private static Expr bindSplitPart(List<Expr> args) {
        String name = "split_part";
        checkArity(name, args, 3, 3, "str, delimiter, partNum");
        List<Expr> bound = List.of(
                coerce(name, 1, args.get(0), STRING),
                coerce(name, 2, args.get(1), STRING),
                coerce(name, 3, args.get(2), INT));
        return rowCall(name, STRING, bound, (values, context) -> {
            String value = (String) values[0];
            String delimiter = (String) values[1];
            int part = (Integer) values[2];
            if (part == 0) {
                throw new FreshetException(
                        ErrorCode.INVALID_ARGUMENT,
                        "split_part: the part number 0 is invalid; use a positive number (the first part is 1) or"
                                + " a negative one (the last part is -1)");
            }
            String[] parts = delimiter.isEmpty() ? new String[] {value} : value.split(Pattern.quote(delimiter), -1);
            int index = part > 0 ? part - 1 : parts.length + part;
            return index >= 0 && index < parts.length ? parts[index] : "";
        });
    }

    private static Expr bindInstr(List<Expr> args) {
        checkArity("instr", args, 2, 2, "str, substr");
        return rowCall("instr", INT, strings("instr", args), (values, context) -> {
            String value = (String) values[0];
            return characterIndexOf(value, (String) values[1], 0) + 1;
        });
    }

    /** The 0-based character index of {@code search} in {@code value} at or after character {@code from}, or -1. */
    private static int characterIndexOf(String value, String search, int from) {
        if (search.isEmpty()) {
            return 0;
        }
        int characters = value.codePointCount(0, value.length());
        if (from >= characters) {
            return -1;
        }
        int start = value.offsetByCodePoints(0, from);
        int found = value.indexOf(search, start);
        return found < 0 ? -1 : value.codePointCount(0, found);
    }

    private static Expr bindLocate(String name, List<Expr> args) {
        checkArity(name, args, 2, 3, "substr, str[, pos]");
        List<Expr> bound = List.of(
                coerce(name, 1, args.get(0), STRING),
                coerce(name, 2, args.get(1), STRING),
                args.size() == 3 ? coerce(name, 3, args.get(2), INT) : new Literal(1, INT));
        // A null position gives 0, not null, as in Spark (and Hive).
        return rowCallWithNulls(name, INT, bound, (values, context) -> {
            if (values[2] == null) {
                return 0;
            }
            if (values[0] == null || values[1] == null) {
                return null;
            }
            int position = (Integer) values[2];
            return position < 1 ? 0 : characterIndexOf((String) values[1], (String) values[0], position - 1) + 1;
        });
    }

    private static Expr bindReverse(List<Expr> args) {
        checkArity("reverse", args, 1, 1, "str | array");
        Expr arg = args.get(0);
        if (arg.type() instanceof ArrayType) {
            return rowCall("reverse", arg.type(), args, (values, context) -> {
                List<Object> reversed = new ArrayList<>((List<?>) values[0]);
                java.util.Collections.reverse(reversed);
                return reversed;
            });
        }
        return rowCall(
                "reverse", STRING, List.of(coerce("reverse", 1, arg, STRING)), (values, context) -> new StringBuilder(
                                (String) values[0])
                        .reverse()
                        .toString());
    }

    private static Expr bindRepeat(List<Expr> args) {
        checkArity("repeat", args, 2, 2, "str, n");
        List<Expr> bound = List.of(coerce("repeat", 1, args.get(0), STRING), coerce("repeat", 2, args.get(1), INT));
        return rowCall("repeat", STRING, bound, (values, context) -> {
            int times = (Integer) values[1];
            return times <= 0 ? "" : ((String) values[0]).repeat(times);
        });
    }

    private static Expr bindInitcap(List<Expr> args) {
        checkArity("initcap", args, 1, 1, "str");
        return rowCall("initcap", STRING, strings("initcap", args), (values, context) -> initcap((String) values[0]));
    }

    /** Lower-cases the value and title-cases the first character of each space-separated word. */
    static String initcap(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(lower.length());
        boolean wordStart = true;
        for (int i = 0; i < lower.length(); ) {
            int codePoint = lower.codePointAt(i);
            result.appendCodePoint(wordStart ? Character.toTitleCase(codePoint) : codePoint);
            wordStart = codePoint == ' ';
            i += Character.charCount(codePoint);
        }
        return result.toString();
    }

    private static Expr bindAscii(List<Expr> args) {
        checkArity("ascii", args, 1, 1, "str");
        return rowCall("ascii", INT, strings("ascii", args), (values, context) -> {
            String value = (String) values[0];
            return value.isEmpty() ? 0 : value.codePointAt(0);
        });
    }

    private static Expr bindChr(String name, List<Expr> args) {
        checkArity(name, args, 1, 1, "n");
        return rowCall(name, STRING, List.of(coerce(name, 1, args.get(0), BigintType.BIGINT)), (values, context) -> {
            long code = (Long) values[0];
            // Spark keeps the low byte, as a character in U+0000..U+00FF; negative codes give ''.
            return code < 0 ? "" : String.valueOf((char) (code & 0xFF));
        });
    }
}
