package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.expr.EvalContext;
import io.freshet.stream.source.Offset;
import io.freshet.stream.source.StreamSource;
import io.freshet.stream.source.StreamSourceContext;
import io.freshet.types.BigintType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.connector.file.FileTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStreamSourceTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", IntType.INT), Field.of("name", StringType.STRING));
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path root;

    private Path input;
    private Path metadata;
    private final Map<String, String> options = new HashMap<>(Map.of("header", "true"));

    @BeforeEach
    void directories() throws IOException {
        input = Files.createDirectories(root.resolve("in"));
        metadata = root.resolve("checkpoint/sources/0");
    }

    /** Writes a CSV file with a header and the given ids, modified {@code secondsAgo} before NOW. */
    private Path csv(String name, long secondsAgo, int... ids) throws IOException {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int id : ids) {
            text.append(id).append(",n").append(id).append('\n');
        }
        Path file = FileTestSupport.write(input.resolve(name), text.toString());
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(secondsAgo)));
        return file;
    }

    private FileStreamSource open() {
        return open(InstantSource.fixed(NOW));
    }

    private FileStreamSource open(InstantSource clock) {
        return new FileStreamSource(
                FileFormat.CSV,
                input.toString(),
                options,
                ZoneOffset.UTC,
                SCHEMA,
                new StreamSourceContext(metadata, "q"),
                clock);
    }

    private static List<List<Object>> rows(TableSource table) {
        BatchScan scan = table.createScan(new int[] {0, 1}, List.of());
        List<List<Object>> rows = new ArrayList<>();
        for (BatchScan.Split split : scan.splits()) {
            scan.read(split, EvalContext.utcNow(), batch -> {
                for (Object[] row : batch.rows()) {
                    rows.add(Arrays.asList(row));
                }
            });
        }
        return rows;
    }

    private static List<Object> ids(TableSource table) {
        List<Object> ids = new ArrayList<>();
        for (List<Object> row : rows(table)) {
            ids.add(row.get(0));
        }
        return ids;
    }

    @Test
    void readsEachFileOnceInModificationTimeThenNameOrder() throws IOException {
        csv("b.csv", 30, 2);
        csv("a.csv", 30, 1);
        csv("c.csv", 60, 0);
        FileStreamSource source = open();

        Offset first = source.latestOffset(null, true);
        assertThat(first.json()).isEqualTo("{\"logOffset\":0}");
        assertThat(rows(source.read(null, first))).containsExactly(row(0, "n0"), row(1, "n1"), row(2, "n2"));
        assertThat(source.latestOffset(first, true)).isEqualTo(first);

        csv("d.csv", 10, 3);
        Offset second = source.latestOffset(first, true);
        assertThat(second.json()).isEqualTo("{\"logOffset\":1}");
        assertThat(ids(source.read(first, second))).containsExactly(3);
    }

    @Test
    void hasNoOffsetWhileTheDirectoryIsEmpty() {
        FileStreamSource source = open();

        assertThat(source.latestOffset(null, true)).isNull();
        assertThat(source.entries()).isEmpty();
    }

    @Test
    void takesAtMostMaxFilesPerTrigger() throws IOException {
        for (int i = 0; i < 5; i++) {
            csv("f" + i + ".csv", 100 - i, i);
        }
        options.put("maxFilesPerTrigger", "2");
        FileStreamSource source = open();

        Offset first = source.latestOffset(null, true);
        Offset second = source.latestOffset(first, true);
        Offset third = source.latestOffset(second, true);

        assertThat(ids(source.read(null, first))).containsExactly(0, 1);
        assertThat(ids(source.read(first, second))).containsExactly(2, 3);
        assertThat(ids(source.read(second, third))).containsExactly(4);
        assertThat(source.latestOffset(third, true)).isEqualTo(third);
    }

    @Test
    void takesAtMostMaxBytesPerTriggerButAlwaysTheFirstFile() throws IOException {
        csv("big.csv", 50, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10); // larger than the limit on its own
        long small = Files.size(csv("s1.csv", 40, 11));
        csv("s2.csv", 30, 12);
        csv("s3.csv", 20, 13);
        options.put("maxBytesPerTrigger", Long.toString(2 * small));
        FileStreamSource source = open();

        Offset first = source.latestOffset(null, true);
        Offset second = source.latestOffset(first, true);
        Offset third = source.latestOffset(second, true);

        assertThat(ids(source.read(null, first))).hasSize(10);
        assertThat(ids(source.read(first, second))).containsExactly(11, 12);
        assertThat(ids(source.read(second, third))).containsExactly(13);
    }

    @Test
    void takesEverythingWhenNotLimited() throws IOException {
        for (int i = 0; i < 4; i++) {
            csv("f" + i + ".csv", 100 - i, i);
        }
        options.put("maxFilesPerTrigger", "1");
        FileStreamSource source = open();

        Offset all = source.latestOffset(null, false);

        assertThat(ids(source.read(null, all))).containsExactly(0, 1, 2, 3);
    }

    @Test
    void ignoresHiddenAndTemporaryFiles() throws IOException {
        csv("data.csv", 10, 1);
        for (String name : List.of(
                ".hidden.csv",
                "_SUCCESS",
                "part.csv.tmp",
                "part.csv.crc",
                "x.csv.inprogress",
                "y.csv.partial",
                "z.csv.COPYING",
                "w.csv._COPYING_",
                "v.csv.TMP")) {
            csv(name, 10, 99);
        }
        Files.createDirectories(input.resolve("subdir"));
        FileTestSupport.write(input.resolve("subdir/inner.csv"), "id,name\n98,x\n");
        FileStreamSource source = open();

        assertThat(ids(source.read(null, source.latestOffset(null, true)))).containsExactly(1);
    }

    @Test
    void readsSubdirectoriesWithRecursiveFileLookup() throws IOException {
        csv("data.csv", 10, 1);
        Path inner = FileTestSupport.write(input.resolve("day=1/inner.csv"), "id,name\n2,x\n");
        Files.setLastModifiedTime(inner, FileTime.from(NOW));
        FileTestSupport.write(input.resolve("_temporary/0/part.csv"), "id,name\n99,x\n");
        options.put("recursiveFileLookup", "true");
        FileStreamSource source = open();

        assertThat(ids(source.read(null, source.latestOffset(null, true)))).containsExactly(1, 2);
    }

    @Test
    void waitsUntilAFileIsMinFileAgeOld() throws IOException {
        csv("old.csv", 10, 1);
        Path young = csv("young.csv", 1, 2);
        options.put("minFileAge", "5 seconds");
        FileStreamSource source = open();

        Offset first = source.latestOffset(null, true);
        assertThat(ids(source.read(null, first))).containsExactly(1);
        assertThat(source.latestOffset(first, true)).isEqualTo(first);

        Files.setLastModifiedTime(young, FileTime.from(NOW.minusSeconds(5)));
        Offset second = source.latestOffset(first, true);
        assertThat(ids(source.read(first, second))).containsExactly(2);
    }

    @Test
    void replaysTheSameFilesAfterAReopenWithTheSameMetadataDirectory() throws IOException {
        csv("a.csv", 30, 1);
        options.put("maxFilesPerTrigger", "1");
        FileStreamSource source = open();
        Offset first = source.latestOffset(null, true);
        csv("b.csv", 20, 2);
        Offset second = source.latestOffset(first, true);

        // New files arrive, and the query restarts: offsets must still mean the same files.
        csv("0-earlier-name.csv", 40, 3);
        FileStreamSource reopened = open();

        assertThat(ids(reopened.read(null, first))).containsExactly(1);
        assertThat(ids(reopened.read(first, second))).containsExactly(2);
        Offset third = reopened.latestOffset(second, true);
        assertThat(ids(reopened.read(second, third))).containsExactly(3);
        assertThat(reopened.latestOffset(third, true)).isEqualTo(third);
    }

    @Test
    void reusesALogEntryWrittenBeforeACrashInsteadOfListingAgain() throws IOException {
        csv("a.csv", 30, 1);
        csv("b.csv", 20, 2);
        options.put("maxFilesPerTrigger", "1");
        FileStreamSource crashed = open();
        Offset first = crashed.latestOffset(null, true);
        crashed.latestOffset(first, true); // entry 1 (b.csv) is logged, but the offset log never saw it

        csv("0.csv", 50, 0); // older than both: would come first in a fresh listing
        FileStreamSource restarted = open();
        Offset second = restarted.latestOffset(first, true);

        assertThat(second.json()).isEqualTo("{\"logOffset\":1}");
        assertThat(ids(restarted.read(first, second))).containsExactly(2);
        Offset third = restarted.latestOffset(second, true);
        assertThat(ids(restarted.read(second, third))).containsExactly(0);
    }

    @Test
    void logsEachAssignedRangeAsOneFileInTheMetadataDirectory() throws IOException {
        Path file = csv("a.csv", 30, 1);
        FileStreamSource source = open();
        source.latestOffset(null, true);

        String text = Files.readString(metadata.resolve("0"));
        assertThat(text)
                .startsWith("v1\n{\"files\":[{\"path\":\"" + file.toAbsolutePath() + "\",\"size\":" + Files.size(file)
                        + ",\"modificationTime\":" + NOW.minusSeconds(30).toEpochMilli() + "}]}");
        try (var listing = Files.list(metadata)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("0");
        }
    }

    @Test
    void availableNowFixesTheEndAtTheFilesPresentWhenPrepared() throws IOException {
        csv("a.csv", 30, 1);
        csv("b.csv", 20, 2);
        csv("c.csv", 10, 3);
        options.put("maxFilesPerTrigger", "2");
        FileStreamSource source = open();
        source.prepareForAvailableNow();
        csv("late.csv", 5, 4);

        Offset first = source.latestOffset(null, true);
        Offset second = source.latestOffset(first, true);

        assertThat(ids(source.read(null, first))).containsExactly(1, 2);
        assertThat(ids(source.read(first, second))).containsExactly(3);
        assertThat(source.latestOffset(second, true)).isEqualTo(second);
    }

    @Test
    void readsJsonFilesWithTheBatchReadersOptions() throws IOException {
        FileTestSupport.write(input.resolve("e1.json"), "{\"id\": 1, \"name\": \"a\"}\n{\"id\": \"bad\"}\n");
        FileStreamSource source = new FileStreamSource(
                FileFormat.JSON,
                input.toString(),
                Map.of("mode", "DROPMALFORMED"),
                ZoneOffset.UTC,
                Schema.of(Field.of("id", BigintType.BIGINT), Field.of("name", StringType.STRING)),
                new StreamSourceContext(metadata, "q"),
                InstantSource.system());

        assertThat(rows(source.read(null, source.latestOffset(null, true)))).containsExactly(row(1L, "a"));
    }

    @Test
    void infersTheSchemaFromTheFirstFile() throws IOException {
        Path second = FileTestSupport.write(input.resolve("b.csv"), "id,name,extra\n1,a,x\n");
        Files.setLastModifiedTime(second, FileTime.from(NOW.minusSeconds(30)));
        Path first = FileTestSupport.write(input.resolve("a.csv"), "id,name\n1,a\n");
        Files.setLastModifiedTime(first, FileTime.from(NOW.minusSeconds(60)));

        FileTableSource table = FileTableSource.createStream(
                FileFormat.CSV,
                input.toString(),
                Map.of("header", "true", "inferSchema", "true"),
                ZoneOffset.UTC,
                null);

        assertThat(table.schema().toDdl()).isEqualTo("id INT, name STRING");
        StreamSource source = table.openStream(new StreamSourceContext(metadata, "q"));
        assertThat(source.describe()).isEqualTo("FileStreamSource[" + input.toAbsolutePath() + "]");
    }

    @Test
    void asksForASchemaWhenTheDirectoryIsEmpty() {
        assertThatThrownBy(() ->
                        FileTableSource.createStream(FileFormat.CSV, input.toString(), Map.of(), ZoneOffset.UTC, null))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("Schema must be specified")
                .hasMessageContaining(input.toString())
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA));
        FileTableSource batchTable =
                FileTableSource.create(FileFormat.CSV, List.of(input.toString()), Map.of(), ZoneOffset.UTC, null);
        assertThatThrownBy(() -> batchTable.openStream(new StreamSourceContext(metadata, "q")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("Schema must be specified");
    }

    @Test
    void opensAStreamOverABatchTableOfADirectory() throws IOException {
        csv("a.csv", 30, 1);
        FileTableSource table =
                FileTableSource.create(FileFormat.CSV, List.of(input.toString()), options, ZoneOffset.UTC, SCHEMA);

        StreamSource source = table.openStream(new StreamSourceContext(metadata, "q"));

        assertThat(ids(source.read(null, source.latestOffset(null, true)))).containsExactly(1);
    }

    @Test
    void reportsAMissingDirectoryAGlobOrAFileClearly() throws IOException {
        Path file = csv("a.csv", 1, 1);

        assertThatThrownBy(() -> FileTableSource.createStream(
                        FileFormat.CSV, root.resolve("nope").toString(), Map.of(), ZoneOffset.UTC, SCHEMA))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("Path does not exist: " + root.resolve("nope"))
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.PATH_NOT_FOUND));
        assertThatThrownBy(() -> FileTableSource.createStream(
                        FileFormat.CSV, input + "/*.csv", Map.of(), ZoneOffset.UTC, SCHEMA))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("globs are not supported");
        assertThatThrownBy(() ->
                        FileTableSource.createStream(FileFormat.CSV, file.toString(), Map.of(), ZoneOffset.UTC, SCHEMA))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("is a file");
    }

    @Test
    void validatesStreamOptions() {
        for (Map<String, String> bad : List.of(
                Map.of("maxFilesPerTrigger", "0"),
                Map.of("maxBytesPerTrigger", "lots"),
                Map.of("minFileAge", "-1 s"))) {
            assertThatThrownBy(() ->
                            FileTableSource.createStream(FileFormat.CSV, input.toString(), bad, ZoneOffset.UTC, SCHEMA))
                    .as(bad.toString())
                    .isInstanceOf(FreshetException.class)
                    .hasMessageContaining("Option '" + bad.keySet().iterator().next() + "'");
        }
        assertThat(FileStreamSource.Settings.parse(
                                FileFormat.CSV, input.toString(), Map.of("maxBytesPerTrigger", "64k"))
                        .maxBytesPerTrigger())
                .isEqualTo(65_536);
    }

    @Test
    void failsClearlyWhenATakenFileWasDeleted() throws IOException {
        Path file = csv("a.csv", 30, 1);
        FileStreamSource source = open();
        Offset first = source.latestOffset(null, true);
        Files.delete(file);

        assertThatThrownBy(() -> source.read(null, first))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("File " + file.toAbsolutePath() + " of FileStreamSource")
                .hasMessageContaining("no longer exists");
    }

    @Test
    void refusesOffsetsBeyondItsLogAndCorruptLogs() throws IOException {
        csv("a.csv", 30, 1);
        FileStreamSource source = open();
        source.latestOffset(null, true);

        assertThatThrownBy(() -> source.read(null, new Offset("{\"logOffset\":4}")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("beyond the log");

        Files.writeString(metadata.resolve("2"), "v1\n{\"files\":[]}\n");
        assertThatThrownBy(this::open).isInstanceOf(FreshetException.class).hasMessageContaining("with a gap");
        Files.delete(metadata.resolve("2"));
        Files.writeString(metadata.resolve("0"), "v1\n{\"files\":[{\"path\":1}]}\n");
        assertThatThrownBy(this::open)
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining(metadata.resolve("0") + " is corrupt");
    }

    @Test
    void ignoresTemporaryFilesInItsLogDirectory() throws IOException {
        csv("a.csv", 30, 1);
        open().latestOffset(null, true);
        Files.writeString(metadata.resolve(".1.abc.tmp"), "v1\n{\"files\":[");

        FileStreamSource reopened = open();

        assertThat(reopened.entries()).hasSize(1);
    }
}
