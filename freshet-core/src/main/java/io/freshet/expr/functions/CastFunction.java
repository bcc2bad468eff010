package io.freshet.expr.functions;

import io.freshet.data.Vector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.DataType;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** CAST (or TRY_CAST) from one type to another; prints as {@code CAST(x AS BIGINT)}. */
record CastFunction(DataType source, DataType target, boolean tryCast) implements ScalarFunction {
    CastFunction {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
    }

    @Override
    public String name() {
        return tryCast ? "try_cast" : "cast";
    }

    @Override
    public DataType returnType() {
        return target;
    }

    @Override
    public String format(List<String> args) {
        return (tryCast ? "TRY_CAST(" : "CAST(") + args.get(0) + " AS " + Casts.typeName(target) + ")";
    }

    @Override
    public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
        return CastKernels.cast(args[0], source, target, tryCast, context);
    }
}
