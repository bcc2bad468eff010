package io.freshet.expr.window;

import io.freshet.expr.FunctionRegistry;

/** Built-in ranking and offset window functions. */
public final class WindowFunctions {
    private WindowFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {}
}
