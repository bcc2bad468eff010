package io.freshet.data;

import java.util.ArrayList;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** A horizontal slice of a table: one vector per column, all of the same row count. */
public final class Batch {
    private final Vector[] columns;
    private final int rowCount;

    public Batch(Vector[] columns, int rowCount) {
        this.columns = requireNonNull(columns, "columns is null");
        this.rowCount = rowCount;
        for (Vector column : columns) {
            checkArgument(
                    column.size() == rowCount, "column size %s differs from row count %s", column.size(), rowCount);
        }
    }

    public static Batch of(Vector... columns) {
        return new Batch(columns, columns.length == 0 ? 0 : columns[0].size());
    }

    /** A batch with no columns and {@code rowCount} rows (e.g. the input of {@code SELECT 1}). */
    public static Batch empty(int rowCount) {
        return new Batch(new Vector[0], rowCount);
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.length;
    }

    public Vector column(int index) {
        return columns[index];
    }

    public Vector[] columns() {
        return columns.clone();
    }

    /** The rows at {@code positions[0..count)}, in that order. */
    public Batch select(int[] positions, int count) {
        Vector[] selected = new Vector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            selected[i] = columns[i].select(positions, count);
        }
        return new Batch(selected, count);
    }

    public Batch slice(int offset, int length) {
        if (offset == 0 && length == rowCount) {
            return this;
        }
        Vector[] sliced = new Vector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            sliced[i] = columns[i].slice(offset, length);
        }
        return new Batch(sliced, length);
    }

    /** The given columns, in that order (no copy of the data). */
    public Batch project(int[] columnIndexes) {
        Vector[] projected = new Vector[columnIndexes.length];
        for (int i = 0; i < columnIndexes.length; i++) {
            projected[i] = columns[columnIndexes[i]];
        }
        return new Batch(projected, rowCount);
    }

    /** This batch's columns followed by another's (same row count). */
    public Batch concatColumns(Batch other) {
        Vector[] all = new Vector[columns.length + other.columns.length];
        System.arraycopy(columns, 0, all, 0, columns.length);
        System.arraycopy(other.columns, 0, all, columns.length, other.columns.length);
        return new Batch(all, rowCount);
    }

    /** The values of one row in internal representation (for tests and row-at-a-time edges). */
    public Object[] row(int position) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = columns[i].get(position);
        }
        return values;
    }

    public List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    @Override
    public String toString() {
        return "Batch[rows=" + rowCount + ", columns=" + columns.length + "]";
    }
}
