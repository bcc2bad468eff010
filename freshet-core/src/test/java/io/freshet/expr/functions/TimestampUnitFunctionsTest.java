package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.Temporal;
import io.freshet.expr.functions.TimestampUnitFunctions.Unit;
import io.freshet.types.BigintType;
import io.freshet.types.DateType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.ExprTesting.call;
import static io.freshet.expr.functions.ExprTesting.col;
import static io.freshet.expr.functions.ExprTesting.eval;
import static io.freshet.expr.functions.ExprTesting.evalValues;
import static io.freshet.expr.functions.ExprTesting.lit;
import static io.freshet.expr.functions.ExprTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampUnitFunctionsTest {
    private static final TimestampType TIMESTAMP = TimestampType.TIMESTAMP;
    private static final StringType STRING = StringType.STRING;

    private static long micros(String localUtc) {
        return Temporal.toMicros(LocalDateTime.parse(localUtc).toInstant(ZoneOffset.UTC));
    }

    private static Expr unit(String name) {
        return lit(name, STRING);
    }

    private static Object diff(String unit, String start, String end) {
        return evalValues(
                        call("timestampdiff", unit(unit), col(0, TIMESTAMP), col(1, TIMESTAMP)),
                        vector(TIMESTAMP, micros(start)),
                        vector(TIMESTAMP, micros(end)))
                .get(0);
    }

    private static Object add(String unit, long quantity, String start) {
        return evalValues(
                        call("timestampadd", unit(unit), lit(quantity, BigintType.BIGINT), col(0, TIMESTAMP)),
                        vector(TIMESTAMP, micros(start)))
                .get(0);
    }

    @Test
    void timestampdiffCountsWholeUnitsTowardZero() {
        assertThat(diff("DAY", "2024-02-28T00:00", "2024-03-01T00:00")).isEqualTo(2L);
        assertThat(diff("MONTH", "2024-01-31T00:00", "2024-02-29T00:00")).isEqualTo(0L);
        assertThat(diff("HOUR", "2024-03-01T00:00", "2024-02-29T22:30")).isEqualTo(-1L);
        assertThat(diff("YEAR", "2020-02-29T00:00", "2024-02-28T00:00")).isEqualTo(3L);
        assertThat(diff("QUARTER", "2024-01-15T00:00", "2024-10-15T00:00")).isEqualTo(3L);
        assertThat(diff("WEEK", "2024-01-01T00:00", "2024-01-14T23:59")).isEqualTo(1L);
        assertThat(diff("MILLISECOND", "2024-01-01T00:00", "2024-01-01T00:00:01.0015"))
                .isEqualTo(1001L);
        assertThat(call("timestampdiff", unit("DAY"), col(0, TIMESTAMP), col(1, TIMESTAMP))
                        .type())
                .isEqualTo(BigintType.BIGINT);
    }

    @Test
    void timestampaddMovesTheLocalCalendarAndClampsToMonthEnds() {
        assertThat(add("MONTH", 1, "2024-01-31T10:00")).isEqualTo(micros("2024-02-29T10:00"));
        assertThat(add("DAY", -1, "2024-03-01T00:00")).isEqualTo(micros("2024-02-29T00:00"));
        assertThat(add("QUARTER", 1, "2024-11-30T00:00")).isEqualTo(micros("2025-02-28T00:00"));
        assertThat(add("YEAR", 1, "2024-02-29T00:00")).isEqualTo(micros("2025-02-28T00:00"));
        assertThat(add("WEEK", 2, "2024-02-20T00:00")).isEqualTo(micros("2024-03-05T00:00"));
        assertThat(add("HOUR", 36, "2024-02-28T12:00")).isEqualTo(micros("2024-03-01T00:00"));
        assertThat(add("MICROSECOND", -1, "2024-01-01T00:00")).isEqualTo(micros("2023-12-31T23:59:59.999999"));
    }

    @Test
    void timestampaddOfADayKeepsTheLocalTimeAcrossADaylightSavingChange() {
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        EvalContext context = new EvalContext(oslo, 0L);
        long before = Temporal.toMicros(
                LocalDateTime.parse("2024-03-30T12:00").atZone(oslo).toInstant());
        long after = Temporal.toMicros(
                LocalDateTime.parse("2024-03-31T12:00").atZone(oslo).toInstant());
        Expr addDay = call("timestampadd", unit("DAY"), lit(1L, BigintType.BIGINT), col(0, TIMESTAMP));
        assertThat(eval(addDay, context, vector(TIMESTAMP, before)).get(0)).isEqualTo(after);
        Expr days = call("timestampdiff", unit("DAY"), col(0, TIMESTAMP), col(1, TIMESTAMP));
        assertThat(eval(days, context, vector(TIMESTAMP, before), vector(TIMESTAMP, after))
                        .get(0))
                .isEqualTo(1L);
        Expr hours = call("timestampdiff", unit("HOUR"), col(0, TIMESTAMP), col(1, TIMESTAMP));
        assertThat(eval(hours, context, vector(TIMESTAMP, before), vector(TIMESTAMP, after))
                        .get(0))
                .isEqualTo(24L);
    }

    @Test
    void addingThenDiffingGivesTheQuantityBackOnRandomInput() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of("UTC");
        for (int i = 0; i < 500; i++) {
            long start = random.nextLong(-2_000_000_000_000_000L, 2_000_000_000_000_000L);
            long quantity = random.nextInt(2000) - 1000;
            Unit unit = random.nextBoolean() ? Unit.DAY : random.nextBoolean() ? Unit.HOUR : Unit.SECOND;
            long end = TimestampUnitFunctions.add(unit, quantity, start, zone);
            assertThat(TimestampUnitFunctions.diff(unit, start, end, zone))
                    .as("seed %s start %s quantity %s %s", seed, start, quantity, unit)
                    .isEqualTo(quantity);
        }
    }

    @Test
    void threeArgumentDateaddAndDatediffAreTimestampaddAndTimestampdiff() {
        Expr added = call("dateadd", unit("HOUR"), lit(2, IntType.INT), col(0, TIMESTAMP));
        assertThat(added.type()).isEqualTo(TIMESTAMP);
        assertThat(evalValues(added, vector(TIMESTAMP, micros("2024-01-01T23:00"))))
                .containsExactly(micros("2024-01-02T01:00"));
        Expr diffed = call("datediff", unit("MINUTE"), col(0, TIMESTAMP), col(1, TIMESTAMP));
        assertThat(evalValues(
                        diffed,
                        vector(TIMESTAMP, micros("2024-01-01T00:00")),
                        vector(TIMESTAMP, micros("2024-01-01T01:30"))))
                .containsExactly(90L);
        // The two-argument forms keep their meaning.
        assertThat(call("datediff", col(0, DateType.DATE), col(1, DateType.DATE))
                        .type())
                .isEqualTo(IntType.INT);
        assertThat(call("date_add", col(0, DateType.DATE), lit(1, IntType.INT)).type())
                .isEqualTo(DateType.DATE);
    }

    @Test
    void refusesUnknownUnitsAndPropagatesNulls() {
        assertThatThrownBy(() -> call("timestampadd", unit("FORTNIGHT"), lit(1, IntType.INT), col(0, TIMESTAMP)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("FORTNIGHT");
        assertThatThrownBy(() -> call("timestampdiff", col(1, STRING), col(0, TIMESTAMP), col(0, TIMESTAMP)))
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.WRONG_ARGUMENTS));
        Expr added = call("timestampadd", unit("DAY"), col(1, BigintType.BIGINT), col(0, TIMESTAMP));
        assertThat(evalValues(added, vector(TIMESTAMP, null, 0L), vector(BigintType.BIGINT, 1L, null)))
                .containsExactly(null, null);
    }

    @Test
    void timestampaddOverflowIsAnError() {
        Expr added = call("timestampadd", unit("YEAR"), col(1, BigintType.BIGINT), col(0, TIMESTAMP));
        assertThatThrownBy(() -> evalValues(added, vector(TIMESTAMP, 0L), vector(BigintType.BIGINT, 1_000_000_000L)))
                .satisfies(
                        e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
    }

    @Test
    void fromAndToUtcShiftByTheZonesOffsetAtThatTime() {
        Expr from = call("from_utc_timestamp", col(0, TIMESTAMP), lit("Europe/Oslo", STRING));
        assertThat(evalValues(from, vector(TIMESTAMP, micros("2024-07-01T12:00"), micros("2024-01-01T12:00"), null)))
                .containsExactly(micros("2024-07-01T14:00"), micros("2024-01-01T13:00"), null);
        Expr to = call("to_utc_timestamp", col(0, TIMESTAMP), col(1, STRING));
        assertThat(evalValues(
                        to,
                        vector(
                                TIMESTAMP,
                                micros("2024-07-01T14:00"),
                                micros("2024-03-01T00:00"),
                                micros("2024-03-01T00:00")),
                        vector(STRING, "Europe/Oslo", "America/New_York", "+1:00")))
                .containsExactly(micros("2024-07-01T12:00"), micros("2024-03-01T05:00"), micros("2024-02-29T23:00"));
        assertThat(evalValues(call("from_utc_timestamp", col(0, TIMESTAMP), lit("PST", STRING)), vector(TIMESTAMP, 0L)))
                .containsExactly(micros("1969-12-31T16:00"));
    }

    @Test
    void fromUtcThenToUtcRoundTripsAwayFromTransitions() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        for (int i = 0; i < 300; i++) {
            // Noon UTC is far from the 2 a.m. local transitions of this zone.
            long day = LocalDate.of(1990, 1, 1).toEpochDay() + random.nextInt(20_000);
            long micros = day * Temporal.MICROS_PER_DAY + 12 * 3_600_000_000L;
            long shifted = TimestampUnitFunctions.fromUtc(micros, zone);
            assertThat(TimestampUnitFunctions.toUtc(shifted, zone))
                    .as("seed %s day %s", seed, day)
                    .isEqualTo(micros);
            long offset = zone.getRules().getOffset(Temporal.toInstant(micros)).getTotalSeconds() * 1_000_000L;
            assertThat(shifted).as("seed %s day %s", seed, day).isEqualTo(micros + offset);
        }
    }

    @Test
    void refusesMalformedZones() {
        assertThatThrownBy(() -> call("from_utc_timestamp", col(0, TIMESTAMP), lit("Mars/Olympus", STRING)))
                .hasMessageContaining("not a time zone");
        Expr dynamic = call("to_utc_timestamp", col(0, TIMESTAMP), col(1, STRING));
        assertThatThrownBy(() -> evalValues(dynamic, vector(TIMESTAMP, 0L), vector(STRING, "nowhere")))
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
