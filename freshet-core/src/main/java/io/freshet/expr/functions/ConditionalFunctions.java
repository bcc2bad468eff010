package io.freshet.expr.functions;

import io.freshet.expr.FunctionRegistry;

/** Built-in conditional functions. */
public final class ConditionalFunctions {
    private ConditionalFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {}
}
