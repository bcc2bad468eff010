package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.Expr;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.ExprTesting.call;
import static io.freshet.expr.functions.ExprTesting.col;
import static io.freshet.expr.functions.ExprTesting.evalValues;
import static io.freshet.expr.functions.ExprTesting.lit;
import static io.freshet.expr.functions.ExprTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArrayFunctionsTest {
    private static final DataType INT = IntType.INT;
    private static final ArrayType INTS = new ArrayType(INT);
    private static final ArrayType STRINGS = new ArrayType(StringType.STRING);

    private static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    private static Object one(Expr expr) {
        return evalValues(expr, vector(INT, 0)).get(0);
    }

    private static ErrorCode codeOf(Throwable e) {
        return ((FreshetException) e).errorCode();
    }

    @Test
    void arrayBuildsAListOfTheCommonElementType() {
        Expr array = call("array", col(0, INT), lit(2L, BigintType.BIGINT), lit(null, NullType.NULL));
        assertThat(array.type()).isEqualTo(new ArrayType(BigintType.BIGINT));
        assertThat(evalValues(array, vector(INT, 1, null))).containsExactly(list(1L, 2L, null), list(null, 2L, null));
        Expr empty = call("array");
        assertThat(empty.type()).isEqualTo(new ArrayType(NullType.NULL));
        assertThat(one(empty)).isEqualTo(List.of());
    }

    @Test
    void arrayRefusesElementsWithoutACommonType() {
        assertThatThrownBy(() -> call("array", lit(1, INT), lit(true, BooleanType.BOOLEAN)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("array");
    }

    @Test
    void sizeCountsElementsAndIsNullForANullArray() {
        for (String name : List.of("size", "cardinality")) {
            Expr size = call(name, col(0, INTS));
            assertThat(size.type()).isEqualTo(INT);
            assertThat(evalValues(size, vector(INTS, list(1, null, 3), null, list())))
                    .containsExactly(3, null, 0);
        }
        assertThatThrownBy(() -> call("size", lit(1, INT)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test
    void elementAtIsOneBasedAndCountsNegativeIndexesFromTheEnd() {
        Expr at = call("element_at", col(0, INTS), col(1, INT));
        assertThat(at.type()).isEqualTo(INT);
        assertThat(evalValues(
                        at,
                        vector(INTS, list(10, 20, 30), list(10, 20, 30), list(10, null), null, list(1)),
                        vector(INT, 1, -1, 2, 1, null)))
                .containsExactly(10, 30, null, null, null);
    }

    @Test
    void elementAtOutOfBoundsIsAnErrorThatSuggestsTryElementAt() {
        Expr at = call("element_at", col(0, INTS), col(1, INT));
        assertThatThrownBy(() -> evalValues(at, vector(INTS, list(1, 2)), vector(INT, 3)))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("try_element_at");
        assertThatThrownBy(() -> evalValues(at, vector(INTS, list(1, 2)), vector(INT, -3)))
                .hasMessageContaining("out of bounds");
        Expr tryAt = call("try_element_at", col(0, INTS), col(1, INT));
        assertThat(evalValues(tryAt, vector(INTS, list(1, 2), list(1, 2)), vector(INT, 3, -2)))
                .containsExactly(null, 1);
        // Index 0 is an error for both, as in Spark.
        assertThatThrownBy(() -> evalValues(tryAt, vector(INTS, list(1, 2)), vector(INT, 0)))
                .hasMessageContaining("start at 1");
    }

    @Test
    void arrayContainsIsNullWhenNotFoundButTheArrayHasANull() {
        Expr contains = call("array_contains", col(0, INTS), col(1, INT));
        assertThat(contains.type()).isEqualTo(BooleanType.BOOLEAN);
        assertThat(evalValues(
                        contains,
                        vector(INTS, list(1, 2), list(1, 2), list(1, null), list(null, 2), null, list(1)),
                        vector(INT, 2, 3, 3, 2, 1, null)))
                .containsExactly(true, false, null, true, null, null);
        Expr widened = call("array_contains", col(0, INTS), lit(2.0, DoubleType.DOUBLE));
        assertThat(evalValues(widened, vector(INTS, list(1, 2)))).containsExactly(true);
        assertThatThrownBy(() -> call("array_contains", col(0, INTS), lit("x", StringType.STRING)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test
    void arraySortIsAscendingWithNullsLast() {
        Expr sort = call("array_sort", col(0, INTS));
        assertThat(sort.type()).isEqualTo(INTS);
        assertThat(evalValues(sort, vector(INTS, list(3, 1, null, 2), list(), null)))
                .containsExactly(list(1, 2, 3, null), list(), null);
        Expr strings = call("array_sort", col(0, STRINGS));
        assertThat(evalValues(strings, vector(STRINGS, list("b", "B", "a")))).containsExactly(list("B", "a", "b"));
    }

    @Test
    void sortArrayPutsNullsFirstAscendingAndLastDescending() {
        assertThat(evalValues(call("sort_array", col(0, INTS)), vector(INTS, list(3, null, 1))))
                .containsExactly(list(null, 1, 3));
        Expr descending = call("sort_array", col(0, INTS), lit(false, BooleanType.BOOLEAN));
        assertThat(evalValues(descending, vector(INTS, list(3, null, 1)))).containsExactly(list(3, 1, null));
        assertThatThrownBy(() -> call("sort_array", col(0, INTS), col(1, BooleanType.BOOLEAN)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test
    void sortedArraysMatchAReferenceSortOnRandomInput() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Expr sort = call("array_sort", col(0, INTS));
        for (int round = 0; round < 200; round++) {
            List<Object> values = new ArrayList<>();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                values.add(random.nextInt(5) == 0 ? null : random.nextInt(20) - 10);
            }
            List<Object> expected = new ArrayList<>();
            int nulls = 0;
            for (Object value : values) {
                if (value == null) {
                    nulls++;
                } else {
                    expected.add(value);
                }
            }
            expected.sort((a, b) -> Integer.compare((Integer) a, (Integer) b));
            expected.addAll(Collections.nCopies(nulls, null));
            assertThat(evalValues(sort, vector(INTS, values)).get(0))
                    .as("seed %s input %s", seed, values)
                    .isEqualTo(expected);
        }
    }

    @Test
    void arrayDistinctKeepsFirstOccurrencesAndOneNull() {
        Expr distinct = call("array_distinct", col(0, INTS));
        assertThat(evalValues(distinct, vector(INTS, list(2, 1, 2, null, 1, null), list())))
                .containsExactly(list(2, 1, null), list());
        ArrayType doubles = new ArrayType(DoubleType.DOUBLE);
        assertThat(evalValues(
                        call("array_distinct", col(0, doubles)),
                        vector(doubles, list(Double.NaN, 0.0, -0.0, Double.NaN))))
                .containsExactly(list(Double.NaN, 0.0));
    }

    @Test
    void pipesConcatenateStringsAndArrays() {
        Expr strings = call("||", col(0, StringType.STRING), lit("x", StringType.STRING));
        assertThat(evalValues(strings, vector(StringType.STRING, "a", null))).containsExactly("ax", null);
        Expr arrays = call("||", col(0, INTS), col(1, INTS));
        assertThat(arrays.type()).isEqualTo(INTS);
        assertThat(evalValues(arrays, vector(INTS, list(1)), vector(INTS, list(2, null))))
                .containsExactly(list(1, 2, null));
    }
}
