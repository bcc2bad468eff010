package io.freshet.expr.aggregate;

import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.StringVectorBuilder;
import io.freshet.data.Vector;
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
import io.freshet.types.TimestampType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One nullable value of a fixed type per slot, in columnar arrays: the state of {@code min}, {@code
 * max}, {@code first}, {@code last}, {@code max_by} and the element store of {@code collect_list}.
 * Slots start null.
 */
abstract sealed class ValueSlots {
    protected final DataType type;
    /** Whether a slot holds a value; false means null (or never set). */
    protected boolean[] present = new boolean[0];

    ValueSlots(DataType type) {
        this.type = type;
    }

    static ValueSlots forType(DataType type) {
        return switch (type) {
            case BooleanType t -> new BooleanSlots(type);
            case IntType t -> new IntSlots(type);
            case DateType t -> new IntSlots(type);
            case BigintType t -> new LongSlots(type);
            case TimestampType t -> new LongSlots(type);
            case IntervalType t -> new LongSlots(type);
            case DoubleType t -> new DoubleSlots(type);
            case StringType t -> new StringSlots(type);
            case DecimalType t -> new ObjectSlots(type);
            case NullType t -> new ObjectSlots(type);
            case ArrayType t -> new ObjectSlots(type);
            case StructType t -> new ObjectSlots(type);
        };
    }

    final DataType type() {
        return type;
    }

    final boolean isPresent(int slot) {
        return present[slot];
    }

    final int capacity() {
        return present.length;
    }

    void ensureCapacity(int slotCount) {
        present = GroupArrays.grow(present, slotCount);
    }

    void setNull(int slot) {
        present[slot] = false;
    }

    /** Copies the value (or null) at {@code position} of a vector of this type into a slot. */
    abstract void set(int slot, Vector vector, int position);

    /** Copies another slot (of the same type) into a slot. */
    abstract void copy(int slot, ValueSlots other, int otherSlot);

    /** Compares a slot's value with a vector's value; both must be non-null. */
    abstract int compare(int slot, Vector vector, int position);

    /** Compares a slot's value with another's; both must be non-null. */
    abstract int compareSlots(int slot, ValueSlots other, int otherSlot);

    /**
     * Keeps in slot {@code groupIds[i]} the greatest ({@code max}) or least non-null value of rows
     * {@code 0..rowCount)}; the loop behind {@code min} and {@code max}.
     */
    abstract void updateExtreme(int[] groupIds, Vector vector, int rowCount, boolean max);

    /** The value of a slot in internal representation, or null. */
    abstract Object get(int slot);

    /** Slots {@code 0..count)} as a vector. */
    abstract Vector toVector(int count);

    abstract void writeValue(int slot, DataOutput out) throws IOException;

    abstract void readValue(int slot, DataInput in) throws IOException;

    abstract long estimatedBytes();

    /** Merges the extremes of another accumulator's slots into the slots the mapping names. */
    final void mergeExtreme(ValueSlots other, int[] groupMapping, int otherGroupCount, boolean max) {
        for (int g = 0; g < otherGroupCount; g++) {
            if (!other.present[g]) {
                continue;
            }
            int target = groupMapping[g];
            if (!present[target]) {
                copy(target, other, g);
            } else {
                int comparison = compareSlots(target, other, g);
                if (max ? comparison < 0 : comparison > 0) {
                    copy(target, other, g);
                }
            }
        }
    }

    final void write(int slot, DataOutput out) throws IOException {
        out.writeBoolean(present[slot]);
        if (present[slot]) {
            writeValue(slot, out);
        }
    }

    final void read(int slot, DataInput in) throws IOException {
        if (in.readBoolean()) {
            readValue(slot, in);
        } else {
            setNull(slot);
        }
    }

    /** Slots of booleans. */
    static final class BooleanSlots extends ValueSlots {
        private boolean[] values = new boolean[0];

        BooleanSlots(DataType type) {
            super(type);
        }

        @Override
        void ensureCapacity(int slotCount) {
            super.ensureCapacity(slotCount);
            values = GroupArrays.grow(values, slotCount);
        }

