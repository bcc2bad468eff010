package io.freshet.stream.exec;

import io.freshet.Freshet;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.expr.EvalContext;
import io.freshet.plan.logical.Join;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.optimizer.Rules;
import io.freshet.sql.SqlParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamJoinConditionsTest {
    private static final long MINUTE = 60_000_000L;

    /** The conditions of the join in {@code FROM l <watermark> JOIN r <watermark> ON <condition>}. */
    private static StreamJoinConditions conditions(String leftWatermark, String rightWatermark, String condition) {
        try (Freshet session = Freshet.create()) {
            session.registerTable(
                    "l", new MemoryTableSource("l", SqlParser.parseSchema("k BIGINT, lt TIMESTAMP, lu TIMESTAMP")));
            session.registerTable("r", new MemoryTableSource("r", SqlParser.parseSchema("k BIGINT, rt TIMESTAMP")));
            LogicalPlan plan = session.sql(
                            "SELECT * FROM l " + leftWatermark + " JOIN r " + rightWatermark + " ON " + condition)
                    .logicalPlan();
            return StreamJoinConditions.of(findJoin(Rules.optimize(plan, EvalContext.utcNow())));
        }
    }

    private static Join findJoin(LogicalPlan plan) {
        if (plan instanceof Join join) {
            return join;
        }
        return findJoin(plan.inputs().get(0));
    }

    private static final String LEFT_WATERMARK = "WATERMARK lt DELAY OF INTERVAL 1 MINUTE";
    private static final String RIGHT_WATERMARK = "WATERMARK rt DELAY OF INTERVAL 1 MINUTE";

    @Test
    void betweenBoundsBothSides() {
        StreamJoinConditions conditions = conditions(
                LEFT_WATERMARK,
                RIGHT_WATERMARK,
                "l.k = r.k AND l.lt BETWEEN r.rt - INTERVAL 5 MINUTES AND r.rt + INTERVAL 10 MINUTES");
        // lt >= rt - 5m: a left row cannot match once lt + 5m <= watermark; rt >= lt - 10m likewise
        assertThat(conditions.leftBounds())
                .containsExactly(new StreamJoinConditions.JoinStateBound(false, 1, false, -5 * MINUTE, "lt"));
        assertThat(conditions.rightBounds())
                .containsExactly(new StreamJoinConditions.JoinStateBound(false, 1, false, -10 * MINUTE, "rt"));
        assertThat(conditions.leftBounds().get(0)).hasToString("lt + 5m <= watermark");
    }

    @Test
    void aStrictComparisonEvictsOneMicrosecondLater() {
        StreamJoinConditions conditions =
                conditions(LEFT_WATERMARK, RIGHT_WATERMARK, "l.k = r.k AND r.rt + INTERVAL 1 MINUTE < l.lt");
        // lt > rt + 1m and rt > watermark: lt >= watermark + 1m + 2us, so lt <= watermark + 1m + 1us cannot match
        assertThat(conditions.leftBounds())
                .containsExactly(new StreamJoinConditions.JoinStateBound(false, 1, false, MINUTE + 1, "lt"));
        assertThat(conditions.rightBounds()).isEmpty();
    }

    @Test
    void aBoundNeedsAWatermarkOnTheOtherSide() {
        StreamJoinConditions conditions = conditions(LEFT_WATERMARK, "", "l.k = r.k AND l.lt >= r.rt");
        assertThat(conditions.leftBounds()).isEmpty();
        assertThat(conditions.rightBounds()).isEmpty();
        assertThat(conditions.leftEventTimes()).containsExactly(new EventTime(1, false, MINUTE));
        assertThat(conditions.rightEventTimes()).isEmpty();
    }

    @Test
    void anyTimeColumnOfTheStateSideCanBeBounded() {
        StreamJoinConditions conditions =
                conditions("", RIGHT_WATERMARK, "l.k = r.k AND l.lu - r.rt >= INTERVAL 0 MINUTES");
        assertThat(conditions.leftBounds())
                .containsExactly(new StreamJoinConditions.JoinStateBound(false, 2, false, 0, "lu"));
    }

    @Test
    void conditionsOnTwoColumnsOfOneSideOrOnNonTimesGiveNoBound() {
        StreamJoinConditions conditions = conditions(
                LEFT_WATERMARK,
                RIGHT_WATERMARK,
                "l.k = r.k AND l.lt >= l.lu AND l.k > r.k AND l.lt - r.rt > r.rt - l.lu");
        assertThat(conditions.leftBounds()).isEmpty();
        assertThat(conditions.rightBounds()).isEmpty();
    }

    @Test
    void anEventTimeAmongTheKeysBoundsTheOtherSidesKey() {
        StreamJoinConditions conditions =
                conditions(LEFT_WATERMARK, RIGHT_WATERMARK, "l.k = r.k AND l.lu = r.rt + INTERVAL 1 MINUTE");
        // key 1: lu = rt + 1m; rt is the right event time, so the left key bounds the left rows; the
        // equality read as two ranges gives lu >= rt + 1m (left) but no right bound (lu is no event time)
        assertThat(conditions.keys().leftKeys()).hasSize(2);
        assertThat(conditions.leftBounds())
                .contains(new StreamJoinConditions.JoinStateBound(false, 2, false, MINUTE, "lu"));
        assertThat(conditions.rightBounds()).isEmpty();

        StreamJoinConditions onEventTime = conditions(LEFT_WATERMARK, RIGHT_WATERMARK, "l.k = r.k AND l.lt = r.rt");
        assertThat(onEventTime.leftBounds()).contains(new StreamJoinConditions.JoinStateBound(true, 1, false, 0, "lt"));
        assertThat(onEventTime.rightBounds())
                .contains(new StreamJoinConditions.JoinStateBound(true, 1, false, 0, "rt"));
        assertThat(onEventTime.keys().residual()).isNull();
    }
}
