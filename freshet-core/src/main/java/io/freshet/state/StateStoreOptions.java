package io.freshet.state;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.nio.file.Path;
import java.util.Map;

import static io.freshet.util.Checks.checkArgument;

/**
 * How state stores checkpoint: snapshot interval, retention, fsync, and where RocksDB keeps its working
 * files. Read from the session's settings with {@link #fromSettings}.
 *
 * @param snapshotInterval a full snapshot is written at every version divisible by this (deltas at every one)
 * @param minVersionsToRetain the number of most recent versions that stay restorable; older files are deleted
 * @param fsync whether checkpoint files (and their directory) are forced to disk before they count as written
 * @param rocksDbDirectory the parent of RocksDB's working directories, or null for {@code java.io.tmpdir}
 */
public record StateStoreOptions(int snapshotInterval, int minVersionsToRetain, boolean fsync, Path rocksDbDirectory) {

    /** Versions between full snapshots; default 10. */
    public static final String SNAPSHOT_INTERVAL = "freshet.state.snapshot-interval";
    /** Recent versions that stay restorable (Spark's {@code minBatchesToRetain}); default 100. */
    public static final String MIN_VERSIONS_TO_RETAIN = "freshet.state.min-versions-to-retain";
    /** Whether checkpoint files are forced to disk; default true. */
    public static final String FSYNC = "freshet.state.fsync";
    /** The parent directory of RocksDB's working directories; default {@code java.io.tmpdir}. */
    public static final String ROCKSDB_DIRECTORY = "freshet.state.rocksdb.dir";

    /** At least this many snapshots are kept, whatever the retention in versions. */
    public static final int MIN_SNAPSHOTS_TO_RETAIN = 2;

    /** Snapshots every 10 versions, the last 100 versions restorable, fsync on, RocksDB under the temp dir. */
    public static final StateStoreOptions DEFAULT = new StateStoreOptions(10, 100, true, null);

    public StateStoreOptions {
        checkArgument(snapshotInterval >= 1, "snapshotInterval must be positive: %s", snapshotInterval);
        checkArgument(minVersionsToRetain >= 1, "minVersionsToRetain must be positive: %s", minVersionsToRetain);
    }

    /** The options given by the {@code freshet.state.*} keys of {@code settings}; defaults for absent keys. */
    public static StateStoreOptions fromSettings(Map<String, String> settings) {
        int snapshotInterval = positiveInt(settings, SNAPSHOT_INTERVAL, DEFAULT.snapshotInterval());
        int minVersions = positiveInt(settings, MIN_VERSIONS_TO_RETAIN, DEFAULT.minVersionsToRetain());
        boolean fsync = DEFAULT.fsync();
        String fsyncValue = settings.get(FSYNC);
        if (fsyncValue != null) {
            if (!fsyncValue.trim().equalsIgnoreCase("true")
                    && !fsyncValue.trim().equalsIgnoreCase("false")) {
                throw new FreshetException(
                        ErrorCode.INVALID_OPTION,
                        "Invalid value for setting '" + FSYNC + "': '" + fsyncValue + "'; expected true or false");
            }
            fsync = Boolean.parseBoolean(fsyncValue.trim());
        }
        String directory = settings.get(ROCKSDB_DIRECTORY);
        Path rocksDbDirectory = directory == null || directory.isBlank() ? null : Path.of(directory.trim());
        return new StateStoreOptions(snapshotInterval, minVersions, fsync, rocksDbDirectory);
    }

    /** A copy with another snapshot interval. */
    public StateStoreOptions withSnapshotInterval(int interval) {
        return new StateStoreOptions(interval, minVersionsToRetain, fsync, rocksDbDirectory);
    }

    /** A copy with another retention in versions. */
    public StateStoreOptions withMinVersionsToRetain(int versions) {
        return new StateStoreOptions(snapshotInterval, versions, fsync, rocksDbDirectory);
    }

    /** A copy with fsync on or off. */
    public StateStoreOptions withFsync(boolean value) {
        return new StateStoreOptions(snapshotInterval, minVersionsToRetain, value, rocksDbDirectory);
    }

    /** A copy with another parent directory for RocksDB's working files. */
    public StateStoreOptions withRocksDbDirectory(Path directory) {
        return new StateStoreOptions(snapshotInterval, minVersionsToRetain, fsync, directory);
    }

    private static int positiveInt(Map<String, String> settings, String key, int defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the key and the expected form
        }
        throw new FreshetException(
                ErrorCode.INVALID_OPTION,
                "Invalid value for setting '" + key + "': '" + value + "'; expected a positive whole number");
    }
}
