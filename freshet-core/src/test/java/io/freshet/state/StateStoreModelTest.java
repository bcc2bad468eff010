package io.freshet.state;

import io.freshet.FreshetException;
import io.freshet.state.rocksdb.RocksDbStateStoreProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives both state store providers through long random sequences of puts, removes, gets, cursor scans
 * (with removes), commits, aborts, and closes followed by reopening at the latest or an older retained
 * version (sometimes with the other provider, which reads the same files), and compares every read with a
 * {@link HashMap} model of each committed version. Replay a failure with {@code -Dfreshet.test.seed=…}.
 */
class StateStoreModelTest {
    private static final int KEY_GROUPS = 4;
    private static final int ROUNDS = 4;
    private static final int STEPS_PER_ROUND = 2500;

    @TempDir
    Path temporary;

    /** A key or value with value equality, for the model's maps. */
    private record Bytes(byte[] array) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && java.util.Arrays.equals(array, that.array);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(array);
        }

        @Override
        public String toString() {
            return java.util.HexFormat.of().formatHex(array);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void matchesAHashMapModelOverRandomOperations(String providerName) {
        long seed = seed("StateStoreModelTest");
        for (int round = 0; round < ROUNDS; round++) {
            runRound(providerName, seed + round, temporary.resolve("round" + round));
        }
    }

    private void runRound(String providerName, long seed, Path directory) {
        Random random = new Random(seed);
        StateStoreOptions options = StateStoreOptions.DEFAULT
                .withFsync(false)
                .withSnapshotInterval(1 + random.nextInt(6))
                .withMinVersionsToRetain(2 + random.nextInt(8))
                .withRocksDbDirectory(temporary.resolve("rocksdb"));
        String context = "seed " + seed + "L, provider " + providerName + ", " + options;
        List<List<Bytes>> keyPool = keyPool(random);

        // history.get(v) is the committed state of version v, one map per key group; it holds every version
        // on disk, including those after the version a store was reopened at, until the next commit
        List<List<Map<Bytes, Bytes>>> history = new ArrayList<>();
        // the files of versions below this were deleted by a cleanup (one runs at every snapshot)
        long cleanedBelow = 0;
        history.add(emptyState());
        List<Map<Bytes, Bytes>> current = copy(history.get(0));
        StateStore store = provider(providerName, options).open(directory, KEY_GROUPS, 0);
        try {
            for (int step = 0; step < STEPS_PER_ROUND; step++) {
                String at = context + ", step " + step + ", version " + store.version();
                int g = random.nextInt(KEY_GROUPS);
                KeyGroupState group = store.group(g);
                Map<Bytes, Bytes> model = current.get(g);
                int action = random.nextInt(1000);
                if (action < 400) {
                    Bytes key = pick(random, keyPool.get(g));
                    Bytes value = randomValue(random);
                    group.put(key.array(), value.array());
                    model.put(key, value);
                } else if (action < 550) {
                    Bytes key = pick(random, keyPool.get(g));
                    assertThat(group.remove(key.array())).as(at).isEqualTo(model.remove(key) != null);
                } else if (action < 850) {
                    Bytes key = pick(random, keyPool.get(g));
                    byte[] value = group.get(key.array());
                    Bytes expected = model.get(key);
                    assertThat(value == null ? null : new Bytes(value)).as(at).isEqualTo(expected);
                } else if (action < 880) {
                    assertThat(group.size()).as(at).isEqualTo(model.size());
                } else if (action < 905) {
                    scan(random, group, model, at);
                } else if (action < 950) {
                    store.commit();
                    while (history.size() > store.version()) {
                        history.remove(history.size() - 1);
                    }
                    history.add(copy(current));
                    assertThat(store.version()).as(at).isEqualTo(history.size() - 1);
                    if (store.version() % options.snapshotInterval() == 0) {
                        cleanedBelow = Math.max(cleanedBelow, store.version() - options.minVersionsToRetain() + 1);
                    }
                    assertThat(store.metrics().rowsTotal()).as(at).isEqualTo(total(current));
                } else if (action < 975) {
                    store.abort();
                    current = copy(history.get((int) store.version()));
                    checkAll(store, current, at + " after abort");
                } else {
                    store.close();
                    long latest = history.size() - 1;
                    long version = latest;
                    if (random.nextBoolean()) {
                        long oldest = Math.max(cleanedBelow, Math.max(0, latest - options.minVersionsToRetain() + 1));
                        version = oldest + random.nextInt((int) (latest - oldest + 1));
                    }
                    String reopened = random.nextInt(4) == 0 ? otherProvider(providerName) : providerName;
                    store = provider(reopened, options).open(directory, KEY_GROUPS, version);
                    current = copy(history.get((int) version));
                    checkAll(store, current, at + " after reopening at " + version + " with " + reopened);
                }
            }
            store.commit();
            while (history.size() > store.version()) {
                history.remove(history.size() - 1);
            }
            history.add(copy(current));
            long latest = history.size() - 1;
            long tooOld = latest - options.minVersionsToRetain() - options.snapshotInterval() * 2L - 1;
            store.close();
            if (tooOld >= 1) {
                assertThatThrownBy(() -> provider(providerName, options).open(directory, KEY_GROUPS, tooOld))
                        .as(context)
                        .isInstanceOf(FreshetException.class)
                        .hasMessageContaining("Cannot restore state version " + tooOld);
            }
            store = provider(providerName, options).open(directory, KEY_GROUPS, latest);
            checkAll(store, current, context + " at the end");
        } finally {
            store.close();
        }
    }

    /** Scans a key group with a cursor, removing some entries through it, and compares with the model. */
    private static void scan(Random random, KeyGroupState group, Map<Bytes, Bytes> model, String at) {
        Map<Bytes, Bytes> seen = new HashMap<>();
        int removeOneIn = random.nextInt(4);
        StateCursor cursor = group.cursor();
        List<Bytes> removed = new ArrayList<>();
        while (cursor.next()) {
            Bytes key = new Bytes(cursor.key());
            assertThat(seen.put(key, new Bytes(cursor.value())))
                    .as(at + ": key seen twice " + key)
                    .isNull();
            if (removeOneIn > 0 && random.nextInt(removeOneIn + 1) == 0) {
                cursor.remove();
                removed.add(key);
            }
        }
        assertThat(seen).as(at).isEqualTo(model);
        for (Bytes key : removed) {
            model.remove(key);
        }
        assertThat(group.size()).as(at).isEqualTo(model.size());
    }

    private static void checkAll(StateStore store, List<Map<Bytes, Bytes>> state, String at) {
        for (int g = 0; g < KEY_GROUPS; g++) {
            KeyGroupState group = store.group(g);
            assertThat(group.size())
                    .as(at + ", group " + g)
                    .isEqualTo(state.get(g).size());
            Map<Bytes, Bytes> seen = new HashMap<>();
            StateCursor cursor = group.cursor();
            while (cursor.next()) {
                seen.put(new Bytes(cursor.key()), new Bytes(cursor.value()));
            }
            assertThat(seen).as(at + ", group " + g).isEqualTo(state.get(g));
            for (Map.Entry<Bytes, Bytes> entry : state.get(g).entrySet()) {
                assertThat(new Bytes(group.get(entry.getKey().array()))).as(at).isEqualTo(entry.getValue());
            }
        }
    }

    private static List<List<Bytes>> keyPool(Random random) {
        List<List<Bytes>> pool = new ArrayList<>();
        for (int g = 0; g < KEY_GROUPS; g++) {
            int size = 5 + random.nextInt(300);
            List<Bytes> keys = new ArrayList<>();
            keys.add(new Bytes(new byte[0]));
            for (int i = 1; i < size; i++) {
                byte[] key = new byte[1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 24)];
                random.nextBytes(key);
                keys.add(new Bytes(key));
            }
            pool.add(keys);
        }
        return pool;
    }

    private static Bytes randomValue(Random random) {
        int kind = random.nextInt(100);
        int length = kind < 50 ? 16 : kind < 97 ? random.nextInt(64) : kind < 99 ? random.nextInt(3000) : 70_000;
        byte[] value = new byte[length];
        random.nextBytes(value);
        return new Bytes(value);
    }

    private static Bytes pick(Random random, List<Bytes> keys) {
        return keys.get(random.nextInt(keys.size()));
    }

    private static List<Map<Bytes, Bytes>> emptyState() {
        List<Map<Bytes, Bytes>> state = new ArrayList<>();
        for (int g = 0; g < KEY_GROUPS; g++) {
            state.add(new HashMap<>());
        }
        return state;
    }

    private static List<Map<Bytes, Bytes>> copy(List<Map<Bytes, Bytes>> state) {
        List<Map<Bytes, Bytes>> result = new ArrayList<>();
        for (Map<Bytes, Bytes> group : state) {
            result.add(new HashMap<>(group));
        }
        return result;
    }

    private static long total(List<Map<Bytes, Bytes>> state) {
        long total = 0;
        for (Map<Bytes, Bytes> group : state) {
            total += group.size();
        }
        return total;
    }

    static StateStoreProvider provider(String name, StateStoreOptions options) {
        return name.equals("memory") ? new InMemoryStateStoreProvider(options) : new RocksDbStateStoreProvider(options);
    }

    private static String otherProvider(String name) {
        return name.equals("memory") ? "rocksdb" : "memory";
    }

    /** A fresh seed, or the one given with {@code -Dfreshet.test.seed=…} to replay a failure. */
    static long seed(String test) {
        String given = System.getProperty("freshet.test.seed");
        long seed = given != null ? Long.parseLong(given.replace("L", "")) : System.nanoTime();
        System.out.println(test + " seed = " + seed + "L (replay with -Dfreshet.test.seed=" + seed + ")");
        return seed;
    }
}
