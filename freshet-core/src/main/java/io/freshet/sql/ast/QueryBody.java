package io.freshet.sql.ast;

import io.freshet.plan.parsed.Position;

/** The body of a query: a {@code SELECT}, a set operation, {@code VALUES}, or a nested query. */
public sealed interface QueryBody permits Select, SetOperation, Values, Query {
    Position position();
}
