package io.freshet.connector.file;

import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.freshet.connector.file.FileTestSupport.batch;
import static io.freshet.connector.file.FileTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;

class CsvResultFormatTest {
    private static String field(String text) {
        StringBuilder out = new StringBuilder();
        CsvResultFormat.appendField(out, text);
        return out.toString();
    }

    @Test
    void quotesOnlyEmptyFieldsAndFieldsWithCommasQuotesOrLineBreaks() {
        assertThat(field("plain")).isEqualTo("plain");
        assertThat(field(" padded ")).isEqualTo(" padded ");
        assertThat(field("")).isEqualTo("\"\"");
        assertThat(field("a,b")).isEqualTo("\"a,b\"");
        assertThat(field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
    }

    @Test
    void leavesBackslashesAndOtherCharactersAlone() {
        assertThat(field("back\\slash")).isEqualTo("back\\slash");
        assertThat(field("\\\"")).isEqualTo("\"\\\"\"\"");
        assertThat(field("tab\there;#")).isEqualTo("tab\there;#");
    }

    @Test
    void writesAHeaderAndRowsWithNullsAsEmptyUnquotedFields() {
        Schema schema = Schema.of(
                Field.of("id", BigintType.BIGINT),
                Field.of("s", StringType.STRING),
                Field.of("d", DoubleType.DOUBLE),
                Field.of("a", new ArrayType(StringType.STRING)));
        CsvResultFormat csv = new CsvResultFormat(schema, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder();

        csv.appendHeader(out);
        csv.appendRows(
                out,
                batch(
                        schema,
                        List.of(
                                row(1L, "", 1.0E-5, java.util.Arrays.asList("x", null)),
                                row(null, null, null, null),
                                row(3L, "a\"b", 123456789.0, List.of()))));

        assertThat(out.toString())
                .isEqualTo("id,s,d,a\n"
                        + "1,\"\",1.0E-5,\"[\"\"x\"\",null]\"\n"
                        + ",,,\n"
                        + "3,\"a\"\"b\",1.23456789E8,[]\n");
    }
}
