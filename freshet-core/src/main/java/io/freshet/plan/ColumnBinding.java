package io.freshet.plan;

import io.freshet.types.DataType;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * How a column of a {@link Relation} can be named in expressions: {@code name}, or {@code
 * qualifier.name} when it has a qualifier (the table or alias it came from). {@code origins} are the
 * relations (DataFrames) the column passed through, so that {@code df1.col("id")} stays unambiguous
 * after {@code df1.join(df2, …)}.
 */
public record ColumnBinding(String qualifier, String name, DataType type, Set<Object> origins) {
    public ColumnBinding {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        origins = Set.copyOf(origins);
    }

    public ColumnBinding withQualifier(String newQualifier) {
        return new ColumnBinding(newQualifier, name, type, origins);
    }

    public ColumnBinding withOrigin(Object origin) {
        java.util.Set<Object> all = new java.util.HashSet<>(origins);
        all.add(origin);
        return new ColumnBinding(qualifier, name, type, all);
    }

    public String displayName() {
        return qualifier == null ? name : qualifier + "." + name;
    }
}
