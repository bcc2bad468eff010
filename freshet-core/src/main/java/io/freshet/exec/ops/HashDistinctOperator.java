package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.MemoryReservation;
import java.util.List;

/**
 * Passes the rows whose key columns were not seen before in this partition (first occurrences, in
 * input order; nulls equal): {@code DISTINCT} over all columns, or dropDuplicates over some.
 */
final class HashDistinctOperator implements BatchStream {
    private final BatchStream input;
    private final int[] keyColumns;
    private final GroupTable seen;
    private final MemoryReservation memory;
    private long[] hashes = new long[0];
    private int[] positions = new int[0];

    HashDistinctOperator(
            BatchStream input, int[] keyColumns, List<io.freshet.types.DataType> keyTypes, ExecContext context) {
        this.input = input;
        this.keyColumns = keyColumns.clone();
        this.seen = new GroupTable(keyTypes);
        this.memory = context.memory().newReservation("distinct", "reduce the number of distinct rows");
    }

    @Override
    public Batch next() {
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            int rowCount = batch.rowCount();
            if (hashes.length < rowCount) {
                hashes = new long[rowCount];
                positions = new int[rowCount];
            }
            Vector[] keys = new Vector[keyColumns.length];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = batch.column(keyColumns[k]);
            }
            KeyHashing.hashRows(keys, rowCount, hashes);
            int count = 0;
            for (int i = 0; i < rowCount; i++) {
                int before = seen.groupCount();
                if (seen.findOrInsert(keys, i, hashes[i]) == before) {
                    positions[count++] = i;
                }
            }
            memory.resize(seen.estimatedBytes());
            if (count == rowCount) {
                return batch;
            }
            if (count > 0) {
                return batch.select(positions, count);
            }
        }
        return null;
    }

    @Override
    public void close() {
        input.close();
        memory.close();
    }
}
