package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Batch;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.Temporal;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.RowFunctionTesting.bind;
import static io.freshet.expr.functions.RowFunctionTesting.col;
import static io.freshet.expr.functions.RowFunctionTesting.evaluate;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateColumn;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateOne;
import static io.freshet.expr.functions.RowFunctionTesting.lit;
import static io.freshet.expr.functions.RowFunctionTesting.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateTimeFunctionsTest {
    private static final DateType DATE = DateType.DATE;
    private static final TimestampType TIMESTAMP = TimestampType.TIMESTAMP;
    private static final StringType STRING = StringType.STRING;
    private static final IntType INT = IntType.INT;
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final EvalContext LA = new EvalContext(LOS_ANGELES, 0L);

    private static int days(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    private static Expr date(String date) {
        return lit(days(date), DATE);
    }

    /** Microseconds of an ISO instant like {@code 2024-03-10T10:30:00Z}. */
    private static long micros(String instant) {
        return Temporal.toMicros(Instant.parse(instant));
    }

    private static Expr ts(String instant) {
        return lit(micros(instant), TIMESTAMP);
    }

    private static Expr s(String value) {
        return lit(value, STRING);
    }

    private static Expr i(Integer value) {
        return lit(value, INT);
    }

    @Test
    void extractsFieldsOfDates() {
        List<Object> dates =
                values(days("2009-07-30"), null, days("2024-02-29"), days("1969-12-31"), days("0001-01-01"));
        assertThat(evaluateColumn("year", DATE, dates)).containsExactly(2009, null, 2024, 1969, 1);
        assertThat(evaluateColumn("month", DATE, dates)).containsExactly(7, null, 2, 12, 1);
        assertThat(evaluateColumn("day", DATE, dates)).containsExactly(30, null, 29, 31, 1);
        assertThat(evaluateColumn("dayofmonth", DATE, dates)).containsExactly(30, null, 29, 31, 1);
        assertThat(evaluateColumn("dayofweek", DATE, dates)).containsExactly(5, null, 5, 4, 2);
        assertThat(evaluateColumn("weekday", DATE, dates)).containsExactly(3, null, 3, 2, 0);
        assertThat(evaluateColumn("quarter", DATE, dates)).containsExactly(3, null, 1, 4, 1);
        assertThat(evaluateOne("dayofyear", date("2016-04-09"))).isEqualTo(100);
        assertThat(evaluateOne("dayofyear", date("2024-12-31"))).isEqualTo(366);
        assertThat(evaluateOne("weekofyear", date("2008-02-20"))).isEqualTo(8);
        assertThat(evaluateOne("weekofyear", date("2021-01-01"))).isEqualTo(53);
    }

    @Test
    void calendarArithmeticAgreesWithJavaTimeOnRandomDates() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Object> input = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            input.add(random.nextInt(2 * 3_000_000) - 3_000_000);
        }
        List<Object> years = evaluateColumn("year", DATE, input);
        List<Object> months = evaluateColumn("month", DATE, input);
        List<Object> daysOfMonth = evaluateColumn("day", DATE, input);
        List<Object> dayOfYear = evaluateColumn("dayofyear", DATE, input);
        List<Object> dayOfWeek = evaluateColumn("dayofweek", DATE, input);
        List<Object> lastDays = evaluateColumn("last_day", DATE, input);
        for (int k = 0; k < input.size(); k++) {
            LocalDate expected = LocalDate.ofEpochDay((Integer) input.get(k));
            String context = "seed " + seed + " date " + expected;
            assertThat(years.get(k)).as(context).isEqualTo(expected.getYear());
            assertThat(months.get(k)).as(context).isEqualTo(expected.getMonthValue());
            assertThat(daysOfMonth.get(k)).as(context).isEqualTo(expected.getDayOfMonth());
            assertThat(dayOfYear.get(k)).as(context).isEqualTo(expected.getDayOfYear());
            assertThat(dayOfWeek.get(k))
                    .as(context)
                    .isEqualTo(expected.getDayOfWeek().getValue() % 7 + 1);
            assertThat(lastDays.get(k)).as(context).isEqualTo((int)
                    expected.with(TemporalAdjusters.lastDayOfMonth()).toEpochDay());
        }
    }

    @Test
    void extractsFieldsOfTimestampsInTheSessionTimeZoneAcrossDst() {
        // DST began in Los Angeles at 2024-03-10 02:00 local (10:00 UTC).
        List<Object> input = values(
                micros("2024-03-10T09:59:59Z"), micros("2024-03-10T10:30:00Z"), null, micros("1970-01-01T00:00:00Z"));
        assertThat(RowFunctionTesting.evaluateColumn(LA, "hour", TIMESTAMP, input))
                .containsExactly(1, 3, null, 16);
        assertThat(RowFunctionTesting.evaluateColumn(LA, "minute", TIMESTAMP, input))
                .containsExactly(59, 30, null, 0);
        assertThat(RowFunctionTesting.evaluateColumn(LA, "second", TIMESTAMP, input))
                .containsExactly(59, 0, null, 0);
        assertThat(RowFunctionTesting.evaluateColumn(LA, "day", TIMESTAMP, input))
                .containsExactly(10, 10, null, 31);
        assertThat(RowFunctionTesting.evaluateColumn(LA, "year", TIMESTAMP, input))
                .containsExactly(2024, 2024, null, 1969);
        assertThat(evaluateColumn("hour", TIMESTAMP, input)).containsExactly(9, 10, null, 0);
        assertThat(evaluateColumn("second", TIMESTAMP, values(-1L))).containsExactly(59);
    }

    @Test
    void timestampFieldsAgreeWithJavaTimeOnRandomInstants() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Object> input = new ArrayList<>();
        for (int k = 0; k < 3000; k++) {
            // Mostly sorted runs, as real data, with jumps over decades and DST transitions.
            long base = k % 100 == 0 ? random.nextLong(-3_000_000_000L, 4_000_000_000L) : 0;
            input.add(base * 1_000_000L + random.nextLong(0, 400L * 86_400_000_000L));
        }
        for (ZoneId zone :
                List.of(LOS_ANGELES, ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"))) {
            EvalContext context = new EvalContext(zone, 0L);
            List<Object> hours = RowFunctionTesting.evaluateColumn(context, "hour", TIMESTAMP, input);
            List<Object> minutes = RowFunctionTesting.evaluateColumn(context, "minute", TIMESTAMP, input);
            List<Object> daysOfMonth = RowFunctionTesting.evaluateColumn(context, "day", TIMESTAMP, input);
            for (int k = 0; k < input.size(); k++) {
                ZonedDateTime expected = ZonedDateTime.ofInstant(Temporal.toInstant((Long) input.get(k)), zone);
                String message = "seed " + seed + " " + expected;
                assertThat(hours.get(k)).as(message).isEqualTo(expected.getHour());
                assertThat(minutes.get(k)).as(message).isEqualTo(expected.getMinute());
                assertThat(daysOfMonth.get(k)).as(message).isEqualTo(expected.getDayOfMonth());
            }
        }
    }

    @Test
    void dateTruncAgreesWithJavaTimeOnRandomInstants() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Object> input = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            input.add(random.nextLong(-2_000_000_000L, 2_500_000_000L) * 1_000_000L + random.nextInt(1_000_000));
        }
        for (ZoneId zone : List.of(LOS_ANGELES, ZoneId.of("Australia/Lord_Howe"), ZoneId.of("UTC"))) {
            EvalContext context = new EvalContext(zone, 0L);
            for (String unit : List.of("MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR")) {
                List<Object> actual = RowFunctionTesting.evaluate(
                        bind("date_trunc", s(unit), col(0, TIMESTAMP)),
                        Batch.of(io.freshet.data.Vectors.of(TIMESTAMP, input)),
                        context);
                for (int k = 0; k < input.size(); k++) {
                    ZonedDateTime time = ZonedDateTime.ofInstant(Temporal.toInstant((Long) input.get(k)), zone);
                    ZonedDateTime expected =
                            switch (unit) {
                                case "MINUTE" -> time.truncatedTo(ChronoUnit.MINUTES);
                                case "HOUR" -> time.truncatedTo(ChronoUnit.HOURS);
                                case "DAY" -> time.truncatedTo(ChronoUnit.DAYS);
                                case "WEEK" ->
                                    time.toLocalDate()
                                            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                            .atStartOfDay(zone);
                                case "MONTH" ->
                                    time.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
                                case "QUARTER" ->
                                    time.toLocalDate()
                                            .with(IsoFields.DAY_OF_QUARTER, 1)
                                            .atStartOfDay(zone);
                                default -> time.toLocalDate().withDayOfYear(1).atStartOfDay(zone);
                            };
                    assertThat(actual.get(k))
                            .as("seed %s unit %s zone %s time %s", seed, unit, zone, time)
                            .isEqualTo(Temporal.toMicros(expected.toInstant()));
                }
            }
        }
    }

    @Test
    void dateTruncFollowsSparkExamples() {
        Expr time = ts("2015-03-05T09:32:05.359Z");
        assertThat(evaluateOne("date_trunc", s("YEAR"), time)).isEqualTo(micros("2015-01-01T00:00:00Z"));
        assertThat(evaluateOne("date_trunc", s("MM"), time)).isEqualTo(micros("2015-03-01T00:00:00Z"));
        assertThat(evaluateOne("date_trunc", s("DD"), time)).isEqualTo(micros("2015-03-05T00:00:00Z"));
        assertThat(evaluateOne("date_trunc", s("HOUR"), time)).isEqualTo(micros("2015-03-05T09:00:00Z"));
        assertThat(evaluateOne("date_trunc", s("week"), time)).isEqualTo(micros("2015-03-02T00:00:00Z"));
        assertThat(evaluateOne("date_trunc", s("QUARTER"), time)).isEqualTo(micros("2015-01-01T00:00:00Z"));
        assertThat(evaluateOne("date_trunc", s("MILLISECOND"), ts("2015-03-05T09:32:05.123456Z")))
                .isEqualTo(micros("2015-03-05T09:32:05.123Z"));
        assertThat(evaluateOne("date_trunc", s("SECOND"), lit(-1L, TIMESTAMP))).isEqualTo(-1_000_000L);
        assertThat(evaluateOne("date_trunc", s("fortnight"), time)).isNull();
        assertThat(evaluateOne("date_trunc", s(null), time)).isNull();
        // DAY in Los Angeles on the day DST starts: local midnight was still PST (UTC-8).
        assertThat(evaluateOne(LA, "date_trunc", s("DAY"), ts("2024-03-10T12:00:00Z")))
                .isEqualTo(micros("2024-03-10T08:00:00Z"));
    }

    @Test
    void dateTruncWithAUnitFromDataParsesEachRow() {
        assertThat(RowFunctionTesting.evaluateRows(
                        "date_trunc",
                        List.of(STRING, TIMESTAMP),
                        new Object[] {"YEAR", micros("2015-03-05T09:32:05Z")},
                        new Object[] {"minute", micros("2015-03-05T09:32:05Z")},
                        new Object[] {"bogus", micros("2015-03-05T09:32:05Z")}))
                .containsExactly(micros("2015-01-01T00:00:00Z"), micros("2015-03-05T09:32:00Z"), null);
    }

    @Test
    void truncTruncatesDatesToWeekOrCoarser() {
        assertThat(evaluateOne("trunc", date("2019-08-04"), s("week"))).isEqualTo(days("2019-07-29"));
        assertThat(evaluateOne("trunc", date("2019-08-04"), s("quarter"))).isEqualTo(days("2019-07-01"));
        assertThat(evaluateOne("trunc", date("2009-02-12"), s("MM"))).isEqualTo(days("2009-02-01"));
        assertThat(evaluateOne("trunc", date("2015-10-27"), s("YEAR"))).isEqualTo(days("2015-01-01"));
        assertThat(evaluateOne("trunc", date("2015-10-27"), s("DD"))).isNull();
    }

    @Test
    void dateArithmetic() {
        assertThat(evaluateOne("date_add", date("2016-07-30"), i(1))).isEqualTo(days("2016-07-31"));
        assertThat(evaluateOne("date_add", date("2024-02-28"), i(1))).isEqualTo(days("2024-02-29"));
        assertThat(evaluateOne("date_sub", date("2016-07-30"), i(1))).isEqualTo(days("2016-07-29"));
        assertThat(evaluateOne("date_sub", date("1970-01-01"), i(1))).isEqualTo(-1);
        assertThat(evaluateOne("date_add", date("2016-07-30"), i(null))).isNull();
        assertThatThrownBy(() -> evaluateOne("date_add", lit(Integer.MAX_VALUE, DATE), i(1)))
                .isInstanceOf(FreshetException.class)
                .extracting(e -> ((FreshetException) e).errorCode())
                .isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(evaluateOne("datediff", date("2009-07-31"), date("2009-07-30")))
                .isEqualTo(1);
        assertThat(evaluateOne("datediff", date("2009-07-30"), date("2009-07-31")))
                .isEqualTo(-1);
        assertThat(evaluateOne("add_months", date("2016-08-31"), i(1))).isEqualTo(days("2016-09-30"));
        assertThat(evaluateOne("add_months", date("2024-01-31"), i(1))).isEqualTo(days("2024-02-29"));
        assertThat(evaluateOne("add_months", date("2024-03-31"), i(-13))).isEqualTo(days("2023-02-28"));
        assertThat(evaluateOne("last_day", date("2009-01-12"))).isEqualTo(days("2009-01-31"));
        assertThat(evaluateOne("last_day", date("2100-02-01"))).isEqualTo(days("2100-02-28"));
        assertThat(evaluateOne("next_day", date("2015-01-14"), s("TU"))).isEqualTo(days("2015-01-20"));
        assertThat(evaluateOne("next_day", date("2015-01-13"), s("tuesday"))).isEqualTo(days("2015-01-20"));
        assertThat(evaluateOne("next_day", date("2015-01-13"), s("Wed"))).isEqualTo(days("2015-01-14"));
        assertThatThrownBy(() -> evaluateOne("next_day", date("2015-01-13"), s("xx")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("'xx'");
    }

    @Test
    void monthsBetweenFollowsSpark() {
        assertThat(evaluateOne("months_between", ts("1997-02-28T10:30:00Z"), ts("1996-10-30T00:00:00Z")))
                .isEqualTo(3.94959677);
        assertThat(evaluateOne(
                        "months_between",
                        ts("1997-02-28T10:30:00Z"),
                        ts("1996-10-30T00:00:00Z"),
                        lit(false, BooleanType.BOOLEAN)))
                .isEqualTo(3.9495967741935485);
        assertThat(evaluateOne("months_between", date("2024-02-29"), date("2024-01-31")))
                .isEqualTo(1.0);
        assertThat(evaluateOne("months_between", date("2024-03-15"), date("2024-01-15")))
                .isEqualTo(2.0);
        assertThat(evaluateOne("months_between", date("2024-01-15"), date("2024-03-15")))
                .isEqualTo(-2.0);
    }

    @Test
    void parsesWithSparkPatterns() {
        assertThat(evaluateOne("to_timestamp", s("2016-12-31 00:12:00"), s("yyyy-MM-dd HH:mm:ss")))
                .isEqualTo(micros("2016-12-31T00:12:00Z"));
        assertThat(evaluateOne(LA, "to_timestamp", s("2016-12-31 00:12:00"), s("yyyy-MM-dd HH:mm:ss")))
                .isEqualTo(micros("2016-12-31T08:12:00Z"));
        assertThat(evaluateOne("to_timestamp", s("2020-01-01 10:00:00.5"), s("yyyy-MM-dd HH:mm:ss.SSSSSS")))
                .isEqualTo(micros("2020-01-01T10:00:00.5Z"));
        assertThat(evaluateOne("to_timestamp", s("2020-01-01 10:00 +02:00"), s("yyyy-MM-dd HH:mm XXX")))
                .isEqualTo(micros("2020-01-01T08:00:00Z"));
        assertThat(evaluateOne("to_timestamp", s("31/12/2016 pm 1"), s("dd/MM/yyyy a h")))
                .isEqualTo(micros("2016-12-31T13:00:00Z"));
        assertThat(evaluateOne("to_timestamp", s("2016"), s("yyyy"))).isEqualTo(micros("2016-01-01T00:00:00Z"));
        assertThat(evaluateOne("to_date", s("2016-12-31"), s("yyyy-MM-dd"))).isEqualTo(days("2016-12-31"));
        assertThat(evaluateOne("to_date", s("12/31/2016"), s("MM/dd/yyyy"))).isEqualTo(days("2016-12-31"));
        assertThat(evaluateOne("to_date", s(null), s("yyyy-MM-dd"))).isNull();
    }

    @Test
    void parseFailuresAreErrorsThatSuggestTryToTimestamp() {
        assertThatThrownBy(() -> evaluateOne("to_timestamp", s("2016-13-01"), s("yyyy-MM-dd")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("'2016-13-01'")
                .hasMessageContaining("'yyyy-MM-dd'")
                .hasMessageContaining("try_to_timestamp");
        assertThatThrownBy(() -> evaluateOne("to_date", s("2015-02-29"), s("yyyy-MM-dd")))
                .isInstanceOf(FreshetException.class);
        assertThat(evaluateOne("try_to_timestamp", s("garbage"), s("yyyy-MM-dd")))
                .isNull();
        assertThat(evaluateOne("try_to_timestamp", s("2016-12-31"), s("yyyy-MM-dd")))
                .isEqualTo(micros("2016-12-31T00:00:00Z"));
        assertThatThrownBy(() -> bind("to_timestamp", col(0, STRING), s("yyyy-ww")))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("week-based");
    }

    @Test
    void parsesWithoutAPatternThroughCasts() {
        assertThat(evaluateOne("to_timestamp", s("2016-12-31 00:12:00"))).isEqualTo(micros("2016-12-31T00:12:00Z"));
        assertThat(evaluateOne("to_date", s("2016-12-31"))).isEqualTo(days("2016-12-31"));
        assertThat(evaluateOne("try_to_timestamp", s("nope"))).isNull();
    }

    @Test
    void formatsWithSparkPatterns() {
        assertThat(evaluateOne("date_format", date("2016-04-08"), s("y"))).isEqualTo("2016");
        assertThat(evaluateOne("date_format", ts("2016-04-08T13:05:09.120Z"), s("yyyy-MM-dd HH:mm:ss.SSS EEE")))
                .isEqualTo("2016-04-08 13:05:09.120 Fri");
        assertThat(evaluateOne(LA, "date_format", ts("2016-04-08T13:05:09Z"), s("yyyy-MM-dd HH:mm z")))
                .isEqualTo("2016-04-08 06:05 PDT");
        assertThat(evaluateOne("date_format", date("2016-04-08"), s("MMMM d, yy")))
                .isEqualTo("April 8, 16");
        assertThat(evaluateOne("from_unixtime", lit(0L, BigintType.BIGINT), s("yyyy-MM-dd HH:mm:ss")))
                .isEqualTo("1970-01-01 00:00:00");
        assertThat(evaluateOne(LA, "from_unixtime", lit(0L, BigintType.BIGINT))).isEqualTo("1969-12-31 16:00:00");
        assertThat(RowFunctionTesting.evaluateRows(
                        "date_format",
                        List.of(TIMESTAMP, STRING),
                        new Object[] {micros("2020-05-01T00:00:00Z"), "yyyy"},
                        new Object[] {micros("2020-05-01T00:00:00Z"), "MM/dd"}))
                .containsExactly("2020", "05/01");
    }

    @Test
    void unixTimestampsInBothDirections() {
        assertThat(evaluateOne("unix_timestamp", s("2016-04-08"), s("yyyy-MM-dd")))
                .isEqualTo(1460073600L);
        assertThat(evaluateOne("to_unix_timestamp", s("2016-04-08 00:00:01"))).isEqualTo(1460073601L);
        assertThat(evaluateOne("unix_timestamp", date("1970-01-02"))).isEqualTo(86_400L);
        assertThat(evaluateOne("unix_timestamp", ts("1969-12-31T23:59:59.5Z"))).isEqualTo(-1L);
        EvalContext context = new EvalContext(ZoneId.of("UTC"), 1_700_000_000_123_456L);
        assertThat(evaluateOne(context, "unix_timestamp")).isEqualTo(1_700_000_000L);
        assertThatThrownBy(() -> evaluateOne("unix_timestamp", s("x"), s("yyyy")))
                .isInstanceOf(FreshetException.class);
        assertThat(evaluateOne("unix_seconds", ts("1970-01-01T00:00:01Z"))).isEqualTo(1L);
        assertThat(evaluateOne("unix_seconds", lit(-1L, TIMESTAMP))).isEqualTo(-1L);
        assertThat(evaluateOne("unix_millis", lit(1_999L, TIMESTAMP))).isEqualTo(1L);
        assertThat(evaluateOne("unix_micros", lit(1_999L, TIMESTAMP))).isEqualTo(1_999L);
        assertThat(evaluateOne("timestamp_seconds", lit(1230219000L, BigintType.BIGINT)))
                .isEqualTo(micros("2008-12-25T15:30:00Z"));
        assertThat(evaluateOne("timestamp_seconds", lit(1230219000.123, DoubleType.DOUBLE)))
                .isEqualTo(micros("2008-12-25T15:30:00.123Z"));
        assertThat(evaluateOne("timestamp_seconds", lit(new BigDecimal("1.000001"), new DecimalType(7, 6))))
                .isEqualTo(1_000_001L);
        assertThat(evaluateOne("timestamp_millis", lit(1230219000123L, BigintType.BIGINT)))
                .isEqualTo(micros("2008-12-25T15:30:00.123Z"));
        assertThat(evaluateOne("timestamp_micros", lit(1230219000123123L, BigintType.BIGINT)))
                .isEqualTo(1230219000123123L);
        assertThatThrownBy(() -> evaluateOne("timestamp_seconds", lit(Long.MAX_VALUE, BigintType.BIGINT)))
                .isInstanceOf(FreshetException.class)
                .extracting(e -> ((FreshetException) e).errorCode())
                .isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(evaluateOne("date_from_unix_date", i(1))).isEqualTo(1);
        assertThat(bind("date_from_unix_date", i(1)).type()).isEqualTo(DATE);
        assertThat(evaluateOne("unix_date", date("1970-01-02"))).isEqualTo(1);
    }

    @Test
    void makesDatesAndTimestamps() {
        assertThat(evaluateOne("make_date", i(2013), i(7), i(15))).isEqualTo(days("2013-07-15"));
        assertThat(evaluateOne("make_date", i(2024), i(2), i(29))).isEqualTo(days("2024-02-29"));
        assertThat(evaluateOne("make_date", i(2019), i(7), i(null))).isNull();
        assertThatThrownBy(() -> evaluateOne("make_date", i(2019), i(13), i(1)))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("make_date");
        assertThatThrownBy(() -> evaluateOne("make_date", i(2023), i(2), i(29))).isInstanceOf(FreshetException.class);
        Expr seconds = lit(new BigDecimal("45.887000"), new DecimalType(16, 6));
        assertThat(evaluateOne("make_timestamp", i(2014), i(12), i(28), i(6), i(30), seconds))
                .isEqualTo(micros("2014-12-28T06:30:45.887Z"));
        assertThat(evaluateOne("make_timestamp", i(2014), i(12), i(28), i(6), i(30), seconds, s("CET")))
                .isEqualTo(micros("2014-12-28T05:30:45.887Z"));
        assertThat(evaluateOne("make_timestamp", i(2019), i(6), i(30), i(23), i(59), lit(60, INT)))
                .isEqualTo(micros("2019-07-01T00:00:00Z"));
        assertThatThrownBy(() -> evaluateOne("make_timestamp", i(2019), i(6), i(30), i(25), i(0), lit(0, INT)))
                .isInstanceOf(FreshetException.class);
    }

    @Test
    void currentTimeComesFromTheContext() {
        long now = micros("2024-03-10T07:00:00Z");
        EvalContext context = new EvalContext(LOS_ANGELES, now);
        assertThat(evaluateOne(context, "current_timestamp")).isEqualTo(now);
        assertThat(evaluateOne(context, "now")).isEqualTo(now);
        assertThat(evaluateOne(context, "current_date")).isEqualTo(days("2024-03-09"));
        assertThat(evaluateOne(new EvalContext(ZoneId.of("UTC"), now), "current_date"))
                .isEqualTo(days("2024-03-10"));
        assertThat(evaluateOne(context, "current_timezone")).isEqualTo("America/Los_Angeles");
        assertThat(evaluate(bind("current_date"), Batch.empty(3), context)).hasSize(3);
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> bind("date_add", date("2020-01-01")))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("date_add expects 2 arguments (start_date, num_days), got 1");
        assertThatThrownBy(() -> bind("year", lit(1.5, DoubleType.DOUBLE)))
                .isInstanceOf(AnalysisException.class)
                .extracting(e -> ((AnalysisException) e).errorCode())
                .isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThatThrownBy(() -> bind("current_date", i(1))).isInstanceOf(AnalysisException.class);
    }

    @Test
    void localClockResolvesGapsAndOverlapsLikeJavaTime() {
        DateCalendar.LocalClock clock = new DateCalendar.LocalClock(LOS_ANGELES);
        // 2024-03-10 02:30 local does not exist: it moves forward to 03:30 PDT.
        long gap = LocalDateTime.parse("2024-03-10T02:30:00").toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L;
        assertThat(clock.toUtc(gap)).isEqualTo(micros("2024-03-10T10:30:00Z"));
        // 2024-11-03 01:30 local happens twice: the earlier offset (PDT) wins.
        long overlap = LocalDateTime.parse("2024-11-03T01:30:00").toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L;
        assertThat(clock.toUtc(overlap)).isEqualTo(micros("2024-11-03T08:30:00Z"));
    }
}
