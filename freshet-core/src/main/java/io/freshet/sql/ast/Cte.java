package io.freshet.sql.ast;

import io.freshet.plan.parsed.Position;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A common table expression {@code name [(columns)] AS (query)} of a {@code WITH} clause. */
public record Cte(String name, List<String> columns, Query query, Position position) {
    public Cte {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        requireNonNull(query, "query is null");
    }
}
