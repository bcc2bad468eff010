package io.freshet.expr.functions;

import io.freshet.expr.FunctionRegistry;

/** Built-in datetime functions. */
public final class DateTimeFunctions {
    private DateTimeFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {}
}
