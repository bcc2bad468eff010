package io.freshet.stream.checkpoint;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetLogTest {
    @TempDir
    Path checkpoint;

    private static OffsetEntry entry(long batchId) {
        return new OffsetEntry(
                batchId,
                Arrays.asList("{\"logOffset\":" + batchId + "}", null, "{\"rows\":42, \"extra\": [1,2]}"),
                Long.MIN_VALUE,
                List.of(Long.MIN_VALUE, 1_700_000_000_000_000L),
                1_700_000_123_456L,
                Map.of("freshet.shuffle.partitions", "8", "freshet.watermark.policy", "min"));
    }

    @Test
    void roundTripsAnEntryKeepingOffsetTextsExactly() {
        OffsetLog log = new OffsetLog(checkpoint);

        log.write(entry(0));

        OffsetEntry read = new OffsetLog(checkpoint).get(0).orElseThrow();
        assertThat(read).isEqualTo(entry(0));
        assertThat(read.sourceOffsets().get(2)).isEqualTo("{\"rows\":42, \"extra\": [1,2]}");
        assertThat(read.sourceOffsets().get(1)).isNull();
    }

    @Test
    void writesAVersionLineThenJson() throws IOException {
        new OffsetLog(checkpoint).write(entry(3));

        String text = Files.readString(checkpoint.resolve("offsets/3"));
        assertThat(text).startsWith("v1\n{\"batchId\":3,\"sourceOffsets\":[{\"logOffset\":3},null,");
        assertThat(text).endsWith("}\n");
    }

    @Test
    void isEmptyForANewCheckpoint() {
        OffsetLog log = new OffsetLog(checkpoint.resolve("never-created"));

        assertThat(log.latest()).isEmpty();
        assertThat(log.get(0)).isEmpty();
        assertThat(log.batchIds()).isEmpty();
    }

    @Test
    void findsTheLatestEntryAcrossGapsAndIgnoresTemporaryFiles() throws IOException {
        OffsetLog log = new OffsetLog(checkpoint);
        log.write(entry(0));
        log.write(entry(1));
        log.write(entry(9));
        log.write(entry(10));
        // What a crash in the middle of a write leaves behind, and other files that are not entries.
        Files.writeString(checkpoint.resolve("offsets/.11.6a1f.tmp"), "v1\n{\"batchId\":");
        Files.writeString(checkpoint.resolve("offsets/.10.crc"), "junk");
        Files.writeString(checkpoint.resolve("offsets/011"), "junk");

        assertThat(log.latest()).contains(entry(10));
        assertThat(log.batchIds()).containsExactly(0L, 1L, 9L, 10L);
        assertThat(log.get(5)).isEmpty();
    }

    @Test
    void rewritingAnEqualEntryIsANoOpButADifferentOneIsRefused() {
        OffsetLog log = new OffsetLog(checkpoint);
        log.write(entry(4));

        log.write(entry(4));
        OffsetEntry different = new OffsetEntry(4, List.of("{\"logOffset\":5}"), 0, List.of(), 0, Map.of());

        assertThatThrownBy(() -> log.write(different))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining(log.file(4).toString())
                .hasMessageContaining("already holds a different entry for batch 4");
        assertThat(log.get(4)).contains(entry(4));
    }

    @Test
    void purgesEntriesBeforeABatch() {
        OffsetLog log = new OffsetLog(checkpoint);
        for (long id = 0; id < 6; id++) {
            log.write(entry(id));
        }

        log.purgeBefore(4);

        assertThat(log.batchIds()).containsExactly(4L, 5L);
        assertThat(log.latest()).contains(entry(5));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        OffsetLog log = new OffsetLog(checkpoint);
        for (long id = 0; id < 20; id++) {
            log.write(entry(id));
        }

        try (Stream<Path> files = Files.list(checkpoint.resolve("offsets"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.matches("[0-9]+"))
                    .hasSize(20);
        }
    }

    @Test
    void refusesAnEntryFromANewerVersionNamingTheFile() throws IOException {
        Files.createDirectories(checkpoint.resolve("offsets"));
        Files.writeString(checkpoint.resolve("offsets/0"), "v2\n{\"batchId\":0}\n");

        assertThatThrownBy(() -> new OffsetLog(checkpoint).latest())
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining(checkpoint.resolve("offsets/0").toString())
                .hasMessageContaining("has format v2 but this version of Freshet reads only v1");
    }

    @Test
    void reportsCorruptFilesNamingTheFileAndTheProblem() throws IOException {
        Files.createDirectories(checkpoint.resolve("offsets"));
        Map<String, String> cases = Map.of(
                "", "version line",
                "{\"batchId\":0}", "version line",
                "v1\n{\"batchId\":0,", "Invalid JSON",
                "v1\n{\"batchId\":0,\"sourceOffsets\":[],\"batchTimestampMillis\":1}", "batchWatermarkMicros",
                "v1\n{\"batchId\":1,\"sourceOffsets\":[],\"batchWatermarkMicros\":0,\"batchTimestampMillis\":1}",
                        "holds batch 1 instead of 0",
                "v1\n{\"batchId\":\"zero\"}", "expected a number",
                "v1\n{\"batchId\":0,\"sourceOffsets\":[],\"batchWatermarkMicros\":0,\"batchTimestampMillis\":1} x",
                        "unexpected text");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(checkpoint.resolve("offsets/0"), c.getKey());
            assertThatThrownBy(() -> new OffsetLog(checkpoint).get(0))
                    .as(c.getKey())
                    .isInstanceOf(FreshetException.class)
                    .hasMessageContaining("Checkpoint file " + checkpoint.resolve("offsets/0"))
                    .hasMessageContaining(c.getValue())
                    .satisfies(
                            e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.IO_ERROR));
        }
    }

    @Test
    void ignoresMembersItDoesNotKnow() throws IOException {
        Files.createDirectories(checkpoint.resolve("offsets"));
        Files.writeString(
                checkpoint.resolve("offsets/2"),
                "v1\n{\"batchId\":2,\"future\":{\"x\":[1]},\"sourceOffsets\":[\"a\"],\"batchWatermarkMicros\":5,"
                        + "\"batchTimestampMillis\":6}\n");

        assertThat(new OffsetLog(checkpoint).get(2))
                .contains(new OffsetEntry(2, List.of("\"a\""), 5, List.of(), 6, Map.of()));
    }

    @Test
    void refusesSourceOffsetsThatAreNotCompactJson() {
        assertThatThrownBy(() -> new OffsetEntry(0, List.of("{oops"), 0, List.of(), 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{oops");
        assertThatThrownBy(() -> new OffsetEntry(0, List.of(" 1"), 0, List.of(), 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
