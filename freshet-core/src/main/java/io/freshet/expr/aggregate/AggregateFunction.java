package io.freshet.expr.aggregate;

import io.freshet.types.DataType;

/**
 * An aggregate function bound to argument types. It creates accumulators that hold one state per
 * group in columnar arrays, so that a hash aggregation updates groups without a per-row object.
 *
 * <p>Implementations are immutable records so that plans holding them compare by value.
 */
public interface AggregateFunction {

    /** The name as printed in plans and default column names, e.g. {@code count}, {@code sum}. */
    String name();

    DataType resultType();

    /**
     * Whether the function only counts distinct argument values (the {@code DISTINCT} of the call). Such
     * a function's accumulators remove duplicates themselves, per group and across {@code merge}; the
     * executor passes them every row.
     */
    boolean distinct();

    /** A new, empty accumulator. */
    GroupedAccumulator createAccumulator();
}
