package io.freshet.state;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/** Provides {@link InMemoryStateStore}s (name {@code memory}): state on the heap, checkpointed as deltas and snapshots. */
public record InMemoryStateStoreProvider(StateStoreOptions options) implements StateStoreProvider {
    /** The provider's name in {@code freshet.state.provider} and in checkpoints. */
    public static final String NAME = "memory";

    public InMemoryStateStoreProvider {
        requireNonNull(options, "options is null");
    }

    /** A provider with the default options. */
    public InMemoryStateStoreProvider() {
        this(StateStoreOptions.DEFAULT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StateStore open(Path directory, int keyGroups, long version) {
        return InMemoryStateStore.open(directory, keyGroups, version, options);
    }
}
