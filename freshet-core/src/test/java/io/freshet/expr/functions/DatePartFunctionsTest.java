package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.Temporal;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
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

class DatePartFunctionsTest {
    private static final DateType DATE = DateType.DATE;
    private static final TimestampType TIMESTAMP = TimestampType.TIMESTAMP;

    private static Expr part(String field, Expr source) {
        return call("date_part", lit(field, StringType.STRING), source);
    }

    private static int days(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    private static long micros(String instant) {
        return Temporal.toMicros(Instant.parse(instant));
    }

    @Test
    void extractsDateFieldsUnderSparksNamesAndAbbreviations() {
        int leapDay = days("2024-02-29"); // a Thursday in ISO week 9
        Object[][] cases = {
            {"YEAR", 2024}, {"yrs", 2024}, {"QUARTER", 1}, {"qtr", 1}, {"MONTH", 2}, {"mons", 2},
            {"WEEK", 9}, {"w", 9}, {"DAY", 29}, {"d", 29}, {"DAYOFWEEK", 5}, {"dow", 5},
            {"DAYOFWEEK_ISO", 4}, {"DOW_ISO", 4}, {"DOY", 60}, {"YEAROFWEEK", 2024}, {"HOUR", 0}
        };
        for (Object[] c : cases) {
            Expr expr = part((String) c[0], col(0, DATE));
            assertThat(expr.type()).as((String) c[0]).isEqualTo(IntType.INT);
            assertThat(evalValues(expr, vector(DATE, leapDay, null)))
                    .as((String) c[0])
                    .containsExactly(c[1], null);
        }
    }

    @Test
    void secondsOfATimestampAreADecimalWithTheFraction() {
        Expr second = part("SECOND", col(0, TIMESTAMP));
        assertThat(second.type()).isEqualTo(new DecimalType(8, 6));
        assertThat(evalValues(
                        second, vector(TIMESTAMP, micros("2024-02-29T12:30:45.500Z"), micros("1969-12-31T23:59:59Z"))))
                .containsExactly(new BigDecimal("45.500000"), new BigDecimal("59.000000"));
    }

    @Test
    void timeFieldsAreReadInTheSessionTimeZone() {
        EvalContext oslo = new EvalContext(ZoneId.of("Europe/Oslo"), 0L);
        long noonUtc = micros("2024-07-01T12:00:00Z");
        assertThat(eval(part("HOUR", col(0, TIMESTAMP)), oslo, vector(TIMESTAMP, noonUtc))
                        .get(0))
                .isEqualTo(14);
        assertThat(eval(part("MINUTE", col(0, TIMESTAMP)), oslo, vector(TIMESTAMP, noonUtc))
                        .get(0))
                .isEqualTo(0);
    }

    @Test
    void dateFieldsMatchJavaTimeOnRandomDates() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            int day = random.nextInt(200_000) - 100_000;
            LocalDate date = LocalDate.ofEpochDay(day);
            assertThat(evalValues(part("YEAROFWEEK", col(0, DATE)), vector(DATE, day))
                            .get(0))
                    .as("seed %s date %s", seed, date)
                    .isEqualTo(date.get(IsoFields.WEEK_BASED_YEAR));
            assertThat(evalValues(part("DOW_ISO", col(0, DATE)), vector(DATE, day))
                            .get(0))
                    .as("seed %s date %s", seed, date)
                    .isEqualTo(date.getDayOfWeek().getValue());
            assertThat(evalValues(part("DOY", col(0, DATE)), vector(DATE, day)).get(0))
                    .as("seed %s date %s", seed, date)
                    .isEqualTo(date.get(ChronoField.DAY_OF_YEAR));
        }
    }

    @Test
    void extractsDayTimeFieldsOfIntervals() {
        long interval = ((26L * 60 + 30) * 60 + 15) * 1_000_000L + 250_000L; // 1 day 2:30:15.25
        IntervalType type = IntervalType.INTERVAL;
        assertThat(evalValues(part("DAY", col(0, type)), vector(type, interval, -interval)))
                .containsExactly(1, -1);
        assertThat(evalValues(part("HOUR", col(0, type)), vector(type, interval)))
                .containsExactly(2);
        assertThat(evalValues(part("MINUTE", col(0, type)), vector(type, interval)))
                .containsExactly(30);
        assertThat(evalValues(part("SECOND", col(0, type)), vector(type, interval, -interval)))
                .containsExactly(new BigDecimal("15.250000"), new BigDecimal("-15.250000"));
        assertThatThrownBy(() -> part("MONTH", col(0, type))).isInstanceOf(AnalysisException.class);
    }

    @Test
    void refusesUnknownOrNonConstantFields() {
        assertThatThrownBy(() -> part("FORTNIGHT", col(0, DATE)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("Cannot extract FORTNIGHT")
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.WRONG_ARGUMENTS));
        assertThatThrownBy(() -> call("date_part", col(1, StringType.STRING), col(0, DATE)))
                .hasMessageContaining("constant");
        assertThatThrownBy(() -> part("YEAR", lit(true, io.freshet.types.BooleanType.BOOLEAN)))
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test
    void readsStringsAsDatesOrTimestamps() {
        assertThat(evalValues(part("MONTH", col(0, StringType.STRING)), vector(StringType.STRING, "2024-02-29")))
                .containsExactly(2);
        assertThat(evalValues(
                        part("HOUR", col(0, StringType.STRING)), vector(StringType.STRING, "2024-02-29 13:45:00")))
                .containsExactly(13);
    }
}
