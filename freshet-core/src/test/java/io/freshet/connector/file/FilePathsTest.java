package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.freshet.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilePathsTest {
    @TempDir
    Path temp;

    @BeforeEach
    void createTree() {
        write(temp.resolve("data/b.csv"), "b");
        write(temp.resolve("data/a.csv"), "a");
        write(temp.resolve("data/c.json"), "c");
        write(temp.resolve("data/_SUCCESS"), "");
        write(temp.resolve("data/.a.csv.crc"), "");
        write(temp.resolve("data/_temporary/x/part.csv"), "");
        write(temp.resolve("data/sub/d.csv"), "d");
        write(temp.resolve("data/sub/deeper/e.csv"), "e");
        write(temp.resolve("logs/2024-01/x.csv"), "x");
        write(temp.resolve("logs/2024-02/y.csv"), "y");
        write(temp.resolve("logs/2023-12/z.csv"), "z");
    }

    private List<String> names(List<Path> files) {
        return files.stream().map(f -> temp.relativize(f).toString()).toList();
    }

    @Test
    void expandsAFileToItself() {
        assertThat(names(FilePaths.expand(temp.resolve("data/a.csv").toString())))
                .containsExactly("data/a.csv");
    }

    @Test
    void expandsADirectoryToItsVisibleFilesSorted() {
        assertThat(names(FilePaths.expand(temp.resolve("data").toString())))
                .containsExactly("data/a.csv", "data/b.csv", "data/c.json");
    }

    @Test
    void expandsADirectoryRecursivelyOnRequest() {
        assertThat(names(FilePaths.expand(temp.resolve("data").toString(), true)))
                .containsExactly("data/a.csv", "data/b.csv", "data/c.json", "data/sub/d.csv", "data/sub/deeper/e.csv");
    }

    @Test
    void expandsGlobsInAnySegment() {
        assertThat(names(FilePaths.expand(temp + "/data/*.csv"))).containsExactly("data/a.csv", "data/b.csv");
        assertThat(names(FilePaths.expand(temp + "/data/?.csv"))).containsExactly("data/a.csv", "data/b.csv");
        assertThat(names(FilePaths.expand(temp + "/data/[ac].*"))).containsExactly("data/a.csv", "data/c.json");
        assertThat(names(FilePaths.expand(temp + "/data/[!a].*"))).containsExactly("data/b.csv", "data/c.json");
        assertThat(names(FilePaths.expand(temp + "/data/{a,c}.{csv,json}")))
                .containsExactly("data/a.csv", "data/c.json");
        assertThat(names(FilePaths.expand(temp + "/logs/2024-*/*.csv")))
                .containsExactly("logs/2024-01/x.csv", "logs/2024-02/y.csv");
        assertThat(names(FilePaths.expand(temp + "/logs/{2023-12,2024-02}")))
                .containsExactly("logs/2023-12/z.csv", "logs/2024-02/y.csv");
        assertThat(names(FilePaths.expand(temp + "/*/sub/*.csv"))).containsExactly("data/sub/d.csv");
    }

    @Test
    void acceptsFileUris() {
        assertThat(names(FilePaths.expand("file:" + temp + "/data/a.csv"))).containsExactly("data/a.csv");
    }

    @Test
    void combinesSeveralPathsWithoutDuplicates() {
        assertThat(names(FilePaths.expand(List.of(temp + "/data/a.csv", temp + "/data/*.csv"), false)))
                .containsExactly("data/a.csv", "data/b.csv");
    }

    @Test
    void reportsAPathThatMatchesNothing() {
        for (String path : List.of(temp + "/missing.csv", temp + "/data/*.parquet", temp + "/nothing/*/x")) {
            assertThatThrownBy(() -> FilePaths.expand(path))
                    .isInstanceOf(FreshetException.class)
                    .hasMessage("Path does not exist: " + path)
                    .satisfies(
                            e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.PATH_NOT_FOUND));
        }
    }

    @Test
    void splitsLargeFilesButNotGzipFiles() {
        Path big = write(temp.resolve("big.csv"), "x".repeat(1000));
        Path small = write(temp.resolve("small.csv"), "x".repeat(105));
        Path gzip = write(temp.resolve("big.csv.gz"), "x".repeat(1000));
        List<FileSplit> splits = FilePaths.splits(List.of(big, small, gzip), 100);
        assertThat(splits.stream().filter(s -> s.path().equals(big)))
                .hasSize(10)
                .allMatch(FileSplit::splittable)
                .extracting(FileSplit::start)
                .containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
        assertThat(splits.stream().filter(s -> s.path().equals(small)))
                .containsExactly(new FileSplit(small, 0, 105, false));
        assertThat(splits.stream().filter(s -> s.path().equals(gzip)))
                .containsExactly(new FileSplit(gzip, 0, 1000, false));
        assertThat(FilePaths.splits(List.of(big), 100, false)).containsExactly(new FileSplit(big, 0, 1000, false));
    }
}
