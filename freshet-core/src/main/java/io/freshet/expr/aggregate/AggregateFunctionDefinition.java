package io.freshet.expr.aggregate;

import io.freshet.expr.Expr;
import java.util.List;

/** An aggregate function as the registry knows it, before its argument types are known. */
@FunctionalInterface
public interface AggregateFunctionDefinition {

    /**
     * Binds a call to typed arguments.
     *
     * @param args the arguments; constant parameters (e.g. the accuracy of {@code percentile_approx})
     *     are {@code Literal}s
     * @param distinct whether the call was {@code f(DISTINCT …)}
     * @throws io.freshet.AnalysisException when the arguments do not fit
     */
    AggregateFunction bind(List<Expr> args, boolean distinct);
}
