package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Vector;
import io.freshet.expr.Expr;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.ExprTesting.call;
import static io.freshet.expr.functions.ExprTesting.col;
import static io.freshet.expr.functions.ExprTesting.eval;
import static io.freshet.expr.functions.ExprTesting.evalValues;
import static io.freshet.expr.functions.ExprTesting.lit;
import static io.freshet.expr.functions.ExprTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionalFunctionsTest {
    private static final DataType BOOLEAN = BooleanType.BOOLEAN;
    private static final DataType INT = IntType.INT;
    private static final DataType BIGINT = BigintType.BIGINT;
    private static final DataType STRING = StringType.STRING;
    private static final Expr NULL = lit(null, NullType.NULL);

    @Test
    void caseDoesNotEvaluateBranchesOnRowsThatDoNotTakeThem() {
        // CASE WHEN b = 0 THEN 0 ELSE a / b END
        Expr a = col(0, INT);
        Expr b = col(1, INT);
        Expr safe = call("case", call("=", b, lit(0, INT)), lit(0, INT), call("/", a, b));
        assertThat(safe.type()).isEqualTo(DoubleType.DOUBLE);
        assertThat(safe.toString())
                .isEqualTo(
                        "CASE WHEN (c1 = 0) THEN CAST(0 AS DOUBLE) ELSE (CAST(c0 AS DOUBLE) / CAST(c1 AS DOUBLE)) END");
        assertThat(evalValues(safe, vector(INT, 1, 3, null), vector(INT, 0, 2, 0)))
                .containsExactly(0.0, 1.5, 0.0);
    }

    @Test
    void caseTakesTheFirstMatchingBranchAndIsNullWithoutElse() {
        Expr x = col(0, INT);
        Expr grade = call(
                "case",
                call("<", x, lit(10, INT)),
                lit("small", STRING),
                call("<", x, lit(100, INT)),
                lit("medium", STRING));
        assertThat(evalValues(grade, vector(INT, 5, 50, 500, null))).containsExactly("small", "medium", null, null);
        Expr withElse = call("case", call("<", x, lit(10, INT)), lit(1, INT), lit(2L, BIGINT));
        assertThat(withElse.type()).isEqualTo(BIGINT);
        assertThat(evalValues(withElse, vector(INT, 5, 50, null))).containsExactly(1L, 2L, 2L);
    }

    @Test
    void caseWithBranchesWithoutACommonTypeIsATypeMismatch() {
        assertThatThrownBy(() -> call("case", col(0, BOOLEAN), lit(1, INT), lit("x", STRING)))
                .isInstanceOf(AnalysisException.class)
                .satisfies(e -> assertThat(((AnalysisException) e).errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        assertThatThrownBy(() -> call("case", col(0, INT), lit(1, INT))).isInstanceOf(AnalysisException.class);
    }

    @Test
    void ifChoosesLazilyAndTreatsNullConditionsAsFalse() {
        Expr a = col(0, INT);
        Expr b = col(1, INT);
        Expr chosen = call("if", call("<>", b, lit(0, INT)), call("div", a, b), lit(-1, INT));
        assertThat(chosen.type()).isEqualTo(BIGINT);
        assertThat(chosen.toString())
                .isEqualTo("if((c1 <> 0), (CAST(c0 AS BIGINT) div CAST(c1 AS BIGINT)), CAST(-1 AS BIGINT))");
        assertThat(evalValues(chosen, vector(INT, 7, 7, 7), vector(INT, 2, 0, null)))
                .containsExactly(3L, -1L, -1L);
        assertThat(evalValues(call("if", col(0, BOOLEAN), lit(1, INT), NULL), vector(BOOLEAN, true, false, null)))
                .containsExactly(1, null, null);
    }

    @Test
    void coalesceEvaluatesLaterArgumentsOnlyWhereEarlierOnesAreNull() {
        Expr a = col(0, INT);
        Expr fallback = call("/", lit(1, INT), col(1, INT)); // fails where c1 = 0
        Expr coalesced =
                call("coalesce", call("+", a, lit(0.0, DoubleType.DOUBLE)), fallback, lit(-1.0, DoubleType.DOUBLE));
        assertThat(evalValues(coalesced, vector(INT, 1, null, 3), vector(INT, 0, 4, 0)))
                .containsExactly(1.0, 0.25, 3.0);
        assertThat(evalValues(
                        call("coalesce", col(0, INT), col(1, INT), lit(9, INT)),
                        vector(INT, null, null, 1),
                        vector(INT, null, 2, 3)))
                .containsExactly(9, 2, 1);
        assertThat(call("coalesce", col(0, INT), col(1, BIGINT)).type()).isEqualTo(BIGINT);
        assertThat(call("coalesce", col(0, INT), col(1, BIGINT)).toString())
                .isEqualTo("coalesce(CAST(c0 AS BIGINT), c1)");
    }

    @Test
    void nvlAndIfnullAreTwoArgumentCoalesce() {
        Vector a = vector(STRING, "x", null);
        Vector b = vector(STRING, "y", "z");
        assertThat(evalValues(call("nvl", col(0, STRING), col(1, STRING)), a, b))
                .containsExactly("x", "z");
        assertThat(evalValues(call("ifnull", col(0, STRING), col(1, STRING)), a, b))
                .containsExactly("x", "z");
        assertThatThrownBy(() -> call("nvl", col(0, STRING))).isInstanceOf(AnalysisException.class);
    }

    @Test
    void nvl2ChoosesByWhetherTheFirstArgumentIsNull() {
        Expr nvl2 = call("nvl2", col(0, STRING), lit(1, INT), lit(2, INT));
        assertThat(evalValues(nvl2, vector(STRING, "x", null))).containsExactly(1, 2);
    }

    @Test
    void nullifGivesNullWhereTheArgumentsAreEqual() {
        Expr nullif = call("nullif", col(0, INT), col(1, INT));
        assertThat(evalValues(nullif, vector(INT, 1, 2, null), vector(INT, 1, 3, 1)))
                .containsExactly(null, 2, null);
        Expr widened = call("nullif", col(0, INT), lit(0L, BIGINT));
        assertThat(widened.type()).isEqualTo(INT);
        assertThat(widened.toString()).isEqualTo("nullif(c0, 0)");
        assertThat(evalValues(widened, vector(INT, 0, 5))).containsExactly(null, 5);
        // a / nullif(b, 0) is the usual way to avoid division by zero
        Expr quotient = call("/", col(0, INT), call("nullif", col(1, INT), lit(0, INT)));
        assertThat(evalValues(quotient, vector(INT, 1, 1), vector(INT, 0, 2))).containsExactly(null, 0.5);
    }

    @Test
    void assertTrueFailsOnAFalseCondition() {
        Expr check = call("assert_true", call(">", col(0, INT), lit(0, INT)));
        assertThat(evalValues(check, vector(INT, 1, 2))).containsExactly(null, null);
        assertThatThrownBy(() -> eval(check, vector(INT, 1, -1))).isInstanceOf(FreshetException.class);
        Expr withMessage = call("assert_true", call(">", col(0, INT), lit(0, INT)), lit("must be positive", STRING));
        assertThatThrownBy(() -> eval(withMessage, vector(INT, -1))).hasMessage("must be positive");
    }
}
