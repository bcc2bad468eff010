package io.freshet.util;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object value = Json.parse(
                " {\"a\": [1, -2, 3.5e2, true, false, null], \"b\": {\"c\": \"x\\\"y\\u00e9\\n\"}, \"min\": -9223372036854775808} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", Arrays.asList(1L, -2L, new BigDecimal("3.5e2"), true, false, null));
        expected.put("b", Map.of("c", "x\"yé\n"));
        expected.put("min", Long.MIN_VALUE);
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void writesCompactTextThatParsesBack() {
        String text = new Json.Writer()
                .beginObject()
                .name("id")
                .value(Long.MIN_VALUE)
                .name("name")
                .value("tab\there \"quoted\" \u0001")
                .name("list")
                .longs(List.of(1L, 2L))
                .name("empty")
                .beginArray()
                .endArray()
                .name("raw")
                .rawValue("{\"logOffset\":3}")
                .name("none")
                .nullValue()
                .name("flag")
                .value(true)
                .endObject()
                .toString();

        assertThat(text)
                .isEqualTo("{\"id\":-9223372036854775808,\"name\":\"tab\\there \\\"quoted\\\" \\u0001\","
                        + "\"list\":[1,2],\"empty\":[],\"raw\":{\"logOffset\":3},\"none\":null,\"flag\":true}");
        Map<?, ?> parsed = (Map<?, ?>) Json.parse(text);
        assertThat(parsed.get("name")).isEqualTo("tab\there \"quoted\" \u0001");
        assertThat(parsed.get("raw")).isEqualTo(Map.of("logOffset", 3L));
    }

    @Test
    void readsTheExactTextOfAValue() {
        Json.Reader reader = new Json.Reader("[ {\"b\" : [1, 2]} , \"s\", null ]");
        reader.beginArray();
        assertThat(reader.nextRaw()).isEqualTo("{\"b\" : [1, 2]}");
        assertThat(reader.nextRaw()).isEqualTo("\"s\"");
        assertThat(reader.peek()).isEqualTo(Json.Token.NULL);
        reader.nextNull();
        assertThat(reader.hasNext()).isFalse();
        reader.endArray();
        reader.endDocument();
    }

    @Test
    void rejectsMalformedTextWithThePosition() {
        for (String bad : List.of(
                "",
                "{",
                "[1,]",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "[1 2]",
                "01",
                "1.",
                "\"open",
                "tru",
                "{a:1}",
                "[1] x",
                "\"\\x\"",
                "-",
                "{\"a\":1}}")) {
            assertThatThrownBy(() -> Json.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Invalid JSON at position");
        }
    }

    @Test
    void tellsCompactValuesApart() {
        assertThat(Json.isCompactValue("{\"a\":1}")).isTrue();
        assertThat(Json.isCompactValue("7")).isTrue();
        assertThat(Json.isCompactValue(" 7")).isFalse();
        assertThat(Json.isCompactValue("{\"a\":1}\n")).isFalse();
        assertThat(Json.isCompactValue("{")).isFalse();
        assertThat(Json.isCompactValue("")).isFalse();
    }

    @Test
    void refusesWritesOutOfOrder() {
        assertThatThrownBy(() -> new Json.Writer().beginObject().value(1L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json.Writer().beginArray().toString()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json.Writer().rawValue("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomStringsRoundTrip() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(20);
            for (int j = 0; j < length; j++) {
                text.append((char) random.nextInt(0x3000));
            }
            String written = new Json.Writer().value(text.toString()).toString();
            assertThat(Json.parse(written)).as("seed %s", seed).isEqualTo(text.toString());
        }
    }
}
