package io.freshet.expr;

import java.util.List;

/**
 * A scalar function (or operator) as the registry knows it, before its argument types are known.
 */
@FunctionalInterface
public interface ScalarFunctionDefinition {

    /**
     * Binds a call to typed arguments: checks their count and types, inserts implicit casts, and
     * returns the expression to evaluate (usually a {@link Call}).
     *
     * @throws io.freshet.AnalysisException with {@code WRONG_ARGUMENTS} or {@code TYPE_MISMATCH} and a
     *     message that says what the function accepts; the analyzer adds the position
     */
    Expr bind(List<Expr> args);
}
