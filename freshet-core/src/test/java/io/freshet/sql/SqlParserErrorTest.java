package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SqlParserErrorTest {

    private static AnalysisException error(Runnable parse) {
        AnalysisException error = catchThrowableOfType(AnalysisException.class, parse::run);
        assertThat(error).as("expected a parse error").isNotNull();
        return error;
    }

    private static AnalysisException statementError(String sql) {
        return error(() -> SqlParser.parseStatement(sql));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "SELECT a FORM t                     | 1 | 10 | Syntax error at or near 'FORM': did you mean 'FROM'?",
                "SELCT a FROM t                      | 1 | 1  | Syntax error at or near 'SELCT': did you mean 'SELECT'?",
                "SELECT a FROM t WHER a > 1          | 1 | 17 | Syntax error at or near 'WHER': did you mean 'WHERE'?",
                "SELECT a FROM t GROUP a             | 1 | 23 | Syntax error at or near 'a': missing 'BY'",
                "SELECT a FROM t ORDER a             | 1 | 23 | Syntax error at or near 'a': missing 'BY'",
                "SELECT a FROM t WHERE               | 1 | 22 | Syntax error at or near end of input",
                "SELECT a, FROM t                    | 1 | 11 | Syntax error at or near 'FROM'",
                "SELECT (a + b FROM t                | 1 | 15 | Syntax error at or near 'FROM'",
                "SELECT a # b FROM t                 | 1 | 10 | Syntax error at or near '#'",
                "SELECT a FROM t JOIN u ON           | 1 | 26 | Syntax error at or near end of input",
                "INSERT INTO t SELEC 1               | 1 | 15 | Syntax error at or near 'SELEC': did you mean 'SELECT'?",
                "CREATE TABLE t (a INT) USIN parquet | 1 | 24 | Syntax error at or near 'USIN': did you mean 'USING'?",
                "SELECT 'abc                         | 1 | 8  | The string literal starting here is not closed; add the closing quote",
                "SELECT `abc                         | 1 | 8  | The backquoted name starting here is not closed; add the closing `",
                "SELECT 1 /* comment                 | 1 | 10 | The comment starting here is not closed; add */",
                "SELECT CAST(a AS foo) FROM t        | 1 | 18 | Unsupported data type 'foo'",
                "TRUNCATE TABLE t                    | 1 | 1  | Syntax error at or near 'TRUNCATE'",
                "SELECT 1 2                          | 1 | 10 | Syntax error at or near '2'",
                "SELECT * FROM t LIMIT               | 1 | 22 | Syntax error at or near end of input",
            })
    void syntaxErrorsPointAtTheOffendingToken(String sql, int line, int column, String message) {
        AnalysisException error = statementError(sql);
        assertThat(error.errorCode()).isEqualTo(ErrorCode.PARSE_ERROR);
        assertThat(error.plainMessage()).startsWith(message);
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.column()).isEqualTo(column);
    }

    @Test
    void messageShowsTheLineWithACaret() {
        AnalysisException error = statementError("SELECT a\nFORM t\nWHERE b > 1");
        assertThat(error.getMessage()).isEqualTo("""
                        Syntax error at or near 'FORM': did you mean 'FROM'? (line 2:1)
                        FORM t
                        ^""");
    }

    @Test
    void errorsInMultiLineQueriesCountLinesAndColumns() {
        AnalysisException error = statementError("""
                SELECT a,
                       b
                FROM t
                WHERE a > 1
                  AND b < )""");
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.column()).isEqualTo(11);
        assertThat(error.getMessage()).endsWith("  AND b < )\n          ^");
    }

    @Test
    void errorsFromLiteralsPointAtTheLiteral() {
        AnalysisException error = statementError("SELECT a,\n  DATE '2024-13-01' AS d FROM t");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(3);
        assertThat(error.plainMessage()).startsWith("The value of the typed literal DATE is invalid: '2024-13-01'");

        AnalysisException unit = statementError("SELECT ts + INTERVAL 5 MINUTS FROM t");
        assertThat(unit.column()).isEqualTo(24);
        assertThat(unit.plainMessage()).startsWith("Unknown interval unit 'MINUTS'");
    }

    @Test
    void statementOffsetsShiftTheFirstLineByBothAndLaterLinesByTheLine() {
        AnalysisException firstLine = error(() -> SqlParser.parseStatement("SELECT a FORM t", 3, 11));
        assertThat(firstLine.line()).isEqualTo(3);
        assertThat(firstLine.column()).isEqualTo(20);
        assertThat(firstLine.getMessage()).endsWith("\n          SELECT a FORM t\n                   ^");

        AnalysisException laterLine = error(() -> SqlParser.parseStatement("SELECT a\n  FROM t WHERE", 3, 11));
        assertThat(laterLine.line()).isEqualTo(4);
        assertThat(laterLine.column()).isEqualTo(15);
    }

    @Test
    void errorsInAScriptArePlacedInTheWholeScript() {
        String script = """
                CREATE TABLE t (a INT) USING memory;
                INSERT INTO t VALUES (1); SELECT a
                  FROM t
                  WHERE a >;
                SELECT 2;""";
        AnalysisException error = error(() -> SqlParser.parseStatements(script));
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(12);
        assertThat(error.plainMessage()).isEqualTo("Syntax error at or near end of input");
        assertThat(error.getMessage()).endsWith("(line 4:12)\n  WHERE a >\n           ^");

        AnalysisException sameLine = error(() -> SqlParser.parseStatements("SELECT 1; SELECT a FORM t;"));
        assertThat(sameLine.line()).isEqualTo(1);
        assertThat(sameLine.column()).isEqualTo(20);
    }

    @Test
    void expressionErrorsHavePositionsToo() {
        AnalysisException error = error(() -> SqlParser.parseExpression("a +"));
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(4);
        assertThat(error.plainMessage()).isEqualTo("Syntax error at or near end of input");
        AnalysisException trailing = error(() -> SqlParser.parseExpression("a b c"));
        assertThat(trailing.column()).isEqualTo(5);
    }

    @Test
    void deeplyNestedInputIsAParseErrorNotACrash() {
        String sql = "SELECT " + "(".repeat(20_000) + "1" + ")".repeat(20_000);
        AnalysisException error = statementError(sql);
        assertThat(error.errorCode()).isEqualTo(ErrorCode.PARSE_ERROR);
        assertThat(error.plainMessage())
                .startsWith("The statement is nested too deeply to parse (more than 500 levels)");
        assertThat(error.column()).isEqualTo(8 + 500);
    }

    @Test
    void longOperatorChainsParseWithoutExhaustingTheStack() {
        String disjunction = "a = 0" + " OR a = 1".repeat(10_000);
        var expr = SqlParser.parseExpression(disjunction);
        assertThat(((io.freshet.plan.parsed.ParsedExpr.FunctionCall) expr).name())
                .isEqualTo("or");
        String sum = "1" + " + 1".repeat(10_000);
        assertThat(((io.freshet.plan.parsed.ParsedExpr.FunctionCall) SqlParser.parseExpression(sum)).name())
                .isEqualTo("+");
    }
}
