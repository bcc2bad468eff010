package io.freshet.stream.checkpoint;

import io.freshet.FreshetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitLogTest {
    @TempDir
    Path checkpoint;

    @Test
    void roundTripsEntriesAndFindsTheLatest() {
        CommitLog log = new CommitLog(checkpoint);
        CommitEntry first = new CommitEntry(0, Long.MIN_VALUE, List.of(Long.MIN_VALUE));
        CommitEntry third = new CommitEntry(2, 1_000_000L, List.of(1_000_000L, 2_000_000L));

        log.write(first);
        log.write(third);

        CommitLog reopened = new CommitLog(checkpoint);
        assertThat(reopened.get(0)).contains(first);
        assertThat(reopened.get(1)).isEmpty();
        assertThat(reopened.latest()).contains(third);
        assertThat(reopened.batchIds()).containsExactly(0L, 2L);
    }

    @Test
    void writesAVersionLineThenJson() throws IOException {
        new CommitLog(checkpoint).write(new CommitEntry(7, 5, List.of()));

        assertThat(Files.readString(checkpoint.resolve("commits/7")))
                .isEqualTo("v1\n{\"batchId\":7,\"nextWatermarkMicros\":5,\"inputWatermarksMicros\":[]}\n");
    }

    @Test
    void refusesADifferentEntryForACommittedBatch() {
        CommitLog log = new CommitLog(checkpoint);
        log.write(new CommitEntry(1, 5, List.of()));
        log.write(new CommitEntry(1, 5, List.of()));

        assertThatThrownBy(() -> log.write(new CommitEntry(1, 6, List.of())))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("commits/1");
    }

    @Test
    void reportsAMissingMemberNamingTheFile() throws IOException {
        Files.createDirectories(checkpoint.resolve("commits"));
        Files.writeString(checkpoint.resolve("commits/0"), "v1\n{\"batchId\":0}\n");

        assertThatThrownBy(() -> new CommitLog(checkpoint).latest())
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining(checkpoint.resolve("commits/0").toString())
                .hasMessageContaining("no 'nextWatermarkMicros'");
    }

    @Test
    void purgesOldEntries() {
        CommitLog log = new CommitLog(checkpoint);
        for (long id = 0; id < 4; id++) {
            log.write(new CommitEntry(id, id, List.of()));
        }

        log.purgeBefore(3);

        assertThat(log.batchIds()).containsExactly(3L);
    }
}
