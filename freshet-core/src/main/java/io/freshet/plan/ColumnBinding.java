package io.freshet.plan;

import io.freshet.types.DataType;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * How a column of a {@link Relation} can be named in expressions: {@code name}, or {@code
 * qualifier.name} when it has a qualifier (the table or alias it came from). {@code origins} are the
 * relations (DataFrames) the column passed through, so that {@code df1.col("id")} stays unambiguous
 * after {@code df1.join(df2, …)}. A {@code qualifiedOnly} column is hidden: only {@code qualifier.name}
 * reaches it, and {@code *} leaves it out (each side's column of a {@code JOIN … USING}, as in Spark).
 */
public record ColumnBinding(String qualifier, String name, DataType type, Set<Object> origins, boolean qualifiedOnly) {
    public ColumnBinding {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        origins = Set.copyOf(origins);
        if (qualifiedOnly) {
            requireNonNull(qualifier, "a qualified-only column needs a qualifier");
        }
    }

    /** A column reachable by its name, and by {@code qualifier.name} when it has a qualifier. */
    public ColumnBinding(String qualifier, String name, DataType type, Set<Object> origins) {
        this(qualifier, name, type, origins, false);
    }

    public ColumnBinding withQualifier(String newQualifier) {
        return new ColumnBinding(newQualifier, name, type, origins, qualifiedOnly);
    }

    public ColumnBinding withName(String newName) {
        return new ColumnBinding(qualifier, newName, type, origins, qualifiedOnly);
    }

    public ColumnBinding withOrigin(Object origin) {
        java.util.Set<Object> all = new java.util.HashSet<>(origins);
        all.add(origin);
        return new ColumnBinding(qualifier, name, type, all, qualifiedOnly);
    }

    /** This column hidden from unqualified names and {@code *}, or null if it has no qualifier to reach it. */
    public ColumnBinding hidden() {
        return qualifier == null ? null : new ColumnBinding(qualifier, name, type, origins, true);
    }

    public String displayName() {
        return qualifier == null ? name : qualifier + "." + name;
    }
}
