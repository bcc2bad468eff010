package io.freshet.sql.ast;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A {@code SELECT} block. Select items are {@link ParsedExpr}s: {@code ParsedExpr.Star} for {@code *}
 * and {@code t.*}, {@code ParsedExpr.Alias} for {@code expr AS name}. Windows named in a {@code
 * WINDOW} clause are already substituted into the window function calls that use them.
 *
 * @param from the {@code FROM} relation (comma joins are cross joins), or null for none
 * @param where the {@code WHERE} condition, or null
 * @param groupBy the {@code GROUP BY} clause, or null
 * @param having the {@code HAVING} condition, or null
 * @param qualify the {@code QUALIFY} condition, or null
 */
public record Select(
        boolean distinct,
        List<ParsedExpr> items,
        Relation from,
        ParsedExpr where,
        GroupBy groupBy,
        ParsedExpr having,
        ParsedExpr qualify,
        Position position)
        implements QueryBody {
    public Select {
        items = List.copyOf(items);
        requireNonNull(position, "position is null");
    }
}
