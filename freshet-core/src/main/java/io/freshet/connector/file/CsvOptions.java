package io.freshet.connector.file;

import java.util.Map;
import java.util.Optional;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The options of the CSV reader and writer, named and defaulted as Spark's CSV data source options.
 *
 * <p>Characters are ASCII code points, or -1 for "none" ({@code quote} set to the empty string turns quoting
 * off; {@code comment} is off by default). Differences from Spark: on write, leading and trailing white
 * space is kept (Spark trims it by default), and quotes inside quoted fields are doubled as RFC 4180 says
 * (Spark writes {@code \"}); the reader accepts both.
 *
 * @param delimiter {@code sep} (alias {@code delimiter}), default {@code ,}
 * @param quote {@code quote}, default {@code "}
 * @param escape {@code escape}: inside a quoted field, this character followed by the quote is a literal quote;
 *     default {@code \}
 * @param quoteEscapeEscape {@code charToEscapeQuoteEscaping}: escapes the escape character just before a quote;
 *     default the escape character when it differs from the quote, else none
 * @param comment {@code comment}: lines starting with it are skipped; default none
 * @param header {@code header}: the first line of each file names the columns; default false
 * @param inferSchema {@code inferSchema}: infer column types from the data; default false (all strings)
 * @param preferDate {@code preferDate}: infer date columns from values matching {@code dateFormat}; default true
 * @param samplingRatio {@code samplingRatio}: the fraction of rows used for schema inference; default 1.0
 * @param nullValue {@code nullValue}: the text of a null; default the empty string
 * @param emptyValue {@code emptyValue}: the text of an empty string when written; read from a quoted {@code ""};
 *     default the empty string
 * @param nanValue {@code nanValue}, default {@code NaN}
 * @param positiveInf {@code positiveInf}, default {@code Inf}
 * @param negativeInf {@code negativeInf}, default {@code -Inf}
 * @param dateFormat {@code dateFormat}: a Spark datetime pattern; when absent, {@code yyyy-MM-dd}
 * @param timestampFormat {@code timestampFormat}: a Spark datetime pattern; when absent, {@code yyyy-MM-dd
 *     HH:mm:ss[.fraction]} or ISO-8601 on read, {@code yyyy-MM-dd HH:mm:ss[.ffffff]} on write
 * @param mode {@code mode}: the treatment of malformed records; default PERMISSIVE
 * @param columnNameOfCorruptRecord {@code columnNameOfCorruptRecord}, default {@code _corrupt_record}
 * @param ignoreLeadingWhiteSpace {@code ignoreLeadingWhiteSpace} on read; default false
 * @param ignoreTrailingWhiteSpace {@code ignoreTrailingWhiteSpace} on read; default false
 * @param multiLine {@code multiLine}: quoted fields may contain line breaks (files are then not split); default
 *     false
 * @param lineSeparator {@code lineSep}: one character; null for any of {@code \n}, {@code \r\n} on read and
 *     {@code \n} on write
 * @param compression {@code compression} (alias {@code codec}) of written files; default none
 * @param recursiveFileLookup {@code recursiveFileLookup}: read directories recursively; default false
 * @param quoteAll {@code quoteAll}: quote every written field; default false
 */
public record CsvOptions(
        int delimiter,
        int quote,
        int escape,
        int quoteEscapeEscape,
        int comment,
        boolean header,
        boolean inferSchema,
        boolean preferDate,
        double samplingRatio,
        String nullValue,
        String emptyValue,
        String nanValue,
        String positiveInf,
        String negativeInf,
        Optional<String> dateFormat,
        Optional<String> timestampFormat,
        ReadMode mode,
        String columnNameOfCorruptRecord,
        boolean ignoreLeadingWhiteSpace,
        boolean ignoreTrailingWhiteSpace,
        boolean multiLine,
        String lineSeparator,
        Compression compression,
        boolean recursiveFileLookup,
        boolean quoteAll) {

    /** Spark's defaults. */
    public static final CsvOptions DEFAULT = parse(Map.of());

    public CsvOptions {
        checkArgument(delimiter > 0, "delimiter must be set: %s", delimiter);
        checkArgument(quote != delimiter, "quote and delimiter must differ: %s", quote);
        requireNonNull(nullValue, "nullValue is null");
        requireNonNull(emptyValue, "emptyValue is null");
        requireNonNull(nanValue, "nanValue is null");
        requireNonNull(positiveInf, "positiveInf is null");
        requireNonNull(negativeInf, "negativeInf is null");
        requireNonNull(dateFormat, "dateFormat is null");
        requireNonNull(timestampFormat, "timestampFormat is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(columnNameOfCorruptRecord, "columnNameOfCorruptRecord is null");
        requireNonNull(compression, "compression is null");
    }

    /**
     * Parses Spark-named options (names case-insensitive; unknown names ignored).
     *
     * @throws io.freshet.FreshetException with {@code INVALID_OPTION} naming the option for an invalid value
     */
    public static CsvOptions parse(Map<String, String> options) {
        OptionMap map = new OptionMap(options);
        map.requireUtf8();
        int delimiter = map.character("sep", ',', false, "sep", "delimiter");
        int quote = map.character("quote", '"', true, "quote");
        if (quote == delimiter) {
            throw OptionMap.invalid("quote", "must differ from the delimiter '" + (char) delimiter + "'");
        }
        int escape = map.character("escape", '\\', true, "escape");
        int defaultQuoteEscapeEscape = escape >= 0 && escape != quote ? escape : -1;
        int quoteEscapeEscape =
                map.character("charToEscapeQuoteEscaping", defaultQuoteEscapeEscape, true, "charToEscapeQuoteEscaping");
        int comment = map.character("comment", -1, true, "comment");
        boolean inferSchema = map.bool("inferSchema", false);
        return new CsvOptions(
                delimiter,
                quote,
                escape,
                quoteEscapeEscape,
                comment,
                map.bool("header", false),
                inferSchema,
                map.bool("preferDate", true),
                map.ratio("samplingRatio", 1.0),
                map.string("nullValue", ""),
                map.string("emptyValue", ""),
                map.string("nanValue", "NaN"),
                map.string("positiveInf", "Inf"),
                map.string("negativeInf", "-Inf"),
                map.pattern("dateFormat"),
                map.pattern("timestampFormat"),
                map.mode(),
                map.string("columnNameOfCorruptRecord", "_corrupt_record"),
                map.bool("ignoreLeadingWhiteSpace", false),
                map.bool("ignoreTrailingWhiteSpace", false),
                map.bool("multiLine", false),
                map.lineSeparator(1),
                map.compression(),
                map.bool("recursiveFileLookup", false),
                map.bool("quoteAll", false));
    }

    /** Whether a large uncompressed file may be read in several byte ranges (not with multiLine or lineSep). */
    public boolean splittable() {
        return !multiLine && (lineSeparator == null || lineSeparator.equals("\n"));
    }
}
