package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import io.freshet.types.DoubleType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.aggregate.AggregateHarness.bind;
import static io.freshet.expr.aggregate.AggregateHarness.columns;
import static io.freshet.expr.aggregate.AggregateHarness.roundTrip;
import static io.freshet.expr.aggregate.AggregateHarness.run;
import static io.freshet.expr.aggregate.AggregateHarness.values;
import static io.freshet.expr.aggregate.AggregateHarness.vector;
import static org.assertj.core.api.Assertions.assertThat;

class ExtremumByFunctionTest {
    private static final int[] GROUPS = {0, 1, 0, 1, 0, 2, 2};
    private static final Vector NAMES = vector(StringType.STRING, "a", "b", "c", null, "e", "f", "g");
    private static final Vector SCORES = vector(DoubleType.DOUBLE, 1.0, 5.0, 3.0, 9.0, 3.0, null, null);

    @Test
    void maxByTakesTheValueOfTheGreatestOrderingAndTheFirstOnTies() {
        AggregateFunction maxBy = bind("max_by", columns(StringType.STRING, DoubleType.DOUBLE));
        assertThat(maxBy.resultType()).isEqualTo(StringType.STRING);
        // group 1's best row has a null value, which is the answer; group 2 has no ordering at all.
        assertThat(run(maxBy, 4, GROUPS, NAMES, SCORES)).containsExactly("c", null, null, null);
    }

    @Test
    void minByTakesTheValueOfTheLeastOrdering() {
        AggregateFunction minBy = bind("min_by", columns(StringType.STRING, DoubleType.DOUBLE));
        assertThat(run(minBy, 3, GROUPS, NAMES, SCORES)).containsExactly("a", "b", null);
    }

    @Test
    void mergeComparesOrderingsAndKeepsEarlierSideOnTies() {
        AggregateFunction maxBy = bind("max_by", columns(BigintType.BIGINT, TimestampType.TIMESTAMP));
        GroupedAccumulator left = maxBy.createAccumulator();
        left.ensureCapacity(2);
        left.add(
                new int[] {0, 1},
                new Vector[] {vector(BigintType.BIGINT, 1L, 2L), vector(TimestampType.TIMESTAMP, 100L, 100L)},
                2);
        GroupedAccumulator right = maxBy.createAccumulator();
        right.ensureCapacity(2);
        right.add(
                new int[] {0, 1},
                new Vector[] {vector(BigintType.BIGINT, 3L, 4L), vector(TimestampType.TIMESTAMP, 100L, 200L)},
                2);
        left.merge(right, new int[] {0, 1}, 2);
        assertThat(values(left.result(2))).containsExactly(1L, 4L);
        assertThat(values(roundTrip(maxBy, left, 2).result(2))).containsExactly(1L, 4L);
    }
}
