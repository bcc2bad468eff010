package io.freshet.sql;

import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of literals into internal values: numbers with Spark's typing rules, string
 * literals with backslash escapes, and {@code DATE} literals. Failures are {@link LiteralException}s
 * that the caller places at the literal's position.
 */
final class Literals {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Pattern DATE =
            Pattern.compile("([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[T ].*)?)?)?", Pattern.DOTALL);

    private Literals() {}

    /** A literal whose text could not be turned into a value. */
    static final class LiteralException extends RuntimeException {
        LiteralException(String message) {
            super(message, null, false, false);
        }
    }

    /** A typed value, as a numeric literal parses. */
    record TypedValue(Object value, DataType type) {}

    /**
     * Parses a numeric literal, possibly with a leading minus sign: integers are int when they fit,
     * else bigint, else decimal; suffixes {@code L} (bigint), {@code S}/{@code Y} (smallint/tinyint,
     * range-checked, typed int), {@code D}/{@code F} (double), {@code BD} (decimal); a number with a
     * point is a decimal of its digits, one with an exponent a double.
     */
    static TypedValue number(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.endsWith("BD")) {
            return decimal(new BigDecimal(upper.substring(0, upper.length() - 2)), text);
        }
        char last = upper.charAt(upper.length() - 1);
        String digits = upper.substring(0, upper.length() - 1);
        return switch (last) {
            case 'D', 'F' -> doubleValue(digits, text);
            case 'L' ->
                new TypedValue(
                        integral(digits, LONG_MIN, LONG_MAX, "BIGINT", text).longValue(), BigintType.BIGINT);
            case 'S' ->
                new TypedValue(
                        integral(
                                        digits,
                                        BigInteger.valueOf(Short.MIN_VALUE),
                                        BigInteger.valueOf(Short.MAX_VALUE),
                                        "SMALLINT",
                                        text)
                                .intValue(),
                        IntType.INT);
            case 'Y' ->
                new TypedValue(
                        integral(
                                        digits,
                                        BigInteger.valueOf(Byte.MIN_VALUE),
                                        BigInteger.valueOf(Byte.MAX_VALUE),
                                        "TINYINT",
                                        text)
                                .intValue(),
                        IntType.INT);
            default -> {
                if (upper.indexOf('E') >= 0) {
                    yield doubleValue(upper, text);
                }
                if (upper.indexOf('.') >= 0) {
                    yield decimal(new BigDecimal(upper), text);
                }
                yield integer(new BigInteger(upper), text);
            }
        };
    }

    private static TypedValue integer(BigInteger value, String text) {
        if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
            return new TypedValue(value.intValue(), IntType.INT);
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return new TypedValue(value.longValue(), BigintType.BIGINT);
        }
        return decimal(new BigDecimal(value), text);
    }

    private static BigInteger integral(String digits, BigInteger min, BigInteger max, String typeName, String text) {
        BigInteger value = new BigInteger(digits);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new LiteralException("Numeric literal " + text + " does not fit in range [" + min + ", " + max
                    + "] of type " + typeName);
        }
        return value;
    }

    private static TypedValue doubleValue(String digits, String text) {
        double value = Double.parseDouble(digits);
        if (Double.isInfinite(value)) {
            throw new LiteralException("Numeric literal " + text + " is out of range of type DOUBLE");
        }
        return new TypedValue(value, DoubleType.DOUBLE);
    }

    private static TypedValue decimal(BigDecimal value, String text) {
        BigDecimal normalized = value.scale() < 0 ? value.setScale(0) : value;
        int precision = Math.max(normalized.precision(), normalized.scale());
        if (precision > DecimalType.MAX_PRECISION) {
            throw new LiteralException("Numeric literal " + text + " has " + precision
                    + " digits; decimals support at most 38 (write it as a double, e.g. " + text + "D)");
        }
        return new TypedValue(normalized, new DecimalType(precision, normalized.scale()));
    }

    /**
     * The value of one quoted string token ({@code '…'} or {@code "…"}), with Spark's backslash
     * escapes: {@code \n \t \r \b \0 \Z \\ \' \"}, a backslash, u and four hex digits, octal {@code \ooo}; {@code \%} and
     * {@code \_} stay as written (for LIKE patterns); any other escaped character stands for itself.
     */
    static String unescape(String token) {
        String body = token.substring(1, token.length() - 1);
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder result = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                result.append(c);
                i++;
                continue;
            }
            i += appendEscape(body, i + 1, result);
        }
        return result.toString();
    }

    /** Appends the character escaped at {@code index} (just after the backslash); returns the characters used. */
    private static int appendEscape(String body, int index, StringBuilder result) {
        char next = body.charAt(index);
        if (next == 'u' && index + 5 <= body.length() && isHex(body, index + 1, index + 5)) {
            result.append((char) Integer.parseInt(body.substring(index + 1, index + 5), 16));
            return 6;
        }
        if (next >= '0' && next <= '3' && index + 3 <= body.length() && isOctal(body, index, index + 3)) {
            result.append((char) Integer.parseInt(body.substring(index, index + 3), 8));
            return 4;
        }
        switch (next) {
            case '0' -> result.append('\u0000');
            case 'b' -> result.append('\b');
            case 'n' -> result.append('\n');
            case 'r' -> result.append('\r');
            case 't' -> result.append('\t');
            case 'Z' -> result.append('\u001A');
            case '%', '_' -> result.append('\\').append(next);
            default -> result.append(next);
        }
        return 2;
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOctal(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    /**
     * Days since 1970-01-01 of a {@code DATE} literal: {@code yyyy}, {@code yyyy-[m]m} or {@code
     * yyyy-[m]m-[d]d}, optionally followed by a time part after a space or {@code T}, as Spark accepts.
     */
    static int date(String text) {
        Matcher matcher = DATE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new LiteralException(
                    "The value of the typed literal DATE is invalid: '" + text + "'; write it as 'yyyy-mm-dd'");
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            int month = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
            int day = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
            return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
        } catch (DateTimeException | ArithmeticException e) {
            throw new LiteralException(
                    "The value of the typed literal DATE is invalid: '" + text + "' (" + e.getMessage() + ")");
        }
    }
}
