package io.freshet.expr.aggregate;

import io.freshet.types.DataType;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * An aggregate called with {@code DISTINCT}: the function sees each distinct value of its leading
 * {@code keyTypes.size()} arguments once per group. {@code count} has a dedicated accumulator; for
 * functions that ignore duplicates anyway ({@code min}, {@code max}, {@code collect_set}, …) the
 * keyword changes nothing.
 */
public record DistinctAggregate(AggregateFunction function, List<DataType> keyTypes) implements AggregateFunction {
    public DistinctAggregate {
        requireNonNull(function, "function is null");
        keyTypes = List.copyOf(keyTypes);
        checkArgument(!keyTypes.isEmpty(), "a distinct aggregate needs at least one argument");
        checkArgument(!(function instanceof DistinctAggregate), "function is already distinct: %s", function);
    }

    @Override
    public String name() {
        return function.name();
    }

    @Override
    public DataType resultType() {
        return function.resultType();
    }

    @Override
    public boolean distinct() {
        return true;
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        if (function instanceof CountFunction count && !count.conditional()) {
            return new CountDistinctAccumulator(keyTypes);
        }
        if (ignoresDuplicates(function)) {
            return function.createAccumulator();
        }
        return new DistinctAccumulator(function.createAccumulator(), keyTypes);
    }

    private static boolean ignoresDuplicates(AggregateFunction function) {
        return switch (function) {
            case MinMaxFunction f -> true;
            case ApproxCountDistinctFunction f -> true;
            case CollectFunction f -> f.set();
            default -> false;
        };
    }
}
