package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import java.util.List;

/** Estimates of the heap bytes batches hold, for memory accounting. */
final class BatchSizes {
    /** A rough size of a boxed decimal, struct or array value. */
    private static final long OBJECT_BYTES = 48;

    private BatchSizes() {}

    static long bytes(Batch batch) {
        long total = 16;
        for (int i = 0; i < batch.columnCount(); i++) {
            total += bytes(batch.column(i));
        }
        return total;
    }

    static long bytes(List<Batch> batches) {
        long total = 0;
        for (Batch batch : batches) {
            total += bytes(batch);
        }
        return total;
    }

    static long bytes(Vector vector) {
        long size = vector.size();
        long nulls = vector.mayHaveNulls() ? size / 8 : 0;
        return 16
                + nulls
                + switch (vector) {
                    case BooleanVector v -> size;
                    case IntVector v -> size * 4;
                    case LongVector v -> size * 8;
                    case DoubleVector v -> size * 8;
                    case StringVector v -> v.isDictionary() ? size * 4 : v.offsets()[v.size()] + size * 4;
                    case ObjectVector v -> size * OBJECT_BYTES;
                };
    }
}
