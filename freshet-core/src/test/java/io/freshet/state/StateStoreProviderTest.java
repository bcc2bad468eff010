package io.freshet.state;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.state.rocksdb.RocksDbStateStore;
import io.freshet.state.rocksdb.RocksDbStateStoreProvider;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.freshet.state.StateStoreModelTest.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider factory, the options, and behaviour of the stores that the random model test rarely reaches. */
class StateStoreProviderTest {
    @TempDir
    Path temporary;

    private StateStoreOptions options() {
        return StateStoreOptions.DEFAULT.withFsync(false).withRocksDbDirectory(temporary.resolve("rocksdb"));
    }

    private static byte[] key(int i) {
        return ByteBuffer.allocate(12).putInt(7).putLong(i).array();
    }

    private static byte[] value(int i, int length) {
        byte[] value = new byte[length];
        ByteBuffer.wrap(value).putInt(i);
        return value;
    }

    @Test
    void namesTheTwoProviders() {
        assertThat(StateStoreProvider.named("memory")).isInstanceOf(InMemoryStateStoreProvider.class);
        assertThat(StateStoreProvider.named(" RocksDB ")).isInstanceOf(RocksDbStateStoreProvider.class);
        assertThat(StateStoreProvider.named("memory").name()).isEqualTo("memory");
        assertThat(StateStoreProvider.named("rocksdb").name()).isEqualTo("rocksdb");
        assertThat(((RocksDbStateStoreProvider) StateStoreProvider.named("rocksdb", options())).options())
                .isEqualTo(options());
    }

    @Test
    void refusesAnUnknownProviderName() {
        assertThatThrownBy(() -> StateStoreProvider.named("hdfs"))
                .isInstanceOf(FreshetException.class)
                .satisfies(e -> assertThat(((FreshetException) e).errorCode()).isEqualTo(ErrorCode.INVALID_OPTION))
                .hasMessageContaining("Unknown state store provider 'hdfs'")
                .hasMessageContaining(StateStoreProvider.PROVIDER_KEY)
                .hasMessageContaining("'memory'")
                .hasMessageContaining("'rocksdb'");
    }

    @Test
    void readsOptionsFromSettings() {
        StateStoreOptions options = StateStoreOptions.fromSettings(Map.of(
                StateStoreOptions.SNAPSHOT_INTERVAL, "5",
                StateStoreOptions.MIN_VERSIONS_TO_RETAIN, " 20 ",
                StateStoreOptions.FSYNC, "FALSE",
                StateStoreOptions.ROCKSDB_DIRECTORY, "/data/state"));

        assertThat(options).isEqualTo(new StateStoreOptions(5, 20, false, Path.of("/data/state")));
        assertThat(StateStoreOptions.fromSettings(Map.of())).isEqualTo(StateStoreOptions.DEFAULT);
        assertThat(StateStoreOptions.DEFAULT).isEqualTo(new StateStoreOptions(10, 100, true, null));
    }

