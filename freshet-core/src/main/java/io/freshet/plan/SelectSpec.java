package io.freshet.plan;

import io.freshet.plan.parsed.ParsedExpr;
import java.util.List;

/**
 * The clauses of one {@code SELECT} block, as written, for {@link PlanBuilder#select}. The DataFrame
 * API fills the same record ({@code df.groupBy(…).agg(…)} is a select with a GROUP BY).
 *
 * @param groupingSets for ROLLUP, CUBE and GROUPING SETS: each set lists indexes into {@code groupBy};
 *     null for a plain GROUP BY
 * @param groupByAll {@code GROUP BY ALL}: group by every select item without an aggregate
 * @param having the HAVING condition or null
 * @param qualify the QUALIFY condition or null
 */
public record SelectSpec(
        List<ParsedExpr> items,
        boolean distinct,
        List<ParsedExpr> groupBy,
        List<List<Integer>> groupingSets,
        boolean groupByAll,
        ParsedExpr having,
        ParsedExpr qualify,
        List<ParsedExpr.SortItem> orderBy) {
    public SelectSpec {
        items = List.copyOf(items);
        groupBy = List.copyOf(groupBy);
        groupingSets = groupingSets == null
                ? null
                : groupingSets.stream().map(List::copyOf).toList();
        orderBy = List.copyOf(orderBy);
    }

    /** A plain projection. */
    public static SelectSpec of(List<ParsedExpr> items) {
        return new SelectSpec(items, false, List.of(), null, false, null, null, List.of());
    }
}
