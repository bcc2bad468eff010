package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.data.Vector;
import io.freshet.expr.Expr;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.ExprTesting.call;
import static io.freshet.expr.functions.ExprTesting.col;
import static io.freshet.expr.functions.ExprTesting.dictionary;
import static io.freshet.expr.functions.ExprTesting.evalConstant;
import static io.freshet.expr.functions.ExprTesting.evalValues;
import static io.freshet.expr.functions.ExprTesting.lit;
import static io.freshet.expr.functions.ExprTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogicalFunctionsTest {
    private static final DataType BOOLEAN = BooleanType.BOOLEAN;
    private static final DataType INT = IntType.INT;
    private static final DataType STRING = StringType.STRING;

    // every combination of true, false and null on the left and right
    private static final Vector LEFT = vector(BOOLEAN, true, true, true, false, false, false, null, null, null);
    private static final Vector RIGHT = vector(BOOLEAN, true, false, null, true, false, null, true, false, null);

    @Test
    void andFollowsThreeValuedLogic() {
        Expr and = call("and", col(0, BOOLEAN), col(1, BOOLEAN));
        assertThat(and.toString()).isEqualTo("(c0 AND c1)");
        assertThat(evalValues(and, LEFT, RIGHT))
                .containsExactly(true, false, null, false, false, false, null, false, null);
    }

    @Test
    void orFollowsThreeValuedLogic() {
        Expr or = call("or", col(0, BOOLEAN), col(1, BOOLEAN));
        assertThat(or.toString()).isEqualTo("(c0 OR c1)");
        assertThat(evalValues(or, LEFT, RIGHT)).containsExactly(true, true, true, true, false, null, true, null, null);
    }

    @Test
    void notKeepsNulls() {
        Expr not = call("not", col(0, BOOLEAN));
        assertThat(not.toString()).isEqualTo("(NOT c0)");
        assertThat(evalValues(not, vector(BOOLEAN, true, false, null))).containsExactly(false, true, null);
    }

    @Test
    void andDoesNotEvaluateItsRightSideWhereTheLeftIsFalse() {
        // b <> 0 AND a / b > 1
        Expr a = col(0, INT);
        Expr b = col(1, INT);
        Expr guarded = call("and", call("<>", b, lit(0, INT)), call(">", call("/", a, b), lit(1, INT)));
        assertThat(evalValues(guarded, vector(INT, 10, 10, 1, null), vector(INT, 0, 2, 1, 0)))
                .containsExactly(false, true, false, false);
    }

    @Test
    void orDoesNotEvaluateItsRightSideWhereTheLeftIsTrue() {
        Expr a = col(0, INT);
        Expr b = col(1, INT);
        Expr guarded = call("or", call("=", b, lit(0, INT)), call(">", call("/", a, b), lit(1, INT)));
        assertThat(evalValues(guarded, vector(INT, 10, 1), vector(INT, 0, 2))).containsExactly(true, false);
    }

    @Test
    void nullTestsReadTheBitmapAndAreNeverNull() {
        Vector values = vector(INT, 1, null, 3);
        assertThat(evalValues(call("isnull", col(0, INT)), values)).containsExactly(false, true, false);
        assertThat(evalValues(call("isnotnull", col(0, INT)), values)).containsExactly(true, false, true);
        assertThat(evalValues(call("isnull", col(0, STRING)), vector(STRING, "a")))
                .containsExactly(false);
        assertThat(call("isnull", col(0, INT)).toString()).isEqualTo("(c0 IS NULL)");
        Vector decimals = vector(new DecimalType(3, 1), new BigDecimal("1.0"), null);
        assertThat(evalValues(call("isnotnull", col(0, decimals.type())), decimals))
                .containsExactly(true, false);
    }

    @Test
    void refusesNonBooleanOperands() {
        assertThatThrownBy(() -> call("and", col(0, INT), col(1, BOOLEAN))).isInstanceOf(AnalysisException.class);
        assertThat(evalConstant(call("and", lit(false, BOOLEAN), lit(null, NullType.NULL))))
                .isEqualTo(false);
    }

    @Test
    void inWithLiteralsFollowsSqlNullRules() {
        Expr in = call("in", col(0, INT), lit(2, INT), lit(null, NullType.NULL), lit(4, INT));
        assertThat(in.toString()).isEqualTo("(c0 IN (2, NULL, 4))");
        assertThat(evalValues(in, vector(INT, 1, 2, 4, null))).containsExactly(null, true, true, null);
        Expr withoutNull = call("in", col(0, INT), lit(2, INT), lit(3, INT));
        assertThat(evalValues(withoutNull, vector(INT, 1, 2, null))).containsExactly(false, true, null);
        assertThat(evalConstant(call("in", lit(1, INT), lit(2, INT), lit(null, NullType.NULL))))
                .isNull();
    }

    @Test
    void inWithExpressionsComparesItemByItem() {
        Expr in = call("in", col(0, INT), col(1, INT), lit(5, INT));
        assertThat(in.toString()).isEqualTo("(c0 IN (c1, 5))");
        assertThat(evalValues(in, vector(INT, 1, 5, 3, 3), vector(INT, 1, 0, null, 4)))
                .containsExactly(true, true, null, false);
    }

    @Test
    void inWidensTheValueAndTheList() {
        Expr in = call("in", col(0, INT), lit(3_000_000_000L, BigintType.BIGINT), lit(1, INT));
        assertThat(evalValues(in, vector(INT, 1, 2))).containsExactly(true, false);
        Expr doubles =
                call("in", col(0, DoubleType.DOUBLE), lit(Double.NaN, DoubleType.DOUBLE), lit(0.0, DoubleType.DOUBLE));
        assertThat(evalValues(doubles, vector(DoubleType.DOUBLE, Double.NaN, -0.0, 1.0)))
                .containsExactly(true, true, false);
        Expr strings = call("in", col(0, STRING), lit("b", STRING), lit("é", STRING));
        assertThat(evalValues(strings, vector(STRING, "a", "b", "é", null))).containsExactly(false, true, true, null);
        assertThat(evalValues(strings, dictionary("é", "a", null, "é"))).containsExactly(true, false, null, true);
        Expr decimals = call("in", col(0, new DecimalType(4, 2)), lit(new BigDecimal("1.5"), new DecimalType(2, 1)));
        assertThat(evalValues(decimals, vector(new DecimalType(4, 2), new BigDecimal("1.50"), new BigDecimal("1.51"))))
                .containsExactly(true, false);
        Expr booleans = call("in", col(0, BOOLEAN), lit(true, BOOLEAN));
        assertThat(evalValues(booleans, vector(BOOLEAN, true, false))).containsExactly(true, false);
    }
}
