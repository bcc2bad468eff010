package io.freshet.exec.ops;

import io.freshet.data.BooleanVector;
import io.freshet.data.Vector;

/** Helpers that turn predicate results into row positions. */
final class Selections {
    private Selections() {}

    /**
     * Writes the positions where {@code predicate} is true (neither false nor null) into {@code positions}
     * and returns how many there are. A predicate of the NULL type selects nothing.
     */
    static int truePositions(Vector predicate, int rowCount, int[] positions) {
        if (!(predicate instanceof BooleanVector booleans)) {
            return 0;
        }
        boolean[] values = booleans.values();
        int count = 0;
        if (!booleans.mayHaveNulls()) {
            for (int i = 0; i < rowCount; i++) {
                positions[count] = i;
                count += values[i] ? 1 : 0;
            }
            return count;
        }
        for (int i = 0; i < rowCount; i++) {
            if (values[i] && !booleans.isNull(i)) {
                positions[count++] = i;
            }
        }
        return count;
    }

    static int[] identity(int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        return positions;
    }
}
