package io.freshet.expr.window;

import io.freshet.data.VectorBuilder;
import io.freshet.types.DataType;
import io.freshet.types.IntType;

import static io.freshet.util.Checks.checkArgument;

/**
 * {@code ntile(n)}: splits the ordered partition into {@code n} buckets numbered from 1 whose sizes
 * differ by at most one, the larger buckets first (one row per bucket when there are fewer rows).
 */
public record NtileFunction(int buckets) implements WindowFunction {
    public NtileFunction {
        checkArgument(buckets > 0, "buckets must be positive: %s", buckets);
    }

    @Override
    public String name() {
        return "ntile";
    }

    @Override
    public DataType resultType() {
        return IntType.INT;
    }

    @Override
    public boolean requiresOrder() {
        return true;
    }

    @Override
    public void evaluate(WindowPartition partition, VectorBuilder result) {
        int rows = partition.size();
        int bucketSize = rows / buckets;
        int remainder = rows % buckets;
        // The first `remainder` buckets hold one row more than the others.
        int largeRows = remainder * (bucketSize + 1);
        for (int i = 0; i < rows; i++) {
            int bucket = i < largeRows ? i / (bucketSize + 1) : remainder + (i - largeRows) / bucketSize;
            result.appendInt(bucket + 1);
        }
    }
}
