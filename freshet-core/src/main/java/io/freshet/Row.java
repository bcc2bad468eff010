package io.freshet;

import io.freshet.expr.Temporal;
import io.freshet.types.ArrayType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.IntervalType;
import io.freshet.types.Schema;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * One row of a result, with its schema. Values are Java objects: Boolean, Integer, Long, Double,
 * BigDecimal, String, LocalDate (date), Instant (timestamp), Duration (interval), Row (struct), List
 * (array); SQL NULL is null.
 */
public final class Row {
    private final Schema schema;
    private final Object[] values;

    Row(Schema schema, Object[] values) {
        this.schema = requireNonNull(schema, "schema is null");
        this.values = values;
    }

    /** A row of the given external values (for tests and {@code createDataFrame}). */
    public static Row of(Object... values) {
        return new Row(new Schema(List.of()), values.clone());
    }

    /** Converts internal values (see {@code DataType}) to a row of external values. */
    public static Row fromInternal(Schema schema, Object[] internal) {
        Object[] external = new Object[internal.length];
        for (int i = 0; i < internal.length; i++) {
            external[i] = toExternal(internal[i], schema.type(i));
        }
        return new Row(schema, external);
    }

    static Object toExternal(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DateType t -> LocalDate.ofEpochDay((Integer) value);
            case TimestampType t -> Temporal.toInstant((Long) value);
            case IntervalType t -> Duration.ofNanos(Math.multiplyExact((Long) value, 1_000L));
            case StructType struct -> {
                StructValue structValue = (StructValue) value;
                Object[] fields = new Object[struct.fields().size()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = toExternal(
                            structValue.get(i), struct.fields().get(i).type());
                }
                yield new Row(new Schema(struct.fields()), fields);
            }
            case ArrayType array -> {
                List<Object> elements = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    elements.add(toExternal(element, array.elementType()));
                }
                yield java.util.Collections.unmodifiableList(elements);
            }
            default -> value;
        };
    }

    public Schema schema() {
        return schema;
    }

    public int size() {
        return values.length;
    }

    public Object get(int index) {
        return values[index];
    }

    /** The value of the named column. */
    @SuppressWarnings("unchecked")
    public <T> T getAs(String name) {
        int index = schema.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("No column '" + name + "' in " + schema.names());
        }
        return (T) values[index];
    }

    public boolean isNullAt(int index) {
        return values[index] == null;
    }

    public long getLong(int index) {
        return ((Number) nonNull(index)).longValue();
    }

    public int getInt(int index) {
        return ((Number) nonNull(index)).intValue();
    }

    public double getDouble(int index) {
        return ((Number) nonNull(index)).doubleValue();
    }

    public boolean getBoolean(int index) {
        return (Boolean) nonNull(index);
    }

    public String getString(int index) {
        return (String) values[index];
    }

    public LocalDate getDate(int index) {
        return (LocalDate) values[index];
    }

    public Instant getTimestamp(int index) {
        return (Instant) values[index];
    }

    public Row getStruct(int index) {
        return (Row) values[index];
    }

    private Object nonNull(int index) {
        Object value = values[index];
        if (value == null) {
            throw new NullPointerException("Value at index " + index + " is null");
        }
        return value;
    }

    /** The values as a list (nulls included). */
    public List<Object> toList() {
        return Arrays.asList(values.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(Objects.toString(values[i]));
        }
        return text.append(']').toString();
    }
}
