package io.freshet.expr.window;

import io.freshet.expr.Expr;
import java.util.List;

/**
 * A ranking or offset window function ({@code row_number}, {@code rank}, {@code lag}, …) as the
 * registry knows it. Aggregates used with {@code OVER} come from the aggregate registry instead.
 */
@FunctionalInterface
public interface WindowFunctionDefinition {

    /**
     * Binds a call to typed arguments.
     *
     * @throws io.freshet.AnalysisException when the arguments do not fit
     */
    WindowFunction bind(List<Expr> args, boolean ignoreNulls);
}
