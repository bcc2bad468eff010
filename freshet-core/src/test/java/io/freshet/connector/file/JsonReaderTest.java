package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.connector.file.CsvReaderTest.days;
import static io.freshet.connector.file.CsvReaderTest.micros;
import static io.freshet.connector.file.FileTestSupport.row;
import static io.freshet.connector.file.FileTestSupport.rows;
import static io.freshet.connector.file.FileTestSupport.write;
import static io.freshet.connector.file.FileTestSupport.writeGzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {
    private static final Schema PEOPLE = Schema.of(
            Field.of("id", BigintType.BIGINT),
            Field.of("name", StringType.STRING),
            Field.of("score", DoubleType.DOUBLE));
    private static final Schema WITH_CORRUPT = PEOPLE.concat(Schema.of(Field.of("_corrupt_record", StringType.STRING)));

    @TempDir
    Path temp;

    private List<List<Object>> read(Path file, Schema schema, Map<String, String> options) {
        JsonReader reader = new JsonReader(schema, JsonOptions.parse(options), ZoneOffset.UTC);
        return rows(reader.readAll(List.of(FileSplit.wholeFile(file))));
    }

    @Test
    void readsFieldsByNameIgnoringUnknownAndMissingFields() {
        Path file = write(
                temp.resolve("a.json"),
                "{\"id\": 1, \"name\": \"ann\", \"score\": 2.5}\n"
                        + "{\"score\": 3, \"extra\": {\"deep\": [1, 2]}, \"id\": 2}\n"
                        + "\n"
                        + "{\"id\": null, \"name\": \"dup\", \"name\": \"last\"}\n");
        assertThat(read(file, PEOPLE, Map.of()))
                .containsExactly(row(1L, "ann", 2.5), row(2L, null, 3.0), row(null, "last", null));
    }

    @Test
    void decodesStringEscapesAndUnicode() {
        Path file = write(
                temp.resolve("a.json"),
                "{\"name\": \"q\\\"b\\\\s\\/n\\n\\t\\u00e9\\ud83d\\ude00\"}\n{\"name\": 'single'}\n{\"name\": \"中文 raw\"}\n");
        assertThat(read(file, PEOPLE, Map.of()))
                .extracting(r -> r.get(1))
                .containsExactly("q\"b\\s/n\n\té😀", "single", "中文 raw");
    }

    @Test
    void readsNestedStructsAndArrays() {
        StructType point =
                new StructType(List.of(Field.of("x", IntType.INT), Field.of("tags", new ArrayType(StringType.STRING))));
        Schema schema =
                Schema.of(Field.of("p", point), Field.of("matrix", new ArrayType(new ArrayType(BigintType.BIGINT))));
        Path file = write(
                temp.resolve("a.json"),
                "{\"p\": {\"tags\": [\"a\", null], \"x\": 7, \"other\": true}, \"matrix\": [[1, 2], [], null]}\n"
                        + "{\"p\": {}, \"matrix\": []}\n");
        assertThat(read(file, schema, Map.of()))
                .containsExactly(
                        row(
                                new StructValue(new Object[] {7, java.util.Arrays.asList("a", null)}),
                                List.of(List.of(1L, 2L), List.of(), java.util.Arrays.asList((Object) null))
                                                .subList(0, 2)
                                                .isEmpty()
                                        ? null
                                        : java.util.Arrays.asList(List.of(1L, 2L), List.of(), null)),
                        row(new StructValue(new Object[] {null, null}), List.of()));
    }

    @Test
    void convertsValuesToTheColumnTypes() {
        Schema schema = Schema.of(
                Field.of("i", IntType.INT),
                Field.of("b", BooleanType.BOOLEAN),
                Field.of("d", new DecimalType(6, 2)),
                Field.of("day", DateType.DATE),
                Field.of("ts", TimestampType.TIMESTAMP),
                Field.of("raw", StringType.STRING),
                Field.of("x", DoubleType.DOUBLE));
        Path file = write(
                temp.resolve("a.json"),
                "{\"i\": -5, \"b\": true, \"d\": 12.345, \"day\": \"2024-02-29\", \"ts\": \"2024-02-29T23:59:59.5Z\", \"raw\": {\"a\": [1, 2]}, \"x\": NaN}\n"
                        + "{\"ts\": 86400, \"raw\": 12.50, \"x\": \"-Infinity\", \"d\": \"1\"}\n");
        assertThat(read(file, schema, Map.of()))
                .containsExactly(
                        row(
                                -5,
                                true,
                                new BigDecimal("12.35"),
                                days("2024-02-29"),
                                micros("2024-02-29T23:59:59.5Z"),
                                "{\"a\": [1, 2]}",
                                Double.NaN),
                        row(
                                null,
                                null,
                                new BigDecimal("1.00"),
                                null,
                                86_400_000_000L,
                                "12.50",
                                Double.NEGATIVE_INFINITY));
    }

    @Test
    void permissiveModeTurnsBrokenLinesIntoNullRowsWithTheirText() {
        Path file = write(
                temp.resolve("a.json"),
                "{\"id\": 1, \"name\": \"a\"}\n{\"id\": 2, \"name\": \n[1, 2]\n{\"id\": 3} trailing\n{\"id\": \"four\", \"name\": \"d\"}\n");
        assertThat(read(file, WITH_CORRUPT, Map.of()))
                .containsExactly(
                        row(1L, "a", null, null),
                        row(null, null, null, "{\"id\": 2, \"name\": "),
                        row(null, null, null, "[1, 2]"),
                        row(null, null, null, "{\"id\": 3} trailing"),
                        row(null, "d", null, "{\"id\": \"four\", \"name\": \"d\"}"));
    }

    @Test
    void permissiveModeWithoutTheCorruptColumnKeepsNullRows() {
        Path file = write(temp.resolve("a.json"), "{\"id\": 1}\nnot json\n");
        assertThat(read(file, PEOPLE, Map.of())).containsExactly(row(1L, null, null), row(null, null, null));
    }

    @Test
    void dropMalformedModeDropsBrokenLinesAndTypeMismatches() {
        Path file = write(
                temp.resolve("a.json"),
                "{\"id\": 1}\n{\"id\": 2,}\n{\"id\": 1.5}\n{\"id\": 9223372036854775808}\n{\"id\": 4}\n");
        assertThat(read(file, WITH_CORRUPT, Map.of("mode", "DROPMALFORMED")))
                .containsExactly(row(1L, null, null, null), row(4L, null, null, null));
    }

    @Test
    void failFastModeNamesTheFileAndLine() {
        Path file = write(temp.resolve("data.json"), "{\"id\": 1}\n\n{\"id\": tru}\n");
        assertThatThrownBy(() -> read(file, PEOPLE, Map.of("mode", "FAILFAST")))
                .isInstanceOf(FreshetException.class)
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.MALFORMED_RECORD))
                .hasMessageStartingWith("Malformed JSON record in " + file + " at line 3: unexpected token");
    }

    @Test
    void failFastModeNamesAValueOfTheWrongType() {
        Path file = write(temp.resolve("data.json"), "{\"id\": \"x\"}\n");
        assertThatThrownBy(() -> read(file, PEOPLE, Map.of("mode", "failfast")))
                .hasMessageStartingWith("Malformed JSON record in " + file
                        + " at line 1: cannot convert '\"x\"' of field 'id' to bigint");
    }

    @Test
    void rejectsInvalidJsonSyntax() {
        String[] broken = {
            "{\"id\": 01}",
            "{\"id\": 1.}",
            "{\"id\": -}",
            "{\"name\": \"a\nb\"}",
            "{\"name\": \"\\x\"}",
            "{id: 1}",
            "{\"id\" 1}",
            "{\"id\": 1",
            "{\"id\": [1, 2}",
            "{\"id\": nul}",
            "{\"id\": 1}}"
        };
        for (String line : broken) {
            String text = line.replace('\n', '\u0001'); // a raw control character inside a string
            Path file = write(temp.resolve("broken.json"), text + "\n");
            assertThat(read(file, WITH_CORRUPT, Map.of())).as(line).containsExactly(row(null, null, null, text));
        }
    }

    @Test
    void readsGzipFiles() {
        Path file = writeGzip(temp.resolve("a.json.gz"), "{\"id\": 1}\n{\"id\": 2}\n");
        assertThat(read(file, PEOPLE, Map.of())).containsExactly(row(1L, null, null), row(2L, null, null));
    }

    @Test
    void readsAMultiLineDocumentAsOneRecordOrAnArrayOfRecords() {
        Path object = write(temp.resolve("one.json"), "{\n  \"id\": 1,\n  \"name\": \"a\"\n}\n");
        Path array = write(temp.resolve("many.json"), "[\n {\"id\": 1},\n {\"id\": 2}\n]\n");
        assertThat(read(object, PEOPLE, Map.of("multiLine", "true"))).containsExactly(row(1L, "a", null));
        assertThat(read(array, PEOPLE, Map.of("multiLine", "true")))
                .containsExactly(row(1L, null, null), row(2L, null, null));
    }

    @Test
    void splitsOfALargeFileGiveTheSameRowsAsOneSplit() {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("{\"id\": ")
                    .append(i)
                    .append(", \"name\": \"")
                    .append("n".repeat(random.nextInt(20)))
                    .append("\"}\n");
        }
        Path file = write(temp.resolve("big.json"), text.toString());
        JsonReader reader = new JsonReader(PEOPLE, JsonOptions.DEFAULT, ZoneOffset.UTC);
        List<List<Object>> whole = rows(reader.readAll(List.of(FileSplit.wholeFile(file))));
        assertThat(whole).hasSize(20_000);
        for (long size : new long[] {1000, 65_536, 200_001}) {
            assertThat(rows(reader.readAll(FilePaths.splits(List.of(file), size))))
                    .as("split size %s", size)
                    .isEqualTo(whole);
        }
    }
}
