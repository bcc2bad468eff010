package io.freshet.expr.functions;

import io.freshet.expr.FunctionRegistry;

/** Built-in hash functions. */
public final class HashFunctions {
    private HashFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {}
}
