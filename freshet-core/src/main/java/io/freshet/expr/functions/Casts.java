package io.freshet.expr.functions;

import io.freshet.expr.Expr;
import io.freshet.types.DataType;

/** CAST and TRY_CAST between SQL types with Spark's ANSI-mode rules. */
public final class Casts {
    private Casts() {}

    /**
     * An expression that casts {@code expr} to {@code target}; {@code expr} itself when it already has
     * that type.
     *
     * @param tryCast whether a value that cannot be converted gives null (TRY_CAST) instead of an error
     * @throws io.freshet.AnalysisException when no cast between the two types exists
     */
    public static Expr cast(Expr expr, DataType target, boolean tryCast) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** An ANSI cast; see {@link #cast(Expr, DataType, boolean)}. */
    public static Expr cast(Expr expr, DataType target) {
        return cast(expr, target, false);
    }

    /** Whether an explicit CAST from {@code source} to {@code target} exists. */
    public static boolean canCast(DataType source, DataType target) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
