package io.freshet.expr.functions;

import io.freshet.expr.FunctionRegistry;

/** Built-in operator functions. */
public final class OperatorFunctions {
    private OperatorFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {}
}
