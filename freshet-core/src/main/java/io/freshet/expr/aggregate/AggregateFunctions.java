package io.freshet.expr.aggregate;

import io.freshet.expr.FunctionRegistry;

/** Built-in aggregate functions. */
public final class AggregateFunctions {
    private AggregateFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {}
}
