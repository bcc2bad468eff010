package io.freshet.expr.aggregate;

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
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Writes and reads nullable internal values of a known type, for accumulator state. */
final class ValueIo {
    private ValueIo() {}

    static void writeNullable(DataType type, Object value, DataOutput out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            write(type, value, out);
        }
    }

    static Object readNullable(DataType type, DataInput in) throws IOException {
        return in.readBoolean() ? read(type, in) : null;
    }

    static void write(DataType type, Object value, DataOutput out) throws IOException {
        switch (type) {
            case BooleanType t -> out.writeBoolean((Boolean) value);
            case IntType t -> out.writeInt((Integer) value);
            case DateType t -> out.writeInt((Integer) value);
            case BigintType t -> out.writeLong((Long) value);
            case TimestampType t -> out.writeLong((Long) value);
            case IntervalType t -> out.writeLong((Long) value);
            case DoubleType t -> out.writeDouble((Double) value);
            case DecimalType t -> writeDecimal((BigDecimal) value, out);
            case StringType t -> writeBytes(((String) value).getBytes(StandardCharsets.UTF_8), out);
            case NullType t -> {}
            case ArrayType t -> {
                List<?> list = (List<?>) value;
                out.writeInt(list.size());
                for (Object element : list) {
                    writeNullable(t.elementType(), element, out);
                }
            }
            case StructType t -> {
                StructValue struct = (StructValue) value;
                for (int i = 0; i < t.fields().size(); i++) {
                    writeNullable(t.fields().get(i).type(), struct.get(i), out);
                }
            }
        }
    }

    static Object read(DataType type, DataInput in) throws IOException {
        return switch (type) {
            case BooleanType t -> in.readBoolean();
            case IntType t -> in.readInt();
            case DateType t -> in.readInt();
            case BigintType t -> in.readLong();
            case TimestampType t -> in.readLong();
            case IntervalType t -> in.readLong();
            case DoubleType t -> in.readDouble();
            case DecimalType t -> readDecimal(in);
            case StringType t -> new String(readBytes(in), StandardCharsets.UTF_8);
            case NullType t -> null;
            case ArrayType t -> {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readNullable(t.elementType(), in));
                }
                yield Collections.unmodifiableList(list);
            }
            case StructType t -> {
                Object[] values = new Object[t.fields().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = readNullable(t.fields().get(i).type(), in);
                }
                yield new StructValue(values);
            }
        };
    }

    static void writeDecimal(BigDecimal value, DataOutput out) throws IOException {
        out.writeInt(value.scale());
        writeBytes(value.unscaledValue().toByteArray(), out);
    }

    static BigDecimal readDecimal(DataInput in) throws IOException {
        int scale = in.readInt();
        return new BigDecimal(new BigInteger(readBytes(in)), scale);
    }

    static void writeBytes(byte[] bytes, DataOutput out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
