package io.freshet.stream.exec;

import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the values of some columns of one row as bytes for the state store: equal values give equal
 * bytes (so encoded keys can be compared and hashed), and decoding gives the values back.
 */
final class RowCodec {
    private final DataType[] types;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
    private final DataOutputStream out = new DataOutputStream(buffer);

    RowCodec(List<DataType> types) {
        this.types = types.toArray(DataType[]::new);
    }

    int width() {
        return types.length;
    }

    /** The bytes of row {@code row} of {@code columns} (one vector per type). */
    byte[] encode(Vector[] columns, int row) {
        buffer.reset();
        try {
            for (int c = 0; c < types.length; c++) {
                write(types[c], columns[c].isNull(row) ? null : columns[c].get(row));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Appends the values of an encoded row to one builder per column. */
    void decode(byte[] bytes, VectorBuilder[] builders) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            for (int c = 0; c < types.length; c++) {
                builders[c].append(read(types[c], in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of an encoded row. */
    Object[] decode(byte[] bytes) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        Object[] values = new Object[types.length];
        try {
            for (int c = 0; c < types.length; c++) {
                values[c] = read(types[c], in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private void write(DataType type, Object value) throws IOException {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        switch (type) {
            case NullType t -> {}
            case BooleanType t -> out.writeBoolean((Boolean) value);
            case IntType t -> out.writeInt((Integer) value);
            case DateType t -> out.writeInt((Integer) value);
            case BigintType t -> out.writeLong((Long) value);
            case TimestampType t -> out.writeLong((Long) value);
            case IntervalType t -> out.writeLong((Long) value);
            case DoubleType t -> out.writeDouble(canonical((Double) value));
            case DecimalType t ->
                out.writeUTF(((BigDecimal) value).setScale(t.scale()).toPlainString());
            case StringType t -> writeString((String) value);
            case StructType struct -> {
                StructValue fields = (StructValue) value;
                for (int f = 0; f < struct.fields().size(); f++) {
                    write(struct.fields().get(f).type(), fields.get(f));
                }
            }
            case ArrayType array -> {
                List<?> elements = (List<?>) value;
                out.writeInt(elements.size());
                for (Object element : elements) {
                    write(array.elementType(), element);
                }
            }
        }
    }

    private void writeString(String value) throws IOException {
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static double canonical(double value) {
        // -0.0 and 0.0 group together, and all NaNs are one value, as in Spark.
        return value == 0.0 ? 0.0 : Double.isNaN(value) ? Double.NaN : value;
    }

    private static Object read(DataType type, DataInputStream in) throws IOException {
        if (in.readByte() == 0) {
            return null;
        }
        return switch (type) {
            case NullType t -> null;
            case BooleanType t -> in.readBoolean();
            case IntType t -> in.readInt();
            case DateType t -> in.readInt();
            case BigintType t -> in.readLong();
            case TimestampType t -> in.readLong();
            case IntervalType t -> in.readLong();
            case DoubleType t -> in.readDouble();
            case DecimalType t -> new BigDecimal(in.readUTF());
            case StringType t -> {
                byte[] utf8 = new byte[in.readInt()];
                in.readFully(utf8);
                yield new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            }
            case StructType struct -> {
                Object[] fields = new Object[struct.fields().size()];
                for (int f = 0; f < fields.length; f++) {
                    fields[f] = read(struct.fields().get(f).type(), in);
                }
                yield new StructValue(fields);
            }
            case ArrayType array -> {
                int size = in.readInt();
                List<Object> elements = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    elements.add(read(array.elementType(), in));
                }
                yield elements;
            }
        };
    }
}
