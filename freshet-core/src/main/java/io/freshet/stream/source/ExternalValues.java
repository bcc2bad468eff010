package io.freshet.stream.source;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.Row;
import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.Temporal;
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
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Converts the Java values of {@link Row}s (external representation) into internal vectors. */
final class ExternalValues {
    private ExternalValues() {}

    /**
     * A batch of the given rows.
     *
     * @throws FreshetException with {@code INVALID_SCHEMA} naming the column for a value that does not fit
     */
    static Batch toBatch(Schema schema, List<Object[]> rows, String table) {
        VectorBuilder[] builders = new VectorBuilder[schema.size()];
        for (int c = 0; c < builders.length; c++) {
            builders[c] = VectorBuilder.forType(schema.type(c), rows.size());
        }
        for (Object[] row : rows) {
            if (row.length != schema.size()) {
                throw new FreshetException(
                        ErrorCode.INVALID_SCHEMA,
                        "Row " + Arrays.toString(row) + " has " + row.length + " values but " + table + " has "
                                + schema.size() + " columns (" + schema.toDdl() + ")");
            }
            for (int c = 0; c < row.length; c++) {
                builders[c].append(
                        toInternal(row[c], schema.type(c), schema.field(c).name(), table));
            }
        }
        Vector[] columns = new Vector[builders.length];
        for (int c = 0; c < builders.length; c++) {
            columns[c] = builders[c].build();
        }
        return new Batch(columns, rows.size());
    }

    static Object toInternal(Object value, DataType type, String column, String table) {
        if (value == null) {
            return null;
        }
        Object internal =
                switch (type) {
                    case BooleanType t -> value instanceof Boolean ? value : null;
                    case IntType t ->
                        value instanceof Integer || value instanceof Short || value instanceof Byte
                                ? ((Number) value).intValue()
                                : null;
                    case BigintType t -> isWhole(value) ? ((Number) value).longValue() : null;
                    case DoubleType t ->
                        value instanceof Double || value instanceof Float || isWhole(value)
                                ? ((Number) value).doubleValue()
                                : null;
                    case DecimalType t -> decimal(value, t);
                    case StringType t -> value instanceof String ? value : null;
                    case DateType t ->
                        switch (value) {
                            case LocalDate date -> Math.toIntExact(date.toEpochDay());
                            case Integer days -> days;
                            default -> null;
                        };
                    case TimestampType t ->
                        switch (value) {
                            case Instant instant -> Temporal.toMicros(instant);
                            case Long micros -> micros;
                            default -> null;
                        };
                    case IntervalType t ->
                        switch (value) {
                            case Duration duration ->
                                Math.addExact(
                                        Math.multiplyExact(duration.getSeconds(), 1_000_000L),
                                        duration.getNano() / 1_000L);
                            case Long micros -> micros;
                            default -> null;
                        };
                    case StructType struct -> struct(value, struct, column, table);
                    case ArrayType array -> array(value, array, column, table);
                    case NullType t -> null;
                };
        if (internal == null) {
            throw new FreshetException(
                    ErrorCode.INVALID_SCHEMA,
                    "Value " + value + " (" + value.getClass().getSimpleName() + ") does not fit column " + column + " "
                            + type.sqlName() + " of " + table);
        }
        return internal;
    }

    private static boolean isWhole(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static BigDecimal decimal(Object value, DecimalType type) {
        BigDecimal decimal =
                switch (value) {
                    case BigDecimal d -> d;
                    case Long l -> BigDecimal.valueOf(l);
                    case Integer i -> BigDecimal.valueOf(i);
                    default -> null;
                };
        if (decimal == null) {
            return null;
        }
        BigDecimal scaled = decimal.setScale(type.scale(), RoundingMode.HALF_UP);
        return scaled.precision() - scaled.scale() <= type.precision() - type.scale() ? scaled : null;
    }

    private static StructValue struct(Object value, StructType type, String column, String table) {
        if (value instanceof StructValue struct) {
            return struct;
        }
        if (!(value instanceof Row row) || row.size() != type.fields().size()) {
            return null;
        }
        List<Object> fields = row.toList();
        Object[] internal = new Object[fields.size()];
        for (int i = 0; i < internal.length; i++) {
            internal[i] = toInternal(
                    fields.get(i),
                    type.fields().get(i).type(),
                    column + "." + type.fields().get(i).name(),
                    table);
        }
        return new StructValue(internal);
    }

    private static List<Object> array(Object value, ArrayType type, String column, String table) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<Object> internal = new ArrayList<>(list.size());
        for (Object element : list) {
            internal.add(toInternal(element, type.elementType(), column + "[]", table));
        }
        return Collections.unmodifiableList(internal);
    }
}
