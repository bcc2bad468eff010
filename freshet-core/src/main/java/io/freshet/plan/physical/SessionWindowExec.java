package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Appends each row's session window ({@code struct<start, end>}) as the last column: the rows of each
 * {@code partitionKeys} group are ordered by {@code time}, and a row whose time is at or before the
 * current session's end (the largest {@code time + gap} so far) joins that session, else starts the
 * next. Rows with a null time, or a null or non-positive gap, are dropped, as in Spark. The input must
 * be partitioned by {@code partitionKeys} (a {@link RepartitionExec}); a pipeline breaker.
 *
 * @param time the event time, a timestamp
 * @param gap the session gap, an interval (a constant or computed per row)
 */
public record SessionWindowExec(PhysicalNode input, List<Expr> partitionKeys, Expr time, Expr gap, Schema schema)
        implements PhysicalNode {
    public SessionWindowExec {
        requireNonNull(input, "input is null");
        partitionKeys = List.copyOf(partitionKeys);
        requireNonNull(time, "time is null");
        requireNonNull(gap, "gap is null");
        requireNonNull(schema, "schema is null");
        checkArgument(schema.size() == input.schema().size() + 1, "schema %s must add one column to the input", schema);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }

    @Override
    public int partitionCount() {
        return input.partitionCount();
    }
}
