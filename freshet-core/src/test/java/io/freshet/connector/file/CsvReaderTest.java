package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Batch;
import io.freshet.data.StringVector;
import io.freshet.types.BigintType;
import io.freshet.types.DateType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.connector.file.FileTestSupport.row;
import static io.freshet.connector.file.FileTestSupport.rows;
import static io.freshet.connector.file.FileTestSupport.write;
import static io.freshet.connector.file.FileTestSupport.writeGzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {
    private static final Schema THREE_COLUMNS = Schema.of(
            Field.of("id", IntType.INT), Field.of("name", StringType.STRING), Field.of("score", DoubleType.DOUBLE));
    private static final Schema WITH_CORRUPT =
            THREE_COLUMNS.concat(Schema.of(Field.of("_corrupt_record", StringType.STRING)));

    @TempDir
    Path temp;

    private List<List<Object>> read(Path file, Schema schema, Map<String, String> options) {
        return read(file, schema, options, ZoneOffset.UTC);
    }

    private List<List<Object>> read(Path file, Schema schema, Map<String, String> options, ZoneId zone) {
        CsvReader reader = new CsvReader(schema, CsvOptions.parse(options), zone);
        return rows(reader.readAll(List.of(FileSplit.wholeFile(file))));
    }

    @Test
    void readsTypedColumnsWithEmptyFieldsAsNull() {
        Path file = write(temp.resolve("a.csv"), "1,ann,2.5\n2,,\n,\"\",-1e3\n");
        assertThat(read(file, THREE_COLUMNS, Map.of()))
                .containsExactly(row(1, "ann", 2.5), row(2, null, null), row(null, "", -1000.0));
    }

    @Test
    void readsNullValueOptionAsNull() {
        Path file = write(temp.resolve("a.csv"), "1,NA,NA\nNA,x,1\n");
        assertThat(read(file, THREE_COLUMNS, Map.of("nullValue", "NA")))
                .containsExactly(row(1, null, null), row(null, "x", 1.0));
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndEscapes() {
        Path file = write(
                temp.resolve("a.csv"),
                "1,\"a,b\",0\n2,\"say \"\"hi\"\"\",0\n3,\"back\\\"slash\",0\n4,\"\\\\\"\"\",0\r\n");
        assertThat(read(file, THREE_COLUMNS, Map.of()))
                .containsExactly(
                        row(1, "a,b", 0.0), row(2, "say \"hi\"", 0.0), row(3, "back\"slash", 0.0), row(4, "\\\"", 0.0));
    }

    @Test
    void readsQuotedLineBreaksOnlyWithMultiLine() {
        Path file = write(temp.resolve("a.csv"), "1,\"two\nlines\",1.5\n2,x,2\n");
        assertThat(read(file, THREE_COLUMNS, Map.of("multiLine", "true")))
                .containsExactly(row(1, "two\nlines", 1.5), row(2, "x", 2.0));
        assertThat(read(file, WITH_CORRUPT, Map.of())).hasSize(3);
    }

    @Test
    void skipsHeaderBlankLinesAndComments() {
        Path file = write(temp.resolve("a.csv"), "id,name,score\n\n# a comment\n1,a,1\n\n2,b,2\n");
        assertThat(read(file, THREE_COLUMNS, Map.of("header", "true", "comment", "#")))
                .containsExactly(row(1, "a", 1.0), row(2, "b", 2.0));
    }

    @Test
    void readsOtherDelimitersAndTrimsWhiteSpaceOnRequest() {
        Path file = write(temp.resolve("a.tsv"), "1\t  padded  \t3\n");
        assertThat(read(file, THREE_COLUMNS, Map.of("sep", "\\t"))).containsExactly(row(1, "  padded  ", 3.0));
        assertThat(read(
                        file,
                        THREE_COLUMNS,
                        Map.of(
                                "delimiter",
                                "\t",
                                "ignoreLeadingWhiteSpace",
                                "true",
                                "ignoreTrailingWhiteSpace",
                                "true")))
                .containsExactly(row(1, "padded", 3.0));
    }

    @Test
    void readsSpecialDoubles() {
        Path file = write(
                temp.resolve("a.csv"),
                "1,a,NaN\n2,b,Inf\n3,c,-Inf\n4,d,Infinity\n5,e,-0.0\n6,f,1.7976931348623157E308\n");
        assertThat(read(file, THREE_COLUMNS, Map.of()))
                .extracting(r -> r.get(2))
                .containsExactly(
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY,
                        -0.0,
                        Double.MAX_VALUE);
    }

    @Test
    void parsesDoublesExactlyAsJava() {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String number =
                    switch (i % 4) {
                        case 0 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
                        case 1 ->
                            String.format(
                                    "%d.%0" + (1 + random.nextInt(8)) + "d",
                                    random.nextInt(100000) - 50000,
                                    random.nextInt(1000));
                        case 2 -> Long.toString(random.nextLong() >> random.nextInt(60));
                        default ->
                            "0." + Long.toString(Math.abs(random.nextLong())).substring(0, 1 + random.nextInt(17));
                    };
            text.append(i).append(",x,").append(number).append('\n');
            expected.add(Double.parseDouble(number));
        }
        Path file = write(temp.resolve("a.csv"), text.toString());
        assertThat(read(file, THREE_COLUMNS, Map.of()))
                .extracting(r -> r.get(2))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void readsBigintBoundsAndRejectsOverflow() {
        Schema schema = Schema.of(Field.of("n", BigintType.BIGINT), Field.of("_corrupt_record", StringType.STRING));
        Path file =
                write(temp.resolve("a.csv"), "9223372036854775807\n-9223372036854775808\n9223372036854775808\n+5\n");
        assertThat(read(file, schema, Map.of()))
                .containsExactly(
                        row(Long.MAX_VALUE, null),
                        row(Long.MIN_VALUE, null),
                        row(null, "9223372036854775808"),
                        row(5L, null));
    }

    @Test
    void readsDecimalsRoundedToTheScale() {
        Schema schema = Schema.of(
                Field.of("d", new io.freshet.types.DecimalType(5, 2)), Field.of("_corrupt_record", StringType.STRING));
        Path file = write(temp.resolve("a.csv"), "1.005\n-2\n1e2\n1000\n");
        assertThat(read(file, schema, Map.of()))
                .containsExactly(
                        row(new BigDecimal("1.01"), null),
                        row(new BigDecimal("-2.00"), null),
                        row(new BigDecimal("100.00"), null),
                        row(null, "1000"));
    }

    @Test
    void readsDatesAndTimestampsInTheSessionZone() {
        Schema schema = Schema.of(Field.of("d", DateType.DATE), Field.of("t", TimestampType.TIMESTAMP));
        Path file = write(
                temp.resolve("a.csv"),
                "2024-03-01,2024-03-01 10:15:30\n"
                        + "2024-3-1,2024-03-01T10:15:30.123456789\n"
                        + "1969-12-31,2024-03-01T10:15:30Z\n"
                        + "0001-01-01,2024-03-01 10:15:30.5+02:00\n"
                        + "2024-03-01,2024-03-01T10:15 Europe/Paris\n");
        ZoneId zone = ZoneId.of("America/New_York");
        long local = Instant.parse("2024-03-01T15:15:30Z").getEpochSecond() * 1_000_000L;
        assertThat(read(file, schema, Map.of(), zone))
                .containsExactly(
                        row(days("2024-03-01"), local),
                        row(days("2024-03-01"), local + 123_456),
                        row(days("1969-12-31"), micros("2024-03-01T10:15:30Z")),
                        row(days("0001-01-01"), micros("2024-03-01T08:15:30.5Z")),
                        row(days("2024-03-01"), micros("2024-03-01T09:15:00Z")));
    }

    @Test
    void readsDatesAndTimestampsWithSparkPatterns() {
        Schema schema = Schema.of(
                Field.of("d", DateType.DATE),
                Field.of("t", TimestampType.TIMESTAMP),
                Field.of("_corrupt_record", StringType.STRING));
        Path file = write(temp.resolve("a.csv"), "01/03/2024|01/03/2024 10.15\n31/02/2024|x\n");
        Map<String, String> options =
                Map.of("dateFormat", "dd/MM/yyyy", "timestampFormat", "dd/MM/yyyy HH.mm", "sep", "|");
        assertThat(read(file, schema, options))
                .containsExactly(
                        row(days("2024-03-01"), micros("2024-03-01T10:15:00Z"), null), row(null, null, "31/02/2024|x"));
    }

    @Test
    void permissiveModeKeepsGoodFieldsAndFillsTheCorruptRecordColumn() {
        Path file = write(temp.resolve("a.csv"), "1,a,1.5\n2,b\nx,c,2\n4,d,5,extra\n5,e,oops\n");
        assertThat(read(file, WITH_CORRUPT, Map.of()))
                .containsExactly(
                        row(1, "a", 1.5, null),
                        row(2, "b", null, "2,b"),
                        row(null, "c", 2.0, "x,c,2"),
                        row(4, "d", 5.0, "4,d,5,extra"),
                        row(5, "e", null, "5,e,oops"));
        assertThat(read(file, THREE_COLUMNS, Map.of("mode", "permissive")))
                .hasSize(5)
                .element(1)
                .isEqualTo(row(2, "b", null));
    }

    @Test
    void dropMalformedModeDropsBadRecords() {
        Path file = write(temp.resolve("a.csv"), "1,a,1.5\n2,b\nx,c,2\n4,d,5\n5,e,2024-13-01\n");
        assertThat(read(file, WITH_CORRUPT, Map.of("mode", "DROPMALFORMED")))
                .containsExactly(row(1, "a", 1.5, null), row(4, "d", 5.0, null));
    }

    @Test
    void dropMalformedModeDropsBadTimestamps() {
        Schema schema = Schema.of(Field.of("id", IntType.INT), Field.of("t", TimestampType.TIMESTAMP));
        Path file = write(temp.resolve("a.csv"), "1,2024-01-01 00:00:00\n2,2024-01-01 25:00:00\n3,yesterday\n4,\n");
        assertThat(read(file, schema, Map.of("mode", "dropmalformed")))
                .containsExactly(row(1, micros("2024-01-01T00:00:00Z")), row(4, null));
    }

    @Test
    void failFastModeNamesTheFileAndLine() {
        Path file = write(temp.resolve("data.csv"), "id,name,score\n1,a,1\n\n2,b\n");
        assertThatThrownBy(() -> read(file, THREE_COLUMNS, Map.of("mode", "FAILFAST", "header", "true")))
                .isInstanceOf(FreshetException.class)
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.MALFORMED_RECORD))
                .hasMessageStartingWith("Malformed CSV record in " + file + " at line 4: expected 3 fields, found 2");
    }

    @Test
    void failFastModeNamesTheBadValueAndColumn() {
        Path file = write(temp.resolve("data.csv"), "1,a,1\n2,b,x1\n");
        assertThatThrownBy(() -> read(file, THREE_COLUMNS, Map.of("mode", "failfast")))
                .hasMessageStartingWith("Malformed CSV record in " + file
                        + " at line 2: cannot parse 'x1' as double for column 'score'");
    }

    @Test
    void failFastLineNumbersCountQuotedLineBreaks() {
        Path file = write(temp.resolve("data.csv"), "1,\"a\nb\nc\",1\n2,b,bad\n");
        assertThatThrownBy(() -> read(file, THREE_COLUMNS, Map.of("mode", "failfast", "multiLine", "true")))
                .hasMessageContaining("at line 4:");
    }

    @Test
    void readsGzipFiles() {
        Path file = writeGzip(temp.resolve("a.csv.gz"), "1,a,1\n2,b,2\n");
        assertThat(read(file, THREE_COLUMNS, Map.of())).containsExactly(row(1, "a", 1.0), row(2, "b", 2.0));
    }

    @Test
    void skipsAByteOrderMark() {
        Path file = write(temp.resolve("a.csv"), "\uFEFF1,a,1\n");
        assertThat(read(file, THREE_COLUMNS, Map.of())).containsExactly(row(1, "a", 1.0));
    }

    @Test
    void readsACustomLineSeparator() {
        Path file = write(temp.resolve("a.csv"), "1,a,1;2,b,2;");
        assertThat(read(file, THREE_COLUMNS, Map.of("lineSep", ";", "sep", ",")))
                .containsExactly(row(1, "a", 1.0), row(2, "b", 2.0));
    }

    @Test
    void emitsBatchesOfAtMostTheBatchSize() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(i)
                    .append(',')
                    .append("k")
                    .append(i % 5)
                    .append(',')
                    .append(i)
                    .append('\n');
        }
        Path file = write(temp.resolve("a.csv"), text.toString());
        List<Batch> batches = new CsvReader(THREE_COLUMNS, CsvOptions.DEFAULT, ZoneOffset.UTC)
                .readAll(List.of(FileSplit.wholeFile(file)));
        assertThat(batches).extracting(Batch::rowCount).containsExactly(8192, 8192, 3616);
        StringVector names = (StringVector) batches.get(0).column(1);
        assertThat(names.isDictionary()).isTrue();
        assertThat(names.dictionaryValues().size()).isEqualTo(5);
        assertThat(names.getString(7)).isEqualTo("k2");
    }

    @Test
    void switchesHighCardinalityStringsToFlatVectors() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",name").append(i).append(",1\n");
        }
        Path file = write(temp.resolve("a.csv"), text.toString());
        List<Batch> batches = new CsvReader(THREE_COLUMNS, CsvOptions.DEFAULT, ZoneOffset.UTC)
                .readAll(List.of(FileSplit.wholeFile(file)));
        StringVector names = (StringVector) batches.get(0).column(1);
        assertThat(names.isDictionary()).isFalse();
        assertThat(rows(batches)).extracting(r -> r.get(1)).element(4999).isEqualTo("name4999");
    }

    @Test
    void splitsOfALargeFileGiveTheSameRowsAsOneSplit() {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            text.append(i)
                    .append(",")
                    .append("v".repeat(random.nextInt(30)))
                    .append(",")
                    .append(random.nextInt(100))
                    .append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Path file = write(temp.resolve("big.csv"), text.toString());
        CsvReader reader = new CsvReader(THREE_COLUMNS, CsvOptions.DEFAULT, ZoneOffset.UTC);
        List<List<Object>> whole = rows(reader.readAll(List.of(FileSplit.wholeFile(file))));
        assertThat(whole).hasSize(30_000);
        for (long size : new long[] {4096, 65_537, 333_333}) {
            List<FileSplit> splits = FilePaths.splits(List.of(file), size);
            assertThat(rows(reader.readAll(splits))).as("split size %s", size).isEqualTo(whole);
        }
        List<List<Object>> head = whole.subList(0, 300);
        Path small = write(temp.resolve("small.csv"), text.substring(0, ordinalIndexOfLine(text, 300)));
        for (long size : new long[] {1, 2, 3, 7, 100}) {
            List<FileSplit> splits = FilePaths.splits(List.of(small), size);
            assertThat(rows(reader.readAll(splits))).as("split size %s", size).isEqualTo(head);
        }
    }

    @Test
    void failFastInALaterSplitNamesTheByteOffset() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(i).append(",a,1\n");
        }
        text.append("bad\n");
        Path file = write(temp.resolve("big.csv"), text.toString());
        CsvReader reader = new CsvReader(THREE_COLUMNS, CsvOptions.parse(Map.of("mode", "FAILFAST")), ZoneOffset.UTC);
        List<FileSplit> splits = FilePaths.splits(List.of(file), 1000);
        assertThatThrownBy(() -> reader.readAll(splits))
                .hasMessageContaining(
                        "at the record starting at byte " + (text.length() - 4) + ": expected 3 fields, found 1");
    }

    @Test
    void refusesIntervalColumnsAndNonStringCorruptColumns() {
        assertThatThrownBy(() -> new CsvReader(
                        Schema.of(Field.of("i", IntervalType.INTERVAL)), CsvOptions.DEFAULT, ZoneOffset.UTC))
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.UNSUPPORTED));
        assertThatThrownBy(() -> new CsvReader(
                        Schema.of(Field.of("_corrupt_record", IntType.INT)), CsvOptions.DEFAULT, ZoneOffset.UTC))
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA));
    }

    @Test
    void readsAnEmptyFileAsNoBatches() {
        Path file = write(temp.resolve("empty.csv"), "");
        assertThat(new CsvReader(THREE_COLUMNS, CsvOptions.DEFAULT, ZoneOffset.UTC)
                        .readAll(List.of(FileSplit.wholeFile(file))))
                .isEmpty();
    }

    private static int ordinalIndexOfLine(CharSequence text, int lines) {
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && ++seen == lines) {
                return i + 1;
            }
        }
        return text.length();
    }

    static int days(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    static long micros(String instant) {
        Instant value = Instant.parse(instant);
        return value.getEpochSecond() * 1_000_000L + value.getNano() / 1_000;
    }
}