        @Override
        void set(int slot, Vector vector, int position) {
            present[slot] = !vector.isNull(position);
            values[slot] = ((BooleanVector) vector).values()[position];
        }

        @Override
        void copy(int slot, ValueSlots other, int otherSlot) {
            present[slot] = other.present[otherSlot];
            values[slot] = ((BooleanSlots) other).values[otherSlot];
        }

        @Override
        int compare(int slot, Vector vector, int position) {
            return Boolean.compare(values[slot], ((BooleanVector) vector).values()[position]);
        }

        @Override
        int compareSlots(int slot, ValueSlots other, int otherSlot) {
            return Boolean.compare(values[slot], ((BooleanSlots) other).values[otherSlot]);
        }

        @Override
        void updateExtreme(int[] groupIds, Vector vector, int rowCount, boolean max) {
            boolean[] input = ((BooleanVector) vector).values();
            long[] nulls = vector.nulls();
            for (int i = 0; i < rowCount; i++) {
                if (nulls != null && GroupArrays.isNull(nulls, i)) {
                    continue;
                }
                int g = groupIds[i];
                if (!present[g]) {
                    present[g] = true;
                    values[g] = input[i];
                } else if (max) {
                    values[g] |= input[i];
                } else {
                    values[g] &= input[i];
                }
            }
        }

        @Override
        Object get(int slot) {
            return present[slot] ? values[slot] : null;
        }

        @Override
        Vector toVector(int count) {
            return new BooleanVector(type, Arrays.copyOf(values, count), nullBitmap(present, count), count);
        }

        @Override
        void writeValue(int slot, DataOutput out) throws IOException {
            out.writeBoolean(values[slot]);
        }

        @Override
        void readValue(int slot, DataInput in) throws IOException {
            present[slot] = true;
            values[slot] = in.readBoolean();
        }

        @Override
        long estimatedBytes() {
            return 2L * values.length;
        }
    }

    /** Slots of ints (int and date). */
    static final class IntSlots extends ValueSlots {
        private int[] values = new int[0];

        IntSlots(DataType type) {
            super(type);
        }

        @Override
        void ensureCapacity(int slotCount) {
            super.ensureCapacity(slotCount);
            values = GroupArrays.grow(values, slotCount);
        }

        @Override
        void set(int slot, Vector vector, int position) {
            present[slot] = !vector.isNull(position);
            values[slot] = ((IntVector) vector).values()[position];
        }

        @Override
        void copy(int slot, ValueSlots other, int otherSlot) {
            present[slot] = other.present[otherSlot];
            values[slot] = ((IntSlots) other).values[otherSlot];
        }

        @Override
        int compare(int slot, Vector vector, int position) {
            return Integer.compare(values[slot], ((IntVector) vector).values()[position]);
        }

        @Override
        int compareSlots(int slot, ValueSlots other, int otherSlot) {
            return Integer.compare(values[slot], ((IntSlots) other).values[otherSlot]);
        }

        @Override
        void updateExtreme(int[] groupIds, Vector vector, int rowCount, boolean max) {
            int[] input = ((IntVector) vector).values();
            long[] nulls = vector.nulls();
            boolean[] present = this.present;
            int[] values = this.values;
            if (nulls == null && max) {
                for (int i = 0; i < rowCount; i++) {
                    int g = groupIds[i];
                    int v = input[i];
                    if (!present[g] || v > values[g]) {
                        values[g] = v;
                        present[g] = true;
                    }
                }
                return;
            }
            for (int i = 0; i < rowCount; i++) {
                if (nulls != null && GroupArrays.isNull(nulls, i)) {
                    continue;
                }
                int g = groupIds[i];
                int v = input[i];
                if (!present[g] || (max ? v > values[g] : v < values[g])) {
                    values[g] = v;
                    present[g] = true;
                }
            }
        }

        @Override
        Object get(int slot) {
            return present[slot] ? values[slot] : null;
        }

        @Override
        Vector toVector(int count) {
            return new IntVector(type, Arrays.copyOf(values, count), nullBitmap(present, count), count);
        }

