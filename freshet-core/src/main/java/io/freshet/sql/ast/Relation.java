package io.freshet.sql.ast;

import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.Position;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** A relation of a {@code FROM} clause: a table, a subquery, a join, or a table-valued function. */
public sealed interface Relation {
    Position position();

    /**
     * A table or view by name; {@code FROM STREAM t} sets {@code streaming}.
     *
     * @param watermark the {@code WATERMARK} clause, or null
     * @param alias the alias, or null
     */
    record TableRef(List<String> name, boolean streaming, Watermark watermark, TableAlias alias, Position position)
            implements Relation {
        public TableRef {
            name = List.copyOf(name);
            checkArgument(!name.isEmpty(), "table name is empty");
        }
    }

    /**
     * {@code (query) [AS] alias [(columns)]}, and {@code VALUES … [AS] alias} in a {@code FROM} clause.
     *
     * @param alias the alias, or null (the analyzer makes one up)
     */
    record SubqueryRelation(Query query, TableAlias alias, Position position) implements Relation {
        public SubqueryRelation {
            requireNonNull(query, "query is null");
        }
    }

    /** {@code left [type] JOIN right criteria}; comma joins are cross joins. */
    record Join(JoinType type, Relation left, Relation right, JoinCriteria criteria, Position position)
            implements Relation {
        public Join {
            requireNonNull(type, "type is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(criteria, "criteria is null");
        }
    }

    /**
     * A table-valued function such as {@code range(10)}.
     *
     * @param alias the alias, or null
     */
    record TableFunction(String name, List<ParsedExpr> args, TableAlias alias, Position position) implements Relation {
        public TableFunction {
            requireNonNull(name, "name is null");
            args = List.copyOf(args);
        }
    }
}
