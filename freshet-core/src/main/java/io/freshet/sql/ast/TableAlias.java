package io.freshet.sql.ast;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The alias of a relation, {@code [AS] name [(column, …)]}; the column list may be empty. */
public record TableAlias(String name, List<String> columns) {
    public TableAlias {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
    }
}
