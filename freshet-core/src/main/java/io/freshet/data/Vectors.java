package io.freshet.data;

import io.freshet.types.DataType;
import java.util.List;

/** Factory helpers for vectors. */
public final class Vectors {
    private Vectors() {}

    /** A vector of {@code type} holding the given internal values. */
    public static Vector of(DataType type, List<?> values) {
        VectorBuilder builder = VectorBuilder.forType(type, values.size());
        for (Object value : values) {
            builder.append(value);
        }
        return builder.build();
    }

    /** A vector of {@code size} copies of one internal value (null allowed). */
    public static Vector constant(DataType type, Object value, int size) {
        VectorBuilder builder = VectorBuilder.forType(type, size);
        for (int i = 0; i < size; i++) {
            builder.append(value);
        }
        return builder.build();
    }

    /** Concatenates vectors of one type. */
    public static Vector concat(DataType type, List<Vector> parts) {
        int total = 0;
        for (Vector part : parts) {
            total += part.size();
        }
        VectorBuilder builder = VectorBuilder.forType(type, total);
        for (Vector part : parts) {
            for (int i = 0; i < part.size(); i++) {
                builder.appendFrom(part, i);
            }
        }
        return builder.build();
    }
}
