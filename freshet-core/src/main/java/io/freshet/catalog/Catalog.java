package io.freshet.catalog;

import io.freshet.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static io.freshet.ErrorCode.TABLE_ALREADY_EXISTS;
import static io.freshet.ErrorCode.TABLE_NOT_FOUND;
import static java.util.Objects.requireNonNull;

/** The tables and views of a session, by case-insensitive name. Thread-safe. */
public final class Catalog {
    private final Map<String, CatalogEntry> entries = new ConcurrentHashMap<>();

    /** A table or a view of the catalog. */
    public sealed interface CatalogEntry permits TableEntry, ViewEntry {
        String name();
    }

    /** A table backed by a source; {@code format} names it ({@code csv}, {@code memory}, …). */
    public record TableEntry(
            String name, String format, TableSource source, Map<String, String> options, String location)
            implements CatalogEntry {
        public TableEntry {
            requireNonNull(name, "name is null");
            requireNonNull(source, "source is null");
            options = Map.copyOf(options);
        }
    }

    /**
     * A view: its query, kept as the front end's representation and planned where it is used, so that
     * it sees the tables as they are then.
     */
    public record ViewEntry(String name, String sql, Object plan, boolean temporary) implements CatalogEntry {
        public ViewEntry {
            requireNonNull(name, "name is null");
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public Optional<CatalogEntry> find(String name) {
        return Optional.ofNullable(entries.get(key(name)));
    }

    /** The entry, or an AnalysisException naming the missing table and what exists. */
    public CatalogEntry get(String name) {
        CatalogEntry entry = entries.get(key(name));
        if (entry == null) {
            throw new AnalysisException(
                    TABLE_NOT_FOUND,
                    "Table or view '" + name + "' does not exist"
                            + (entries.isEmpty()
                                    ? "; no tables are registered"
                                    : "; known: " + String.join(", ", names())));
        }
        return entry;
    }

    /** Registers an entry; {@code replace} allows overwriting an existing one. */
    public void register(CatalogEntry entry, boolean replace) {
        if (replace) {
            entries.put(key(entry.name()), entry);
            return;
        }
        CatalogEntry previous = entries.putIfAbsent(key(entry.name()), entry);
        if (previous != null) {
            throw new AnalysisException(
                    TABLE_ALREADY_EXISTS,
                    "Table or view '" + entry.name() + "' already exists; use CREATE OR REPLACE, or DROP it first");
        }
    }

    public boolean drop(String name) {
        return entries.remove(key(name)) != null;
    }

    /** Entry names, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (CatalogEntry entry : new TreeMap<>(entries).values()) {
            names.add(entry.name());
        }
        return names;
    }

    public List<CatalogEntry> entries() {
        return List.copyOf(new TreeMap<>(entries).values());
    }
}
