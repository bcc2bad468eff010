package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.exec.MemoryReservation;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.types.DataType;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The materialized build side of a join, shared (read-only) by all probe partitions: all build rows in
 * one batch, an index from distinct non-null keys to chains of rows ({@code firstRow} per key, {@code
 * nextRow} per row, in row order), and the rows matched by any probe partition, published by each probe
 * partition when it ends so that the last one can emit the unmatched rows.
 */
final class JoinBuild {
    final Batch rows;
    final GroupTable table;
    final int[] firstRow;
    final int[] nextRow;
    private final long[] matched;
    private int remainingProbes;
    private final MemoryReservation memory;

    private JoinBuild(
            Batch rows, GroupTable table, int[] firstRow, int[] nextRow, int probes, MemoryReservation memory) {
        this.rows = rows;
        this.table = table;
        this.firstRow = firstRow;
        this.nextRow = nextRow;
        this.matched = new long[(rows.rowCount() + 63) >>> 6];
        this.remainingProbes = probes;
        this.memory = memory;
    }

    /**
     * Indexes the build rows by the keys; without keys every row is in one chain (a nested-loop join).
     * Rows with a null key are kept (an outer join emits them) but never indexed.
     */
    static JoinBuild build(
            List<Batch> batches,
            Schema schema,
            List<Expr> keys,
            int probes,
            MemoryReservation memory,
            EvalContext context) {
        Batch rows = Concat.batches(batches, schema);
        int rowCount = rows.rowCount();
        memory.resize(BatchSizes.bytes(rows) + rowCount * 12L);
        int[] nextRow = new int[rowCount];
        if (keys.isEmpty()) {
            for (int r = 0; r < rowCount; r++) {
                nextRow[r] = r + 1 < rowCount ? r + 1 : -1;
            }
            return new JoinBuild(rows, null, new int[] {rowCount > 0 ? 0 : -1}, nextRow, probes, memory);
        }
        Vector[] keyVectors = evaluate(keys, rows, context);
        List<DataType> types = new ArrayList<>(keys.size());
        for (Expr key : keys) {
            types.add(key.type());
        }
        GroupTable table = new GroupTable(types);
        long[] hashes = new long[rowCount];
        KeyHashing.hashRows(keyVectors, rowCount, hashes);
        int[] groups = new int[rowCount];
        for (int r = 0; r < rowCount; r++) {
            groups[r] = hasNullKey(keyVectors, r) ? -1 : table.findOrInsert(keyVectors, r, hashes[r]);
        }
        int[] firstRow = new int[table.groupCount()];
        Arrays.fill(firstRow, -1);
        // Walk backwards so that each chain lists its rows in row order.
        for (int r = rowCount - 1; r >= 0; r--) {
            int group = groups[r];
            if (group >= 0) {
                nextRow[r] = firstRow[group];
                firstRow[group] = r;
            } else {
                nextRow[r] = -1;
            }
        }
        memory.resize(BatchSizes.bytes(rows) + rowCount * 12L + table.estimatedBytes() + firstRow.length * 4L);
        return new JoinBuild(rows, table, firstRow, nextRow, probes, memory);
    }

    static Vector[] evaluate(List<Expr> keys, Batch batch, EvalContext context) {
        Vector[] vectors = new Vector[keys.size()];
        for (int k = 0; k < vectors.length; k++) {
            vectors[k] = Evaluator.compile(keys.get(k)).evaluate(batch, context);
        }
        return vectors;
    }

    static boolean hasNullKey(Vector[] keys, int row) {
        for (Vector key : keys) {
            if (key.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a probe partition's matched build rows; returns the rows matched by any probe partition when
     * this was the last probe partition to end, else null.
     */
    synchronized long[] finishProbe(long[] probeMatched) {
        if (probeMatched != null) {
            for (int i = 0; i < matched.length; i++) {
                matched[i] |= probeMatched[i];
            }
        }
        remainingProbes--;
        return remainingProbes == 0 ? matched.clone() : null;
    }

    void release() {
        memory.close();
    }
}
