package io.freshet.sql.ast;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.ParsedExpr.SortItem;
import io.freshet.plan.parsed.Position;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A query: optional common table expressions, a body, and the {@code ORDER BY}, {@code LIMIT} and
 * {@code OFFSET} that apply to the whole body (also to a set operation).
 *
 * @param limit the {@code LIMIT} expression, or null for none (and for {@code LIMIT ALL})
 * @param offset the {@code OFFSET} expression, or null for none
 */
public record Query(
        List<Cte> with, QueryBody body, List<SortItem> orderBy, ParsedExpr limit, ParsedExpr offset, Position position)
        implements QueryBody {
    public Query {
        with = List.copyOf(with);
        requireNonNull(body, "body is null");
        orderBy = List.copyOf(orderBy);
        requireNonNull(position, "position is null");
    }

    /** A query that is just its body, without CTEs, ordering or limits. */
    public static Query of(QueryBody body) {
        return new Query(List.of(), body, List.of(), null, null, body.position());
    }

    /** Whether this query adds nothing to its body (no CTEs, ordering, limit or offset). */
    public boolean isBodyOnly() {
        return with.isEmpty() && orderBy.isEmpty() && limit == null && offset == null;
    }
}