        @Override
        void writeValue(int slot, DataOutput out) throws IOException {
            out.writeInt(values[slot]);
        }

        @Override
        void readValue(int slot, DataInput in) throws IOException {
            present[slot] = true;
            values[slot] = in.readInt();
        }

        @Override
        long estimatedBytes() {
            return 5L * values.length;
        }
    }

    /** Slots of longs (bigint, timestamp, interval). */
    static final class LongSlots extends ValueSlots {
        private long[] values = new long[0];

        LongSlots(DataType type) {
            super(type);
        }

        @Override
        void ensureCapacity(int slotCount) {
            super.ensureCapacity(slotCount);
            values = GroupArrays.grow(values, slotCount);
        }

        @Override
        void set(int slot, Vector vector, int position) {
            present[slot] = !vector.isNull(position);
            values[slot] = ((LongVector) vector).values()[position];
        }

        @Override
        void copy(int slot, ValueSlots other, int otherSlot) {
            present[slot] = other.present[otherSlot];
            values[slot] = ((LongSlots) other).values[otherSlot];
        }

        @Override
        int compare(int slot, Vector vector, int position) {
            return Long.compare(values[slot], ((LongVector) vector).values()[position]);
        }

        @Override
        int compareSlots(int slot, ValueSlots other, int otherSlot) {
            return Long.compare(values[slot], ((LongSlots) other).values[otherSlot]);
        }

        @Override
        void updateExtreme(int[] groupIds, Vector vector, int rowCount, boolean max) {
            long[] input = ((LongVector) vector).values();
            long[] nulls = vector.nulls();
            boolean[] present = this.present;
            long[] values = this.values;
            if (nulls == null && max) {
                for (int i = 0; i < rowCount; i++) {
                    int g = groupIds[i];
                    long v = input[i];
                    if (!present[g] || v > values[g]) {
                        values[g] = v;
                        present[g] = true;
                    }
                }
                return;
            }
            if (nulls == null) {
                for (int i = 0; i < rowCount; i++) {
                    int g = groupIds[i];
                    long v = input[i];
                    if (!present[g] || v < values[g]) {
                        values[g] = v;
                        present[g] = true;
                    }
                }
                return;
            }
            for (int i = 0; i < rowCount; i++) {
                if (GroupArrays.isNull(nulls, i)) {
                    continue;
                }
                int g = groupIds[i];
                long v = input[i];
                if (!present[g] || (max ? v > values[g] : v < values[g])) {
                    values[g] = v;
                    present[g] = true;
                }
            }
        }

        @Override
        Object get(int slot) {
            return present[slot] ? values[slot] : null;
        }

        @Override
        Vector toVector(int count) {
            return new LongVector(type, Arrays.copyOf(values, count), nullBitmap(present, count), count);
        }

        @Override
        void writeValue(int slot, DataOutput out) throws IOException {
            out.writeLong(values[slot]);
        }

        @Override
        void readValue(int slot, DataInput in) throws IOException {
            present[slot] = true;
            values[slot] = in.readLong();
        }

        @Override
        long estimatedBytes() {
            return 9L * values.length;
        }
    }

    /** Slots of doubles, ordered as Spark orders them (NaN greatest). */
    static final class DoubleSlots extends ValueSlots {
        private double[] values = new double[0];

        DoubleSlots(DataType type) {
            super(type);
        }

        @Override
        void ensureCapacity(int slotCount) {
            super.ensureCapacity(slotCount);
            values = GroupArrays.grow(values, slotCount);
        }

        @Override
        void set(int slot, Vector vector, int position) {
            present[slot] = !vector.isNull(position);
            values[slot] = ((DoubleVector) vector).values()[position];
        }

        @Override
        void copy(int slot, ValueSlots other, int otherSlot) {
            present[slot] = other.present[otherSlot];
            values[slot] = ((DoubleSlots) other).values[otherSlot];
        }

        @Override
        int compare(int slot, Vector vector, int position) {
            return ValueOrdering.compareDoubles(values[slot], ((DoubleVector) vector).values()[position]);
        }

