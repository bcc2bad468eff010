package io.freshet.state;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The checkpoint files of one operator's state in its directory ({@code <checkpoint>/state/<operatorId>}):
 * a {@code <version>.delta} per committed version and a {@code <version>.snapshot} every few versions, in
 * the {@link StateFileFormat}. Loads a version (the latest snapshot at or below it, then the deltas after
 * that snapshot), writes new versions, and deletes files no retained version needs.
 *
 * <p>Files of versions after the one loaded (left by a run that crashed after writing them) are ignored when
 * loading and deleted before the first new version is written, so they are never mixed with new files.
 */
public final class StateCheckpoint {
    private final Path directory;
    private final int keyGroups;
    private final StateStoreOptions options;
    private long loadedVersion;
    private boolean staleFilesRemoved;

    /** Receives the files of a version as they are loaded, oldest first. */
    public interface Loader extends StateFileReader.Visitor {
        /** Called before the records of each file. */
        default void beginFile(boolean snapshot, long version) {}

        /** Called after the records of each file. */
        default void endFile() {}
    }

    /** The files in a state directory, by version. */
    record Listing(NavigableSet<Long> deltas, NavigableSet<Long> snapshots) {}

    public StateCheckpoint(Path directory, int keyGroups, StateStoreOptions options) {
        this.directory = requireNonNull(directory, "directory is null");
        checkArgument(keyGroups >= 1 && keyGroups <= 65536, "keyGroups must be in 1..65536: %s", keyGroups);
        this.keyGroups = keyGroups;
        this.options = requireNonNull(options, "options is null");
    }

    public Path directory() {
        return directory;
    }

    public StateStoreOptions options() {
        return options;
    }

    /** The file of a delta version. */
    public Path deltaFile(long version) {
        return directory.resolve(version + StateFileFormat.DELTA_SUFFIX);
    }

    /** The file of a snapshot version. */
    public Path snapshotFile(long version) {
        return directory.resolve(version + StateFileFormat.SNAPSHOT_SUFFIX);
    }

    /**
     * Reads the files that make up {@code version} into {@code loader}: nothing for version 0, otherwise the
     * latest snapshot at or below it and every delta after that snapshot up to {@code version}.
     */
    public void load(long version, Loader loader) {
        checkArgument(version >= 0, "version must be non-negative: %s", version);
        loadedVersion = version;
        if (version == 0) {
            return;
        }
        Listing listing = list();
        Long snapshot = listing.snapshots().floor(version);
        long firstDelta = snapshot == null ? 1 : snapshot + 1;
        for (long delta = firstDelta; delta <= version; delta++) {
            if (!listing.deltas().contains(delta)) {
                throw missing(version, delta, listing);
            }
        }
        if (snapshot != null) {
            loader.beginFile(true, snapshot);
            StateFileReader.read(snapshotFile(snapshot), StateFileFormat.KIND_SNAPSHOT, snapshot, keyGroups, loader);
            loader.endFile();
        }
        for (long delta = firstDelta; delta <= version; delta++) {
            loader.beginFile(false, delta);
            StateFileReader.read(deltaFile(delta), StateFileFormat.KIND_DELTA, delta, keyGroups, loader);
            loader.endFile();
        }
    }

    /**
     * Starts the delta file of {@code version}. Before the first one after loading, deletes the files of
     * versions after the loaded one and temporary files left by failed writes.
     */
    public StateFileWriter startDelta(long version) {
        prepareToWrite();
        return new StateFileWriter(deltaFile(version), StateFileFormat.KIND_DELTA, keyGroups, version, options.fsync());
    }

    /** Whether {@code version} gets a snapshot besides its delta. */
    public boolean snapshotDue(long version) {
        return version % options.snapshotInterval() == 0;
    }

    /** Starts the snapshot file of {@code version}. */
    public StateFileWriter startSnapshot(long version) {
        prepareToWrite();
        return new StateFileWriter(
                snapshotFile(version), StateFileFormat.KIND_SNAPSHOT, keyGroups, version, options.fsync());
    }

