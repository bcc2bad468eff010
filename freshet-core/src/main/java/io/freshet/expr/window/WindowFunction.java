package io.freshet.expr.window;

import io.freshet.data.VectorBuilder;
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

    /**
     * Whether the function reads its frame ({@code first_value}, {@code last_value}, {@code nth_value});
     * ranking and offset functions work on the whole partition and ignore it.
     */
    default boolean usesFrame() {
        return false;
    }

    /**
     * Computes the function for every row of one partition, in order, appending one value of {@link
     * #resultType()} per row to {@code result}.
     */
    void evaluate(WindowPartition partition, VectorBuilder result);
}
