package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Bits;
import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.StringVectorBuilder;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.types.Schema;

/** Builds vectors from positions of other vectors: with nulls for missing rows, or from several batches. */
final class Gather {
    private Gather() {}

    /** The rows at {@code positions[0..count)}, where a position of -1 gives a row of nulls. */
    static Batch selectOrNull(Batch batch, int[] positions, int count) {
        boolean anyMissing = false;
        for (int i = 0; i < count; i++) {
            anyMissing |= positions[i] < 0;
        }
        if (!anyMissing) {
            return batch.select(positions, count);
        }
        Vector[] columns = new Vector[batch.columnCount()];
        for (int c = 0; c < columns.length; c++) {
            Vector vector = batch.column(c);
            VectorBuilder builder = VectorBuilder.forType(vector.type(), count);
            for (int i = 0; i < count; i++) {
                if (positions[i] < 0) {
                    builder.appendNull();
                } else {
                    builder.appendFrom(vector, positions[i]);
                }
            }
            columns[c] = builder.build();
        }
        return new Batch(columns, count);
    }

    /** A batch of {@code count} rows of nulls. */
    static Batch nulls(Schema schema, int count) {
        Vector[] columns = new Vector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            VectorBuilder builder = VectorBuilder.forType(schema.type(c), count);
            for (int i = 0; i < count; i++) {
                builder.appendNull();
            }
            columns[c] = builder.build();
        }
        return new Batch(columns, count);
    }

    /** Row {@code i} of the result is row {@code rows[i]} of {@code sources[sourceIds[i]]}. */
    static Batch fromMany(Batch[] sources, int[] sourceIds, int[] rows, int count, Schema schema) {
        Vector[] columns = new Vector[schema.size()];
        Vector[] parts = new Vector[sources.length];
        for (int c = 0; c < columns.length; c++) {
            for (int s = 0; s < sources.length; s++) {
                parts[s] = sources[s].column(c);
            }
            columns[c] = column(parts, sourceIds, rows, count);
        }
        return new Batch(columns, count);
    }

    private static Vector column(Vector[] parts, int[] sourceIds, int[] rows, int count) {
        long[] nulls = null;
        for (int i = 0; i < count; i++) {
            if (parts[sourceIds[i]].isNull(rows[i])) {
                if (nulls == null) {
                    nulls = Bits.allocate(count);
                }
                Bits.set(nulls, i);
            }
        }
        Vector first = parts[0];
        switch (first) {
            case LongVector longs -> {
                long[][] arrays = new long[parts.length][];
                for (int s = 0; s < parts.length; s++) {
                    arrays[s] = ((LongVector) parts[s]).values();
                }
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = arrays[sourceIds[i]][rows[i]];
                }
                return new LongVector(first.type(), values, nulls, count);
            }
            case IntVector ints -> {
                int[][] arrays = new int[parts.length][];
                for (int s = 0; s < parts.length; s++) {
                    arrays[s] = ((IntVector) parts[s]).values();
                }
                int[] values = new int[count];
                for (int i = 0; i < count; i++) {
                    values[i] = arrays[sourceIds[i]][rows[i]];
                }
                return new IntVector(first.type(), values, nulls, count);
            }
            case DoubleVector doubles -> {
                double[][] arrays = new double[parts.length][];
                for (int s = 0; s < parts.length; s++) {
                    arrays[s] = ((DoubleVector) parts[s]).values();
                }
                double[] values = new double[count];
                for (int i = 0; i < count; i++) {
                    values[i] = arrays[sourceIds[i]][rows[i]];
                }
                return new DoubleVector(first.type(), values, nulls, count);
            }
            case BooleanVector booleans -> {
                boolean[] values = new boolean[count];
                for (int i = 0; i < count; i++) {
                    values[i] = ((BooleanVector) parts[sourceIds[i]]).values()[rows[i]];
                }
                return new BooleanVector(first.type(), values, nulls, count);
            }
            case StringVector strings -> {
                StringVectorBuilder builder = new StringVectorBuilder(count);
                for (int i = 0; i < count; i++) {
                    builder.appendFrom((StringVector) parts[sourceIds[i]], rows[i]);
                }
                return builder.build();
            }
            case ObjectVector objects -> {
                Object[] values = new Object[count];
                for (int i = 0; i < count; i++) {
                    values[i] = parts[sourceIds[i]].get(rows[i]);
                }
                return new ObjectVector(first.type(), values, count);
            }
        }
    }
}
