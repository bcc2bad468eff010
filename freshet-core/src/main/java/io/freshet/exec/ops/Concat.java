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
import io.freshet.types.DataType;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Concatenates batches into one, copying primitive arrays in bulk. */
final class Concat {
    private Concat() {}

    static Batch batches(List<Batch> batches, Schema schema) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        int rowCount = 0;
        for (Batch batch : batches) {
            rowCount += batch.rowCount();
        }
        Vector[] columns = new Vector[schema.size()];
        List<Vector> parts = new ArrayList<>(batches.size());
        for (int c = 0; c < columns.length; c++) {
            parts.clear();
            for (Batch batch : batches) {
                parts.add(batch.column(c));
            }
            columns[c] = vectors(schema.type(c), parts, rowCount);
        }
        return new Batch(columns, rowCount);
    }

    static Vector vectors(DataType type, List<Vector> parts, int rowCount) {
        if (parts.isEmpty()) {
            return VectorBuilder.forType(type, 0).build();
        }
        long[] nulls = nulls(parts, rowCount);
        return switch (parts.get(0)) {
            case LongVector first -> {
                long[] values = new long[rowCount];
                int at = 0;
                for (Vector part : parts) {
                    System.arraycopy(((LongVector) part).values(), 0, values, at, part.size());
                    at += part.size();
                }
                yield new LongVector(first.type(), values, nulls, rowCount);
            }
            case IntVector first -> {
                int[] values = new int[rowCount];
                int at = 0;
                for (Vector part : parts) {
                    System.arraycopy(((IntVector) part).values(), 0, values, at, part.size());
                    at += part.size();
                }
                yield new IntVector(first.type(), values, nulls, rowCount);
            }
            case DoubleVector first -> {
                double[] values = new double[rowCount];
                int at = 0;
                for (Vector part : parts) {
                    System.arraycopy(((DoubleVector) part).values(), 0, values, at, part.size());
                    at += part.size();
                }
                yield new DoubleVector(first.type(), values, nulls, rowCount);
            }
            case BooleanVector first -> {
                boolean[] values = new boolean[rowCount];
                int at = 0;
                for (Vector part : parts) {
                    System.arraycopy(((BooleanVector) part).values(), 0, values, at, part.size());
                    at += part.size();
                }
                yield new BooleanVector(first.type(), values, nulls, rowCount);
            }
            case StringVector first -> strings(parts, nulls, rowCount);
            case ObjectVector first -> {
                Object[] values = new Object[rowCount];
                int at = 0;
                for (Vector part : parts) {
                    System.arraycopy(((ObjectVector) part).values(), 0, values, at, part.size());
                    at += part.size();
                }
                yield new ObjectVector(first.type(), values, rowCount);
            }
        };
    }

    private static Vector strings(List<Vector> parts, long[] nulls, int rowCount) {
        StringVector dictionary = ((StringVector) parts.get(0)).dictionaryValues();
        boolean shared = dictionary != null;
        for (Vector part : parts) {
            shared &= ((StringVector) part).dictionaryValues() == dictionary;
        }
        if (shared) {
            int[] ids = new int[rowCount];
            int at = 0;
            for (Vector part : parts) {
                System.arraycopy(((StringVector) part).ids(), 0, ids, at, part.size());
                at += part.size();
            }
            return StringVector.dictionary(dictionary, ids, nulls, rowCount);
        }
        StringVectorBuilder builder = new StringVectorBuilder(rowCount);
        for (Vector part : parts) {
            StringVector strings = (StringVector) part;
            for (int i = 0; i < strings.size(); i++) {
                builder.appendFrom(strings, i);
            }
        }
        return builder.build();
    }

    private static long[] nulls(List<Vector> parts, int rowCount) {
        long[] nulls = null;
        int at = 0;
        for (Vector part : parts) {
            if (part.mayHaveNulls()) {
                for (int i = 0; i < part.size(); i++) {
                    if (part.isNull(i)) {
                        if (nulls == null) {
                            nulls = Bits.allocate(rowCount);
                        }
                        Bits.set(nulls, at + i);
                    }
                }
            }
            at += part.size();
        }
        return nulls;
    }
}
