package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Vector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
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
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.ExprTesting.call;
import static io.freshet.expr.functions.ExprTesting.col;
import static io.freshet.expr.functions.ExprTesting.eval;
import static io.freshet.expr.functions.ExprTesting.evalValues;
import static io.freshet.expr.functions.ExprTesting.lit;
import static io.freshet.expr.functions.ExprTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArithmeticFunctionsTest {
    private static final DataType INT = IntType.INT;
    private static final DataType BIGINT = BigintType.BIGINT;
    private static final DataType DOUBLE = DoubleType.DOUBLE;
    private static final DataType DATE = DateType.DATE;
    private static final DataType TIMESTAMP = TimestampType.TIMESTAMP;
    private static final DataType INTERVAL = IntervalType.INTERVAL;
    private static final long DAY = 86_400_000_000L;
    private static final long HOUR = 3_600_000_000L;

    private static Expr binary(String op, DataType left, DataType right) {
        return call(op, col(0, left), col(1, right));
    }

    private static ErrorCode codeOf(Throwable e) {
        return ((FreshetException) e).errorCode();
    }

    @Test
    void addsIntegersAndPropagatesNulls() {
        Expr sum = binary("+", INT, INT);
        assertThat(sum.type()).isEqualTo(INT);
        assertThat(evalValues(sum, vector(INT, 1, null, 3, 4), vector(INT, 10, 20, null, -4)))
                .containsExactly(11, null, null, 0);
    }

    @Test
    void operatorsPrintInfix() {
        assertThat(binary("+", INT, INT).toString()).isEqualTo("(c0 + c1)");
        assertThat(binary("div", BIGINT, BIGINT).toString()).isEqualTo("(c0 div c1)");
        assertThat(binary("+", INT, BIGINT).toString()).isEqualTo("(CAST(c0 AS BIGINT) + c1)");
        assertThat(call("negate", col(0, INT)).toString()).isEqualTo("(- c0)");
        assertThat(binary("try_add", INT, INT).toString()).isEqualTo("try_add(c0, c1)");
    }

    @Test
    void integerOverflowIsAnErrorThatSuggestsTryAdd() {
        Expr sum = binary("+", INT, INT);
        assertThatThrownBy(() -> eval(sum, vector(INT, 1, Integer.MAX_VALUE), vector(INT, 1, 1)))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("try_add")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
        assertThatThrownBy(() -> eval(binary("*", BIGINT, BIGINT), vector(BIGINT, Long.MAX_VALUE), vector(BIGINT, 2L)))
                .hasMessageContaining("try_multiply");
        assertThatThrownBy(() -> eval(binary("-", BIGINT, BIGINT), vector(BIGINT, Long.MIN_VALUE), vector(BIGINT, 1L)))
                .hasMessageContaining("try_subtract");
    }

    @Test
    void overflowOnANullRowIsNotAnError() {
        Vector left = vector(INT, Integer.MAX_VALUE, 1);
        Vector right = vector(INT, null, 1);
        assertThat(evalValues(binary("+", INT, INT), left, right)).containsExactly(null, 2);
    }

    @Test
    void tryFunctionsGiveNullOnOverflowAndZeroDivisors() {
        assertThat(evalValues(binary("try_add", INT, INT), vector(INT, Integer.MAX_VALUE, 1), vector(INT, 1, 1)))
                .containsExactly(null, 2);
        assertThat(evalValues(
                        binary("try_multiply", BIGINT, BIGINT),
                        vector(BIGINT, Long.MAX_VALUE, 3L),
                        vector(BIGINT, 2L, 3L)))
                .containsExactly(null, 9L);
        assertThat(evalValues(binary("try_divide", INT, INT), vector(INT, 1, 1, null), vector(INT, 0, 4, 0)))
                .containsExactly(null, 0.25, null);
        assertThat(evalValues(binary("try_mod", INT, INT), vector(INT, 7, 7), vector(INT, 0, 4)))
                .containsExactly(null, 3);
        assertThat(evalValues(binary("try_subtract", INT, INT), vector(INT, Integer.MIN_VALUE), vector(INT, 1)))
                .containsExactly((Object) null);
    }

    @Test
    void divisionOfIntegersIsADouble() {
        Expr quotient = binary("/", INT, BIGINT);
        assertThat(quotient.type()).isEqualTo(DOUBLE);
        assertThat(evalValues(quotient, vector(INT, 1, -7), vector(BIGINT, 2L, 2L)))
                .containsExactly(0.5, -3.5);
    }

    @Test
    void divisionByZeroIsAnErrorThatSuggestsTryDivide() {
        assertThatThrownBy(() -> eval(binary("/", INT, INT), vector(INT, 1, 2), vector(INT, 1, 0)))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("try_divide")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.DIVIDE_BY_ZERO));
        assertThatThrownBy(() -> eval(binary("/", DOUBLE, DOUBLE), vector(DOUBLE, 1.0), vector(DOUBLE, 0.0)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.DIVIDE_BY_ZERO));
        assertThatThrownBy(() -> eval(binary("%", BIGINT, BIGINT), vector(BIGINT, 1L), vector(BIGINT, 0L)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.DIVIDE_BY_ZERO));
        assertThatThrownBy(() -> eval(binary("div", INT, INT), vector(INT, 1), vector(INT, 0)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.DIVIDE_BY_ZERO));
    }

    @Test
    void zeroDivisorOnANullRowIsNotAnError() {
        assertThat(evalValues(binary("div", BIGINT, BIGINT), vector(BIGINT, null, 9L), vector(BIGINT, 0L, 2L)))
                .containsExactly(null, 4L);
        assertThat(evalValues(binary("%", INT, INT), vector(INT, null, 9), vector(INT, 0, 2)))
                .containsExactly(null, 1);
    }

    @Test
    void remainderFollowsTheDividendsSignAndDivTruncates() {
        assertThat(evalValues(binary("%", INT, INT), vector(INT, -7, 7, -7), vector(INT, 3, -3, -3)))
                .containsExactly(-1, 1, -1);
        Expr div = binary("div", INT, INT);
        assertThat(div.type()).isEqualTo(BIGINT);
        assertThat(evalValues(div, vector(INT, -7, 7), vector(INT, 2, 2))).containsExactly(-3L, 3L);
        assertThat(evalValues(binary("%", DOUBLE, DOUBLE), vector(DOUBLE, -7.5), vector(DOUBLE, 2.0)))
                .containsExactly(-1.5);
        assertThatThrownBy(
                        () -> eval(binary("div", BIGINT, BIGINT), vector(BIGINT, Long.MIN_VALUE), vector(BIGINT, -1L)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
        assertThat(evalValues(binary("%", BIGINT, BIGINT), vector(BIGINT, Long.MIN_VALUE), vector(BIGINT, -1L)))
                .containsExactly(0L);
    }

    @Test
    void mixedTypesWiden() {
        assertThat(binary("+", INT, BIGINT).type()).isEqualTo(BIGINT);
        assertThat(binary("*", BIGINT, DOUBLE).type()).isEqualTo(DOUBLE);
        assertThat(binary("-", INT, new DecimalType(5, 2)).type()).isEqualTo(new DecimalType(13, 2));
        assertThat(binary("+", new DecimalType(5, 2), DOUBLE).type()).isEqualTo(DOUBLE);
        assertThat(evalValues(binary("+", INT, DOUBLE), vector(INT, 1), vector(DOUBLE, 0.5)))
                .containsExactly(1.5);
    }

    @Test
    void decimalResultTypesFollowSparksRules() {
        DecimalType a = new DecimalType(10, 2);
        DecimalType b = new DecimalType(5, 3);
        assertThat(binary("+", a, b).type()).isEqualTo(new DecimalType(12, 3));
        assertThat(binary("*", a, b).type()).isEqualTo(new DecimalType(16, 5));
        assertThat(binary("/", a, b).type()).isEqualTo(new DecimalType(19, 8));
        assertThat(binary("%", a, b).type()).isEqualTo(new DecimalType(5, 3));
        DecimalType wide = new DecimalType(38, 10);
        assertThat(binary("*", wide, wide).type()).isEqualTo(new DecimalType(38, 6));
        assertThat(binary("/", new DecimalType(38, 0), new DecimalType(38, 0)).type())
                .isEqualTo(new DecimalType(38, 6));
        // an integral literal only takes as many digits as it has
        assertThat(call("*", col(0, a), lit(2, INT)).type()).isEqualTo(new DecimalType(12, 2));
    }

    @Test
    void decimalArithmeticIsExactAndRoundsHalfUp() {
        DecimalType a = new DecimalType(10, 2);
        Vector left = vector(a, new BigDecimal("1.00"), new BigDecimal("2.50"), null);
        Vector right = vector(a, new BigDecimal("3.00"), new BigDecimal("-0.25"), new BigDecimal("1.00"));
        assertThat(evalValues(binary("/", a, a), left, right))
                .containsExactly(new BigDecimal("0.3333333333333"), new BigDecimal("-10.0000000000000"), null);
        assertThat(evalValues(binary("+", a, a), left, right))
                .containsExactly(new BigDecimal("4.00"), new BigDecimal("2.25"), null);
        assertThat(evalValues(binary("%", a, a), left, right))
                .containsExactly(new BigDecimal("1.00"), new BigDecimal("0.00"), null);
        assertThat(evalValues(binary("div", a, a), left, right)).containsExactly(0L, -10L, null);
    }

    @Test
    void decimalPrecisionOverflowIsAnError() {
        DecimalType big = new DecimalType(38, 0);
        BigDecimal huge = new BigDecimal("9".repeat(38));
        assertThatThrownBy(() -> eval(binary("+", big, big), vector(big, huge), vector(big, huge)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
        assertThat(evalValues(binary("try_add", big, big), vector(big, huge), vector(big, BigDecimal.ONE)))
                .containsExactly((Object) null);
        assertThatThrownBy(() -> eval(binary("/", big, big), vector(big, BigDecimal.ONE), vector(big, BigDecimal.ZERO)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.DIVIDE_BY_ZERO));
    }

    @Test
    void negationOverflowsOnlyForTheMinimum() {
        assertThat(evalValues(call("negate", col(0, INT)), vector(INT, 1, null, -5)))
                .containsExactly(-1, null, 5);
        assertThat(evalValues(call("negate", col(0, DOUBLE)), vector(DOUBLE, 1.5)))
                .containsExactly(-1.5);
        assertThatThrownBy(() -> eval(call("negate", col(0, BIGINT)), vector(BIGINT, Long.MIN_VALUE)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
    }

    @Test
    void stringsInArithmeticAreReadAsNumbers() {
        Expr sum = call("+", col(0, StringType.STRING), col(1, INT));
        assertThat(sum.type()).isEqualTo(BIGINT);
        assertThat(evalValues(sum, vector(StringType.STRING, "41"), vector(INT, 1)))
                .containsExactly(42L);
        assertThatThrownBy(() -> eval(sum, vector(StringType.STRING, "x"), vector(INT, 1)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CAST_INVALID_INPUT));
    }

    @Test
    void nullLiteralsTakeTheOtherSidesType() {
        assertThat(call("+", col(0, INT), lit(null, NullType.NULL)).type()).isEqualTo(INT);
        assertThat(call("+", lit(null, NullType.NULL), lit(null, NullType.NULL)).type())
                .isEqualTo(DOUBLE);
        assertThat(evalValues(call("+", col(0, INT), lit(null, NullType.NULL)), vector(INT, 1)))
                .containsExactly((Object) null);
    }

    @Test
    void refusesArithmeticOnNonNumbers() {
        assertThatThrownBy(() -> binary("+", BooleanType.BOOLEAN, INT))
                .isInstanceOf(AnalysisException.class)
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.TYPE_MISMATCH));
        assertThatThrownBy(() -> binary("+", TIMESTAMP, TIMESTAMP)).isInstanceOf(AnalysisException.class);
        assertThatThrownBy(() -> binary("div", DOUBLE, INT)).isInstanceOf(AnalysisException.class);
        assertThatThrownBy(() -> call("+", col(0, INT)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.WRONG_ARGUMENTS));
    }

    @Test
    void timestampArithmeticWithIntervals() {
        long t = 1_700_000_000_000_000L;
        assertThat(binary("+", TIMESTAMP, INTERVAL).type()).isEqualTo(TIMESTAMP);
        assertThat(evalValues(binary("+", TIMESTAMP, INTERVAL), vector(TIMESTAMP, t), vector(INTERVAL, HOUR)))
                .containsExactly(t + HOUR);
        assertThat(evalValues(binary("+", INTERVAL, TIMESTAMP), vector(INTERVAL, HOUR), vector(TIMESTAMP, t)))
                .containsExactly(t + HOUR);
        assertThat(evalValues(binary("-", TIMESTAMP, INTERVAL), vector(TIMESTAMP, t), vector(INTERVAL, HOUR)))
                .containsExactly(t - HOUR);
        Expr difference = binary("-", TIMESTAMP, TIMESTAMP);
        assertThat(difference.type()).isEqualTo(INTERVAL);
        assertThat(evalValues(difference, vector(TIMESTAMP, t), vector(TIMESTAMP, t - DAY)))
                .containsExactly(DAY);
        assertThatThrownBy(() ->
                        eval(binary("+", TIMESTAMP, INTERVAL), vector(TIMESTAMP, Long.MAX_VALUE), vector(INTERVAL, 1L)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
    }

    @Test
    void dateArithmeticInDaysAndIntervals() {
        int day = (int) LocalDate.parse("2024-02-28").toEpochDay();
        assertThat(binary("+", DATE, INT).type()).isEqualTo(DATE);
        assertThat(evalValues(binary("+", DATE, INT), vector(DATE, day), vector(INT, 2)))
                .containsExactly(day + 2);
        assertThat(evalValues(binary("+", INT, DATE), vector(INT, 2), vector(DATE, day)))
                .containsExactly(day + 2);
        assertThat(evalValues(binary("-", DATE, INT), vector(DATE, day), vector(INT, 30)))
                .containsExactly(day - 30);
        Expr between = binary("-", DATE, DATE);
        assertThat(between.type()).isEqualTo(INTERVAL);
        assertThat(evalValues(between, vector(DATE, day, null), vector(DATE, day - 3, day)))
                .containsExactly(3 * DAY, null);
        Expr plusInterval = binary("+", DATE, INTERVAL);
        assertThat(plusInterval.type()).isEqualTo(TIMESTAMP);
        EvalContext berlin = new EvalContext(ZoneId.of("Europe/Berlin"), 0L);
        assertThat(eval(plusInterval, berlin, vector(DATE, day), vector(INTERVAL, HOUR))
                        .get(0))
                .isEqualTo(day * DAY - HOUR + HOUR); // midnight in Berlin (UTC+1 in winter) plus an hour
    }

    @Test
    void aDatePlusOrMinusAWholeDayIntervalConstantIsADate() {
        int day = (int) LocalDate.parse("2024-02-28").toEpochDay();
        Expr plus = call("+", col(0, DATE), lit(DAY, INTERVAL));
        assertThat(plus.type()).isEqualTo(DATE);
        assertThat(evalValues(plus, vector(DATE, day, null))).containsExactly(day + 1, null);
        Expr before = call("+", lit(-3 * DAY, INTERVAL), col(0, DATE));
        assertThat(before.type()).isEqualTo(DATE);
        assertThat(evalValues(before, vector(DATE, day))).containsExactly(day - 3);
        Expr minus = call("-", col(0, DATE), lit(2 * DAY, INTERVAL));
        assertThat(minus.type()).isEqualTo(DATE);
        assertThat(evalValues(minus, vector(DATE, day))).containsExactly(day - 2);
        // A time part, or an interval only known at run time, gives a timestamp.
        assertThat(call("+", col(0, DATE), lit(DAY + HOUR, INTERVAL)).type()).isEqualTo(TIMESTAMP);
        assertThat(call("-", col(0, DATE), lit(HOUR, INTERVAL)).type()).isEqualTo(TIMESTAMP);
        assertThat(call("+", col(0, DATE), col(1, INTERVAL)).type()).isEqualTo(TIMESTAMP);
        assertThatThrownBy(() -> eval(call("+", col(0, DATE), lit(DAY, INTERVAL)), vector(DATE, Integer.MAX_VALUE)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
    }

    @Test
    void intervalArithmetic() {
        assertThat(evalValues(binary("+", INTERVAL, INTERVAL), vector(INTERVAL, HOUR), vector(INTERVAL, DAY)))
                .containsExactly(HOUR + DAY);
        assertThat(evalValues(binary("*", INTERVAL, INT), vector(INTERVAL, HOUR), vector(INT, 3)))
                .containsExactly(3 * HOUR);
        assertThat(evalValues(binary("*", DOUBLE, INTERVAL), vector(DOUBLE, 1.5), vector(INTERVAL, HOUR)))
                .containsExactly(HOUR * 3 / 2);
        assertThat(evalValues(binary("/", INTERVAL, INT), vector(INTERVAL, 3L), vector(INT, 2)))
                .containsExactly(2L);
        assertThat(evalValues(
                        binary("*", INTERVAL, new DecimalType(3, 1)),
                        vector(INTERVAL, 3L),
                        vector(new DecimalType(3, 1), new BigDecimal("0.5"))))
                .containsExactly(2L);
        assertThatThrownBy(() -> eval(binary("/", INTERVAL, INT), vector(INTERVAL, HOUR), vector(INT, 0)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.DIVIDE_BY_ZERO));
        assertThat(evalValues(binary("try_divide", INTERVAL, INT), vector(INTERVAL, HOUR), vector(INT, 0)))
                .containsExactly((Object) null);
        assertThatThrownBy(
                        () -> eval(binary("*", INTERVAL, BIGINT), vector(INTERVAL, Long.MAX_VALUE), vector(BIGINT, 2L)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
    }
}
