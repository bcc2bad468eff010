package io.freshet.plan.physical;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The rows of a partition an aggregate window function sees for each row: offsets count rows ({@code
 * ROWS}) or order-key units ({@code RANGE}, where {@code CURRENT ROW} means the row's peers).
 */
public record WindowFrame(Unit unit, Bound start, Bound end) {
    /** Whether the frame counts rows or order-key values. */
    public enum Unit {
        ROWS,
        RANGE
    }

    /** The kind of a frame bound. */
    public enum BoundKind {
        UNBOUNDED_PRECEDING,
        PRECEDING,
        CURRENT_ROW,
        FOLLOWING,
        UNBOUNDED_FOLLOWING
    }

    /** One end of a frame; {@code offset} is used only by {@code PRECEDING} and {@code FOLLOWING}. */
    public record Bound(BoundKind kind, long offset) {
        public Bound {
            requireNonNull(kind, "kind is null");
            checkArgument(offset >= 0, "offset must be non-negative: %s", offset);
        }

        public static Bound of(BoundKind kind) {
            return new Bound(kind, 0);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
                case PRECEDING -> offset + " PRECEDING";
                case CURRENT_ROW -> "CURRENT ROW";
                case FOLLOWING -> offset + " FOLLOWING";
                case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            };
        }
    }

    /** RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW: the default with an ORDER BY. */
    public static final WindowFrame RUNNING =
            new WindowFrame(Unit.RANGE, Bound.of(BoundKind.UNBOUNDED_PRECEDING), Bound.of(BoundKind.CURRENT_ROW));

    /** ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING: the default without ORDER BY. */
    public static final WindowFrame WHOLE_PARTITION = new WindowFrame(
            Unit.ROWS, Bound.of(BoundKind.UNBOUNDED_PRECEDING), Bound.of(BoundKind.UNBOUNDED_FOLLOWING));

    public WindowFrame {
        requireNonNull(unit, "unit is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        checkArgument(start.kind() != BoundKind.UNBOUNDED_FOLLOWING, "a frame cannot start at UNBOUNDED FOLLOWING");
        checkArgument(end.kind() != BoundKind.UNBOUNDED_PRECEDING, "a frame cannot end at UNBOUNDED PRECEDING");
    }

    @Override
    public String toString() {
        return unit + " BETWEEN " + start + " AND " + end;
    }
}
