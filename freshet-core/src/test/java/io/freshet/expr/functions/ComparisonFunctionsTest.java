package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.BooleanVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.data.Vectors;
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
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.ExprTesting.call;
import static io.freshet.expr.functions.ExprTesting.col;
import static io.freshet.expr.functions.ExprTesting.dictionary;
import static io.freshet.expr.functions.ExprTesting.eval;
import static io.freshet.expr.functions.ExprTesting.evalValues;
import static io.freshet.expr.functions.ExprTesting.lit;
import static io.freshet.expr.functions.ExprTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComparisonFunctionsTest {
    private static final DataType INT = IntType.INT;
    private static final DataType BIGINT = BigintType.BIGINT;
    private static final DataType DOUBLE = DoubleType.DOUBLE;
    private static final DataType STRING = StringType.STRING;

    private static List<Object> compare(String op, Vector left, Vector right) {
        return evalValues(call(op, col(0, left.type()), col(1, right.type())), left, right);
    }

    @Test
    void comparesIntegersWithEveryOperator() {
        Vector a = vector(INT, 1, 2, 3, null);
        Vector b = vector(INT, 2, 2, 2, 2);
        assertThat(compare("=", a, b)).containsExactly(false, true, false, null);
        assertThat(compare("<>", a, b)).containsExactly(true, false, true, null);
        assertThat(compare("!=", a, b)).containsExactly(true, false, true, null);
        assertThat(compare("<", a, b)).containsExactly(true, false, false, null);
        assertThat(compare("<=", a, b)).containsExactly(true, true, false, null);
        assertThat(compare(">", a, b)).containsExactly(false, false, true, null);
        assertThat(compare(">=", a, b)).containsExactly(false, true, true, null);
    }

    @Test
    void comparisonProducesABooleanVectorAndPrintsInfix() {
        Expr less = call("<", col(0, BIGINT), lit(5L, BIGINT));
        assertThat(less.type()).isEqualTo(BooleanType.BOOLEAN);
        assertThat(less.toString()).isEqualTo("(c0 < 5)");
        assertThat(eval(less, vector(BIGINT, 1L))).isInstanceOf(BooleanVector.class);
    }

    @Test
    void nullSafeEqualityIsNeverNull() {
        Vector a = vector(INT, 1, null, null, 2);
        Vector b = vector(INT, 1, null, 3, 3);
        assertThat(compare("<=>", a, b)).containsExactly(true, true, false, false);
    }

    @Test
    void numbersOfDifferentTypesCompareByValue() {
        assertThat(compare("=", vector(INT, 1, 2), vector(BIGINT, 1L, 3L))).containsExactly(true, false);
        assertThat(compare("<", vector(INT, 1, 2), vector(DOUBLE, 1.5, 1.5))).containsExactly(true, false);
        DecimalType two = new DecimalType(5, 2);
        DecimalType one = new DecimalType(4, 1);
        assertThat(compare("=", vector(two, new BigDecimal("1.50")), vector(one, new BigDecimal("1.5"))))
                .containsExactly(true);
        assertThat(compare(">", vector(two, new BigDecimal("1.50")), vector(INT, 1)))
                .containsExactly(true);
    }

    @Test
    void doublesOrderNaNAboveEverythingAndEqualToItself() {
        Vector a = vector(DOUBLE, Double.NaN, Double.NaN, 1.0, -0.0, Double.POSITIVE_INFINITY);
        Vector b = vector(DOUBLE, Double.NaN, 1.0, Double.NaN, 0.0, Double.NaN);
        assertThat(compare("=", a, b)).containsExactly(true, false, false, true, false);
        assertThat(compare("<", a, b)).containsExactly(false, false, true, false, true);
        assertThat(compare("<=", a, b)).containsExactly(true, false, true, true, true);
        assertThat(compare(">", a, b)).containsExactly(false, true, false, false, false);
        assertThat(compare(">=", a, b)).containsExactly(true, true, false, true, false);
    }

    @Test
    void stringsCompareByUtf8Bytes() {
        Vector a = vector(STRING, "a", "b", "é", "\uD83D\uDE00", null, "ab");
        Vector b = vector(STRING, "b", "b", "z", "\uFFFF", "a", "a");
        assertThat(compare("<", a, b)).containsExactly(true, false, false, false, null, false);
        assertThat(compare("=", a, b)).containsExactly(false, true, false, false, null, false);
    }

    @Test
    void dictionaryStringsCompareWithAConstantOncePerEntry() {
        StringVector dictionaryColumn = dictionary("x", "y", null, "x", "z");
        Vector constant = Vectors.constant(STRING, "y", 5);
        assertThat(compare("=", dictionaryColumn, constant)).containsExactly(false, true, null, false, false);
        assertThat(compare("<", dictionaryColumn, constant)).containsExactly(true, false, null, true, false);
        assertThat(compare("<", constant, dictionaryColumn)).containsExactly(false, false, null, false, true);
        assertThat(compare(">=", dictionaryColumn, constant)).containsExactly(false, true, null, false, true);
        Expr withLiteral = call("<>", col(0, STRING), lit("x", STRING));
        assertThat(evalValues(withLiteral, dictionaryColumn)).containsExactly(false, true, null, false, true);
    }

    @Test
    void dictionaryStringsCompareWithColumnsRowByRow() {
        StringVector left = dictionary("x", "y", "x");
        Vector right = vector(STRING, "x", "x", "y");
        assertThat(compare("=", left, right)).containsExactly(true, false, false);
        assertThat(compare("<=", right, left)).containsExactly(true, true, false);
        assertThat(compare("=", left, dictionary("x", "x", "x"))).containsExactly(true, false, true);
    }

    @Test
    void stringsCompareWithNumbersAndDatesAfterACast() {
        assertThat(compare("=", vector(STRING, "1", " 2 "), vector(INT, 1, 3))).containsExactly(true, false);
        int day = (int) java.time.LocalDate.parse("2024-01-02").toEpochDay();
        assertThat(compare("<", vector(DateType.DATE, day), vector(STRING, "2024-01-10")))
                .containsExactly(true);
        assertThat(compare("=", vector(STRING, "1.50"), vector(new DecimalType(3, 2), new BigDecimal("1.50"))))
                .containsExactly(true);
        Expr malformed = call("=", col(0, STRING), col(1, INT));
        assertThatThrownBy(() -> eval(malformed, vector(STRING, "one"), vector(INT, 1)))
                .isInstanceOf(FreshetException.class)
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.CAST_INVALID_INPUT));
    }

    @Test
    void datesCompareWithTimestamps() {
        Vector date = vector(DateType.DATE, 1);
        Vector timestamps = vector(TimestampType.TIMESTAMP, 86_400_000_000L, 86_400_000_001L);
        assertThat(evalValues(
                        call("=", col(0, DateType.DATE), col(1, TimestampType.TIMESTAMP)),
                        Vectors.constant(DateType.DATE, 1, 2),
                        timestamps))
                .containsExactly(true, false);
        assertThat(date.size()).isEqualTo(1);
    }

    @Test
    void booleansCompareFalseBeforeTrue() {
        Vector a = vector(BooleanType.BOOLEAN, false, true, true);
        Vector b = vector(BooleanType.BOOLEAN, true, true, false);
        assertThat(compare("<", a, b)).containsExactly(true, false, false);
        assertThat(compare("=", a, b)).containsExactly(false, true, false);
    }

    @Test
    void structsAndArraysCompareByValue() {
        StructType struct = new StructType(List.of(Field.of("a", INT), Field.of("b", STRING)));
        Vector a = vector(
                struct,
                new StructValue(new Object[] {1, "x"}),
                new StructValue(new Object[] {1, null}),
                new StructValue(new Object[] {1, "x"}));
        Vector b = vector(
                struct,
                new StructValue(new Object[] {1, "x"}),
                new StructValue(new Object[] {1, null}),
                new StructValue(new Object[] {2, "a"}));
        assertThat(compare("=", a, b)).containsExactly(true, true, false);
        assertThat(compare("<", a, b)).containsExactly(false, false, true);
        ArrayType array = new ArrayType(INT);
        Vector c = vector(array, List.of(1, 2), List.of(1), Arrays.asList(1, null));
        Vector d = vector(array, List.of(1, 2), List.of(1, 0), Arrays.asList(1, null));
        assertThat(compare("=", c, d)).containsExactly(true, false, true);
        assertThat(compare("<", c, d)).containsExactly(false, true, false);
    }

    @Test
    void nullLiteralComparisonsAreNull() {
        assertThat(evalValues(call("=", col(0, INT), lit(null, NullType.NULL)), vector(INT, 1)))
                .containsExactly((Object) null);
        assertThat(ExprTesting.evalConstant(call("=", lit(null, NullType.NULL), lit(null, NullType.NULL))))
                .isNull();
        assertThat(ExprTesting.evalConstant(call("<=>", lit(null, NullType.NULL), lit(null, NullType.NULL))))
                .isEqualTo(true);
    }

    @Test
    void refusesComparingUnrelatedTypes() {
        assertThatThrownBy(() -> call("=", col(0, BooleanType.BOOLEAN), col(1, DateType.DATE)))
                .isInstanceOf(AnalysisException.class)
                .satisfies(e -> assertThat(((AnalysisException) e).errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        assertThatThrownBy(() -> call("<", col(0, new ArrayType(INT)), col(1, INT)))
                .isInstanceOf(AnalysisException.class);
    }
}
