package io.freshet.expr.window;

import io.freshet.types.DataType;

/**
 * A window function bound to argument types; the window operator evaluates it over each sorted
 * partition. Implementations are immutable records.
 */
public interface WindowFunction {

    String name();

    DataType resultType();

    /** Whether the function needs an {@code ORDER BY} in its window (ranking and offset functions do). */
    boolean requiresOrder();
}