        @Override
        int compareSlots(int slot, ValueSlots other, int otherSlot) {
            return ValueOrdering.compareDoubles(values[slot], ((DoubleSlots) other).values[otherSlot]);
        }

        @Override
        void updateExtreme(int[] groupIds, Vector vector, int rowCount, boolean max) {
            double[] input = ((DoubleVector) vector).values();
            long[] nulls = vector.nulls();
            boolean[] present = this.present;
            double[] values = this.values;
            for (int i = 0; i < rowCount; i++) {
                if (nulls != null && GroupArrays.isNull(nulls, i)) {
                    continue;
                }
                int g = groupIds[i];
                double v = input[i];
                if (!present[g]) {
                    values[g] = v;
                    present[g] = true;
                } else if (max ? v > values[g] : v < values[g]) {
                    values[g] = v;
                } else if (v != v && max) {
                    // NaN compares false with everything but is the greatest double in SQL.
                    values[g] = v;
                } else if (values[g] != values[g] && !max) {
                    values[g] = v;
                }
            }
        }

        @Override
        Object get(int slot) {
            return present[slot] ? values[slot] : null;
        }

        @Override
        Vector toVector(int count) {
            return new DoubleVector(type, Arrays.copyOf(values, count), nullBitmap(present, count), count);
        }

        @Override
        void writeValue(int slot, DataOutput out) throws IOException {
            out.writeDouble(values[slot]);
        }

        @Override
        void readValue(int slot, DataInput in) throws IOException {
            present[slot] = true;
            values[slot] = in.readDouble();
        }

        @Override
        long estimatedBytes() {
            return 9L * values.length;
        }
    }

    /** Slots of strings as UTF-8 byte arrays; a slot is reallocated only when its value changes. */
    static final class StringSlots extends ValueSlots {
        private static final byte[] EMPTY = new byte[0];
        private byte[][] values = new byte[0][];
        private long byteCount;

        StringSlots(DataType type) {
            super(type);
        }

        @Override
        void ensureCapacity(int slotCount) {
            super.ensureCapacity(slotCount);
            values = GroupArrays.grow(values, slotCount);
        }

        @Override
        void setNull(int slot) {
            super.setNull(slot);
            replace(slot, null);
        }

        private void replace(int slot, byte[] value) {
            byteCount += (value == null ? 0 : value.length) - (values[slot] == null ? 0 : values[slot].length);
            values[slot] = value;
        }

        @Override
        void set(int slot, Vector vector, int position) {
            if (vector.isNull(position)) {
                setNull(slot);
                return;
            }
            StringVector strings = (StringVector) vector;
            StringVector flat = strings.isDictionary() ? strings.dictionaryValues() : strings;
            int p = strings.isDictionary() ? strings.ids()[position] : position;
            int start = flat.offsets()[p];
            replace(slot, Arrays.copyOfRange(flat.bytes(), start, flat.offsets()[p + 1]));
            present[slot] = true;
        }

        @Override
        void copy(int slot, ValueSlots other, int otherSlot) {
            // Values are never modified in place, so slots may share arrays.
            replace(slot, ((StringSlots) other).values[otherSlot]);
            present[slot] = other.present[otherSlot];
        }

        @Override
        int compare(int slot, Vector vector, int position) {
            StringVector strings = (StringVector) vector;
            StringVector flat = strings.isDictionary() ? strings.dictionaryValues() : strings;
            int p = strings.isDictionary() ? strings.ids()[position] : position;
            byte[] value = values[slot];
            return Arrays.compareUnsigned(
                    value, 0, value.length, flat.bytes(), flat.offsets()[p], flat.offsets()[p + 1]);
        }

        @Override
        int compareSlots(int slot, ValueSlots other, int otherSlot) {
            return Arrays.compareUnsigned(values[slot], ((StringSlots) other).values[otherSlot]);
        }

