package io.freshet.expr.functions;

import io.freshet.data.Bits;
import io.freshet.data.BooleanVector;
import io.freshet.data.IntVector;
import io.freshet.data.StringVector;
import io.freshet.data.StringVectorBuilder;
import io.freshet.data.Vector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The vectorized string functions on hot paths: plain loops over the UTF-8 bytes of flat vectors,
 * no per-row allocation for ASCII data, once per dictionary entry for dictionary-encoded input.
 */
final class StringKernels {
    private StringKernels() {}

    /** {@code upper} / {@code lower}: ASCII by byte arithmetic, other values through Java's case mapping. */
    record CaseConversion(String name, boolean upper) implements ScalarFunction {
        CaseConversion {
            requireNonNull(name, "name is null");
        }

        @Override
        public DataType returnType() {
            return StringType.STRING;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return RowFunctions.evaluateDictionaryAware(
                    args, rowCount, context, true, (flat, count, ctx) -> convert((StringVector) flat[0], count, upper));
        }

        static StringVector convert(StringVector input, int rowCount, boolean upper) {
            byte[] bytes = input.bytes();
            int[] offsets = input.offsets();
            int start = offsets[0];
            int end = offsets[rowCount];
            if (StringUtf8.isAscii(bytes, start, end)) {
                byte[] result = new byte[end - start];
                for (int i = start; i < end; i++) {
                    result[i - start] = upper ? asciiUpper(bytes[i]) : asciiLower(bytes[i]);
                }
                int[] resultOffsets = new int[rowCount + 1];
                for (int i = 0; i <= rowCount; i++) {
                    resultOffsets[i] = offsets[i] - start;
                }
                return StringVector.flat(result, resultOffsets, input.nulls(), rowCount);
            }
            StringVectorBuilder builder = new StringVectorBuilder(rowCount);
            byte[] scratch = new byte[64];
            for (int row = 0; row < rowCount; row++) {
                if (input.isNull(row)) {
                    builder.appendNull();
                    continue;
                }
                int from = offsets[row];
                int to = offsets[row + 1];
                if (StringUtf8.isAscii(bytes, from, to)) {
                    if (scratch.length < to - from) {
                        scratch = new byte[Math.max(scratch.length * 2, to - from)];
                    }
                    for (int i = from; i < to; i++) {
                        scratch[i - from] = upper ? asciiUpper(bytes[i]) : asciiLower(bytes[i]);
                    }
                    builder.appendBytes(scratch, 0, to - from);
                } else {
                    String value = new String(bytes, from, to - from, StandardCharsets.UTF_8);
                    builder.append(upper ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT));
                }
            }
            return builder.build();
        }

        private static byte asciiUpper(byte b) {
            return b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
        }

