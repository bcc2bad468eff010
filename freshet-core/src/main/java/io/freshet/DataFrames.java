package io.freshet;

import io.freshet.expr.Temporal;
import io.freshet.plan.Relation;
import io.freshet.plan.logical.Values;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.Schema;
import io.freshet.types.TimestampType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds DataFrames from Java values. */
final class DataFrames {
    private DataFrames() {}

    static DataFrame fromRows(Freshet session, List<Row> rows, Schema schema) {
        List<List<Object>> values = new ArrayList<>();
        for (Row row : rows) {
            if (row.size() != schema.size()) {
                throw new FreshetException(
                        ErrorCode.INVALID_SCHEMA,
                        "Row " + row + " has " + row.size() + " values but the schema has " + schema.size()
                                + " columns");
            }
            List<Object> internal = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                internal.add(toInternal(row.get(i), schema.type(i)));
            }
            values.add(internal);
        }
        return session.dataFrame(Relation.of(new Values(schema, values), null));
    }

    private static Object toInternal(Object value, DataType type) {
        return switch (value) {
            case null -> null;
            case LocalDate date when type instanceof DateType -> (int) date.toEpochDay();
            case Instant instant when type instanceof TimestampType -> Temporal.toMicros(instant);
            case Integer i when type instanceof io.freshet.types.BigintType -> i.longValue();
            default -> value;
        };
    }
}
