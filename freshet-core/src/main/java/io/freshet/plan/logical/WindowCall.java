package io.freshet.plan.logical;

import io.freshet.expr.Expr;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.window.WindowFunction;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One window function call of a {@link Window}: either a ranking/offset function or an aggregate,
 * over partitions of the input ordered by {@code orderBy}, with a frame.
 *
 * @param windowFunction the ranking or offset function, or null when {@code aggregate} is set
 * @param aggregate the aggregate evaluated over the frame, or null when {@code windowFunction} is set
 */
public record WindowCall(
        WindowFunction windowFunction,
        AggregateFunction aggregate,
        List<Expr> args,
        List<Expr> partitionBy,
        List<SortKey> orderBy,
        Frame frame) {
    public WindowCall {
        if ((windowFunction == null) == (aggregate == null)) {
            throw new IllegalArgumentException("exactly one of windowFunction and aggregate must be set");
        }
        args = List.copyOf(args);
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        requireNonNull(frame, "frame is null");
    }

    public io.freshet.types.DataType resultType() {
        return windowFunction != null ? windowFunction.resultType() : aggregate.resultType();
    }

    public String functionName() {
        return windowFunction != null ? windowFunction.name() : aggregate.name();
    }

    /**
     * A window frame; offsets count rows ({@code ROWS}) or order-key units ({@code RANGE}), and are
     * null for unbounded or current-row bounds.
     */
    public record Frame(FrameType type, Bound start, Long startOffset, Bound end, Long endOffset) {
        /** Spark's default frame with an ORDER BY: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
        public static final Frame DEFAULT_ORDERED =
                new Frame(FrameType.RANGE, Bound.UNBOUNDED_PRECEDING, null, Bound.CURRENT_ROW, null);
        /** Spark's default frame without ORDER BY: the whole partition. */
        public static final Frame WHOLE_PARTITION =
                new Frame(FrameType.ROWS, Bound.UNBOUNDED_PRECEDING, null, Bound.UNBOUNDED_FOLLOWING, null);
    }

    /** Whether a frame counts rows or ranges of the order key. */
    public enum FrameType {
        ROWS,
        RANGE
    }

    /** The kind of a frame bound. */
    public enum Bound {
        UNBOUNDED_PRECEDING,
        PRECEDING,
        CURRENT_ROW,
        FOLLOWING,
        UNBOUNDED_FOLLOWING
    }
}
