package io.freshet.sql.ast;

import io.freshet.plan.parsed.ParsedExpr;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** How a join matches rows: {@code ON}, {@code USING}, {@code NATURAL}, or no condition at all. */
public sealed interface JoinCriteria {

    /** {@code ON condition}. */
    record On(ParsedExpr condition) implements JoinCriteria {
        public On {
            requireNonNull(condition, "condition is null");
        }
    }

    /** {@code USING (a, b)}. */
    record Using(List<String> columns) implements JoinCriteria {
        public Using {
            columns = List.copyOf(columns);
            checkArgument(!columns.isEmpty(), "USING needs at least one column");
        }
    }

    /** {@code NATURAL JOIN}: the columns both sides share. */
    record Natural() implements JoinCriteria {}

    /** No condition: a cross join, a comma join, or {@code JOIN} without {@code ON}. */
    record NoCondition() implements JoinCriteria {}
}
