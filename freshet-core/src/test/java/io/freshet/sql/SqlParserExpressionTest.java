package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.ParsedExpr.Constant;
import io.freshet.plan.parsed.ParsedExpr.FunctionCall;
import io.freshet.plan.parsed.Position;
import io.freshet.sql.ast.AstPrinter;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlParserExpressionTest {

    private static String parse(String text) {
        return AstPrinter.print(SqlParser.parseExpression(text));
    }

    private static Constant constant(String text) {
        ParsedExpr expr = SqlParser.parseExpression(text);
        assertThat(expr).isInstanceOf(Constant.class);
        return (Constant) expr;
    }

    private static void assertConstant(String text, Object value, DataType type) {
        Constant constant = constant(text);
        assertThat(constant.value()).isEqualTo(value);
        assertThat(constant.type()).isEqualTo(type);
    }

    // ----- literals

    @Test
    void integersAreIntWhenTheyFitThenBigintThenDecimal() {
        assertConstant("0", 0, IntType.INT);
        assertConstant("2147483647", 2147483647, IntType.INT);
        assertConstant("2147483648", 2147483648L, BigintType.BIGINT);
        assertConstant("-2147483648", -2147483648, IntType.INT);
        assertConstant("-2147483649", -2147483649L, BigintType.BIGINT);
        assertConstant("9223372036854775807", Long.MAX_VALUE, BigintType.BIGINT);
        assertConstant("-9223372036854775808", Long.MIN_VALUE, BigintType.BIGINT);
        assertConstant("9223372036854775808", new BigDecimal("9223372036854775808"), new DecimalType(19, 0));
    }

    @Test
    void numericSuffixesChooseTheType() {
        assertConstant("10L", 10L, BigintType.BIGINT);
        assertConstant("10l", 10L, BigintType.BIGINT);
        assertConstant("7S", 7, IntType.INT);
        assertConstant("-32768S", -32768, IntType.INT);
        assertConstant("7Y", 7, IntType.INT);
        assertConstant("1.5D", 1.5, DoubleType.DOUBLE);
        assertConstant("2D", 2.0, DoubleType.DOUBLE);
        assertConstant("2F", 2.0, DoubleType.DOUBLE);
        assertConstant("1BD", new BigDecimal("1"), new DecimalType(1, 0));
        assertConstant("12.345BD", new BigDecimal("12.345"), new DecimalType(5, 3));
    }

    @Test
    void decimalsTakePrecisionAndScaleFromTheirDigits() {
        assertConstant("1.5", new BigDecimal("1.5"), new DecimalType(2, 1));
        assertConstant("0.05", new BigDecimal("0.05"), new DecimalType(2, 2));
        assertConstant(".5", new BigDecimal("0.5"), new DecimalType(1, 1));
        assertConstant("100.00", new BigDecimal("100.00"), new DecimalType(5, 2));
        assertConstant("-1.25", new BigDecimal("-1.25"), new DecimalType(3, 2));
    }

    @Test
    void exponentsMakeDoubles() {
        assertConstant("1e3", 1000.0, DoubleType.DOUBLE);
        assertConstant("1.5E2", 150.0, DoubleType.DOUBLE);
        assertConstant("2.5e-1", 0.25, DoubleType.DOUBLE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "128Y                 | Numeric literal 128Y does not fit in range [-128, 127] of type TINYINT",
                "40000S               | Numeric literal 40000S does not fit in range [-32768, 32767] of type SMALLINT",
                "9223372036854775808L | Numeric literal 9223372036854775808L does not fit in range",
                "1e999                | Numeric literal 1e999 is out of range of type DOUBLE",
                "123456789012345678901234567890123456789 | has 39 digits; decimals support at most 38",
            })
    void outOfRangeNumbersAreParseErrors(String text, String message) {
        assertThatThrownBy(() -> SqlParser.parseExpression(text))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((AnalysisException) e).errorCode()).isEqualTo(ErrorCode.PARSE_ERROR));
    }

    @Test
    void stringsUseEitherQuoteAndBackslashEscapes() {
        assertConstant("'abc'", "abc", StringType.STRING);
        assertConstant("\"abc\"", "abc", StringType.STRING);
        assertConstant("'it\\'s'", "it's", StringType.STRING);
        assertConstant("\"say \\\"hi\\\"\"", "say \"hi\"", StringType.STRING);
        assertConstant("'a\\nb\\tc\\\\d'", "a\nb\tc\\d", StringType.STRING);
        assertConstant("'\\u0041\\101'", "AA", StringType.STRING);
        assertConstant("'100\\%'", "100\\%", StringType.STRING);
        assertConstant("''", "", StringType.STRING);
    }

    @Test
    void adjacentStringLiteralsAreConcatenated() {
        assertConstant("'a' 'b'\n \"c\"", "abc", StringType.STRING);
    }

    @Test
    void booleansAndNull() {
        assertConstant("TRUE", true, io.freshet.types.BooleanType.BOOLEAN);
        assertConstant("false", false, io.freshet.types.BooleanType.BOOLEAN);
        assertConstant("NULL", null, NullType.NULL);
    }

    @Test
    void dateLiteralsAreDaysSinceTheEpoch() {
        assertConstant("DATE '2024-01-01'", (int) LocalDate.of(2024, 1, 1).toEpochDay(), DateType.DATE);
        assertConstant("date '1969-12-31'", -1, DateType.DATE);
        assertConstant("DATE '2024-2-3'", (int) LocalDate.of(2024, 2, 3).toEpochDay(), DateType.DATE);
        assertConstant("DATE '2024'", (int) LocalDate.of(2024, 1, 1).toEpochDay(), DateType.DATE);
    }

    @Test
    void invalidDateLiteralsAreParseErrors() {
        assertThatThrownBy(() -> SqlParser.parseExpression("DATE '2024-02-30'"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("The value of the typed literal DATE is invalid: '2024-02-30'");
        assertThatThrownBy(() -> SqlParser.parseExpression("DATE 'yesterday'"))
                .hasMessageContaining("The value of the typed literal DATE is invalid: 'yesterday'");
    }

    @Test
    void timestampLiteralsAreCastsOfStringsSoTheSessionZoneApplies() {
        ParsedExpr expr = SqlParser.parseExpression("TIMESTAMP '2024-01-01 10:00:00'");
        assertThat(expr).isInstanceOf(ParsedExpr.Cast.class);
        ParsedExpr.Cast cast = (ParsedExpr.Cast) expr;
        assertThat(cast.type()).isEqualTo(TimestampType.TIMESTAMP);
        assertThat(cast.tryCast()).isFalse();
        assertThat(cast.expr()).isEqualTo(new Constant("2024-01-01 10:00:00", StringType.STRING, new Position(1, 11)));
        assertThat(parse("TIMESTAMP_NTZ '2024-01-01'")).isEqualTo("CAST('2024-01-01' AS TIMESTAMP)");
        assertThat(parse("timestamp_ltz '2024-01-01'")).isEqualTo("CAST('2024-01-01' AS TIMESTAMP)");
    }

    // ----- intervals

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "INTERVAL '5' MINUTE                    | 300000000",
                "INTERVAL 5 MINUTES                     | 300000000",
                "interval 1 day                         | 86400000000",
                "INTERVAL 2 WEEKS                       | 1209600000000",
                "INTERVAL '1' HOUR 30 MINUTES           | 5400000000",
                "INTERVAL 1.5 HOURS                     | 5400000000",
                "INTERVAL 10 SECONDS 500 MILLISECONDS   | 10500000",
                "INTERVAL 7 MICROSECONDS                | 7",
                "INTERVAL -5 MINUTES                    | -300000000",
                "INTERVAL '-5' MINUTE                   | -300000000",
                "INTERVAL '1 02:03:04' DAY TO SECOND    | 93784000000",
                "INTERVAL '1 02:03:04.5' DAY TO SECOND  | 93784500000",
                "INTERVAL '-1 02:00:00' DAY TO SECOND   | -93600000000",
                "INTERVAL '3 04' DAY TO HOUR            | 273600000000",
                "INTERVAL '3 04:05' DAY TO MINUTE       | 273900000000",
                "INTERVAL '02:30' HOUR TO MINUTE        | 9000000000",
                "INTERVAL '02:30:01' HOUR TO SECOND     | 9001000000",
                "INTERVAL '2:30.25' MINUTE TO SECOND    | 150250000",
                "INTERVAL '10 minutes'                  | 600000000",
                "INTERVAL '1 day 2 hours'               | 93600000000",
            })
    void intervalLiteralsAreMicroseconds(String text, long micros) {
        assertConstant(text, micros, IntervalType.INTERVAL);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "INTERVAL 1 YEAR                         | Year-month intervals are not supported ('YEAR')",
                "INTERVAL '2' MONTHS                     | Year-month intervals are not supported ('MONTHS')",
                "INTERVAL '1-2' YEAR TO MONTH            | Year-month intervals are not supported",
                "INTERVAL 3 FORTNIGHTS                   | Unknown interval unit 'FORTNIGHTS'",
                "INTERVAL 'x' MINUTE                     | Cannot parse the interval value 'x' for unit MINUTE",
                "INTERVAL '1 25:00:00' DAY TO SECOND     | The HOUR field of the INTERVAL value '1 25:00:00' must be less than 24",
                "INTERVAL '1:2:3' DAY TO SECOND          | Cannot parse the INTERVAL value '1:2:3' as DAY TO SECOND",
                "INTERVAL '10' SECOND TO MINUTE          | Intervals FROM SECOND TO MINUTE are not supported",
                "INTERVAL 'soon'                         | Cannot parse the INTERVAL value 'soon'",
                "INTERVAL 0.0000001 SECONDS              | is finer than a microsecond",
                "INTERVAL 999999999999 DAYS              | is out of range",
            })
    void invalidIntervalsAreParseErrorsWithAClearMessage(String text, String message) {
        assertThatThrownBy(() -> SqlParser.parseExpression(text))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining(message);
    }

    // ----- operators and precedence

    @ParameterizedTest
    @CsvSource(
            delimiter = '#',
            value = {
                "a + b * c                 # (a + (b * c))",
                "a * b + c                 # ((a * b) + c)",
                "a - b - c                 # ((a - b) - c)",
                "a / b % c DIV d           # (((a / b) % c) DIV d)",
                "a || b + c                # ((a || b) + c)",
                "-a * b                    # ((-(a)) * b)",
                "- (a + b)                 # (-((a + b)))",
                "+a                        # a",
                "~a & b                    # (~(a) & b)",
                "a & b ^ c | d             # (((a & b) ^ c) | d)",
                "a | b & c                 # (a | (b & c))",
                "a + b = c * d             # ((a + b) = (c * d))",
                "a = b AND c = d           # ((a = b) AND (c = d))",
                "a OR b AND c              # (a OR (b AND c))",
                "a AND b OR c AND d        # ((a AND b) OR (c AND d))",
                "NOT a AND b               # ((NOT a) AND b)",
                "NOT a = b                 # (NOT (a = b))",
                "NOT NOT a                 # (NOT (NOT a))",
                "!a OR b                   # ((NOT a) OR b)",
                "NOT a IS NULL             # (NOT (a IS NULL))",
                "a + 1 BETWEEN b AND c + 1 # ((a + 1) BETWEEN b AND (c + 1))",
                "a BETWEEN 1 AND 2 AND c   # ((a BETWEEN 1 AND 2) AND c)",
                "a IN (1, 2) OR b          # ((a IN (1, 2)) OR b)",
                "a LIKE 'x' AND b          # ((a LIKE 'x') AND b)",
                "a < b = true              # ((a < b) = TRUE)",
                "(a OR b) AND c            # ((a OR b) AND c)",
                "a::int + 1                # (CAST(a AS INT) + 1)",
                "-a::int                   # (-(CAST(a AS INT)))",
                "a[1] * 2                  # (a[1] * 2)",
                "x.y.z + 1                 # (x.y.z + 1)",
            })
    void operatorsFollowSparksPrecedence(String text, String expected) {
        assertThat(parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '#',
            value = {
                "a = b   # =",
                "a == b  # =",
                "a <> b  # <>",
                "a != b  # <>",
                "a < b   # <",
                "a <= b  # <=",
                "a > b   # >",
                "a >= b  # >=",
                "a <=> b # <=>",
                "a + b   # +",
                "a - b   # -",
                "a * b   # *",
                "a / b   # /",
                "a % b   # %",
                "a div b # div",
                "a || b  # ||",
                "a AND b # and",
                "a or b  # or",
            })
    void binaryOperatorsAreCallsWithCanonicalNames(String text, String name) {
        FunctionCall call = (FunctionCall) SqlParser.parseExpression(text);
        assertThat(call.name()).isEqualTo(name);
        assertThat(call.args()).hasSize(2);
    }

    @Test
    void unaryMinusOfANumberIsANegativeLiteral() {
        assertConstant("-5", -5, IntType.INT);
        assertConstant("-1.5", new BigDecimal("-1.5"), new DecimalType(2, 1));
        assertThat(parse("-(5)")).isEqualTo("(-(5))");
        assertThat(parse("- -5")).isEqualTo("(-(-5))");
        assertThat(parse("1 - -1")).isEqualTo("(1 - -1)");
        assertThat(parse("1-1")).isEqualTo("(1 - 1)");
    }

    // ----- predicates

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a IN (1, 2, 3)                 | (a IN (1, 2, 3))",
                "a NOT IN ('x')                 | (a NOT IN ('x'))",
                "a BETWEEN 1 AND 10             | (a BETWEEN 1 AND 10)",
                "a NOT BETWEEN 1 AND 10         | (a NOT BETWEEN 1 AND 10)",
                "a LIKE 'x%'                    | (a LIKE 'x%')",
                "a NOT LIKE 'x%'                | (NOT (a LIKE 'x%'))",
                "a LIKE 'x!%' ESCAPE '!'        | (a LIKE 'x!%' ESCAPE '!')",
                "a ILIKE 'X%'                   | (a ILIKE 'X%')",
                "a NOT ILIKE 'X%'               | (NOT (a ILIKE 'X%'))",
                "a RLIKE '^x'                   | (a RLIKE '^x')",
                "a REGEXP '^x'                  | (a RLIKE '^x')",
                "a NOT RLIKE '^x'               | (NOT (a RLIKE '^x'))",
                "a IS NULL                      | (a IS NULL)",
                "a IS NOT NULL                  | (a IS NOT NULL)",
                "a IS UNKNOWN                   | (a IS NULL)",
                "a IS TRUE                      | (a <=> TRUE)",
                "a IS NOT TRUE                  | (NOT (a <=> TRUE))",
                "a IS FALSE                     | (a <=> FALSE)",
                "a IS NOT FALSE                 | (NOT (a <=> FALSE))",
                "a IS DISTINCT FROM b           | (NOT (a <=> b))",
                "a IS NOT DISTINCT FROM b       | (a <=> b)",
            })
    void predicates(String text, String expected) {
        assertThat(parse(text)).isEqualTo(expected);
    }

    @Test
    void escapeOfLikeMustBeOneCharacter() {
        assertThatThrownBy(() -> SqlParser.parseExpression("a LIKE 'x' ESCAPE '!!'"))
                .hasMessageContaining("The ESCAPE of LIKE must be a single character, not '!!'");
    }

    @Test
    void subqueriesInExpressions() {
        ParsedExpr in = SqlParser.parseExpression("a NOT IN (SELECT b FROM t)");
        assertThat(in).isInstanceOf(ParsedExpr.Subquery.class);
        ParsedExpr.Subquery subquery = (ParsedExpr.Subquery) in;
        assertThat(subquery.kind()).isEqualTo(ParsedExpr.SubqueryKind.IN);
        assertThat(subquery.negated()).isTrue();
        assertThat(AstPrinter.print(subquery.lhs())).isEqualTo("a");
        assertThat(subquery.query()).isInstanceOf(io.freshet.sql.ast.Query.class);

        assertThat(parse("EXISTS (SELECT 1 FROM t)")).isEqualTo("EXISTS (SELECT 1 FROM t)");
        assertThat(parse("NOT EXISTS (SELECT 1 FROM t)")).isEqualTo("(NOT EXISTS (SELECT 1 FROM t))");
        ParsedExpr.Subquery notExists = (ParsedExpr.Subquery) SqlParser.parseExpression("NOT EXISTS (SELECT 1)");
        assertThat(notExists.negated()).isTrue();
        assertThat(parse("(SELECT max(b) FROM t) + 1")).isEqualTo("((SELECT max(b) FROM t) + 1)");
        assertThat(parse("a IN ((SELECT 1), 2)")).isEqualTo("(a IN ((SELECT 1), 2))");
    }

    // ----- functions, casts, special forms

    @Test
    void functionCalls() {
        assertThat(parse("count(*)")).isEqualTo("count(1)");
        assertThat(parse("COUNT(DISTINCT a, b)")).isEqualTo("count(DISTINCT a, b)");
        assertThat(parse("sum(ALL x)")).isEqualTo("sum(x)");
        assertThat(parse("sum(x) FILTER (WHERE x > 0)")).isEqualTo("sum(x) FILTER (WHERE (x > 0))");
        assertThat(parse("first(x) IGNORE NULLS")).isEqualTo("first(x) IGNORE NULLS");
        assertThat(parse("last(x) RESPECT NULLS")).isEqualTo("last(x)");
        assertThat(parse("now()")).isEqualTo("now()");
        assertThat(parse("db.f(1)")).isEqualTo("db.f(1)");
        assertThat(parse("left(s, 2) || right(s, 1)")).isEqualTo("(left(s, 2) || right(s, 1))");
        assertThat(parse("if(a, b, c)")).isEqualTo("if(a, b, c)");
        assertThat(parse("window(ts, '5 minutes')")).isEqualTo("window(ts, '5 minutes')");
        assertThat(parse("date(ts)")).isEqualTo("date(ts)");
        assertThat(parse("struct(*)")).isEqualTo("struct(*)");
        assertThat(parse("(a, b)")).isEqualTo("struct(a, b)");
    }

    @Test
    void functionNamesAreLowerCasedAndCountStarBecomesCountOne() {
        FunctionCall call = (FunctionCall) SqlParser.parseExpression("Count(*)");
        assertThat(call.name()).isEqualTo("count");
        assertThat(call.args()).containsExactly(new Constant(1, IntType.INT, new Position(1, 7)));
    }

    @Test
    void windowCalls() {
        assertThat(parse("row_number() OVER (PARTITION BY a, b ORDER BY c DESC NULLS FIRST)"))
                .isEqualTo("row_number() OVER (PARTITION BY a, b ORDER BY c DESC NULLS FIRST)");
        assertThat(parse("sum(x) OVER (ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"))
                .isEqualTo("sum(x) OVER (ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
        assertThat(parse("sum(x) OVER (ORDER BY t ROWS BETWEEN 2 PRECEDING AND 3 FOLLOWING)"))
                .isEqualTo("sum(x) OVER (ORDER BY t ROWS BETWEEN 2 PRECEDING AND 3 FOLLOWING)");
        assertThat(parse("sum(x) OVER (ORDER BY t ROWS 2 PRECEDING)"))
                .isEqualTo("sum(x) OVER (ORDER BY t ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)");
        assertThat(parse("sum(x) OVER (ORDER BY t RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)"))
                .isEqualTo("sum(x) OVER (ORDER BY t RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)");
        assertThat(parse("sum(x) OVER (ORDER BY ts RANGE BETWEEN INTERVAL 1 HOUR PRECEDING AND CURRENT ROW)"))
                .isEqualTo("sum(x) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '3600000000' MICROSECONDS PRECEDING"
                        + " AND CURRENT ROW)");
        assertThat(parse("count(*) OVER ()")).isEqualTo("count(1) OVER ()");
        assertThat(parse("lag(x, 1) IGNORE NULLS OVER (ORDER BY t)"))
                .isEqualTo("lag(x, 1) IGNORE NULLS OVER (ORDER BY t)");
        assertThat(parse("count(x) FILTER (WHERE x > 1) OVER (PARTITION BY p)"))
                .isEqualTo("count(x) FILTER (WHERE (x > 1)) OVER (PARTITION BY p)");
    }

    @Test
    void windowFramesAreStructured() {
        FunctionCall call = (FunctionCall) SqlParser.parseExpression(
                "sum(x) OVER (PARTITION BY p ORDER BY t ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING)");
        ParsedExpr.WindowFrame frame = call.over().frame();
        assertThat(frame.type()).isEqualTo(ParsedExpr.FrameType.ROWS);
        assertThat(frame.start().type()).isEqualTo(ParsedExpr.BoundType.PRECEDING);
        assertThat(((Constant) frame.start().offset()).value()).isEqualTo(2);
        assertThat(frame.end()).isEqualTo(new ParsedExpr.FrameBound(ParsedExpr.BoundType.UNBOUNDED_FOLLOWING, null));
        assertThat(call.over().orderBy().get(0).nullsFirst()).isTrue();
        assertThat(call.over().frame()).isNotNull();
        FunctionCall noFrame = (FunctionCall) SqlParser.parseExpression("rank() OVER (ORDER BY t DESC)");
        assertThat(noFrame.over().frame()).isNull();
        assertThat(noFrame.over().orderBy().get(0).nullsFirst()).isFalse();
    }

    @Test
    void castsInEveryForm() {
        assertThat(parse("CAST(a AS DECIMAL(10, 2))")).isEqualTo("CAST(a AS DECIMAL(10,2))");
        assertThat(parse("cast(a as string)")).isEqualTo("CAST(a AS STRING)");
        assertThat(parse("TRY_CAST(a AS INT)")).isEqualTo("TRY_CAST(a AS INT)");
        assertThat(parse("a::bigint")).isEqualTo("CAST(a AS BIGINT)");
        assertThat(parse("a::array<int>")).isEqualTo("CAST(a AS ARRAY<INT>)");
        assertThat(parse("CAST(x AS INTERVAL DAY TO SECOND)")).isEqualTo("CAST(x AS INTERVAL DAY TO SECOND)");
    }

    @Test
    void caseExpressionsInBothForms() {
        assertThat(parse("CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END"))
                .isEqualTo("CASE WHEN (a > 1) THEN 'x' WHEN (a > 0) THEN 'y' ELSE 'z' END");
        assertThat(parse("CASE a WHEN 1 THEN 'one' END")).isEqualTo("CASE a WHEN 1 THEN 'one' END");
        ParsedExpr.Case simple = (ParsedExpr.Case) SqlParser.parseExpression("CASE a WHEN 1 THEN 2 END");
        assertThat(simple.elseResult()).isNull();
        assertThat(simple.operand()).isInstanceOf(ParsedExpr.Identifier.class);
    }

    @Test
    void specialSyntaxFormsBecomeOrdinaryCalls() {
        assertThat(parse("TRIM(s)")).isEqualTo("trim(s)");
        assertThat(parse("TRIM(BOTH 'x' FROM s)")).isEqualTo("trim(s, 'x')");
        assertThat(parse("TRIM('x' FROM s)")).isEqualTo("trim(s, 'x')");
        assertThat(parse("TRIM(LEADING 'x' FROM s)")).isEqualTo("ltrim(s, 'x')");
        assertThat(parse("TRIM(TRAILING FROM s)")).isEqualTo("rtrim(s)");
        assertThat(parse("EXTRACT(YEAR FROM ts)")).isEqualTo("date_part('YEAR', ts)");
        assertThat(parse("timestampdiff(hour, a, b)")).isEqualTo("timestampdiff('HOUR', a, b)");
        assertThat(parse("dateadd(DAY, 1, ts)")).isEqualTo("dateadd('DAY', 1, ts)");
        assertThat(parse("datediff(a, b)")).isEqualTo("datediff(a, b)");
        assertThat(parse("timestampadd(t.day, 1, ts)")).isEqualTo("timestampadd(t.day, 1, ts)");
        assertThat(parse("POSITION('a' IN s)")).isEqualTo("position('a', s)");
        assertThat(parse("position('a', s)")).isEqualTo("position('a', s)");
        assertThat(parse("SUBSTRING(s FROM 2 FOR 3)")).isEqualTo("substring(s, 2, 3)");
        assertThat(parse("SUBSTR(s FROM 2)")).isEqualTo("substring(s, 2)");
        assertThat(parse("substring(s, 2, 3)")).isEqualTo("substring(s, 2, 3)");
        assertThat(parse("current_date")).isEqualTo("current_date()");
        assertThat(parse("CURRENT_TIMESTAMP")).isEqualTo("current_timestamp()");
        assertThat(parse("`current_date`")).isEqualTo("`current_date`");
    }

    @Test
    void namesFieldsAndSubscripts() {
        assertThat(SqlParser.parseExpression("t.a"))
                .isEqualTo(new ParsedExpr.Identifier(java.util.List.of("t", "a"), new Position(1, 1)));
        assertThat(SqlParser.parseExpression("w.end"))
                .isEqualTo(new ParsedExpr.Identifier(java.util.List.of("w", "end"), new Position(1, 1)));
        assertThat(SqlParser.parseExpression("`weird name`.`x``y`"))
                .isEqualTo(new ParsedExpr.Identifier(java.util.List.of("weird name", "x`y"), new Position(1, 1)));
        assertThat(parse("f(x).start")).isEqualTo("f(x).start");
        assertThat(SqlParser.parseExpression("f(x).start")).isInstanceOf(ParsedExpr.FieldAccess.class);
        assertThat(parse("a[0]")).isEqualTo("a[0]");
        assertThat(parse("a[0].b[1]")).isEqualTo("a[0].b[1]");
        assertThat(parse("t.*")).isEqualTo("t.*");
        assertThat(parse("* EXCEPT (a, b)")).isEqualTo("* EXCEPT (a, b)");
    }

    @Test
    void keywordsServeAsColumnNames() {
        for (String name : new String[] {
            "date",
            "year",
            "window",
            "value",
            "key",
            "comment",
            "timestamp",
            "count",
            "offset",
            "limit",
            "partition",
            "stream",
            "first",
            "range",
            "rows",
            "filter",
            "over",
            "position",
            "location",
            "options",
            "delay"
        }) {
            assertThat(SqlParser.parseExpression(name + " + 1"))
                    .as(name)
                    .isEqualTo(FunctionCall.of(
                            "+",
                            new Position(1, 1),
                            new ParsedExpr.Identifier(java.util.List.of(name), new Position(1, 1)),
                            new Constant(1, IntType.INT, new Position(1, name.length() + 4))));
        }
    }

    @Test
    void parseExpressionAcceptsAnAlias() {
        assertThat(SqlParser.parseExpression("a + 1 AS b"))
                .isEqualTo(new ParsedExpr.Alias(
                        FunctionCall.of(
                                "+",
                                new Position(1, 1),
                                new ParsedExpr.Identifier(java.util.List.of("a"), new Position(1, 1)),
                                new Constant(1, IntType.INT, new Position(1, 5))),
                        "b",
                        new Position(1, 1)));
        assertThat(parse("a b")).isEqualTo("a AS b");
    }

    @Test
    void everyExpressionRecordsWhereItStarts() {
        FunctionCall and = (FunctionCall) SqlParser.parseExpression("a > 1\n  AND  lower(b) = 'x'");
        assertThat(and.position()).isEqualTo(new Position(1, 1));
        FunctionCall greater = (FunctionCall) and.args().get(0);
        assertThat(greater.args().get(1).position()).isEqualTo(new Position(1, 5));
        FunctionCall equals = (FunctionCall) and.args().get(1);
        assertThat(equals.position()).isEqualTo(new Position(2, 8));
        FunctionCall lower = (FunctionCall) equals.args().get(0);
        assertThat(lower.args().get(0).position()).isEqualTo(new Position(2, 14));
        assertThat(equals.args().get(1).position()).isEqualTo(new Position(2, 19));
    }

    @Test
    void commentsAreIgnored() {
        assertThat(parse("a /* one /* nested */ still */ + -- line\n b")).isEqualTo("(a + b)");
    }
}