        @Override
        void updateExtreme(int[] groupIds, Vector vector, int rowCount, boolean max) {
            long[] nulls = vector.nulls();
            for (int i = 0; i < rowCount; i++) {
                if (nulls != null && GroupArrays.isNull(nulls, i)) {
                    continue;
                }
                int g = groupIds[i];
                if (!present[g]) {
                    set(g, vector, i);
                } else {
                    int comparison = compare(g, vector, i);
                    if (max ? comparison < 0 : comparison > 0) {
                        set(g, vector, i);
                    }
                }
            }
        }

        @Override
        Object get(int slot) {
            return present[slot] ? new String(values[slot], StandardCharsets.UTF_8) : null;
        }

        @Override
        Vector toVector(int count) {
            StringVectorBuilder builder = new StringVectorBuilder(count);
            for (int i = 0; i < count; i++) {
                if (present[i]) {
                    builder.appendBytes(values[i], 0, values[i].length);
                } else {
                    builder.appendNull();
                }
            }
            return builder.build();
        }

        @Override
        void writeValue(int slot, DataOutput out) throws IOException {
            ValueIo.writeBytes(values[slot], out);
        }

        @Override
        void readValue(int slot, DataInput in) throws IOException {
            byte[] bytes = ValueIo.readBytes(in);
            replace(slot, bytes.length == 0 ? EMPTY : bytes);
            present[slot] = true;
        }

        @Override
        long estimatedBytes() {
            return 9L * values.length + byteCount + 16L * present.length;
        }
    }

    /** Slots of boxed values (decimal, array, struct, void), compared with {@link ValueOrdering}. */
    static final class ObjectSlots extends ValueSlots {
        private Object[] values = new Object[0];

        ObjectSlots(DataType type) {
            super(type);
        }

        @Override
        void ensureCapacity(int slotCount) {
            super.ensureCapacity(slotCount);
            values = GroupArrays.grow(values, slotCount);
        }

        @Override
        void setNull(int slot) {
            super.setNull(slot);
            values[slot] = null;
        }

        @Override
        void set(int slot, Vector vector, int position) {
            Object value = vector.get(position);
            values[slot] = value;
            present[slot] = value != null;
        }

        @Override
        void copy(int slot, ValueSlots other, int otherSlot) {
            values[slot] = ((ObjectSlots) other).values[otherSlot];
            present[slot] = other.present[otherSlot];
        }

        @Override
        int compare(int slot, Vector vector, int position) {
            return ValueOrdering.compare(type, values[slot], vector.get(position));
        }

        @Override
        int compareSlots(int slot, ValueSlots other, int otherSlot) {
            return ValueOrdering.compare(type, values[slot], ((ObjectSlots) other).values[otherSlot]);
        }

        @Override
        void updateExtreme(int[] groupIds, Vector vector, int rowCount, boolean max) {
            Object[] input = ((ObjectVector) vector).values();
            for (int i = 0; i < rowCount; i++) {
                Object v = input[i];
                if (v == null) {
                    continue;
                }
                int g = groupIds[i];
                if (!present[g]) {
                    values[g] = v;
                    present[g] = true;
                } else {
                    int comparison = ValueOrdering.compare(type, values[g], v);
                    if (max ? comparison < 0 : comparison > 0) {
                        values[g] = v;
                    }
                }
            }
        }

        @Override
        Object get(int slot) {
            return present[slot] ? values[slot] : null;
        }

        @Override
        Vector toVector(int count) {
            return new ObjectVector(type, Arrays.copyOf(values, count), count);
        }

        @Override
        void writeValue(int slot, DataOutput out) throws IOException {
            ValueIo.write(type, values[slot], out);
        }

        @Override
        void readValue(int slot, DataInput in) throws IOException {
            values[slot] = ValueIo.read(type, in);
            present[slot] = values[slot] != null;
        }

        @Override
        long estimatedBytes() {
            return 9L * values.length + 32L * values.length;
        }
    }

    static long[] nullBitmap(boolean[] present, int count) {
        long[] nulls = null;
        for (int i = 0; i < count; i++) {
            if (!present[i]) {
                if (nulls == null) {
                    nulls = new long[(count + 63) >>> 6];
                }
                nulls[i >>> 6] |= 1L << i;
            }
        }
        return nulls;
    }
}
