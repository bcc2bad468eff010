package io.freshet.expr;

import io.freshet.types.DataType;
import java.util.List;
import java.util.Optional;

/** Spark's implicit type widening: the type that values of several types are converted to. */
public final class TypeCoercion {
    private TypeCoercion() {}

    /**
     * The narrowest type that both types widen to without losing information (int and bigint give
     * bigint, bigint and double give double, null and any type give that type), or empty.
     */
    public static Optional<DataType> commonType(DataType left, DataType right) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The common type of all the given types, or empty. */
    public static Optional<DataType> commonType(List<DataType> types) {
        Optional<DataType> result = Optional.empty();
        for (DataType type : types) {
            if (result.isEmpty()) {
                result = Optional.of(type);
            } else {
                result = commonType(result.get(), type);
                if (result.isEmpty()) {
                    return result;
                }
            }
        }
        return result;
    }
}