        private static byte asciiLower(byte b) {
            return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
        }
    }

    /** What {@link StringMeasure} counts. */
    enum Measure {
        CHARACTERS,
        BYTES,
        BITS
    }

    /** {@code length} (characters), {@code octet_length} (bytes) and {@code bit_length}. */
    record StringMeasure(String name, Measure measure) implements ScalarFunction {
        StringMeasure {
            requireNonNull(name, "name is null");
            requireNonNull(measure, "measure is null");
        }

        @Override
        public DataType returnType() {
            return IntType.INT;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return RowFunctions.evaluateDictionaryAware(args, rowCount, context, true, this::measure);
        }

        private Vector measure(Vector[] args, int rowCount, EvalContext context) {
            StringVector input = (StringVector) args[0];
            byte[] bytes = input.bytes();
            int[] offsets = input.offsets();
            int[] result = new int[rowCount];
            switch (measure) {
                case CHARACTERS -> {
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = StringUtf8.charCount(bytes, offsets[row], offsets[row + 1]);
                    }
                }
                case BYTES -> {
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = offsets[row + 1] - offsets[row];
                    }
                }
                case BITS -> {
                    for (int row = 0; row < rowCount; row++) {
                        result[row] = (offsets[row + 1] - offsets[row]) * 8;
                    }
                }
            }
            return new IntVector(IntType.INT, result, input.nulls(), rowCount);
        }
    }

    /** Which of the substring functions a {@link Substring} is. */
    enum SubstringKind {
        /** {@code substring(str, pos[, len])}. */
        SUBSTRING,
        /** {@code left(str, len)}. */
        LEFT,
        /** {@code right(str, len)}. */
        RIGHT
    }

    /** {@code substring}, {@code left} and {@code right} over characters, copying bytes straight from the input. */
    record Substring(String name, SubstringKind kind, boolean constantTail) implements ScalarFunction {
        Substring {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
        }

        @Override
        public DataType returnType() {
            return StringType.STRING;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return RowFunctions.evaluateDictionaryAware(args, rowCount, context, constantTail, this::substring);
        }

        private Vector substring(Vector[] args, int rowCount, EvalContext context) {
            StringVector input = (StringVector) args[0];
            IntVector first = (IntVector) args[1];
            IntVector second = args.length > 2 ? (IntVector) args[2] : null;
            long[] nulls = second == null
                    ? RowFunctions.unionNulls(rowCount, input, first)
                    : RowFunctions.unionNulls(rowCount, input, first, second);
            byte[] bytes = input.bytes();
            int[] offsets = input.offsets();
            int[] firstValues = first.values();
            int[] secondValues = second == null ? null : second.values();
            StringVectorBuilder builder = new StringVectorBuilder(rowCount);
            for (int row = 0; row < rowCount; row++) {
                if (nulls != null && Bits.get(nulls, row)) {
                    builder.appendNull();
                    continue;
                }
                int n = firstValues[row];
                // right(s, n) is substring(s, -n, n); n <= 0 gives the empty string.
                int pos =
                        switch (kind) {
                            case SUBSTRING -> n;
                            case LEFT -> 1;
                            case RIGHT -> n <= 0 ? 1 : -n;
                        };
                int length =
                        switch (kind) {
                            case SUBSTRING -> secondValues == null ? Integer.MAX_VALUE : secondValues[row];
                            case LEFT -> n;
                            case RIGHT -> Math.max(n, 0);
                        };
                appendSubstring(builder, bytes, offsets[row], offsets[row + 1], pos, length);
            }
            return builder.build();
        }
    }

    /**
     * Appends Spark's {@code substring(value, pos, length)}: 1-based, position 0 means 1, a negative
     * position counts from the end, and the window is clipped to the value.
     */
    static void appendSubstring(StringVectorBuilder builder, byte[] bytes, int from, int to, int pos, int length) {
        int start;
        if (pos > 0) {
            start = pos - 1;
        } else if (pos < 0) {
            start = StringUtf8.charCount(bytes, from, to) + pos;
        } else {
            start = 0;
        }
        long end = Math.min(Math.max((long) start + length, Integer.MIN_VALUE), Integer.MAX_VALUE);
        start = Math.max(start, 0);
        if (start >= end) {
            builder.appendBytes(bytes, from, 0);
            return;
        }
        int byteStart = StringUtf8.advance(bytes, from, to, start);
        int byteEnd = StringUtf8.advance(bytes, byteStart, to, (int) (end - start));
        builder.appendBytes(bytes, byteStart, byteEnd - byteStart);
    }

    /** What a {@link StringMatch} tests. */
    enum MatchKind {
        STARTS_WITH,
        ENDS_WITH,
        CONTAINS
    }

    /** {@code startswith}, {@code endswith} and {@code contains} by byte comparison. */
    record StringMatch(String name, MatchKind kind, boolean constantTail) implements ScalarFunction {
        StringMatch {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
        }

        @Override
        public DataType returnType() {
            return BooleanType.BOOLEAN;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return RowFunctions.evaluateDictionaryAware(args, rowCount, context, constantTail, this::match);
        }

        private Vector match(Vector[] args, int rowCount, EvalContext context) {
            StringVector input = (StringVector) args[0];
            StringVector search = (StringVector) args[1];
            long[] nulls = RowFunctions.unionNulls(rowCount, input, search);
            byte[] bytes = input.bytes();
            int[] offsets = input.offsets();
            byte[] searchBytes = search.bytes();
            int[] searchOffsets = search.offsets();
            boolean[] result = new boolean[rowCount];
            for (int row = 0; row < rowCount; row++) {
                int from = offsets[row];
                int to = offsets[row + 1];
                int searchFrom = searchOffsets[row];
                int searchLength = searchOffsets[row + 1] - searchFrom;
                if (searchLength > to - from) {
                    continue;
                }
                result[row] = switch (kind) {
                    case STARTS_WITH -> StringUtf8.regionEquals(bytes, from, searchBytes, searchFrom, searchLength);
                    case ENDS_WITH ->
                        StringUtf8.regionEquals(bytes, to - searchLength, searchBytes, searchFrom, searchLength);
                    case CONTAINS ->
                        StringUtf8.indexOf(bytes, from, to, searchBytes, searchFrom, searchFrom + searchLength) >= 0;
                };
            }
            return new BooleanVector(BooleanType.BOOLEAN, result, nulls, rowCount);
        }
    }

    /**
     * {@code like} and {@code ilike}: a constant pattern is compiled once at bind time; a pattern
     * from data is compiled when it changes from the previous row's.
     *
     * @param constant the compiled pattern when it is a literal (already lower-cased for ilike), or null
     */
    record Like(String name, StringLikePattern constant, char escape, boolean caseInsensitive, boolean constantTail)
            implements ScalarFunction {
        Like {
            requireNonNull(name, "name is null");
        }

        @Override
        public DataType returnType() {
            return BooleanType.BOOLEAN;
        }

        @Override
        public String format(java.util.List<String> args) {
            String text = args.get(0) + (caseInsensitive ? " ILIKE " : " LIKE ") + args.get(1);
            return args.size() > 2 ? text + " ESCAPE " + args.get(2) : text;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return RowFunctions.evaluateDictionaryAware(args, rowCount, context, constantTail, this::like);
        }

        private Vector like(Vector[] args, int rowCount, EvalContext context) {
            StringVector input = (StringVector) args[0];
            if (caseInsensitive) {
                input = CaseConversion.convert(input, rowCount, false);
            }
            StringVector patterns = (StringVector) args[1];
            long[] nulls = RowFunctions.unionNulls(rowCount, input, patterns);
            byte[] bytes = input.bytes();
            int[] offsets = input.offsets();
            boolean[] result = new boolean[rowCount];
            StringLikePattern pattern = constant;
            for (int row = 0; row < rowCount; row++) {
                if (nulls != null && Bits.get(nulls, row)) {
                    continue;
                }
                if (constant == null) {
                    String text = patterns.getString(row);
                    if (caseInsensitive) {
                        text = text.toLowerCase(Locale.ROOT);
                    }
                    if (pattern == null || !pattern.pattern().equals(text)) {
                        pattern = StringLikePattern.compile(text, escape);
                    }
                }
                result[row] = pattern.matches(bytes, offsets[row], offsets[row + 1]);
            }
            return new BooleanVector(BooleanType.BOOLEAN, result, nulls, rowCount);
        }
    }
}
