package io.freshet.state;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.freshet.state.StateStoreModelTest.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoint files of the state stores: versions, snapshots, retention, and damaged or mismatched files. */
class StateCheckpointTest {
    private static final int KEY_GROUPS = 4;

    @TempDir
    Path temporary;

    private StateStoreOptions options() {
        return StateStoreOptions.DEFAULT.withFsync(false).withRocksDbDirectory(temporary.resolve("rocksdb"));
    }

    private Path stateDirectory() {
        return temporary.resolve("checkpoint/state/1");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Commits versions 1..count; version v puts "k" → "v<v>" in group 0 and "only<v>" in group v % 4. */
    private void commitVersions(String providerName, StateStoreOptions options, int count) {
        try (StateStore store = provider(providerName, options).open(stateDirectory(), KEY_GROUPS, 0)) {
            for (int v = 1; v <= count; v++) {
                store.group(0).put(bytes("k"), bytes("v" + v));
                store.group(v % KEY_GROUPS).put(bytes("only" + v), bytes("x"));
                store.commit();
            }
        }
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(stateDirectory())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void writesADeltaPerVersionAndASnapshotEveryInterval(String providerName) throws IOException {
        commitVersions(providerName, options().withSnapshotInterval(3), 7);

        assertThat(fileNames())
                .containsExactlyInAnyOrder(
                        "1.delta",
                        "2.delta",
                        "3.delta",
                        "3.snapshot",
                        "4.delta",
                        "5.delta",
                        "6.delta",
                        "6.snapshot",
                        "7.delta");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void reopensAtEveryRetainedVersion(String providerName) {
        commitVersions(providerName, options().withSnapshotInterval(3), 7);

        for (int v = 0; v <= 7; v++) {
            try (StateStore store = provider(providerName, options()).open(stateDirectory(), KEY_GROUPS, v)) {
                assertThat(store.version()).isEqualTo(v);
                assertThat(text(store.group(0).get(bytes("k")))).isEqualTo(v == 0 ? null : "v" + v);
                long total = 0;
                for (int g = 0; g < KEY_GROUPS; g++) {
                    total += store.group(g).size();
                }
                assertThat(total).as("version %s", v).isEqualTo(v == 0 ? 0 : v + 1);
                assertThat(store.metrics().rowsTotal()).isEqualTo(total);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void deletesFilesThatNoRetainedVersionNeeds(String providerName) throws IOException {
        StateStoreOptions options = options().withSnapshotInterval(2).withMinVersionsToRetain(3);
        commitVersions(providerName, options, 10);

        // versions 8..10 stay loadable from the snapshot of 8; the two latest snapshots are 8 and 10
        assertThat(fileNames()).containsExactlyInAnyOrder("8.snapshot", "9.delta", "10.delta", "10.snapshot");
        try (StateStore store = provider(providerName, options).open(stateDirectory(), KEY_GROUPS, 8)) {
            assertThat(text(store.group(0).get(bytes("k")))).isEqualTo("v8");
        }
        assertThatThrownBy(() -> provider(providerName, options).open(stateDirectory(), KEY_GROUPS, 7))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("Cannot restore state version 7")
                .hasMessageContaining("older than the retained versions 8..10")
                .hasMessageContaining(StateStoreOptions.MIN_VERSIONS_TO_RETAIN);
    }

    @Test
    void keepsTheLastTwoSnapshotsWhateverTheRetentionInVersions() throws IOException {
        StateStoreOptions options = options().withSnapshotInterval(2).withMinVersionsToRetain(1);
        commitVersions("memory", options, 10);

        assertThat(fileNames()).containsExactlyInAnyOrder("8.snapshot", "9.delta", "10.delta", "10.snapshot");
    }

    @Test
    void keepsEveryFileWhileNoSnapshotCoversTheRetainedVersions() throws IOException {
        StateStoreOptions options = options().withSnapshotInterval(4).withMinVersionsToRetain(100);
        commitVersions("memory", options, 9);

        assertThat(fileNames()).hasSize(11).contains("1.delta", "4.snapshot", "8.snapshot", "9.delta");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void ignoresLaterVersionsOfACrashedRunAndOverwritesThem(String providerName) throws IOException {
        StateStoreOptions options = options().withSnapshotInterval(4);
        commitVersions(providerName, options, 6);

        try (StateStore store = provider(providerName, options).open(stateDirectory(), KEY_GROUPS, 3)) {
            assertThat(text(store.group(0).get(bytes("k")))).isEqualTo("v3");
            assertThat(store.group(0).get(bytes("only4"))).isNull();
            store.group(0).put(bytes("k"), bytes("rerun4"));
            store.commit();
            assertThat(store.version()).isEqualTo(4);
        }

        assertThat(fileNames()).containsExactlyInAnyOrder("1.delta", "2.delta", "3.delta", "4.delta", "4.snapshot");
        try (StateStore store = provider(providerName, options).open(stateDirectory(), KEY_GROUPS, 4)) {
            assertThat(text(store.group(0).get(bytes("k")))).isEqualTo("rerun4");
            assertThat(store.group(0).get(bytes("only4"))).isNull();
        }
        assertThatThrownBy(() -> provider(providerName, options).open(stateDirectory(), KEY_GROUPS, 5))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("5.delta is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void abortRestoresTheCommittedState(String providerName) {
        try (StateStore store = provider(providerName, options()).open(stateDirectory(), KEY_GROUPS, 0)) {
            KeyGroupState group = store.group(1);
            group.put(bytes("a"), bytes("1"));
            group.put(bytes("b"), bytes("2"));
            store.commit();

            group.put(bytes("a"), bytes("changed, and longer"));
            group.remove(bytes("b"));
            group.put(bytes("c"), bytes("3"));
            group.remove(bytes("c"));
            group.put(bytes("d"), bytes("4"));
            store.abort();

            assertThat(text(group.get(bytes("a")))).isEqualTo("1");
            assertThat(text(group.get(bytes("b")))).isEqualTo("2");
            assertThat(group.get(bytes("c"))).isNull();
            assertThat(group.get(bytes("d"))).isNull();
            assertThat(group.size()).isEqualTo(2);
            assertThat(store.version()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void writesAnEmptyDeltaWhenNothingChanged(String providerName) throws IOException {
        try (StateStore store = provider(providerName, options()).open(stateDirectory(), KEY_GROUPS, 0)) {
            store.group(0).put(bytes("a"), bytes("1"));
            store.commit();
            store.commit();
            assertThat(store.metrics().rowsUpdated()).isZero();
            assertThat(store.metrics().rowsRemoved()).isZero();
            assertThat(store.metrics().rowsTotal()).isEqualTo(1);
        }
        assertThat(fileNames()).containsExactlyInAnyOrder("1.delta", "2.delta");
        try (StateStore store = provider(providerName, options()).open(stateDirectory(), KEY_GROUPS, 2)) {
            assertThat(text(store.group(0).get(bytes("a")))).isEqualTo("1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void reportsTheChangesOfTheLastCommit(String providerName) {
        try (StateStore store = provider(providerName, options()).open(stateDirectory(), KEY_GROUPS, 0)) {
            store.group(0).put(bytes("a"), bytes("1"));
            store.group(1).put(bytes("b"), bytes("1"));
            store.group(2).put(bytes("c"), bytes("1"));
            store.commit();
            store.group(0).put(bytes("a"), bytes("2"));
            store.group(1).remove(bytes("b"));
            store.group(3).put(bytes("new"), bytes("1"));
            store.group(3).remove(bytes("new"));
            store.commit();

            StateStoreMetrics metrics = store.metrics();
            assertThat(metrics.rowsTotal()).isEqualTo(2);
            assertThat(metrics.rowsUpdated()).isEqualTo(1);
            assertThat(metrics.rowsRemoved()).isEqualTo(1);
            assertThat(metrics.memoryUsedBytes()).isPositive();
            assertThat(metrics.commitTimeMillis()).isNotNegative();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void readsTheCheckpointOfTheOtherProvider(String providerName) {
        commitVersions(providerName, options().withSnapshotInterval(3), 5);
        String other = providerName.equals("memory") ? "rocksdb" : "memory";

        try (StateStore store = provider(other, options()).open(stateDirectory(), KEY_GROUPS, 5)) {
            assertThat(text(store.group(0).get(bytes("k")))).isEqualTo("v5");
            assertThat(text(store.group(1).get(bytes("only5")))).isEqualTo("x");
            assertThat(store.group(1).size()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void refusesAChangedNumberOfKeyGroups(String providerName) {
        commitVersions(providerName, options(), 2);

        assertThatThrownBy(() -> provider(providerName, options()).open(stateDirectory(), 8, 2))
                .isInstanceOf(FreshetException.class)
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.INVALID_OPTION))
                .hasMessageContaining("has 4 key groups")
                .hasMessageContaining("asked for 8")
                .hasMessageContaining("fixed at the query's first run");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void reportsACorruptFileByName(String providerName) throws IOException {
        commitVersions(providerName, options(), 3);
        Path file = stateDirectory().resolve("2.delta");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(26);
            int b = raf.read();
            raf.seek(26);
            raf.write(b ^ 0x01);
        }

        assertThatThrownBy(() -> provider(providerName, options()).open(stateDirectory(), KEY_GROUPS, 3))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is corrupt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void reportsATruncatedFileByName(String providerName) throws IOException {
        commitVersions(providerName, options(), 3);
        Path file = stateDirectory().resolve("3.delta");
        byte[] content = Files.readAllBytes(file);
        for (int length : new int[] {0, 10, content.length / 2, content.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(content, length));
            assertThatThrownBy(() -> provider(providerName, options()).open(stateDirectory(), KEY_GROUPS, 3))
                    .as("truncated to %s bytes", length)
                    .isInstanceOf(FreshetException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void refusesAFileThatIsNotAStateFile() throws IOException {
        Files.createDirectories(stateDirectory());
        Path file = stateDirectory().resolve("1.delta");
        Files.writeString(file, "this is not a state file, but it is long enough");

        assertThatThrownBy(() -> provider("memory", options()).open(stateDirectory(), KEY_GROUPS, 1))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a Freshet state file");
    }

    @Test
    void refusesAFileOfANewerFormat() throws IOException {
        commitVersions("memory", options(), 1);
        Path file = stateDirectory().resolve("1.delta");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(4);
            raf.writeShort(2);
        }

        assertThatThrownBy(() -> provider("memory", options()).open(stateDirectory(), KEY_GROUPS, 1))
                .isInstanceOf(FreshetException.class)
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("format version 2");
    }

    @Test
    void reportsAMissingDeltaFile() throws IOException {
        commitVersions("memory", options(), 3);
        Files.delete(stateDirectory().resolve("2.delta"));

        assertThatThrownBy(() -> provider("memory", options()).open(stateDirectory(), KEY_GROUPS, 3))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("2.delta is missing");
    }

    @Test
    void reportsAStateDirectoryWithoutFiles() {
        assertThatThrownBy(() -> provider("memory", options()).open(stateDirectory(), KEY_GROUPS, 3))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("holds no state files");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        commitVersions("memory", options().withFsync(true).withSnapshotInterval(2), 4);

        assertThat(fileNames()).allMatch(name -> !name.endsWith(".tmp"));
    }
}
