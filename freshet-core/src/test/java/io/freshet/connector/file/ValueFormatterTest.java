package io.freshet.connector.file;

import io.freshet.data.Vector;
import io.freshet.data.Vectors;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueFormatterTest {
    private final ValueFormatter formatter = new ValueFormatter(ZoneId.of("Europe/Paris"));

    @Test
    void formatsScalarsAsText() {
        assertThat(formatter.text(true, BooleanType.BOOLEAN)).isEqualTo("true");
        assertThat(formatter.text(-7, IntType.INT)).isEqualTo("-7");
        assertThat(formatter.text(Long.MIN_VALUE, BigintType.BIGINT)).isEqualTo("-9223372036854775808");
        assertThat(formatter.text(0.1, DoubleType.DOUBLE)).isEqualTo("0.1");
        assertThat(formatter.text(1e10, DoubleType.DOUBLE)).isEqualTo("1.0E10");
        assertThat(formatter.text(Double.NaN, DoubleType.DOUBLE)).isEqualTo("NaN");
        assertThat(formatter.text(new BigDecimal("1E+3"), new DecimalType(5, 0)))
                .isEqualTo("1000");
        assertThat(formatter.text(0, DateType.DATE)).isEqualTo("1970-01-01");
        assertThat(formatter.text(1_500_000L, TimestampType.TIMESTAMP)).isEqualTo("1970-01-01 01:00:01.5");
        assertThat(formatter.text(-1L, TimestampType.TIMESTAMP)).isEqualTo("1970-01-01 00:59:59.999999");
        assertThat(formatter.text(null, StringType.STRING)).isNull();
    }

    @Test
    void formatsIntervalsAsSparkPrintsThem() {
        assertThat(formatter.text(93_784_500_000L, IntervalType.INTERVAL))
                .isEqualTo("INTERVAL '1 02:03:04.5' DAY TO SECOND");
        assertThat(formatter.text(-1L, IntervalType.INTERVAL)).isEqualTo("INTERVAL '-0 00:00:00.000001' DAY TO SECOND");
    }

    @Test
    void formatsNestedValuesAsJson() {
        StructType type = new StructType(List.of(
                Field.of("a", IntType.INT),
                Field.of("s", StringType.STRING),
                Field.of("xs", new ArrayType(DoubleType.DOUBLE))));
        StructValue value = new StructValue(new Object[] {1, null, Arrays.asList(1.5, null, Double.POSITIVE_INFINITY)});
        assertThat(formatter.text(value, type)).isEqualTo("{\"a\":1,\"xs\":[1.5,null,\"Infinity\"]}");
        ValueFormatter keepNulls = new ValueFormatter(ZoneOffset.UTC, Optional.empty(), Optional.empty(), false);
        assertThat(keepNulls.json(value, type)).isEqualTo("{\"a\":1,\"s\":null,\"xs\":[1.5,null,\"Infinity\"]}");
    }

    @Test
    void escapesJsonStrings() {
        assertThat(formatter.json("q\"\\\n\t\u0001é😀", StringType.STRING)).isEqualTo("\"q\\\"\\\\\\n\\t\\u0001é😀\"");
    }

    @Test
    void usesDatetimePatternsWhenGiven() {
        ValueFormatter patterned = new ValueFormatter(
                ZoneOffset.UTC, Optional.of("dd/MM/yyyy"), Optional.of("yyyy-MM-dd'T'HH:mm:ssXXX"), true);
        assertThat(patterned.text(19_000, DateType.DATE)).isEqualTo("08/01/2022");
        assertThat(patterned.text(0L, TimestampType.TIMESTAMP)).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void formatsVectorValuesWithoutBoxing() {
        Vector dates = Vectors.of(DateType.DATE, List.of(1));
        Vector timestamps = Vectors.of(TimestampType.TIMESTAMP, List.of(0L));
        StringBuilder out = new StringBuilder();
        formatter.appendText(out, dates, 0);
        out.append('|');
        formatter.appendText(out, timestamps, 0);
        out.append('|');
        formatter.appendJson(out, dates, 0);
        assertThat(out.toString()).isEqualTo("1970-01-02|1970-01-01 01:00:00|\"1970-01-02\"");
    }

    @Test
    void quotesCsvFieldsOnlyWhenNeeded() {
        CsvOptions options = CsvOptions.DEFAULT;
        assertThat(csv("plain", options)).isEqualTo("plain");
        assertThat(csv("", options)).isEqualTo("\"\"");
        assertThat(csv("a,b", options)).isEqualTo("\"a,b\"");
        assertThat(csv("say \"hi\"", options)).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(csv("two\nlines", options)).isEqualTo("\"two\nlines\"");
        assertThat(csv("back\\slash", options)).isEqualTo("back\\slash");
        assertThat(csv("end\\\",", options)).isEqualTo("\"end\\\\\"\",\"");
        assertThat(csv("a;b", CsvOptions.parse(Map.of("sep", ";")))).isEqualTo("\"a;b\"");
        assertThat(csv("#x", CsvOptions.parse(Map.of("comment", "#")))).isEqualTo("\"#x\"");
        assertThat(csv("x", CsvOptions.parse(Map.of("quoteAll", "true")))).isEqualTo("\"x\"");
    }

    private static String csv(String text, CsvOptions options) {
        StringBuilder out = new StringBuilder();
        ValueFormatter.appendCsvField(out, text, options);
        return out.toString();
    }
}
