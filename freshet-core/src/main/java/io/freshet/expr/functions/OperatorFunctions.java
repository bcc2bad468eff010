package io.freshet.expr.functions;

import io.freshet.expr.FunctionRegistry;

/**
 * Built-in operator functions: arithmetic ({@code + - * / % div negate} and the {@code try_} variants),
 * comparisons ({@code = <> != < <= > >= <=>}), logic ({@code and or not}), {@code isnull},
 * {@code isnotnull} and {@code in}.
 */
public final class OperatorFunctions {
    private OperatorFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {
        ArithmeticFunctions.register(registry);
        ComparisonFunctions.register(registry);
        LogicalFunctions.register(registry);
        InFunctions.register(registry);
    }
}
