package io.freshet.expr.aggregate;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.data.Vector;
import io.freshet.types.BooleanType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.aggregate.AggregateHarness.bind;
import static io.freshet.expr.aggregate.AggregateHarness.column;
import static io.freshet.expr.aggregate.AggregateHarness.columns;
import static io.freshet.expr.aggregate.AggregateHarness.literal;
import static io.freshet.expr.aggregate.AggregateHarness.roundTrip;
import static io.freshet.expr.aggregate.AggregateHarness.run;
import static io.freshet.expr.aggregate.AggregateHarness.values;
import static io.freshet.expr.aggregate.AggregateHarness.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstLastFunctionTest {
    private static final int[] GROUPS = {0, 1, 0, 1, 0, 2, 1};
    private static final Vector VALUES = vector(StringType.STRING, null, "b1", "a2", "b2", null, null, null);

    @Test
    void firstAndLastKeepNullsByDefault() {
        assertThat(run(bind("first", columns(StringType.STRING)), 4, GROUPS, VALUES))
                .containsExactly(null, "b1", null, null);
        assertThat(run(bind("last", columns(StringType.STRING)), 3, GROUPS, VALUES))
                .containsExactly(null, null, null);
        assertThat(run(bind("any_value", columns(StringType.STRING)), 3, GROUPS, VALUES))
                .containsExactly(null, "b1", null);
    }

    @Test
    void ignoreNullsSkipsNullRows() {
        var ignore = literal(true, BooleanType.BOOLEAN);
        assertThat(run(bind("first", column(0, StringType.STRING), ignore), 3, GROUPS, VALUES))
                .containsExactly("a2", "b1", null);
        assertThat(run(bind("last_value", column(0, StringType.STRING), ignore), 3, GROUPS, VALUES))
                .containsExactly("a2", "b2", null);
        assertThat(run(
                        bind("first_value", column(0, StringType.STRING), literal(false, BooleanType.BOOLEAN)),
                        3,
                        GROUPS,
                        VALUES))
                .containsExactly(null, "b1", null);
    }

    @Test
    void ignoreNullsMustBeAConstantBoolean() {
        assertThatThrownBy(() -> bind("first", column(0, IntType.INT), column(1, BooleanType.BOOLEAN)))
                .isInstanceOfSatisfying(
                        AnalysisException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WRONG_ARGUMENTS))
                .hasMessageContaining("constant boolean");
        assertThatThrownBy(() -> bind("last", column(0, IntType.INT), literal(1, IntType.INT)))
                .isInstanceOf(AnalysisException.class);
    }

    @Test
    void mergeFollowsMergeOrder() {
        AggregateFunction first = bind("first", columns(IntType.INT));
        AggregateFunction last = bind("last", columns(IntType.INT));
        for (AggregateFunction function : new AggregateFunction[] {first, last}) {
            GroupedAccumulator target = function.createAccumulator();
            target.ensureCapacity(2);
            target.add(new int[] {0}, new Vector[] {vector(IntType.INT, 1)}, 1);
            GroupedAccumulator other = function.createAccumulator();
            other.ensureCapacity(2);
            other.add(new int[] {0, 1}, new Vector[] {vector(IntType.INT, 2, 3)}, 2);
            target.merge(other, new int[] {0, 1}, 2);
            Object expectedGroup0 = function == first ? 1 : 2;
            assertThat(values(target.result(2))).containsExactly(expectedGroup0, 3);
            assertThat(values(roundTrip(function, target, 2).result(2))).containsExactly(expectedGroup0, 3);
        }
    }

    @Test
    void assignedNullSurvivesRoundTripAndMerge() {
        AggregateFunction first = bind("first", columns(IntType.INT));
        GroupedAccumulator accumulator = first.createAccumulator();
        accumulator.ensureCapacity(1);
        accumulator.add(new int[] {0}, new Vector[] {vector(IntType.INT, (Object) null)}, 1);
        GroupedAccumulator restored = roundTrip(first, accumulator, 1);
        GroupedAccumulator later = first.createAccumulator();
        later.ensureCapacity(1);
        later.add(new int[] {0}, new Vector[] {vector(IntType.INT, 5)}, 1);
        restored.merge(later, new int[] {0}, 1);
        assertThat(values(restored.result(1))).containsExactly((Object) null);
    }
}
