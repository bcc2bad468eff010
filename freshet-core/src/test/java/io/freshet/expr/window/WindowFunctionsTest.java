package io.freshet.expr.window;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowFunctionsTest {
    private static final Expr X = new InputRef(0, BigintType.BIGINT, "x");

    private static WindowFunction bind(String name, boolean ignoreNulls, Expr... args) {
        return FunctionRegistry.builtins().window(name).orElseThrow().bind(List.of(args), ignoreNulls);
    }

    @Test
    void registersTheRankingOffsetAndValueFunctions() {
        assertThat(FunctionRegistry.builtins().names())
                .contains(
                        "row_number",
                        "rank",
                        "dense_rank",
                        "percent_rank",
                        "cume_dist",
                        "ntile",
                        "lag",
                        "lead",
                        "first_value",
                        "last_value",
                        "nth_value");
    }

    @Test
    void bindsResultTypesAsSpark() {
        assertThat(bind("row_number", false).resultType()).isEqualTo(IntType.INT);
        assertThat(bind("dense_rank", false).resultType()).isEqualTo(IntType.INT);
        assertThat(bind("cume_dist", false).resultType()).isEqualTo(DoubleType.DOUBLE);
        assertThat(bind("lag", false, X).resultType()).isEqualTo(BigintType.BIGINT);
        assertThat(bind("nth_value", false, X, new Literal(2, IntType.INT)))
                .isEqualTo(new ValueFunction(ValueFunction.Kind.NTH_VALUE, 2, BigintType.BIGINT, false));
        assertThat(bind("first_value", false, X, new Literal(true, BooleanType.BOOLEAN)))
                .isEqualTo(new ValueFunction(ValueFunction.Kind.FIRST_VALUE, 1, BigintType.BIGINT, true));
        assertThat(bind("lead", true, X, new Literal(2L, BigintType.BIGINT)))
                .isEqualTo(new OffsetFunction(true, 2, BigintType.BIGINT, true));
        assertThat(bind("rank", false).requiresOrder()).isTrue();
        assertThat(bind("last_value", false, X).requiresOrder()).isFalse();
    }

    @Test
    void refusesArgumentsThatDoNotFit() {
        assertThatThrownBy(() -> bind("rank", false, X))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("rank() takes no arguments, but 1 were given");
        assertThatThrownBy(() -> bind("ntile", false, new Literal(0, IntType.INT)))
                .hasMessage("ntile() needs a positive constant as the number of buckets, but got 0");
        assertThatThrownBy(() -> bind("ntile", false, X))
                .hasMessageStartingWith("ntile() needs an integer constant as the number of buckets");
        assertThatThrownBy(() -> bind("row_number", true))
                .hasMessage("row_number() does not support IGNORE NULLS; remove it");
        assertThatThrownBy(
                        () -> bind("lag", false, X, new Literal(1, IntType.INT), new Literal("a", StringType.STRING)))
                .isInstanceOf(AnalysisException.class)
                .hasMessage(
                        "lag() needs a default of the input's type bigint, but got string; cast the default to bigint")
                .extracting(error -> ((AnalysisException) error).errorCode())
                .isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThatThrownBy(() -> bind("nth_value", false, X)).hasMessageStartingWith("nth_value(input, n) takes two");
    }

    @Test
    void ntileSpreadsRowsOverBucketsWithTheLargerFirst() {
        assertThat(evaluate(new NtileFunction(3), 7)).containsExactly(1, 1, 1, 2, 2, 3, 3);
        assertThat(evaluate(new NtileFunction(4), 2)).containsExactly(1, 2);
        assertThat(evaluate(new NtileFunction(2), 4)).containsExactly(1, 1, 2, 2);
    }

    private static List<Object> evaluate(WindowFunction function, int rows) {
        int[] peers = new int[rows];
        int[] ends = new int[rows];
        for (int i = 0; i < rows; i++) {
            peers[i] = i;
            ends[i] = i + 1;
        }
        WindowPartition partition = new WindowPartition(
                new Vector[] {new LongVector(BigintType.BIGINT, new long[rows], null, rows)}, peers, ends, null, null);
        partition.reset(0, rows);
        VectorBuilder builder = VectorBuilder.forType(function.resultType(), rows);
        function.evaluate(partition, builder);
        Vector result = builder.build();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            values.add(result.get(i));
        }
        return values;
    }
}
