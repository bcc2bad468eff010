package io.freshet.differential;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Normalizes result rows of either engine to comparable values (numbers to BigDecimal, dates and
 * timestamps to ISO text) and compares two results, as ordered lists or as multisets, with a
 * relative tolerance for numbers that came from doubles.
 */
final class Results {
    private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("1e-9");
    private static final BigDecimal ABSOLUTE_TOLERANCE = new BigDecimal("1e-12");

    private Results() {}

    /** A normalized value: null, Boolean, BigDecimal, or String. */
    static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case Boolean b -> b;
            case Double d -> normalizeDouble(d);
            case Float f -> normalizeDouble(f.doubleValue());
            case BigDecimal decimal -> decimal.stripTrailingZeros();
            case BigInteger integer -> new BigDecimal(integer);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case String s -> s;
            case LocalDate date -> date.toString();
            case java.sql.Date date -> date.toLocalDate().toString();
            case Instant instant ->
                LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
            case Timestamp timestamp -> timestamp.toLocalDateTime().toString();
            case LocalDateTime dateTime -> dateTime.toString();
            default -> value.toString();
        };
    }

    private static Object normalizeDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return new BigDecimal(d).stripTrailingZeros();
    }

    /** Normalizes every value of every row. */
    static List<List<Object>> normalizeRows(List<List<Object>> rows) {
        List<List<Object>> normalized = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>(row.size());
            for (Object value : row) {
                values.add(normalize(value));
            }
            normalized.add(values);
        }
        return normalized;
    }

    /**
     * Compares two normalized results and describes the first difference, if any. Unordered
     * results are sorted first, so they compare as multisets.
     */
    static Optional<String> difference(List<List<Object>> expected, List<List<Object>> actual, boolean ordered) {
        List<List<Object>> left = new ArrayList<>(expected);
        List<List<Object>> right = new ArrayList<>(actual);
        if (!ordered) {
            left.sort(ROW_ORDER);
            right.sort(ROW_ORDER);
        }
        if (left.size() != right.size()) {
            return Optional.of(
                    "row count: DuckDB " + left.size() + ", Freshet " + right.size() + describe(left, right));
        }
        for (int row = 0; row < left.size(); row++) {
            List<Object> l = left.get(row);
            List<Object> r = right.get(row);
            if (l.size() != r.size()) {
                return Optional.of("column count: DuckDB " + l.size() + ", Freshet " + r.size());
            }
            for (int column = 0; column < l.size(); column++) {
                if (!close(l.get(column), r.get(column))) {
                    return Optional.of("row " + row + " column " + column + ": DuckDB " + l + ", Freshet " + r
                            + describe(left, right));
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(List<List<Object>> left, List<List<Object>> right) {
        return "\n  DuckDB:  " + abbreviate(left) + "\n  Freshet: " + abbreviate(right);
    }

    private static String abbreviate(List<List<Object>> rows) {
        String text = rows.toString();
        return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
    }

    private static boolean close(Object expected, Object actual) {
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            if (e.compareTo(a) == 0) {
                return true;
            }
            BigDecimal difference = e.subtract(a).abs();
            BigDecimal scale = e.abs().max(a.abs());
            return difference.compareTo(ABSOLUTE_TOLERANCE) <= 0
                    || difference.compareTo(scale.multiply(RELATIVE_TOLERANCE, MathContext.DECIMAL64)) <= 0;
        }
        return java.util.Objects.equals(expected, actual);
    }

    /** Nulls first, then booleans, numbers and strings, each in natural order; rows lexicographically. */
    private static final Comparator<Object> VALUE_ORDER = (left, right) -> {
        int rankLeft = rank(left);
        int rankRight = rank(right);
        if (rankLeft != rankRight) {
            return Integer.compare(rankLeft, rankRight);
        }
        return switch (left) {
            case null -> 0;
            case Boolean b -> b.compareTo((Boolean) right);
            case BigDecimal d -> d.compareTo((BigDecimal) right);
            default -> left.toString().compareTo(right.toString());
        };
    };

    private static int rank(Object value) {
        return switch (value) {
            case null -> 0;
            case Boolean b -> 1;
            case BigDecimal d -> 2;
            default -> 3;
        };
    }

    private static final Comparator<List<Object>> ROW_ORDER = (left, right) -> {
        int size = Math.min(left.size(), right.size());
        for (int i = 0; i < size; i++) {
            int c = VALUE_ORDER.compare(left.get(i), right.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.size(), right.size());
    };
}
