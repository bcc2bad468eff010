package io.freshet.sql;

import io.freshet.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

import static java.util.Objects.requireNonNull;

/**
 * Turns the first syntax error ANTLR reports into an {@link AnalysisException} with Spark's wording,
 * {@code Syntax error at or near 'FORM'}, placed at the offending token, plus a hint when one is
 * obvious: a misspelled keyword ({@code did you mean 'FROM'?}) or the one token that was expected
 * ({@code missing ')'}).
 */
final class SyntaxErrorListener extends BaseErrorListener {
    /** Keywords worth suggesting for a misspelled identifier; short ones would match too much. */
    private static final List<String> SUGGESTED_KEYWORDS = List.of(
            "SELECT",
            "FROM",
            "WHERE",
            "GROUP",
            "ORDER",
            "HAVING",
            "LIMIT",
            "OFFSET",
            "JOIN",
            "INNER",
            "OUTER",
            "LEFT",
            "RIGHT",
            "FULL",
            "CROSS",
            "UNION",
            "INTERSECT",
            "EXCEPT",
            "DISTINCT",
            "VALUES",
            "INSERT",
            "INTO",
            "CREATE",
            "TABLE",
            "VIEW",
            "DROP",
            "SHOW",
            "DESCRIBE",
            "EXPLAIN",
            "BETWEEN",
            "LIKE",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "STREAM",
            "STREAMING",
            "WATERMARK",
            "DELAY",
            "INTERVAL",
            "PARTITION",
            "OVER",
            "WINDOW",
            "QUALIFY",
            "USING",
            "OPTIONS",
            "LOCATION",
            "EXISTS",
            "NULL",
            "CAST");

    /**
     * Keywords worth suggesting for the identifier before the offending token, which the parser took
     * as an alias or name: only clause keywords, which such a word most likely meant.
     */
    private static final List<String> CLAUSE_KEYWORDS = List.of(
            "SELECT",
            "FROM",
            "WHERE",
            "GROUP",
            "ORDER",
            "HAVING",
            "LIMIT",
            "JOIN",
            "UNION",
            "INTERSECT",
            "EXCEPT",
            "QUALIFY",
            "WINDOW",
            "WATERMARK",
            "STREAM",
            "USING",
            "VALUES");

    private final SourceMap source;

    SyntaxErrorListener(SourceMap source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int charPositionInLine,
            String message,
            RecognitionException e) {
        Token offending = (Token) offendingSymbol;
        Parser parser = (Parser) recognizer;
        throw error(parser, offending, e);
    }

    private AnalysisException error(Parser parser, Token offending, RecognitionException e) {
        if (offending.getType() == FreshetSqlParser.UNCLOSED_STRING) {
            return source.error(offending, "The string literal starting here is not closed; add the closing quote");
        }
        if (offending.getType() == FreshetSqlParser.UNCLOSED_BACKQUOTED_IDENTIFIER) {
            return source.error(offending, "The backquoted name starting here is not closed; add the closing `");
        }
        Token previous = previousToken(parser.getInputStream(), offending);
        String suggestion = misspelledKeyword(offending, SUGGESTED_KEYWORDS);
        if (suggestion != null) {
            return source.error(offending, nearText(offending) + ": did you mean '" + suggestion + "'?");
        }
        suggestion = misspelledKeyword(previous, CLAUSE_KEYWORDS);
        if (suggestion != null) {
            return source.error(previous, nearText(previous) + ": did you mean '" + suggestion + "'?");
        }
        // After a failed prediction the parser state is where the decision began, which may lie before
        // the offending token: its expected tokens would mislead.
        boolean stateAtOffending =
                !(e instanceof NoViableAltException noViableAlt) || noViableAlt.getStartToken() == offending;
        String expected = stateAtOffending ? expectedHint(parser, offending) : "";
        return source.error(offending, nearText(offending) + expected);
    }

    private static String nearText(Token token) {
        if (token.getType() == Token.EOF) {
            return "Syntax error at or near end of input";
        }
        return "Syntax error at or near '" + token.getText() + "'";
    }

    private static Token previousToken(TokenStream tokens, Token token) {
        for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
            Token candidate = tokens.get(i);
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                return candidate;
            }
        }
        return null;
    }

    /** The keyword that a plain identifier is one typo away from, or null. */
    static String misspelledKeyword(Token token, List<String> keywords) {
        if (token == null || token.getType() != FreshetSqlParser.IDENTIFIER) {
            return null;
        }
        String word = token.getText().toUpperCase(Locale.ROOT);
        if (word.length() < 3) {
            return null;
        }
        for (String keyword : keywords) {
            int distance = editDistance(word, keyword);
            if (distance == 1 || (distance == 2 && keyword.length() >= 7)) {
                return keyword;
            }
        }
        return null;
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code : missing 'BY'} when the parser expected one or two fixed tokens, else nothing. */
    private static String expectedHint(Parser parser, Token offending) {
        IntervalSet expected;
        try {
            expected = parser.getExpectedTokens();
        } catch (IllegalArgumentException e) {
            // The parser state at a failed prediction may not give expected tokens.
            return "";
        }
        if (expected.contains(offending.getType()) || expected.size() == 0 || expected.size() > 2) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (int type : expected.toArray()) {
            String literal = parser.getVocabulary().getLiteralName(type);
            if (literal == null) {
                return "";
            }
            names.add(literal.toUpperCase(Locale.ROOT));
        }
        return names.size() == 1 ? ": missing " + names.get(0) : ": expected " + String.join(" or ", names);
    }
}
