package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Batch;
import io.freshet.expr.Expr;
import io.freshet.types.BigintType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.RowFunctionTesting.UTC;
import static io.freshet.expr.functions.RowFunctionTesting.bind;
import static io.freshet.expr.functions.RowFunctionTesting.col;
import static io.freshet.expr.functions.RowFunctionTesting.evaluate;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateColumn;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateOne;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateRows;
import static io.freshet.expr.functions.RowFunctionTesting.lit;
import static io.freshet.expr.functions.RowFunctionTesting.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MathFunctionsTest {
    private static final DoubleType DOUBLE = DoubleType.DOUBLE;
    private static final IntType INT = IntType.INT;
    private static final BigintType BIGINT = BigintType.BIGINT;

    private static Expr d(Double value) {
        return lit(value, DOUBLE);
    }

    private static Expr i(Integer value) {
        return lit(value, INT);
    }

    private static Expr dec(String value, int precision, int scale) {
        return lit(new BigDecimal(value), new DecimalType(precision, scale));
    }

    @Test
    void absKeepsTheTypeAndFailsOnIntegerOverflow() {
        assertThat(evaluateColumn("abs", INT, values(-1, null, 0, 7))).containsExactly(1, null, 0, 7);
        assertThat(evaluateColumn("abs", BIGINT, values(-5L, Long.MAX_VALUE))).containsExactly(5L, Long.MAX_VALUE);
        assertThat(evaluateColumn("abs", DOUBLE, values(-0.5, Double.NEGATIVE_INFINITY)))
                .containsExactly(0.5, Double.POSITIVE_INFINITY);
        assertThat(evaluateOne("abs", dec("-1.50", 3, 2))).isEqualTo(new BigDecimal("1.50"));
        assertThatThrownBy(() -> evaluateColumn("abs", INT, values(Integer.MIN_VALUE)))
                .isInstanceOf(FreshetException.class)
                .extracting(e -> ((FreshetException) e).errorCode())
                .isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        // A null row holding MIN_VALUE in its slot must not fail.
        assertThat(evaluateColumn("abs", INT, values((Object) null))).containsExactly((Object) null);
    }

    @Test
    void negativePositiveAndSign() {
        assertThat(evaluateColumn("negative", INT, values(1, null, -3))).containsExactly(-1, null, 3);
        assertThatThrownBy(() -> evaluateColumn("negative", BIGINT, values(Long.MIN_VALUE)))
                .isInstanceOf(FreshetException.class);
        assertThat(evaluateColumn("positive", INT, values(1, null))).containsExactly(1, null);
        assertThat(evaluateColumn("sign", DOUBLE, values(-2.0, 0.0, 3.5, null))).containsExactly(-1.0, 0.0, 1.0, null);
        assertThat(evaluateColumn("signum", DOUBLE, values(Double.NaN))).containsExactly(Double.NaN);
    }

    @Test
    void roundIsHalfUpAndBroundIsHalfEven() {
        assertThat(evaluateColumn("round", DOUBLE, values(2.5, -2.5, 0.5, 1.4, null, Double.NaN)))
                .containsExactly(3.0, -3.0, 1.0, 1.0, null, Double.NaN);
        assertThat(evaluateColumn("bround", DOUBLE, values(2.5, -2.5, 0.5, 1.5, 3.5)))
                .containsExactly(2.0, -2.0, 0.0, 2.0, 4.0);
        assertThat(evaluateOne("round", d(2.675), i(2))).isEqualTo(2.68);
        assertThat(evaluateOne("bround", d(3.145), i(2))).isEqualTo(3.14);
        assertThat(evaluateOne("round", d(1234.5), i(-2))).isEqualTo(1200.0);
        assertThat(evaluateOne("round", i(25), i(-1))).isEqualTo(30);
        assertThat(evaluateOne("bround", i(25), i(-1))).isEqualTo(20);
        assertThat(evaluateOne("round", i(25), i(2))).isEqualTo(25);
        assertThat(evaluateOne("round", lit(15L, BIGINT), i(-1))).isEqualTo(20L);
        assertThatThrownBy(() -> evaluateOne("round", i(Integer.MAX_VALUE), i(-1)))
                .isInstanceOf(FreshetException.class)
                .extracting(e -> ((FreshetException) e).errorCode())
                .isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
    }

    @Test
    void roundKeepsDecimalsDecimalWithSparksResultType() {
        Expr round = bind("round", dec("3.14159", 6, 5), i(2));
        assertThat(round.type()).isEqualTo(new DecimalType(4, 2));
        assertThat(evaluate(round, Batch.empty(1), UTC)).containsExactly(new BigDecimal("3.14"));
        assertThat(evaluateOne("round", dec("-2.5", 2, 1))).isEqualTo(new BigDecimal("-3"));
        assertThat(evaluateOne("bround", dec("2.5", 2, 1))).isEqualTo(new BigDecimal("2"));
        Expr tens = bind("round", dec("155.0", 4, 1), i(-1));
        assertThat(tens.type()).isEqualTo(new DecimalType(4, 0));
        assertThat(evaluate(tens, Batch.empty(1), UTC)).containsExactly(new BigDecimal("160"));
        assertThat(bind("round", col(0, DOUBLE)).type()).isEqualTo(DOUBLE);
        assertThat(bind("round", col(0, INT)).type()).isEqualTo(INT);
    }

    @Test
    void floorAndCeilReturnBigintForDoubles() {
        assertThat(evaluateColumn("floor", DOUBLE, values(-0.1, 5.0, 5.9, null)))
                .containsExactly(-1L, 5L, 5L, null);
        assertThat(evaluateColumn("ceil", DOUBLE, values(-0.1, 5.0, 5.1, null))).containsExactly(0L, 5L, 6L, null);
        assertThat(evaluateColumn("ceiling", DOUBLE, values(1e30))).containsExactly(Long.MAX_VALUE);
        assertThat(bind("floor", col(0, DOUBLE)).type()).isEqualTo(BIGINT);
        assertThat(evaluateColumn("floor", BIGINT, values(3L))).containsExactly(3L);
        Expr decimalFloor = bind("floor", dec("-3.5", 2, 1));
        assertThat(decimalFloor.type()).isEqualTo(new DecimalType(2, 0));
        assertThat(evaluate(decimalFloor, Batch.empty(1), UTC)).containsExactly(new BigDecimal("-4"));
        assertThat(evaluateOne("ceil", dec("3.1411", 5, 4), i(3))).isEqualTo(new BigDecimal("3.142"));
        assertThat(evaluateOne("floor", dec("3.1411", 5, 4), i(-1))).isEqualTo(new BigDecimal("0"));
    }

    @Test
    void logarithmsAreNullOutsideTheirDomain() {
        assertThat(evaluateColumn("ln", DOUBLE, values(1.0, 0.0, -1.0, null, Math.E)))
                .containsExactly(0.0, null, null, null, 1.0);
        assertThat(evaluateColumn("log10", DOUBLE, values(100.0, 0.0))).containsExactly(2.0, null);
        assertThat(evaluateColumn("log2", DOUBLE, values(8.0, -2.0))).containsExactly(3.0, null);
        assertThat(evaluateColumn("log", DOUBLE, values(1.0))).containsExactly(0.0);
        assertThat(evaluateOne("log", d(10.0), d(100.0))).isEqualTo(2.0);
        assertThat(evaluateOne("log", d(0.0), d(100.0))).isNull();
        assertThat(evaluateOne("log", d(2.0), d(-1.0))).isNull();
    }

    @Test
    void elementaryFunctions() {
        assertThat(evaluateColumn("sqrt", DOUBLE, values(4.0, -1.0, null))).containsExactly(2.0, Double.NaN, null);
        assertThat(evaluateOne("cbrt", d(27.0))).isEqualTo(3.0);
        assertThat(evaluateOne("exp", d(0.0))).isEqualTo(1.0);
        assertThat(evaluateOne("pow", d(2.0), d(10.0))).isEqualTo(1024.0);
        assertThat(evaluateOne("power", d(2.0), d(null))).isNull();
        assertThat(evaluateOne("degrees", d(Math.PI))).isEqualTo(180.0);
        assertThat(evaluateOne("radians", d(180.0))).isEqualTo(Math.PI);
        assertThat((Double) evaluateOne("sin", d(Math.PI / 2))).isCloseTo(1.0, within(1e-15));
        assertThat(evaluateOne("cos", d(0.0))).isEqualTo(1.0);
        assertThat(evaluateOne("tan", d(0.0))).isEqualTo(0.0);
        assertThat(evaluateOne("atan2", d(0.0), d(1.0))).isEqualTo(0.0);
        assertThat(evaluateOne("acos", d(2.0))).isEqualTo(Double.NaN);
        assertThat(evaluateOne("pi")).isEqualTo(Math.PI);
        assertThat(evaluateOne("e")).isEqualTo(Math.E);
    }

    @Test
    void greatestAndLeastSkipNulls() {
        assertThat(evaluateRows(
                        "greatest",
                        List.of(INT, INT, INT),
                        new Object[] {10, 9, 2},
                        new Object[] {null, 3, null},
                        new Object[] {null, null, null}))
                .containsExactly(10, 3, null);
        assertThat(evaluateRows("least", List.of(INT, INT), new Object[] {10, 9}, new Object[] {null, -3}))
                .containsExactly(9, -3);
        assertThat(evaluateOne("greatest", d(1.0), d(Double.NaN))).isEqualTo(Double.NaN);
        assertThat(evaluateOne(
                        "least",
                        lit("b", StringType.STRING),
                        lit("a", StringType.STRING),
                        lit("😀", StringType.STRING)))
                .isEqualTo("a");
        assertThat(evaluateOne("greatest", lit("\uFFFD", StringType.STRING), lit("😀", StringType.STRING)))
                .isEqualTo("😀");
        assertThat(evaluateOne("greatest", i(1), lit(null, NullType.NULL))).isEqualTo(1);
        assertThatThrownBy(() -> bind("greatest", i(1)))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("greatest expects at least 2 arguments (expr1, expr2[, ...]), got 1");
    }

    @Test
    void modKeepsTheDividendSignAndPmodIsNonNegative() {
        assertThat(evaluateRows(
                        "mod",
                        List.of(INT, INT),
                        new Object[] {7, 3},
                        new Object[] {-7, 3},
                        new Object[] {7, -3},
                        new Object[] {null, 3},
                        new Object[] {Integer.MIN_VALUE, -1}))
                .containsExactly(1, -1, 1, null, 0);
        assertThat(evaluateRows("pmod", List.of(INT, INT), new Object[] {10, 3}, new Object[] {-10, 3}))
                .containsExactly(1, 2);
        assertThat(evaluateOne("pmod", d(-7.5), d(2.0))).isEqualTo(0.5);
        assertThat(evaluateOne("mod", dec("2", 1, 0), dec("1.8", 2, 1))).isEqualTo(new BigDecimal("0.2"));
        assertThatThrownBy(() -> evaluateOne("mod", i(1), i(0)))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("try_mod")
                .extracting(e -> ((FreshetException) e).errorCode())
                .isEqualTo(ErrorCode.DIVIDE_BY_ZERO);
        assertThatThrownBy(() -> evaluateOne("pmod", d(1.0), d(0.0))).isInstanceOf(FreshetException.class);
    }

    @Test
    void randWithSeedReproducesSparksFirstPartition() {
        Expr rand = bind("rand", lit(42, INT));
        assertThat(rand.deterministic()).isFalse();
        List<Object> values = evaluate(rand, Batch.empty(2), UTC);
        // spark.range(0, 2, 1, 1).withColumn('rand', rand(seed=42) * 3) gives 1.8575681106759028, 1.5288056527339444.
        assertThat((Double) values.get(0) * 3).isCloseTo(1.8575681106759028, within(1e-15));
        assertThat((Double) values.get(1) * 3).isCloseTo(1.5288056527339444, within(1e-15));
        for (Object value : evaluate(bind("random"), Batch.empty(1000), UTC)) {
            assertThat((Double) value).isBetween(0.0, 1.0).isLessThan(1.0);
        }
        assertThatThrownBy(() -> bind("rand", col(0, INT))).isInstanceOf(AnalysisException.class);
    }

    @Test
    void isnanAndNanvl() {
        assertThat(evaluateColumn("isnan", DOUBLE, values(Double.NaN, 1.0, null)))
                .containsExactly(true, false, false);
        assertThat(evaluateOne("nanvl", d(Double.NaN), d(123.0))).isEqualTo(123.0);
        assertThat(evaluateOne("nanvl", d(1.0), d(123.0))).isEqualTo(1.0);
        assertThat(evaluateOne("nanvl", d(null), d(123.0))).isNull();
    }

    @Test
    void binAndHex() {
        assertThat(evaluateOne("bin", lit(13L, BIGINT))).isEqualTo("1101");
        assertThat(evaluateOne("bin", lit(-13L, BIGINT)))
                .isEqualTo("1111111111111111111111111111111111111111111111111111111111110011");
        assertThat(evaluateOne("hex", lit(17L, BIGINT))).isEqualTo("11");
        assertThat(evaluateOne("hex", lit(-1L, BIGINT))).isEqualTo("FFFFFFFFFFFFFFFF");
        assertThat(evaluateOne("hex", lit("Spark SQL", StringType.STRING))).isEqualTo("537061726B2053514C");
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> bind("sqrt")).hasMessage("sqrt expects 1 argument (expr), got 0");
        assertThatThrownBy(() -> bind("abs", lit(true, io.freshet.types.BooleanType.BOOLEAN)))
                .isInstanceOf(AnalysisException.class)
                .extracting(e -> ((AnalysisException) e).errorCode())
                .isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThatThrownBy(() -> bind("round", col(0, DOUBLE), col(1, INT)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("literal");
        assertThat(evaluateOne("sqrt", lit(null, NullType.NULL))).isNull();
    }
}
