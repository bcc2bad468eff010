package io.freshet.sql.ast;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;

/** {@code VALUES (…), (…)}: literal rows; the columns are named {@code col1, col2, …} unless aliased. */
public record Values(List<List<ParsedExpr>> rows, Position position) implements QueryBody {
    public Values {
        rows = rows.stream().map(List::copyOf).toList();
        checkArgument(!rows.isEmpty(), "VALUES needs at least one row");
    }
}
