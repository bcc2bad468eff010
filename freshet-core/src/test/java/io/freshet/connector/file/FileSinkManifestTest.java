package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSinkManifestTest {
    private static final String QUERY = "q-1";

    @TempDir
    Path temp;

    private FileSinkManifest.Commit commit(long batchId, String... files) {
        List<FileSinkManifest.Entry> entries = new java.util.ArrayList<>();
        for (String file : files) {
            entries.add(new FileSinkManifest.Entry(file, 10, 2));
        }
        return new FileSinkManifest.Commit(batchId, QUERY, entries);
    }

    @Test
    void writesAVersionLineAQueryLineAndOneLinePerFile() {
        FileSinkManifest manifest = new FileSinkManifest(temp);

        manifest.add(new FileSinkManifest.Commit(
                3,
                QUERY,
                List.of(
                        new FileSinkManifest.Entry("part-3-a.csv", 1234, 10),
                        new FileSinkManifest.Entry("we\"ird\\name.csv", 0, 0))));

        assertThat(readString(temp.resolve("_freshet_metadata/3")))
                .isEqualTo("v1\n{\"queryId\":\"q-1\"}\n"
                        + "{\"path\":\"part-3-a.csv\",\"size\":1234,\"rows\":10}\n"
                        + "{\"path\":\"we\\\"ird\\\\name.csv\",\"size\":0,\"rows\":0}\n");
        assertThat(manifest.read(3))
                .contains(new FileSinkManifest.Commit(
                        3,
                        QUERY,
                        List.of(
                                new FileSinkManifest.Entry("part-3-a.csv", 1234, 10),
                                new FileSinkManifest.Entry("we\"ird\\name.csv", 0, 0))));
    }

    @Test
    void readsNothingForABatchNotCommitted() {
        FileSinkManifest manifest = new FileSinkManifest(temp);

        assertThat(manifest.read(0)).isEmpty();
        assertThat(manifest.contains(0)).isFalse();
        assertThat(manifest.batchIds()).isEmpty();
        assertThat(manifest.latestBatchId()).isEmpty();
        assertThat(FileSinkManifest.existsIn(temp)).isFalse();
    }

    @Test
    void listsBatchIdsInNumericOrderIgnoringTemporaryFiles() throws IOException {
        FileSinkManifest manifest = new FileSinkManifest(temp);
        for (long id : new long[] {9, 10, 2}) {
            manifest.add(commit(id));
        }
        write(temp.resolve("_freshet_metadata/.11.0b7e1d6c.tmp"), "v1\n");

        assertThat(manifest.batchIds()).containsExactly(2L, 9L, 10L);
        assertThat(manifest.latestBatchId()).isEqualTo(OptionalLong.of(10));
        assertThat(manifest.contains(9)).isTrue();
        assertThat(manifest.contains(11)).isFalse();
    }

    @Test
    void keepsABatchWithoutFiles() {
        FileSinkManifest manifest = new FileSinkManifest(temp);

        manifest.add(commit(0));

        assertThat(manifest.read(0)).contains(new FileSinkManifest.Commit(0, QUERY, List.of()));
        assertThat(manifest.files()).isEmpty();
    }

    @Test
    void ignoresUnknownFieldsAndBlankLines() {
        write(
                temp.resolve("_freshet_metadata/0"),
                "v1\n{\"queryId\":\"q\",\"extra\":[1,{\"a\":2}]}\n\n{\"rows\":3,\"path\":\"p.csv\",\"size\":5,\"x\":null}\n");

        assertThat(new FileSinkManifest(temp).read(0))
                .contains(new FileSinkManifest.Commit(0, "q", List.of(new FileSinkManifest.Entry("p.csv", 5, 3))));
    }

    @Test
    void refusesAManifestOfANewerVersion() {
        write(temp.resolve("_freshet_metadata/0"), "v2\n{\"queryId\":\"q\"}\n");

        assertThatThrownBy(() -> new FileSinkManifest(temp).read(0))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("version 2")
                .hasMessageContaining("newer Freshet");
    }

    @Test
    void reportsACorruptManifestWithItsLine() {
        write(temp.resolve("_freshet_metadata/0"), "v1\n{\"queryId\":\"q\"}\n{\"path\":\"p.csv\",\"size\":\n");
        write(temp.resolve("_freshet_metadata/1"), "{\"queryId\":\"q\"}\n");
        write(temp.resolve("_freshet_metadata/2"), "v1\n{\"queryId\":\"q\"}\n{\"path\":\"p.csv\"}\n");

        FileSinkManifest manifest = new FileSinkManifest(temp);
        assertThatThrownBy(() -> manifest.read(0))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("Corrupt streaming sink manifest")
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> manifest.read(1)).hasMessageContaining("version line");
        assertThatThrownBy(() -> manifest.read(2)).hasMessageContaining("size is missing");
    }

    @Test
    void directoryListingsReadOnlyTheFilesTheManifestLists() {
        Path out = temp.resolve("out");
        write(out.resolve("part-0-a.csv"), "1\n");
        write(out.resolve("part-1-b.csv"), "2\n");
        write(out.resolve("part-1-failed.csv"), "99\n"); // an attempt that never committed
        write(out.resolve("stray.csv"), "98\n");
        FileSinkManifest manifest = new FileSinkManifest(out);
        manifest.add(commit(0, "part-0-a.csv"));
        manifest.add(commit(1, "part-1-b.csv"));

        assertThat(FilePaths.expand(out.toString()))
                .containsExactly(out.resolve("part-0-a.csv"), out.resolve("part-1-b.csv"));
        assertThat(FilePaths.expand(List.of(temp.toString()), true))
                .containsExactly(out.resolve("part-0-a.csv"), out.resolve("part-1-b.csv"));
    }

    @Test
    void aGlobOverTheDataFilesBypassesTheManifestAsInSpark() {
        Path out = temp.resolve("out");
        write(out.resolve("part-0-a.csv"), "1\n");
        write(out.resolve("part-1-failed.csv"), "99\n");
        new FileSinkManifest(out).add(commit(0, "part-0-a.csv"));

        assertThat(FilePaths.expand(out + "/*.csv")).hasSize(2);
    }

    @Test
    void reportsAListedFileThatIsMissing() {
        Path out = temp.resolve("out");
        new FileSinkManifest(out).add(commit(0, "part-0-gone.csv"));

        assertThatThrownBy(() -> FilePaths.expand(out.toString()))
                .isInstanceOf(FreshetException.class)
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.PATH_NOT_FOUND))
                .hasMessageContaining("part-0-gone.csv")
                .hasMessageContaining("batch 0");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        FileSinkManifest manifest = new FileSinkManifest(temp);
        manifest.add(commit(0, "a.csv"));
        manifest.add(commit(0, "a.csv"));

        try (var names = Files.list(temp.resolve("_freshet_metadata"))) {
            assertThat(names.map(p -> p.getFileName().toString()).toList()).containsExactly("0");
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
