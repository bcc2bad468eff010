package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaInferenceTest {
    @TempDir
    Path temp;

    private String csv(String text, Map<String, String> options) {
        Path file = write(temp.resolve("a.csv"), text);
        return CsvSchemaInference.infer(List.of(file), CsvOptions.parse(options), ZoneOffset.UTC)
                .toDdl();
    }

    private String json(String text, Map<String, String> options) {
        Path file = write(temp.resolve("a.json"), text);
        return JsonSchemaInference.infer(List.of(file), JsonOptions.parse(options))
                .toDdl();
    }

    @Test
    void csvWithoutInferSchemaReadsStringsNamedByPosition() {
        assertThat(csv("1,x,2.5\n2,y,3\n", Map.of())).isEqualTo("_c0 STRING, _c1 STRING, _c2 STRING");
    }

    @Test
    void csvTakesNamesFromTheHeader() {
        assertThat(csv("id,,Name,name\n1,2,3,4\n", Map.of("header", "true")))
                .isEqualTo("id STRING, _c1 STRING, Name2 STRING, name3 STRING");
    }

    @Test
    void csvInfersTypesInSparksOrder() {
        String text = "i,l,dec,d,b,day,ts,s,mixed,empty\n"
                + "1,1,1,1,true,2024-01-01,2024-01-01 10:00:00,x,1,\n"
                + "-2,3000000000,12345678901234567890,2.5,FALSE,2024-12-31,2024-01-01T10:00:00Z,1,true,\n"
                + ",,,NaN,,,2024-02-01,,,\n";
        assertThat(csv(text, Map.of("header", "true", "inferSchema", "true")))
                .isEqualTo(
                        "i INT, l BIGINT, dec DECIMAL(20,0), d DOUBLE, b BOOLEAN, day DATE, ts TIMESTAMP, s STRING, mixed STRING, "
                                + "empty STRING");
    }

    @Test
    void csvWidensDecimalsAndDatesAndRespectsNullValue() {
        assertThat(csv(
                        "12345678901234567890,2024-01-01,NA\n1.5,2024-01-01 10:00,NA\n",
                        Map.of("inferSchema", "true", "nullValue", "NA")))
                .isEqualTo("_c0 DOUBLE, _c1 TIMESTAMP, _c2 STRING");
        assertThat(csv("2024-01-01\n", Map.of("inferSchema", "true", "preferDate", "false")))
                .isEqualTo("_c0 TIMESTAMP");
        assertThat(csv("01/02/2024\n", Map.of("inferSchema", "true", "dateFormat", "dd/MM/yyyy")))
                .isEqualTo("_c0 DATE");
    }

    @Test
    void csvInfersNothingFromNoRecords() {
        assertThat(csv("", Map.of("inferSchema", "true"))).isEmpty();
    }

    @Test
    void jsonSortsFieldsAndInfersNestedTypes() {
        String text = "{\"z\": 1, \"a\": \"x\", \"nested\": {\"k\": [1, 2.5], \"b\": true}}\n"
                + "{\"z\": 2.5, \"m\": null, \"arr\": [{\"q\": 1}, {\"r\": \"s\"}], \"B\": 1}\n";
        assertThat(json(text, Map.of()))
                .isEqualTo("B BIGINT, a STRING, arr ARRAY<STRUCT<Q: BIGINT, R: STRING>>, m STRING, "
                        + "nested STRUCT<B: BOOLEAN, K: ARRAY<DOUBLE>>, z DOUBLE");
    }

    @Test
    void jsonWidensConflictsToString() {
        assertThat(json("{\"a\": 1, \"b\": [1]}\n{\"a\": \"x\", \"b\": {\"c\": 1}}\n{\"a\": true}\n", Map.of()))
                .isEqualTo("a STRING, b STRING");
    }

    @Test
    void jsonInfersLargeIntegersAsDecimalsAndOptionsChangeNumbers() {
        assertThat(json("{\"n\": 123456789012345678901}\n{\"n\": 5}\n", Map.of()))
                .isEqualTo("n DECIMAL(21,0)");
        assertThat(json("{\"n\": 1.25, \"b\": true}\n", Map.of("prefersDecimal", "true")))
                .isEqualTo("b BOOLEAN, n DECIMAL(3,2)");
        assertThat(json("{\"n\": 1.25, \"b\": true}\n", Map.of("primitivesAsString", "true")))
                .isEqualTo("b STRING, n STRING");
    }

    @Test
    void jsonDropsAlwaysNullFieldsOnRequestAndEmptyStructs() {
        assertThat(json("{\"a\": null, \"e\": {}, \"k\": 1}\n", Map.of())).isEqualTo("a STRING, k BIGINT");
        assertThat(json("{\"a\": null, \"k\": 1}\n", Map.of("dropFieldIfAllNull", "true")))
                .isEqualTo("k BIGINT");
    }

    @Test
    void jsonCorruptLinesAddTheCorruptRecordColumnInPermissiveMode() {
        String text = "{\"a\": 1}\n{broken\n{\"z\": 2}\n";
        assertThat(json(text, Map.of())).isEqualTo("_corrupt_record STRING, a BIGINT, z BIGINT");
        assertThat(json(text, Map.of("columnNameOfCorruptRecord", "bad"))).isEqualTo("a BIGINT, bad STRING, z BIGINT");
        assertThat(json(text, Map.of("mode", "DROPMALFORMED"))).isEqualTo("a BIGINT, z BIGINT");
        assertThatThrownBy(() -> json(text, Map.of("mode", "FAILFAST")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("at line 2")
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.MALFORMED_RECORD));
    }

    @Test
    void inferredSchemasReadTheirOwnFiles() {
        Path file = write(temp.resolve("b.json"), "{\"id\": 1, \"tags\": [\"a\"], \"p\": {\"x\": 1.5}}\n{\"id\": 2}\n");
        var schema = JsonSchemaInference.infer(List.of(file), JsonOptions.DEFAULT);
        var rows = FileTestSupport.rows(new JsonReader(schema, JsonOptions.DEFAULT, ZoneOffset.UTC)
                .readAll(List.of(FileSplit.wholeFile(file))));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(0)).isEqualTo(1L);
    }
}
