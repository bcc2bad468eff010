package io.freshet.state;

import java.nio.file.Path;

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
}
