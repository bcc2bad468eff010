package io.freshet.connector.file;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The options of the JSON Lines reader and writer, named and defaulted as Spark's JSON data source options.
 *
 * @param mode {@code mode}: the treatment of malformed records; default PERMISSIVE
 * @param columnNameOfCorruptRecord {@code columnNameOfCorruptRecord}, default {@code _corrupt_record}
 * @param dateFormat {@code dateFormat}: a Spark datetime pattern; when absent, {@code yyyy-MM-dd}
 * @param timestampFormat {@code timestampFormat}: a Spark datetime pattern; when absent, ISO-8601 or
 *     {@code yyyy-MM-dd HH:mm:ss[.fraction]} on read and {@code yyyy-MM-dd HH:mm:ss[.ffffff]} on write
 * @param multiLine {@code multiLine}: each file is one JSON document (an object or an array of objects)
 * @param lineSeparator {@code lineSep}; null for any of {@code \n}, {@code \r\n} on read and {@code \n} on write
 * @param samplingRatio {@code samplingRatio}: the fraction of records used for schema inference; default 1.0
 * @param primitivesAsString {@code primitivesAsString}: infer every primitive value as a string; default false
 * @param prefersDecimal {@code prefersDecimal}: infer fractional numbers as decimals when they fit; default false
 * @param allowSingleQuotes {@code allowSingleQuotes}: accept {@code 'text'} strings; default true
 * @param allowNonNumericNumbers {@code allowNonNumericNumbers}: accept NaN and Infinity; default true
 * @param allowNumericLeadingZeros {@code allowNumericLeadingZeros}: accept {@code 007}; default false
 * @param dropFieldIfAllNull {@code dropFieldIfAllNull}: inference drops fields that are always null; default false
 * @param ignoreNullFields {@code ignoreNullFields}: the writer omits null fields; default true
 * @param compression {@code compression} (alias {@code codec}) of written files; default none
 * @param recursiveFileLookup {@code recursiveFileLookup}: read directories recursively; default false
 */
public record JsonOptions(
        ReadMode mode,
        String columnNameOfCorruptRecord,
        Optional<String> dateFormat,
        Optional<String> timestampFormat,
        boolean multiLine,
        String lineSeparator,
        double samplingRatio,
        boolean primitivesAsString,
        boolean prefersDecimal,
        boolean allowSingleQuotes,
        boolean allowNonNumericNumbers,
        boolean allowNumericLeadingZeros,
        boolean dropFieldIfAllNull,
        boolean ignoreNullFields,
        Compression compression,
        boolean recursiveFileLookup) {

    /** Spark's defaults. */
    public static final JsonOptions DEFAULT = parse(Map.of());

    public JsonOptions {
        requireNonNull(mode, "mode is null");
        requireNonNull(columnNameOfCorruptRecord, "columnNameOfCorruptRecord is null");
        requireNonNull(dateFormat, "dateFormat is null");
        requireNonNull(timestampFormat, "timestampFormat is null");
        requireNonNull(compression, "compression is null");
    }

    /**
     * Parses Spark-named options (names case-insensitive; unknown names ignored).
     *
     * @throws io.freshet.FreshetException with {@code INVALID_OPTION} naming the option for an invalid value
     */
    public static JsonOptions parse(Map<String, String> options) {
        OptionMap map = new OptionMap(options);
        map.requireUtf8();
        return new JsonOptions(
                map.mode(),
                map.string("columnNameOfCorruptRecord", "_corrupt_record"),
                map.pattern("dateFormat"),
                map.pattern("timestampFormat"),
                map.bool("multiLine", false),
                map.lineSeparator(Integer.MAX_VALUE),
                map.ratio("samplingRatio", 1.0),
                map.bool("primitivesAsString", false),
                map.bool("prefersDecimal", false),
                map.bool("allowSingleQuotes", true),
                map.bool("allowNonNumericNumbers", true),
                map.bool("allowNumericLeadingZeros", false),
                map.bool("dropFieldIfAllNull", false),
                map.bool("ignoreNullFields", true),
                map.compression(),
                map.bool("recursiveFileLookup", false));
    }

    /** Whether a large uncompressed file may be read in several byte ranges (not with multiLine or lineSep). */
    public boolean splittable() {
        return !multiLine && (lineSeparator == null || lineSeparator.equals("\n"));
    }
}