    /**
     * Deletes the files that no retained version needs, once {@code latestVersion} is written: the last
     * {@code minVersionsToRetain} versions stay loadable, and so do the last two snapshots.
     */
    public void cleanUp(long latestVersion) {
        Listing listing = list();
        long oldestRetained = Math.max(1, latestVersion - options.minVersionsToRetain() + 1);
        Long base = listing.snapshots().floor(oldestRetained);
        if (base == null) {
            // the oldest retained version still needs the deltas from version 1
            return;
        }
        long cutoff = base;
        NavigableSet<Long> recent =
                listing.snapshots().headSet(latestVersion, true).descendingSet();
        int kept = 0;
        for (long snapshot : recent) {
            if (++kept == StateStoreOptions.MIN_SNAPSHOTS_TO_RETAIN) {
                cutoff = Math.min(cutoff, snapshot);
                break;
            }
        }
        // the snapshot at the cutoff replaces every older file, including the delta of its own version
        for (long delta : listing.deltas().headSet(cutoff, true)) {
            delete(deltaFile(delta));
        }
        for (long snapshot : listing.snapshots().headSet(cutoff, false)) {
            delete(snapshotFile(snapshot));
        }
    }

    /** The versions of the files in the directory (none when it does not exist). */
    Listing list() {
        NavigableSet<Long> deltas = new TreeSet<>();
        NavigableSet<Long> snapshots = new TreeSet<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.endsWith(StateFileFormat.DELTA_SUFFIX)) {
                addVersion(deltas, name.substring(0, name.length() - StateFileFormat.DELTA_SUFFIX.length()));
            } else if (name.endsWith(StateFileFormat.SNAPSHOT_SUFFIX)) {
                addVersion(snapshots, name.substring(0, name.length() - StateFileFormat.SNAPSHOT_SUFFIX.length()));
            }
        }
        return new Listing(deltas, snapshots);
    }

    private void prepareToWrite() {
        if (staleFilesRemoved) {
            return;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot create the state checkpoint directory " + directory + ": " + e, e);
        }
        Listing listing = list();
        for (long delta : listing.deltas().tailSet(loadedVersion, false)) {
            delete(deltaFile(delta));
        }
        for (long snapshot : listing.snapshots().tailSet(loadedVersion, false)) {
            delete(snapshotFile(snapshot));
        }
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.startsWith(".") && name.endsWith(".tmp")) {
                delete(file);
            }
        }
        staleFilesRemoved = true;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path file : stream) {
                files.add(file);
            }
        } catch (NoSuchFileException e) {
            return files;
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot list the state checkpoint directory " + directory + ": " + e, e);
        }
        return files;
    }

    private static void addVersion(NavigableSet<Long> versions, String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return;
            }
        }
        versions.add(Long.parseLong(digits));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot delete old state checkpoint file " + file + ": " + e, e);
        }
    }

    private FreshetException missing(long version, long delta, Listing listing) {
        if (listing.deltas().isEmpty() && listing.snapshots().isEmpty()) {
            return new FreshetException(
                    ErrorCode.PATH_NOT_FOUND,
                    "Cannot restore state version " + version + ": the state checkpoint directory " + directory
                            + " holds no state files. Was the checkpoint's state deleted or moved?");
        }
        long oldest = oldestLoadable(listing);
        long newest = Math.max(
                listing.deltas().isEmpty() ? 0 : listing.deltas().last(),
                listing.snapshots().isEmpty() ? 0 : listing.snapshots().last());
        if (version < oldest) {
            return new FreshetException(
                    ErrorCode.PATH_NOT_FOUND,
                    "Cannot restore state version " + version + " from " + directory + ": it is older than the "
                            + "retained versions " + oldest + ".." + newest + " (raise "
                            + StateStoreOptions.MIN_VERSIONS_TO_RETAIN + " to keep more)");
        }
        return new FreshetException(
                ErrorCode.PATH_NOT_FOUND,
                "Cannot restore state version " + version + ": the delta file " + deltaFile(delta)
                        + " is missing (the directory holds versions up to " + newest + ")");
    }

    private static long oldestLoadable(Listing listing) {
        if (listing.snapshots().isEmpty()) {
            return listing.deltas().isEmpty() || listing.deltas().first() != 1 ? Long.MAX_VALUE : 1;
        }
        return listing.snapshots().first();
    }
}