    @Test
    void refusesInvalidOptionValues() {
        assertThatThrownBy(() -> StateStoreOptions.fromSettings(Map.of(StateStoreOptions.SNAPSHOT_INTERVAL, "0")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("'freshet.state.snapshot-interval': '0'")
                .hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> StateStoreOptions.fromSettings(Map.of(StateStoreOptions.MIN_VERSIONS_TO_RETAIN, "x")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining(StateStoreOptions.MIN_VERSIONS_TO_RETAIN);
        assertThatThrownBy(() -> StateStoreOptions.fromSettings(Map.of(StateStoreOptions.FSYNC, "yes")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("expected true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void cursorsVisitManyEntriesOnceAndRemoveThroughTheCursor(String providerName) {
        int committed = 5000;
        int added = 1500;
        Path directory = temporary.resolve("state");
        try (StateStore store = provider(providerName, options()).open(directory, 2, 0)) {
            KeyGroupState group = store.group(1);
            for (int i = 0; i < committed; i++) {
                group.put(key(i), value(i, 16));
            }
            store.commit();
            // uncommitted: overwrite some, remove some, add new ones
            for (int i = 0; i < committed; i += 7) {
                group.put(key(i), value(-i, 24));
            }
            for (int i = 3; i < committed; i += 11) {
                group.remove(key(i));
            }
            for (int i = committed; i < committed + added; i++) {
                group.put(key(i), value(i, 8));
            }
            Map<ByteBuffer, ByteBuffer> expected = new HashMap<>();
            for (int i = 0; i < committed + added; i++) {
                byte[] value = group.get(key(i));
                if (value != null) {
                    expected.put(ByteBuffer.wrap(key(i)), ByteBuffer.wrap(value));
                }
            }

            Map<ByteBuffer, ByteBuffer> seen = new HashMap<>();
            StateCursor cursor = group.cursor();
            int visits = 0;
            while (cursor.next()) {
                visits++;
                ByteBuffer k = ByteBuffer.wrap(cursor.key());
                seen.put(k, ByteBuffer.wrap(cursor.value()));
                if (k.getLong(4) % 3 == 0) {
                    cursor.remove();
                }
            }

            assertThat(visits).isEqualTo(expected.size());
            assertThat(seen).isEqualTo(expected);
            long remaining = expected.keySet().stream()
                    .filter(k -> k.getLong(4) % 3 != 0)
                    .count();
            assertThat(group.size()).isEqualTo(remaining);
            store.commit();
            assertThat(store.metrics().rowsTotal()).isEqualTo(remaining);
        }
        try (StateStore store = provider(providerName, options()).open(directory, 2, 2)) {
            StateCursor cursor = store.group(1).cursor();
            int count = 0;
            while (cursor.next()) {
                assertThat(ByteBuffer.wrap(cursor.key()).getLong(4) % 3).isNotZero();
                count++;
            }
            assertThat(count).isEqualTo(store.group(1).size());
        }
    }

    @Test
    void compactsDeadSlabSpaceOfTheInMemoryStore() {
        try (StateStore store = provider("memory", options()).open(temporary.resolve("state"), 1, 0)) {
            KeyGroupState group = store.group(0);
            long firstMemory = 0;
            for (int version = 1; version <= 60; version++) {
                // values change length every version, so every put appends a new record
                for (int i = 0; i < 2000; i++) {
                    group.put(key(i), value(version, 16 + version % 2 * 16));
                }
                store.commit();
                if (version == 2) {
                    firstMemory = store.metrics().memoryUsedBytes();
                }
            }
            assertThat(store.metrics().memoryUsedBytes()).isLessThanOrEqualTo(firstMemory * 3);
            for (int i = 0; i < 2000; i++) {
                assertThat(ByteBuffer.wrap(group.get(key(i))).getInt()).isEqualTo(60);
            }
        }
    }

    @Test
    void rocksDbWorksInItsOwnDirectoryAndDeletesItOnClose() throws Exception {
        Path parent = temporary.resolve("rocksdb");
        RocksDbStateStore store = RocksDbStateStore.open(temporary.resolve("state"), 4, 0, options());
        Path working = store.workingDirectory();
        store.group(2).put(key(1), value(1, 16));
        store.commit();

        assertThat(working.getParent()).isEqualTo(parent);
        assertThat(Files.list(working).count()).isPositive();
        store.close();
        assertThat(working).doesNotExist();
        assertThatThrownBy(() -> store.group(0)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void keepsKeyGroupsApart(String providerName) {
        try (StateStore store = provider(providerName, options()).open(temporary.resolve("state"), 3, 0)) {
            store.group(0).put(key(1), value(0, 4));
            store.group(2).put(key(1), value(2, 4));
            store.commit();
            store.group(1).put(key(1), value(1, 4));

            for (int g = 0; g < 3; g++) {
                assertThat(ByteBuffer.wrap(store.group(g).get(key(1))).getInt()).isEqualTo(g);
                assertThat(store.group(g).size()).isEqualTo(1);
            }
            assertThat(store.group(0).remove(key(1))).isTrue();
            assertThat(store.group(2).get(key(1))).isNotNull();
            assertThatThrownBy(() -> store.group(3)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void storesEmptyKeysAndValues(String providerName) {
        Path directory = temporary.resolve("state");
        try (StateStore store = provider(providerName, options()).open(directory, 1, 0)) {
            store.group(0).put(new byte[0], new byte[0]);
            store.commit();
        }
        try (StateStore store = provider(providerName, options()).open(directory, 1, 1)) {
            assertThat(store.group(0).get(new byte[0])).isEmpty();
            assertThat(store.group(0).size()).isEqualTo(1);
        }
    }
}
