package io.freshet.state;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.state.rocksdb.RocksDbStateStoreProvider;
import java.nio.file.Path;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** Creates the state stores of a query: in memory (the default) or in RocksDB ({@code freshet.state.provider}). */
public interface StateStoreProvider {

    /** The configuration key naming the provider: {@code memory} (default) or {@code rocksdb}. */
    String PROVIDER_KEY = "freshet.state.provider";

    /** A short name recorded in the checkpoint: {@code memory}, {@code rocksdb}. */
    String name();

    /**
     * Opens the state of one operator at a committed {@code version} (0: empty), from and to the
     * checkpoint directory {@code directory} ({@code <checkpoint>/state/<operatorId>}).
     */
    StateStore open(Path directory, int keyGroups, long version);

    /**
     * The provider called {@code name} ({@code memory} or {@code rocksdb}, case-insensitive) with the default
     * {@link StateStoreOptions}.
     *
     * @throws FreshetException with {@link ErrorCode#INVALID_OPTION} for any other name
     */
    static StateStoreProvider named(String name) {
        return named(name, StateStoreOptions.DEFAULT);
    }

    /**
     * The provider called {@code name} ({@code memory} or {@code rocksdb}, case-insensitive) with {@code options}.
     *
     * @throws FreshetException with {@link ErrorCode#INVALID_OPTION} for any other name
     */
    static StateStoreProvider named(String name, StateStoreOptions options) {
        requireNonNull(name, "name is null");
        requireNonNull(options, "options is null");
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case InMemoryStateStoreProvider.NAME -> new InMemoryStateStoreProvider(options);
            case RocksDbStateStoreProvider.NAME -> new RocksDbStateStoreProvider(options);
            default ->
                throw new FreshetException(
                        ErrorCode.INVALID_OPTION,
                        "Unknown state store provider '" + name + "' in setting '" + PROVIDER_KEY
                                + "'; use 'memory' (the default, state on the heap) or 'rocksdb' (state larger "
                                + "than memory)");
        };
    }
}
