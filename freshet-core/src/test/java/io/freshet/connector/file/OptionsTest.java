package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.SaveMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {
    @Test
    void csvDefaultsAreSparks() {
        CsvOptions options = CsvOptions.DEFAULT;
        assertThat(options.delimiter()).isEqualTo(',');
        assertThat(options.quote()).isEqualTo('"');
        assertThat(options.escape()).isEqualTo('\\');
        assertThat(options.comment()).isEqualTo(-1);
        assertThat(options.header()).isFalse();
        assertThat(options.inferSchema()).isFalse();
        assertThat(options.nullValue()).isEmpty();
        assertThat(options.nanValue()).isEqualTo("NaN");
        assertThat(options.mode()).isEqualTo(ReadMode.PERMISSIVE);
        assertThat(options.columnNameOfCorruptRecord()).isEqualTo("_corrupt_record");
        assertThat(options.compression()).isEqualTo(Compression.NONE);
        assertThat(options.splittable()).isTrue();
    }

    @Test
    void optionNamesAndModesIgnoreCase() {
        CsvOptions options = CsvOptions.parse(Map.of(
                "HEADER",
                "True",
                "Sep",
                "|",
                "MODE",
                "dropMalformed",
                "inferschema",
                "TRUE",
                "MultiLine",
                "true",
                "Compression",
                "GZIP"));
        assertThat(options.header()).isTrue();
        assertThat(options.delimiter()).isEqualTo('|');
        assertThat(options.mode()).isEqualTo(ReadMode.DROPMALFORMED);
        assertThat(options.inferSchema()).isTrue();
        assertThat(options.splittable()).isFalse();
        assertThat(options.compression()).isEqualTo(Compression.GZIP);
        assertThat(JsonOptions.parse(Map.of("Mode", "failfast", "IGNORENULLFIELDS", "false")))
                .satisfies(o -> assertThat(o.mode()).isEqualTo(ReadMode.FAILFAST))
                .satisfies(o -> assertThat(o.ignoreNullFields()).isFalse());
    }

    @Test
    void acceptsEscapedAndDisabledCharacters() {
        assertThat(CsvOptions.parse(Map.of("sep", "\\t")).delimiter()).isEqualTo('\t');
        assertThat(CsvOptions.parse(Map.of("delimiter", "\\u0001")).delimiter()).isEqualTo(1);
        assertThat(CsvOptions.parse(Map.of("quote", "")).quote()).isEqualTo(-1);
        assertThat(CsvOptions.parse(Map.of("escape", "\"")).quoteEscapeEscape()).isEqualTo(-1);
        assertThat(CsvOptions.parse(Map.of("encoding", "utf8")).delimiter()).isEqualTo(',');
    }

    @Test
    void rejectsInvalidValuesNamingTheOption() {
        assertInvalid(
                Map.of("mode", "foo"), "Option 'mode' must be one of PERMISSIVE, DROPMALFORMED, FAILFAST, got 'foo'");
        assertInvalid(Map.of("header", "yes"), "Option 'header' must be true or false, got 'yes'");
        assertInvalid(Map.of("sep", "||"), "Option 'sep' must be a single character, got '||'");
        assertInvalid(Map.of("delimiter", ""), "Option 'sep' must be a single character, got an empty string");
        assertInvalid(Map.of("quote", "é"), "Option 'quote' must be an ASCII character, got 'é'");
        assertInvalid(Map.of("quote", ","), "Option 'quote' must differ from the delimiter ','");
        assertInvalid(Map.of("samplingRatio", "2"), "Option 'samplingRatio' must be a number in (0, 1], got '2'");
        assertInvalid(
                Map.of("compression", "snappy"),
                "Option 'compression' must be one of none, uncompressed, gzip, got 'snappy'");
        assertInvalid(Map.of("lineSep", "\r\n"), "Option 'lineSep' must be at most 1 character(s), got '\r\n'");
        assertInvalid(
                Map.of("charset", "latin1"),
                "Option 'encoding' supports only UTF-8, got 'latin1'; convert the files to UTF-8 first");
        assertThatThrownBy(() -> CsvOptions.parse(Map.of("timestampFormat", "yyyy-ww")))
                .hasMessageStartingWith("Option 'timestampFormat' is not a valid datetime pattern: 'yyyy-ww'");
        assertThatThrownBy(() -> JsonOptions.parse(Map.of("dateFormat", "yyyy-MM-dd'")))
                .hasMessageStartingWith("Option 'dateFormat' is not a valid datetime pattern");
        assertThatThrownBy(() -> JsonOptions.parse(Map.of("mode", "lenient")))
                .hasMessage("Option 'mode' must be one of PERMISSIVE, DROPMALFORMED, FAILFAST, got 'lenient'");
    }

    @Test
    void parsesSaveModes() {
        assertThat(SaveMode.parse("error")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
        assertThat(SaveMode.parse("ErrorIfExists")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
        assertThat(SaveMode.parse("append")).isEqualTo(SaveMode.APPEND);
        assertThat(SaveMode.parse("OVERWRITE")).isEqualTo(SaveMode.OVERWRITE);
        assertThat(SaveMode.parse("ignore")).isEqualTo(SaveMode.IGNORE);
        assertThatThrownBy(() -> SaveMode.parse("replace"))
                .hasMessage("Save mode must be one of error, errorifexists, append, overwrite, ignore, got 'replace'");
    }

    private static void assertInvalid(Map<String, String> options, String message) {
        assertThatThrownBy(() -> CsvOptions.parse(options))
                .isInstanceOf(FreshetException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.INVALID_OPTION));
    }
}
