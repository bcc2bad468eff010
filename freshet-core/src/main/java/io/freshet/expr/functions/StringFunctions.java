package io.freshet.expr.functions;

import io.freshet.expr.FunctionRegistry;

/** Built-in string functions. */
public final class StringFunctions {
    private StringFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {}
}
