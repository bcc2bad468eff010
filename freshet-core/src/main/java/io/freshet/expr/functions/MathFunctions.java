package io.freshet.expr.functions;

import io.freshet.expr.FunctionRegistry;

/** Built-in math functions. */
public final class MathFunctions {
    private MathFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {}
}
