package io.freshet.plan.physical;

import io.freshet.catalog.BatchScan;
import io.freshet.expr.Expr;
import io.freshet.types.Schema;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Reads a table's splits; partition {@code p} of {@code n} reads the contiguous range of splits {@code
 * [p * s / n, (p + 1) * s / n)}, so concatenating the partitions in order gives the splits' order.
 * {@code filters} (pushed into the scan, over the output columns) are applied to every batch.
 */
public record ScanExec(
        String table,
        String sourceDescription,
        BatchScan scan,
        List<BatchScan.Split> splits,
        Schema schema,
        List<Expr> filters,
        int partitionCount)
        implements PhysicalNode {
    public ScanExec {
        requireNonNull(table, "table is null");
        requireNonNull(sourceDescription, "sourceDescription is null");
        requireNonNull(scan, "scan is null");
        splits = List.copyOf(splits);
        requireNonNull(schema, "schema is null");
        filters = List.copyOf(filters);
        checkArgument(partitionCount >= 1, "partitionCount must be positive: %s", partitionCount);
    }

    /** The first split (inclusive) read by a partition. */
    public int firstSplit(int partition) {
        return (int) ((long) partition * splits.size() / partitionCount);
    }

    /** The last split (exclusive) read by a partition. */
    public int endSplit(int partition) {
        return (int) ((long) (partition + 1) * splits.size() / partitionCount);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of();
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }
}
