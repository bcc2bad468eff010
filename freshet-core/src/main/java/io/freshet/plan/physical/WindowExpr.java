package io.freshet.plan.physical;

import io.freshet.expr.Expr;
import io.freshet.expr.ExprPrinter;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.window.WindowFunction;
import io.freshet.types.DataType;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One function of a {@link WindowExec}: a ranking/offset function or an aggregate (exactly one is
 * set) over argument expressions of the input, with the frame aggregates (and value functions) see.
 */
public record WindowExpr(WindowFunction function, AggregateFunction aggregate, List<Expr> args, WindowFrame frame) {
    public WindowExpr {
        if ((function == null) == (aggregate == null)) {
            throw new IllegalArgumentException("exactly one of function and aggregate must be set");
        }
        args = List.copyOf(args);
        requireNonNull(frame, "frame is null");
    }

    public DataType resultType() {
        return function != null ? function.resultType() : aggregate.resultType();
    }

    public String name() {
        return function != null ? function.name() : aggregate.name();
    }

    @Override
    public String toString() {
        List<String> printed = new ArrayList<>(args.size());
        for (Expr arg : args) {
            printed.add(ExprPrinter.print(arg));
        }
        return name() + "(" + String.join(", ", printed) + ") " + frame;
    }
}
