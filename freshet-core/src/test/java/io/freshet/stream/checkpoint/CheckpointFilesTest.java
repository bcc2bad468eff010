package io.freshet.stream.checkpoint;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointFilesTest {
    @TempDir
    Path dir;

    private static long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void writesAndReplacesAFileLeavingNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("sub/dir/metadata");

        CheckpointFiles.writeAtomically(file, "first é");
        CheckpointFiles.writeAtomically(file, "second");

        assertThat(CheckpointFiles.read(file)).isEqualTo("second");
        assertThat(filesIn(file.getParent())).isEqualTo(1);
    }

    @Test
    void writesWithoutFsyncWhenTurnedOff() {
        String previous = System.getProperty(CheckpointFiles.FSYNC_PROPERTY);
        System.setProperty(CheckpointFiles.FSYNC_PROPERTY, "false");
        try {
            assertThat(CheckpointFiles.fsyncEnabled()).isFalse();
            CheckpointFiles.writeAtomically(dir.resolve("x"), "text");
            assertThat(CheckpointFiles.read(dir.resolve("x"))).isEqualTo("text");
        } finally {
            if (previous == null) {
                System.clearProperty(CheckpointFiles.FSYNC_PROPERTY);
            } else {
                System.setProperty(CheckpointFiles.FSYNC_PROPERTY, previous);
            }
        }
        assertThat(CheckpointFiles.fsyncEnabled()).isTrue();
    }

    @Test
    void failsToReadAMissingFileNamingIt() {
        Path missing = dir.resolve("offsets/3");

        assertThatThrownBy(() -> CheckpointFiles.read(missing))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file")
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.IO_ERROR));
    }

    @Test
    void failsToWriteWhereADirectoryCannotBeCreatedNamingTheFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
        Path file = blocker.resolve("offsets/0");

        assertThatThrownBy(() -> CheckpointFiles.writeAtomically(file, "x"))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("Cannot write checkpoint file " + file);
    }

    @Test
    void recognizesTemporaryNames() {
        assertThat(CheckpointFiles.isTemporary(".3.0b7c.tmp")).isTrue();
        assertThat(CheckpointFiles.isTemporary("3")).isFalse();
    }
}
