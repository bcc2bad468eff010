package io.freshet.state.rocksdb;

import io.freshet.state.StateStore;
import io.freshet.state.StateStoreOptions;
import io.freshet.state.StateStoreProvider;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Provides {@link RocksDbStateStore}s (name {@code rocksdb}): state in a local RocksDB instance, for state
 * larger than memory, checkpointed in the same files as the in-memory store.
 */
public record RocksDbStateStoreProvider(StateStoreOptions options) implements StateStoreProvider {
    /** The provider's name in {@code freshet.state.provider} and in checkpoints. */
    public static final String NAME = "rocksdb";

    public RocksDbStateStoreProvider {
        requireNonNull(options, "options is null");
    }

    /** A provider with the default options. */
    public RocksDbStateStoreProvider() {
        this(StateStoreOptions.DEFAULT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StateStore open(Path directory, int keyGroups, long version) {
        return RocksDbStateStore.open(directory, keyGroups, version, options);
    }
}
