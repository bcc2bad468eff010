package io.freshet.expr.functions;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A compiled SQL LIKE pattern. Patterns made of literal text and {@code %} only (the common {@code
 * 'abc%'}, {@code '%abc'}, {@code '%abc%'} shapes included) match by byte comparisons on the UTF-8
 * value; a pattern with {@code _} falls back to a regular expression. Equal when the pattern text
 * and escape character are equal.
 */
final class StringLikePattern {
    private final String pattern;
    private final char escape;
    /** The literal segments between {@code %}s, as UTF-8; null when the pattern needs a regex. */
    private final byte[][] segments;

    private final Pattern regex;

    private StringLikePattern(String pattern, char escape, byte[][] segments, Pattern regex) {
        this.pattern = pattern;
        this.escape = escape;
        this.segments = segments;
        this.regex = regex;
    }

    /**
     * Compiles a LIKE pattern with the given escape character.
     *
     * @throws FreshetException when the escape character ends the pattern or precedes a character
     *     other than {@code _}, {@code %} or itself
     */
    static StringLikePattern compile(String pattern, char escape) {
        List<String> segments = new ArrayList<>();
        StringBuilder regex = new StringBuilder("(?s)");
        StringBuilder segment = new StringBuilder();
        boolean hasSingle = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == escape) {
                if (i + 1 == pattern.length()) {
                    throw invalid(pattern, "the escape character '" + escape + "' is not allowed at the end");
                }
                char next = pattern.charAt(i + 1);
                if (next != '_' && next != '%' && next != escape) {
                    throw invalid(
                            pattern, "the escape character '" + escape + "' is not allowed to precede '" + next + "'");
                }
                segment.append(next);
                regex.append(Pattern.quote(String.valueOf(next)));
                i += 2;
                continue;
            }
            if (c == '%') {
                segments.add(segment.toString());
                segment.setLength(0);
                regex.append(".*");
            } else if (c == '_') {
                hasSingle = true;
                segment.append(c);
                regex.append('.');
            } else {
                segment.append(c);
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        segments.add(segment.toString());
        if (hasSingle) {
            return new StringLikePattern(pattern, escape, null, Pattern.compile(regex.toString()));
        }
        byte[][] bytes = new byte[segments.size()][];
        for (int s = 0; s < bytes.length; s++) {
            bytes[s] = segments.get(s).getBytes(StandardCharsets.UTF_8);
        }
        return new StringLikePattern(pattern, escape, bytes, null);
    }

    private static FreshetException invalid(String pattern, String problem) {
        return new FreshetException(
                ErrorCode.INVALID_ARGUMENT,
                "invalid LIKE pattern '" + pattern + "': " + problem
                        + "; escape '_', '%' and the escape character only");
    }

    String pattern() {
        return pattern;
    }

    /** Whether the UTF-8 value {@code bytes[start, end)} matches. */
    boolean matches(byte[] bytes, int start, int end) {
        if (segments == null) {
            return regex.matcher(new String(bytes, start, end - start, StandardCharsets.UTF_8))
                    .matches();
        }
        int last = segments.length - 1;
        byte[] first = segments[0];
        if (last == 0) {
            return end - start == first.length && StringUtf8.regionEquals(bytes, start, first, 0, first.length);
        }
        byte[] tail = segments[last];
        if (end - start < first.length + tail.length
                || !StringUtf8.regionEquals(bytes, start, first, 0, first.length)
                || !StringUtf8.regionEquals(bytes, end - tail.length, tail, 0, tail.length)) {
            return false;
        }
        int position = start + first.length;
        int limit = end - tail.length;
        // Each middle segment matched leftmost leaves the most room for the rest: greedy is exact for '%'.
        for (int s = 1; s < last; s++) {
            byte[] middle = segments[s];
            int found = StringUtf8.indexOf(bytes, position, limit, middle, 0, middle.length);
            if (found < 0) {
                return false;
            }
            position = found + middle.length;
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StringLikePattern that && pattern.equals(that.pattern) && escape == that.escape;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, escape);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
