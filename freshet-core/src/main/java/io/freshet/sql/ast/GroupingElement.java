package io.freshet.sql.ast;

import io.freshet.plan.parsed.ParsedExpr;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** One element of a {@code GROUP BY} list: an expression, {@code ROLLUP}, {@code CUBE} or {@code GROUPING SETS}. */
public sealed interface GroupingElement {

    /** A plain grouping expression (or an ordinal). */
    record Single(ParsedExpr expr) implements GroupingElement {
        public Single {
            requireNonNull(expr, "expr is null");
        }
    }

    /** {@code ROLLUP(a, b)}, also written {@code GROUP BY a, b WITH ROLLUP}. */
    record Rollup(List<ParsedExpr> exprs) implements GroupingElement {
        public Rollup {
            exprs = List.copyOf(exprs);
        }
    }

    /** {@code CUBE(a, b)}, also written {@code GROUP BY a, b WITH CUBE}. */
    record Cube(List<ParsedExpr> exprs) implements GroupingElement {
        public Cube {
            exprs = List.copyOf(exprs);
        }
    }

    /** {@code GROUPING SETS((a, b), (a), ())}. */
    record GroupingSets(List<List<ParsedExpr>> sets) implements GroupingElement {
        public GroupingSets {
            sets = sets.stream().map(List::copyOf).toList();
        }
    }
}
