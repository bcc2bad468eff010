package io.freshet.types;

import java.util.Arrays;

/** The internal value of a struct: its field values in the struct type's order, in internal form. */
public record StructValue(Object[] values) {
    public Object get(int index) {
        return values[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StructValue that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
