package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.ExprTesting.UTC;
import static io.freshet.expr.functions.ExprTesting.col;
import static io.freshet.expr.functions.ExprTesting.dictionary;
import static io.freshet.expr.functions.ExprTesting.eval;
import static io.freshet.expr.functions.ExprTesting.lit;
import static io.freshet.expr.functions.ExprTesting.values;
import static io.freshet.expr.functions.ExprTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CastsTest {
    private static final DataType INT = IntType.INT;
    private static final DataType BIGINT = BigintType.BIGINT;
    private static final DataType DOUBLE = DoubleType.DOUBLE;
    private static final DataType STRING = StringType.STRING;
    private static final DataType BOOLEAN = BooleanType.BOOLEAN;
    private static final DataType DATE = DateType.DATE;
    private static final DataType TIMESTAMP = TimestampType.TIMESTAMP;

    private static List<Object> cast(Vector input, DataType target) {
        return values(eval(Casts.cast(col(0, input.type()), target), input));
    }

    private static List<Object> tryCast(Vector input, DataType target) {
        return values(eval(Casts.cast(col(0, input.type()), target, true), input));
    }

    private static Object castText(String text, DataType target) {
        return cast(vector(STRING, text), target).get(0);
    }

    private static int days(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    private static long micros(String utcDateTime) {
        return java.time.LocalDateTime.parse(utcDateTime).toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L;
    }

    @Test
    void castToTheSameTypeReturnsTheExpressionUnchanged() {
        Expr column = col(0, INT);
        assertThat(Casts.cast(column, INT)).isSameAs(column);
    }

    @Test
    void castOfALiteralIsACallThatPrintsAsCast() {
        Expr cast = Casts.cast(lit(1, INT), BIGINT);
        assertThat(cast).isInstanceOf(Call.class);
        assertThat(cast.type()).isEqualTo(BIGINT);
        assertThat(cast.toString()).isEqualTo("CAST(1 AS BIGINT)");
        assertThat(Casts.cast(col(0, STRING), new DecimalType(10, 2), true).toString())
                .isEqualTo("TRY_CAST(c0 AS DECIMAL(10,2))");
    }

    @Test
    void castWithoutARuleIsATypeMismatch() {
        assertThatThrownBy(() -> Casts.cast(col(0, DATE), INT))
                .isInstanceOf(AnalysisException.class)
                .satisfies(e -> assertThat(((AnalysisException) e).errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        assertThat(Casts.canCast(STRING, new ArrayType(INT))).isFalse();
        assertThat(Casts.canCast(BOOLEAN, TIMESTAMP)).isFalse();
        assertThat(Casts.canCast(BIGINT, TIMESTAMP)).isTrue();
        assertThat(Casts.canCast(NullType.NULL, new ArrayType(INT))).isTrue();
    }

    @Test
    void widensAndNarrowsIntegersWithOverflowErrors() {
        assertThat(cast(vector(INT, 1, null, -5), BIGINT)).containsExactly(1L, null, -5L);
        assertThat(cast(vector(BIGINT, 7L, null, -2147483648L), INT)).containsExactly(7, null, Integer.MIN_VALUE);
        assertThatThrownBy(() -> cast(vector(BIGINT, 1L, 3_000_000_000L), INT))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("3000000000")
                .hasMessageContaining("try_cast")
                .satisfies(
                        e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
        assertThat(tryCast(vector(BIGINT, 1L, 3_000_000_000L, null), INT)).containsExactly(1, null, null);
    }

    @Test
    void doubleToIntegerTruncatesTowardZeroAndRejectsOutOfRangeAndNaN() {
        assertThat(cast(vector(DOUBLE, 1.9, -1.9, null, 2147483647.5), INT)).containsExactly(1, -1, null, 2147483647);
        assertThat(cast(vector(DOUBLE, 9.2e18, -9.223372036854775808e18), BIGINT))
                .containsExactly(9_200_000_000_000_000_000L, Long.MIN_VALUE);
        assertThatThrownBy(() -> cast(vector(DOUBLE, Double.NaN), INT)).isInstanceOf(FreshetException.class);
        assertThatThrownBy(() -> cast(vector(DOUBLE, 1e19), BIGINT)).isInstanceOf(FreshetException.class);
        assertThat(tryCast(vector(DOUBLE, 2147483648.0, Double.POSITIVE_INFINITY, 3.0), INT))
                .containsExactly(null, null, 3);
    }

    @Test
    void stringToIntegerIsStrictAboutSyntaxButTrimsWhitespace() {
        assertThat(cast(vector(STRING, " 42 ", "-7", "+3", null), INT)).containsExactly(42, -7, 3, null);
        assertThat(castText("-9223372036854775808", BIGINT)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> castText("1.5", INT))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("'1.5'")
                .hasMessageContaining("STRING")
                .hasMessageContaining("INT")
                .hasMessageContaining("try_cast")
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.CAST_INVALID_INPUT));
        assertThat(tryCast(vector(STRING, "abc", "2147483648", "", "12", "9223372036854775808"), INT))
                .containsExactly(null, null, null, 12, null);
        assertThat(tryCast(vector(STRING, "9223372036854775808", "1e3"), BIGINT))
                .containsExactly(null, null);
    }

    @Test
    void stringToDoubleAcceptsSparksSpecialValues() {
        assertThat(cast(vector(STRING, "1.5", " -2e3 ", "NaN", "inf", "-Infinity", null), DOUBLE))
                .containsExactly(1.5, -2000.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null);
        assertThat(tryCast(vector(STRING, "x1", "0x10"), DOUBLE)).containsExactly(null, null);
        assertThatThrownBy(() -> castText("one", DOUBLE)).isInstanceOf(FreshetException.class);
    }

    @Test
    void castsToDecimalRoundHalfUpAndCheckPrecision() {
        DecimalType money = new DecimalType(5, 2);
        assertThat(cast(vector(STRING, "1.005", "-1.005", "999.994"), money))
                .containsExactly(new BigDecimal("1.01"), new BigDecimal("-1.01"), new BigDecimal("999.99"));
        assertThat(cast(vector(DOUBLE, 0.125, null), money)).containsExactly(new BigDecimal("0.13"), null);
        assertThat(cast(vector(INT, 123), money)).containsExactly(new BigDecimal("123.00"));
        assertThatThrownBy(() -> cast(vector(INT, 1000), money))
                .isInstanceOf(FreshetException.class)
                .satisfies(
                        e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
        assertThat(tryCast(vector(STRING, "999.995", "abc", "12"), money))
                .containsExactly(null, null, new BigDecimal("12.00"));
        assertThat(cast(vector(new DecimalType(6, 3), new BigDecimal("-1.999")), INT))
                .containsExactly(-1);
    }

    @Test
    void booleansConvertToAndFromNumbersAndStrings() {
        assertThat(cast(vector(BOOLEAN, true, false, null), INT)).containsExactly(1, 0, null);
        assertThat(cast(vector(DOUBLE, 0.0, -0.5), BOOLEAN)).containsExactly(false, true);
        assertThat(cast(vector(STRING, "TRUE", " f ", "Yes", "no", "1", "0", "t", "N"), BOOLEAN))
                .containsExactly(true, false, true, false, true, false, true, false);
        assertThat(tryCast(vector(STRING, "maybe"), BOOLEAN)).containsExactly((Object) null);
        assertThat(cast(vector(BOOLEAN, true, false), STRING)).containsExactly("true", "false");
    }

    @Test
    void numbersPrintAsSparkPrintsThem() {
        assertThat(cast(vector(INT, 0, -12, Integer.MIN_VALUE, null), STRING))
                .containsExactly("0", "-12", "-2147483648", null);
        assertThat(cast(vector(BIGINT, Long.MIN_VALUE, 9L), STRING)).containsExactly("-9223372036854775808", "9");
        assertThat(cast(vector(DOUBLE, 1.0, 1e10, Double.NaN, Double.POSITIVE_INFINITY, -0.5, 1.0e-5), STRING))
                .containsExactly("1.0", "1.0E10", "NaN", "Infinity", "-0.5", "1.0E-5");
        assertThat(cast(vector(new DecimalType(10, 3), new BigDecimal("1.500")), STRING))
                .containsExactly("1.500");
    }

    @Test
    void parsesDatesInSparksFullAndPartialForms() {
        assertThat(cast(
                        vector(STRING, "2024-03-05", "2024-3-5", "2024-03", "2024", " 2024-03-05 ", "2024-03-05T10:00"),
                        DATE))
                .containsExactly(
                        days("2024-03-05"),
                        days("2024-03-05"),
                        days("2024-03-01"),
                        days("2024-01-01"),
                        days("2024-03-05"),
                        days("2024-03-05"));
        assertThat(tryCast(vector(STRING, "2024-02-30", "24-01-01", "2024/01/01", "2024-13-01"), DATE))
                .containsExactly(null, null, null, null);
        assertThatThrownBy(() -> castText("2024-02-30", DATE))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("DATE");
    }

    @Test
    void parsesTimestampsWithOptionalFractionSeparatorAndZone() {
        assertThat(cast(
                        vector(
                                STRING,
                                "2024-03-05 10:20:30",
                                "2024-03-05T10:20:30.123456",
                                "2024-03-05 10:20:30.5Z",
                                "2024-03-05 10:20:30+02:00",
                                "2024-03-05",
                                "2024-03-05 10:20",
                                "2024-03-05 10:20:30 UTC"),
                        TIMESTAMP))
                .containsExactly(
                        micros("2024-03-05T10:20:30"),
                        micros("2024-03-05T10:20:30") + 123_456,
                        micros("2024-03-05T10:20:30") + 500_000,
                        micros("2024-03-05T08:20:30"),
                        micros("2024-03-05T00:00:00"),
                        micros("2024-03-05T10:20:00"),
                        micros("2024-03-05T10:20:30"));
        assertThat(tryCast(
                        vector(STRING, "2024-03-05 25:00:00", "yesterday", "2024-03-05 10:20:30 Mars/Base"), TIMESTAMP))
                .containsExactly(null, null, null);
    }

    @Test
    void timestampsWithoutZoneAreReadInTheSessionTimeZone() {
        EvalContext paris = new EvalContext(ZoneId.of("Europe/Paris"), 0L);
        Vector result = eval(Casts.cast(col(0, STRING), TIMESTAMP), paris, vector(STRING, "2024-07-01 12:00:00"));
        assertThat(result.get(0)).isEqualTo(micros("2024-07-01T10:00:00"));
        Vector text =
                eval(Casts.cast(col(0, TIMESTAMP), STRING), paris, vector(TIMESTAMP, micros("2024-07-01T10:00:00")));
        assertThat(text.get(0)).isEqualTo("2024-07-01 12:00:00");
    }

    @Test
    void datesAndTimestampsConvertInTheSessionTimeZone() {
        EvalContext tokyo = new EvalContext(ZoneId.of("Asia/Tokyo"), 0L);
        EvalContext newYork = new EvalContext(ZoneId.of("America/New_York"), 0L);
        long instant = micros("2024-03-05T20:00:00");
        assertThat(eval(Casts.cast(col(0, TIMESTAMP), DATE), tokyo, vector(TIMESTAMP, instant))
                        .get(0))
                .isEqualTo(days("2024-03-06"));
        assertThat(eval(Casts.cast(col(0, TIMESTAMP), DATE), newYork, vector(TIMESTAMP, instant))
                        .get(0))
                .isEqualTo(days("2024-03-05"));
        assertThat(eval(Casts.cast(col(0, DATE), TIMESTAMP), newYork, vector(DATE, days("2024-03-05")))
                        .get(0))
                .isEqualTo(micros("2024-03-05T05:00:00"));
        assertThat(cast(vector(DATE, days("2024-03-05"), null), TIMESTAMP))
                .containsExactly(micros("2024-03-05T00:00:00"), null);
        assertThat(cast(vector(TIMESTAMP, micros("1969-12-31T23:00:00")), DATE)).containsExactly(days("1969-12-31"));
    }

    @Test
    void datesAndTimestampsPrintAsSparkPrintsThem() {
        assertThat(cast(vector(DATE, days("2024-03-05"), null), STRING)).containsExactly("2024-03-05", null);
        assertThat(cast(
                        vector(TIMESTAMP, micros("2024-03-05T10:20:30"), micros("2024-03-05T10:20:30") + 120_000),
                        STRING))
                .containsExactly("2024-03-05 10:20:30", "2024-03-05 10:20:30.12");
    }

    @Test
    void numbersAndTimestampsConvertAsSecondsSinceTheEpoch() {
        assertThat(cast(vector(BIGINT, 86_400L), TIMESTAMP)).containsExactly(86_400_000_000L);
        assertThat(cast(vector(DOUBLE, 1.5), TIMESTAMP)).containsExactly(1_500_000L);
        assertThat(cast(vector(TIMESTAMP, -1L), BIGINT)).containsExactly(-1L);
        assertThat(cast(vector(TIMESTAMP, 2_500_000L), DOUBLE)).containsExactly(2.5);
    }

    @Test
    void intervalsRoundTripThroughStrings() {
        long interval = ((26L * 60 + 3) * 60 + 4) * 1_000_000L + 500_000L; // 1 day 02:03:04.5
        assertThat(cast(vector(IntervalType.INTERVAL, interval, -interval), STRING))
                .containsExactly("INTERVAL '1 02:03:04.5' DAY TO SECOND", "INTERVAL '-1 02:03:04.5' DAY TO SECOND");
        assertThat(cast(
                        vector(STRING, "INTERVAL '1 02:03:04.5' DAY TO SECOND", "-1 02:03:04.5"),
                        IntervalType.INTERVAL))
                .containsExactly(interval, -interval);
    }

    @Test
    void structsAndArraysPrintLikeSpark() {
        StructType struct = new StructType(List.of(Field.of("a", INT), Field.of("b", STRING)));
        Vector structs =
                vector(struct, new StructValue(new Object[] {1, "a"}), new StructValue(new Object[] {null, "b"}));
        assertThat(cast(structs, STRING)).containsExactly("{1, a}", "{null, b}");
        ArrayType array = new ArrayType(DOUBLE);
        Vector arrays = vector(array, List.of(1.0, 2.5), Arrays.asList(1.0, null), List.of());
        assertThat(cast(arrays, STRING)).containsExactly("[1.0, 2.5]", "[1.0, null]", "[]");
        assertThat(Casts.cast(col(0, struct), STRING).toString()).isEqualTo("CAST(c0 AS STRING)");
    }

    @Test
    void structsAndArraysCastFieldByField() {
        StructType from = new StructType(List.of(Field.of("a", STRING)));
        StructType to = new StructType(List.of(Field.of("a", INT)));
        assertThat(cast(vector(from, new StructValue(new Object[] {"7"})), to))
                .containsExactly(new StructValue(new Object[] {7}));
        assertThat(cast(vector(new ArrayType(STRING), List.of("1", "2")), new ArrayType(BIGINT)))
                .containsExactly(List.of(1L, 2L));
        assertThat(tryCast(vector(new ArrayType(STRING), List.of("1", "x")), new ArrayType(BIGINT)))
                .containsExactly((Object) null);
    }

    @Test
    void dictionaryStringsAreCastOncePerEntry() {
        StringVector input = dictionary("1", "2", null, "1", "2");
        assertThat(cast(input, INT)).containsExactly(1, 2, null, 1, 2);
        assertThat(cast(input, DOUBLE)).containsExactly(1.0, 2.0, null, 1.0, 2.0);
        assertThat(tryCast(dictionary("1", "x", "1"), BIGINT)).containsExactly(1L, null, 1L);
        assertThatThrownBy(() -> cast(dictionary("1", "x", "1"), BIGINT))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("'x'");
    }

    @Test
    void malformedValueOnANullRowIsNotAnError() {
        // A dictionary entry used only by a null row must not fail the cast.
        StringVector dictionaryValues = StringVector.of("1", "x");
        long[] nulls = io.freshet.data.Bits.allocate(2);
        io.freshet.data.Bits.set(nulls, 1);
        StringVector input = StringVector.dictionary(dictionaryValues, new int[] {0, 1}, nulls, 2);
        assertThat(cast(input, INT)).containsExactly(1, null);
    }

    @Test
    void nullCastsToAnyType() {
        Vector nulls = vector(NullType.NULL, null, null);
        assertThat(cast(nulls, INT)).containsExactly(null, null);
        assertThat(cast(nulls, new StructType(List.of(Field.of("a", INT))))).containsExactly(null, null);
        assertThat(eval(Casts.cast(lit(null, NullType.NULL), STRING), UTC).get(0))
                .isNull();
    }
}
