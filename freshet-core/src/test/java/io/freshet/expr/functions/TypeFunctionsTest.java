package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.Expr;
import io.freshet.expr.Literal;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.ExprTesting.call;
import static io.freshet.expr.functions.ExprTesting.col;
import static io.freshet.expr.functions.ExprTesting.evalValues;
import static io.freshet.expr.functions.ExprTesting.lit;
import static io.freshet.expr.functions.ExprTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeFunctionsTest {

    @Test
    void typeofNamesTheArgumentTypeWithoutEvaluatingIt() {
        assertThat(call("typeof", col(0, new DecimalType(21, 4)))).isEqualTo(lit("decimal(21,4)", StringType.STRING));
        assertThat(call("typeof", lit(null, NullType.NULL))).isEqualTo(lit("void", StringType.STRING));
        assertThat(call("typeof", col(0, new ArrayType(IntType.INT)))).isEqualTo(lit("array<int>", StringType.STRING));
        // 1 / 0 would fail if evaluated; typeof only looks at its type.
        Expr division = call("/", lit(1, IntType.INT), lit(0, IntType.INT));
        assertThat(call("typeof", division)).isInstanceOf(Literal.class);
        assertThatThrownBy(() -> call("typeof"))
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.WRONG_ARGUMENTS));
    }

    @Test
    void typeNamedFunctionsAreCasts() {
        assertThat(evalValues(call("int", col(0, StringType.STRING)), vector(StringType.STRING, "7", null)))
                .containsExactly(7, null);
        assertThat(evalValues(call("bigint", col(0, DoubleType.DOUBLE)), vector(DoubleType.DOUBLE, 2.9)))
                .containsExactly(2L);
        assertThat(evalValues(call("double", col(0, StringType.STRING)), vector(StringType.STRING, "2.5")))
                .containsExactly(2.5);
        assertThat(evalValues(call("string", col(0, IntType.INT)), vector(IntType.INT, 12)))
                .containsExactly("12");
        assertThat(evalValues(call("boolean", col(0, StringType.STRING)), vector(StringType.STRING, "true")))
                .containsExactly(true);
        assertThat(evalValues(call("date", col(0, StringType.STRING)), vector(StringType.STRING, "2024-02-29")))
                .containsExactly((int) LocalDate.parse("2024-02-29").toEpochDay());
        assertThat(call("timestamp", col(0, DateType.DATE)).type()).isEqualTo(TimestampType.TIMESTAMP);
        Expr decimal = call("decimal", col(0, StringType.STRING));
        assertThat(decimal.type()).isEqualTo(new DecimalType(10, 0));
        assertThat(evalValues(decimal, vector(StringType.STRING, "12.6"))).containsExactly(new BigDecimal("13"));
        assertThat(call("bigint", col(0, BigintType.BIGINT))).isEqualTo(col(0, BigintType.BIGINT));
    }

    @Test
    void typeNamedFunctionsFollowAnsiCastErrors() {
        assertThatThrownBy(() -> evalValues(call("int", col(0, StringType.STRING)), vector(StringType.STRING, "x")))
                .hasMessageContaining("try_cast");
        assertThatThrownBy(() -> call("int", lit(1, IntType.INT), lit(2, IntType.INT)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("only one argument");
        assertThatThrownBy(() -> call("date", col(0, BooleanType.BOOLEAN))).isInstanceOf(AnalysisException.class);
    }
}
