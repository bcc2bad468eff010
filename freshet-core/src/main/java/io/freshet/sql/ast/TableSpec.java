package io.freshet.sql.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code CREATE TABLE} and {@code CREATE STREAMING TABLE} say about the table besides its name
 * and query. Option and property maps keep the order in which they were written.
 *
 * @param columns the declared columns, empty when none are declared
 * @param format the {@code USING} format, or null for the default
 * @param location the {@code LOCATION}, or null
 * @param comment the {@code COMMENT}, or null
 * @param properties {@code TBLPROPERTIES (…)} or {@code WITH (…)}
 */
public record TableSpec(
        List<ColumnDefinition> columns,
        String format,
        Map<String, String> options,
        List<String> partitionedBy,
        String location,
        String comment,
        Map<String, String> properties) {
    public TableSpec {
        columns = List.copyOf(columns);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        partitionedBy = List.copyOf(partitionedBy);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
